#!/usr/bin/env bash
# Every VmBench test on a fresh machine: set-up (packages, Chromium, a Docker engine and the
# offline base image), then `dotnet test VmBench.sln`. Docker and Chromium tests fail instead of
# skipping here (VMBENCH_REQUIRE_DOCKER=1, VMBENCH_REQUIRE_CHROMIUM=1). A Docker engine this
# script started is stopped at the end.
#
#   tests/run-tests.sh [dotnet test options...]     e.g. --filter FullyQualifiedName~Catalog
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

started=$(bash harness/setup-host.sh --docker --tests | tee /dev/stderr | tail -n 1)
if [ "$started" = "engine-started" ]; then
  trap 'bash "$here/docker/stop-engine.sh"' EXIT
fi

export VMBENCH_REQUIRE_DOCKER=${VMBENCH_REQUIRE_DOCKER:-1}
export VMBENCH_REQUIRE_CHROMIUM=${VMBENCH_REQUIRE_CHROMIUM:-1}
dotnet build VmBench.sln -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet test VmBench.sln -c Release --no-build --nologo "$@"
