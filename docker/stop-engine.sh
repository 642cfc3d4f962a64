#!/usr/bin/env bash
# Stops the Docker engine that docker/start-engine.sh started, and only that one: by the PID in
# its pid file (SIGTERM, wait up to 30 s, then SIGKILL). Does nothing when start-engine.sh found
# an engine already running (no pid file).
set -euo pipefail

pidfile=${VMBENCH_DOCKERD_PIDFILE:-/tmp/vmbench-dockerd.pid}

if [ ! -f "$pidfile" ]; then
  echo "stop-engine: no $pidfile: this script started no engine; nothing to stop"
  exit 0
fi

pid=$(cat "$pidfile")
case "$pid" in
  ''|*[!0-9]*) echo "stop-engine: $pidfile does not hold a PID; removing it" >&2; rm -f "$pidfile"; exit 1 ;;
esac

if ! kill -0 "$pid" 2>/dev/null; then
  echo "stop-engine: dockerd $pid is not running any more"
  rm -f "$pidfile"
  exit 0
fi

# Guard against a recycled PID: only signal a process that is dockerd.
if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" != "dockerd" ]; then
  echo "stop-engine: PID $pid is not dockerd any more; not signalling it" >&2
  rm -f "$pidfile"
  exit 1
fi

echo "stop-engine: stopping dockerd $pid"
kill -TERM "$pid"
for _ in $(seq 1 60); do
  if ! kill -0 "$pid" 2>/dev/null; then
    rm -f "$pidfile"
    echo "stop-engine: dockerd $pid stopped"
    exit 0
  fi
  sleep 0.5
done

echo "stop-engine: dockerd $pid still running after 30 s; sending SIGKILL" >&2
kill -KILL "$pid" 2>/dev/null || true
rm -f "$pidfile"
