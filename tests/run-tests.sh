#!/usr/bin/env bash
# Every VmBench test on a fresh machine: set-up (packages, Chromium, a Docker engine and the
# offline base image, hdr-histogram-js), then `dotnet test VmBench.sln` tier by tier: the fast
# tier (in-process tests) first, and only when it passes the rest (process: vmbench and the built
# servers; docker; robustness: the hostile suites). Every test class has one tier, a trait
# (tests/VmBench.Testing/Tier.cs): `--filter Tier=fast` selects it in plain dotnet test too.
# Docker, Chromium and hdr-histogram-js tests fail instead of skipping here (VMBENCH_REQUIRE_DOCKER=1,
# VMBENCH_REQUIRE_CHROMIUM=1, VMBENCH_REQUIRE_HDR_JS=1). A Docker engine this
# script started is stopped at the end.
#
#   tests/run-tests.sh [dotnet test options...]     every tier, fast first, e.g. --filter FullyQualifiedName~Catalog
#   tests/run-tests.sh fast|process|docker|robustness|all [dotnet test options...]   one tier (all: the default)
#   tests/run-tests.sh --help                       this text (no set-up; `dotnet test --help` lists the options)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

for arg in "$@"; do
  case "$arg" in
    -h|--help|-\?) sed -n '2,/^set -euo/{/^#/s/^# \{0,1\}//p}' "$0"; exit 0 ;;
  esac
done

tier=all
case "${1:-}" in fast|process|docker|robustness|all) tier=$1; shift ;; esac
# A --filter of the caller's narrows each tier's filter.
filter=
options=()
while [ $# -gt 0 ]; do
  case "$1" in
    --filter) filter=${2:?--filter needs a value}; shift 2 ;;
    --filter=*) filter=${1#--filter=}; shift ;;
    *) options+=("$1"); shift ;;
  esac
done

started=$(bash harness/setup-host.sh --docker --tests | tee /dev/stderr | tail -n 1)
if [ "$started" = "engine-started" ]; then
  trap 'bash "$here/docker/stop-engine.sh"' EXIT
fi

export VMBENCH_REQUIRE_DOCKER=${VMBENCH_REQUIRE_DOCKER:-1}
export VMBENCH_REQUIRE_CHROMIUM=${VMBENCH_REQUIRE_CHROMIUM:-1}
export VMBENCH_REQUIRE_HDR_JS=${VMBENCH_REQUIRE_HDR_JS:-1}
dotnet build VmBench.sln -c Release --nologo -v quiet -clp:ErrorsOnly
# One test assembly at a time: the load, conformance and robustness suites measure time and share
# the build outputs of the servers, so they must not run side by side on a small machine.
log=$(mktemp)
status=0
run_tier() {
  local selected=$1
  [ -z "$filter" ] || selected="($selected)&($filter)"
  echo "== dotnet test --filter $selected"
  dotnet test VmBench.sln -c Release --no-build --nologo -m:1 --filter "$selected" ${options[@]+"${options[@]}"} 2>&1 | tee -a "$log" || status=$?
}
case "$tier" in
  all)
    run_tier "Tier=fast"
    if [ "$status" -eq 0 ]; then
      run_tier "Tier!=fast"
    else
      echo "the fast tier failed: the process, docker and robustness tiers were not run"
    fi ;;
  *) run_tier "Tier=$tier" ;;
esac
awk '/(Passed|Failed)! +- +Failed:/ { gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
