#!/usr/bin/env bash
# A throwaway real Redis for the tests, on loopback, from Debian's
# `redis-server` package (.ci/run installs it):
#   url=$(bash tests/support/redis.sh start)   # prints redis://127.0.0.1:PORT/0
#   bash tests/support/redis.sh stop "$url"     # shuts it down, removes its folder
# It listens on 127.0.0.1 only, on a free port, keeps its files in a temp
# folder (no persistence: no RDB, no AOF) and runs in the background with its
# log in that folder.
set -euo pipefail

die() {
  echo "redis.sh: $*" >&2
  exit 1
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
  command -v redis-server > /dev/null \
    || die "redis-server is not installed (apt-get install -y redis-server)"
  local try port dir
  for try in 1 2 3 4 5; do
    port="$(free_port)"
    dir="$(mktemp -d "${TMPDIR:-/tmp}/tikapi-redis-$port.XXXXXX")"
    if redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" \
      --save "" --appendonly no --daemonize yes \
      --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" > /dev/null; then
      for _ in $(seq 100); do
        if redis-cli -p "$port" ping 2> /dev/null | grep -q PONG; then
          echo "redis://127.0.0.1:$port/0"
          return 0
        fi
        sleep 0.1
      done
    fi
    # The port was taken in between, or the server did not come up.
    stop_port "$port" 2> /dev/null || true
    echo "redis.sh: no server on port $port (try $try): $(tail -3 "$dir/redis.log" 2> /dev/null)" >&2
    rm -rf "$dir"
  done
  die "could not start redis-server"
}

stop_port() {
  local port="$1" dir pid
  for dir in "${TMPDIR:-/tmp}"/tikapi-redis-"$port".*; do
    [ -d "$dir" ] || continue
    if [ -f "$dir/redis.pid" ]; then
      pid="$(cat "$dir/redis.pid")"
      redis-cli -p "$port" shutdown nosave > /dev/null 2>&1 || kill "$pid" 2> /dev/null || true
      for _ in $(seq 50); do
        kill -0 "$pid" 2> /dev/null || break
        sleep 0.1
      done
    fi
    rm -rf "$dir"
  done
}

case "${1:-}" in
  start) start ;;
  stop)
    url="${2:-}"
    port="${url##*:}"
    port="${port%%/*}"
    [[ "$port" =~ ^[0-9]+$ ]] || die "stop needs the URL that start printed, got '${url}'"
    stop_port "$port"
    ;;
  *) die "usage: redis.sh start | redis.sh stop URL" ;;
esac
