#!/usr/bin/env bash
# Builds vmbench-base:bookworm without any container registry: debootstrap a minbase bookworm
# root with libuv1 and ca-certificates (from a Debian mirror), add the user vmbench (10001),
# and import the tree as the image. The same tag as the online Dockerfile beside this script.
#
#   docker/base/build-offline.sh [TAG]      (default vmbench-base:bookworm)
#
# Environment: VMBENCH_DEBIAN_MIRROR (default http://deb.debian.org/debian), DOCKER_HOST.
# Needs root (debootstrap), debootstrap and the docker CLI. About 30 s.
set -euo pipefail

tag=${1:-vmbench-base:bookworm}
mirror=${VMBENCH_DEBIAN_MIRROR:-http://deb.debian.org/debian}

command -v debootstrap >/dev/null || { echo "build-offline: debootstrap not found: apt-get install debootstrap" >&2; exit 1; }
command -v docker >/dev/null || { echo "build-offline: docker CLI not found: apt-get install docker.io" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "build-offline: debootstrap needs root (run with sudo)" >&2; exit 1; }

root=$(mktemp -d /tmp/vmbench-base.XXXXXX)
cleanup() { rm -rf "$root"; }
trap cleanup EXIT

echo "build-offline: debootstrap bookworm (minbase + libuv1, ca-certificates) from $mirror into $root"
debootstrap --variant=minbase --include=libuv1,ca-certificates bookworm "$root" "$mirror" >"$root.log" 2>&1 \
  || { tail -n 30 "$root.log" >&2; rm -f "$root.log"; exit 1; }
rm -f "$root.log"

# The user the servers run as; the same lines useradd writes in the online Dockerfile.
echo 'vmbench:x:10001:' >>"$root/etc/group"
echo 'vmbench:!::' >>"$root/etc/gshadow"
echo 'vmbench:x:10001:10001::/nonexistent:/usr/sbin/nologin' >>"$root/etc/passwd"
echo 'vmbench:!:19000:0:99999:7:::' >>"$root/etc/shadow"

# What the slim image leaves out: apt lists and caches, logs.
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb "$root"/var/log/*.log "$root"/var/log/apt/*

echo "build-offline: importing the tree as $tag"
tar --numeric-owner -C "$root" -c . | docker import \
  --change 'WORKDIR /' \
  --change 'CMD ["bash"]' \
  --change 'LABEL org.opencontainers.image.title=vmbench-base' \
  - "$tag"
echo "build-offline: $tag is $(docker image inspect --format '{{.Id}}' "$tag")"
