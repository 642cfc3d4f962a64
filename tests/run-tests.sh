#!/usr/bin/env bash
# Every VmBench test on a fresh machine: set-up (packages, Chromium, a Docker engine and the
# offline base image, hdr-histogram-js), then `dotnet test VmBench.sln`. Docker, Chromium and
# hdr-histogram-js tests fail instead of skipping here (VMBENCH_REQUIRE_DOCKER=1,
# VMBENCH_REQUIRE_CHROMIUM=1, VMBENCH_REQUIRE_HDR_JS=1). A Docker engine this
# script started is stopped at the end.
#
#   tests/run-tests.sh [dotnet test options...]     e.g. --filter FullyQualifiedName~Catalog
#   tests/run-tests.sh --help                       this text (no set-up; `dotnet test --help` lists the options)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

for arg in "$@"; do
  case "$arg" in
    -h|--help|-\?) sed -n '2,/^set -euo/{/^#/s/^# \{0,1\}//p}' "$0"; exit 0 ;;
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
dotnet test VmBench.sln -c Release --no-build --nologo -m:1 "$@" 2>&1 | tee "$log" || status=$?
awk '/(Passed|Failed)! +- +Failed:/ { gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
