#!/usr/bin/env bash
# Prepares a fresh Debian/Ubuntu host for VmBench, idempotently: installs the Debian packages
# servers and tests need (only those missing), restores NuGet packages, and, with --docker,
# starts a Docker engine when none answers (docker/start-engine.sh) and builds the base image
# (pull, or offline with debootstrap when no registry is reachable).
#
#   harness/setup-host.sh [--docker] [--tests]
#
# --tests also installs what the tests need (headless Chromium for the report checks, fonts, and
# hdr-histogram-js from npm into tests/tools/hdr-histogram-js, the independent reader of our .hlog files).
# Prints "engine-started" on its last line when it started an engine, so the caller can stop
# exactly that one later with docker/stop-engine.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
docker=0; tests=0
for arg in "$@"; do
  case "$arg" in
    --docker) docker=1 ;;
    --tests) tests=1 ;;
    *) echo "usage: $0 [--docker] [--tests]" >&2; exit 2 ;;
  esac
done

# Runtimes of the servers: libuv for servers/libuv, Python + uvloop, Node.js and Go for the peers,
# a C compiler for the C reference (servers/c-epoll).
packages=(libuv1 python3 python3-uvloop nodejs golang-go gcc libc6-dev util-linux procps)
[ "$docker" = 1 ] && packages+=(docker.io debootstrap)
[ "$tests" = 1 ] && packages+=(chromium fonts-dejavu-core)
# npm for hdr-histogram-js (a Node.js from elsewhere, e.g. NodeSource, brings its own).
[ "$tests" = 1 ] && ! command -v npm >/dev/null && packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK is required (https://dot.net); dotnet is not on PATH" >&2; exit 1; }
dotnet restore "$here/VmBench.sln" --verbosity quiet >/dev/null

if [ "$tests" = 1 ]; then
  # The versions pinned by package-lock.json; node_modules is git-ignored.
  (cd "$here/tests/tools/hdr-histogram-js" && npm ci --no-audit --no-fund --silent >/dev/null)
fi

if [ "$docker" = 1 ]; then
  before=$(test -f /tmp/vmbench-dockerd.pid && cat /tmp/vmbench-dockerd.pid || true)
  if bash "$here/docker/start-engine.sh"; then
    docker image inspect vmbench-base:bookworm >/dev/null 2>&1 || bash "$here/docker/base/build-offline.sh"
    after=$(test -f /tmp/vmbench-dockerd.pid && cat /tmp/vmbench-dockerd.pid || true)
    if [ -n "$after" ] && [ "$after" != "$before" ]; then
      echo "engine-started"
    fi
  else
    echo "setup: no Docker engine; servers will run as local processes" >&2
  fi
fi
