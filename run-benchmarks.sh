#!/usr/bin/env bash
# The full VmBench suite on a fresh machine: set-up (packages, Docker engine and base image when
# docker.io is available), a Release build, `vmbench run` over every discovered server with the
# default matrix, and the reports in results/<UTC stamp>/ (report.html, results.csv/.md, run.json).
#
#   ./run-benchmarks.sh [vmbench run options...]     e.g. --benchmarks tcpecho-.* --duration 5
#   ./run-benchmarks.sh --micro [--filter PATTERN]   the BenchmarkDotNet micro-suite instead
#   ./run-benchmarks.sh --local ...                  skip Docker: servers run as local processes
#   ./run-benchmarks.sh --help                       this text and the options of vmbench run (no set-up)
#
# Every argument is passed through to `vmbench run` (or `vmbench micro` with --micro). A Docker
# engine this script started is stopped at the end, also on failure or Ctrl-C.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
vmbench=(dotnet "$here/harness/VmBench.Cli/bin/Release/net10.0/vmbench.dll")

verb=run
for arg in "$@"; do [ "$arg" = --micro ] && verb=micro; done
for arg in "$@"; do
  case "$arg" in
    -h|--help|-\?)
      sed -n '2,/^set -euo/{/^#/s/^# \{0,1\}//p}' "$0"
      if [ -f "${vmbench[1]}" ]; then
        echo; echo "The options of vmbench $verb, which the script passes through:"; echo
        "${vmbench[@]}" "$verb" --help
      else
        echo; echo "(the options of vmbench $verb are listed here once it is built: dotnet build VmBench.sln -c Release)"
      fi
      exit 0 ;;
  esac
done

micro=0; local_only=0; args=()
for arg in "$@"; do
  case "$arg" in
    --micro) micro=1 ;;
    --local) local_only=1; args+=(--runtime local) ;;
    *) args+=("$arg") ;;
  esac
done

setup=(--docker)
{ [ "$local_only" = 1 ] || [ "$micro" = 1 ]; } && setup=()
started=$(bash harness/setup-host.sh "${setup[@]}" | tee /dev/stderr | tail -n 1)
if [ "$started" = "engine-started" ]; then
  trap 'bash "$here/docker/stop-engine.sh"' EXIT
fi

dotnet build VmBench.sln -c Release --nologo -v quiet -clp:ErrorsOnly
if [ "$micro" = 1 ]; then
  "${vmbench[@]}" micro "${args[@]}"
else
  "${vmbench[@]}" run "${args[@]}"
fi
