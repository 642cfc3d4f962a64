#!/usr/bin/env bash
# Starts a Docker engine for VmBench on a host that has docker.io installed but no daemon
# running. Idempotent: when an engine already answers on the socket, it starts nothing (and
# stop-engine.sh then stops nothing). The daemon runs without a bridge, iptables or NAT:
# VmBench containers use host networking only.
#
#   docker/start-engine.sh [--tcp 127.0.0.1:2375]
#
# --tcp also listens on a loopback TCP address (plain HTTP, no TLS: loopback only), for the
# tests that reach an engine over tcp://. Environment: VMBENCH_DOCKERD_PIDFILE (default
# /tmp/vmbench-dockerd.pid), VMBENCH_DOCKERD_LOG (default /tmp/vmbench-dockerd.log).
set -euo pipefail

pidfile=${VMBENCH_DOCKERD_PIDFILE:-/tmp/vmbench-dockerd.pid}
log=${VMBENCH_DOCKERD_LOG:-/tmp/vmbench-dockerd.log}
socket=/var/run/docker.sock
tcp=""

while [ $# -gt 0 ]; do
  case "$1" in
    --tcp)
      [ $# -ge 2 ] || { echo "usage: $0 [--tcp 127.0.0.1:PORT]" >&2; exit 2; }
      tcp=$2
      shift 2
      ;;
    -h|--help)
      echo "usage: $0 [--tcp 127.0.0.1:PORT]"
      exit 0
      ;;
    *)
      echo "usage: $0 [--tcp 127.0.0.1:PORT]" >&2
      exit 2
      ;;
  esac
done

case "$tcp" in
  ""|127.0.0.1:*|localhost:*) ;;
  *) echo "start-engine: --tcp must be a loopback address (127.0.0.1:PORT): the engine has no TLS" >&2; exit 2 ;;
esac

answers() {
  timeout 5 docker -H "$1" version --format '{{.Server.Version}}' >/dev/null 2>&1
}

if answers "unix://$socket"; then
  echo "start-engine: a Docker engine already answers on $socket; not starting one"
  if [ -n "$tcp" ] && ! answers "tcp://$tcp"; then
    echo "start-engine: warning: that engine does not listen on tcp://$tcp (--tcp applies only to an engine this script starts)" >&2
  fi
  exit 0
fi

if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  echo "start-engine: dockerd $(cat "$pidfile") (from $pidfile) is running but does not answer on $socket; see $log or run docker/stop-engine.sh" >&2
  exit 1
fi

command -v dockerd >/dev/null || { echo "start-engine: dockerd not found: apt-get install docker.io" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "start-engine: dockerd needs root (run with sudo)" >&2; exit 1; }

hosts=(-H "unix://$socket")
if [ -n "$tcp" ]; then
  hosts+=(-H "tcp://$tcp")
fi

echo "start-engine: starting dockerd (no bridge, no iptables), log in $log"
# setsid: the daemon outlives this script and is not killed with the caller's process group.
setsid dockerd --bridge=none --iptables=false --ip-masq=false --ip6tables=false "${hosts[@]}" >"$log" 2>&1 < /dev/null &
pid=$!
echo "$pid" >"$pidfile"

for _ in $(seq 1 120); do
  if answers "unix://$socket"; then
    echo "start-engine: dockerd $pid answers on $socket$( [ -n "$tcp" ] && echo " and tcp://$tcp") (version $(docker version --format '{{.Server.Version}}'))"
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "start-engine: dockerd exited at start; last lines of $log:" >&2
    tail -n 20 "$log" >&2
    rm -f "$pidfile"
    exit 1
  fi
  sleep 0.5
done

echo "start-engine: dockerd $pid did not answer within 60 s; last lines of $log:" >&2
tail -n 20 "$log" >&2
exit 1
