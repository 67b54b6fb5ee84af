#!/usr/bin/env bash
# The scale-out examples (examples/scale-out/) on the real job engines,
# against the local sandbox and a real Redis (Debian's redis-server, started
# by tests/support/redis.sh on loopback), for each engine (Celery, BullMQ):
#   - 3 worker processes, 200 profiles (public.check, then every post through
#     items()), the shared rate limiter on (TIKAPI_RATE, burst 1);
#   - one worker SIGKILLed in the middle of a walk, then started again;
#   - every item collected exactly once: results.jsonl against what one
#     in-process walk of each profile yields;
#   - the shared rate never exceeded: the sandbox's max_per_second (catalogue
#     calls per wall-clock second) <= rate + burst;
#   - no API key nor account key in Redis (every key and value), the
#     results or the logs.
# Prints items/s of each run; asserts nothing on timing.
# Needs tests/python.sh (target/venv with the package) and tests/node.sh (the
# addon, node_modules) to have run. Installs celery[redis] (pinned) in
# target/scale-out-venv and bullmq (pinned, package-lock.json) with npm ci in
# the example's folder.
#   bash tests/scale-out.sh [celery|bullmq]...
# With --figures, no test: items/s of each engine with 1, 2 and 3 workers
# (env: TIKAPI_RATE, SANDBOX_LATENCY_MS, SCALE_OUT_PROFILES), for the READMEs.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

FIGURES=""
if [ "${1:-}" = --figures ]; then
  FIGURES=1
  shift
fi
ENGINES=("$@")
[ ${#ENGINES[@]} -gt 0 ] || ENGINES=(celery bullmq)
PROFILES="${SCALE_OUT_PROFILES:-200}"
WORKERS=3
RATE="${TIKAPI_RATE:-20}"
BURST=1
CELERY_PINS="celery[redis]==5.7.0 redis==8.2.0"

fail() {
  echo "scale-out: FAILED: $*" >&2
  exit 1
}

VPY="$ROOT/target/venv/bin/python"
[ -x "$VPY" ] && (cd / && "$VPY" -c 'import tikapi') \
  || fail "target/venv has no tikapi package: run tests/python.sh first"
if [[ " ${ENGINES[*]} " == *" bullmq "* ]]; then
  ls bindings-node/native/*.node > /dev/null 2>&1 && [ -d node_modules ] \
    || fail "no Node addon or node_modules: run tests/node.sh first"
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/tikapi-scale-out.XXXXXX")"
PIDS=()
REDIS_URL=""
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2> /dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2> /dev/null || true
  done
  [ -z "$REDIS_URL" ] || bash tests/support/redis.sh stop "$REDIS_URL"
  if [ -n "${SCALE_OUT_KEEP:-}" ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

echo "== scale-out: the sandbox, Redis"
cargo build -q -p tikapi-sandbox
SANDBOX_BIN="$(cargo metadata --format-version 1 --no-deps \
  | "$VPY" -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')/debug/tikapi-sandbox"
"$SANDBOX_BIN" --addr 127.0.0.1:0 --latency-ms "${SANDBOX_LATENCY_MS:-0}" > "$WORK/sandbox.out" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do
  SANDBOX_URL="$(head -1 "$WORK/sandbox.out" | sed -n 's/^listening on //p')"
  [ -n "$SANDBOX_URL" ] && break
  sleep 0.1
done
[ -n "$SANDBOX_URL" ] || fail "the sandbox did not start: $(cat "$WORK/sandbox.out")"
REDIS_URL="$(bash tests/support/redis.sh start)"
echo "sandbox $SANDBOX_URL (latency ${SANDBOX_LATENCY_MS:-0} ms), redis $REDIS_URL"

echo "== scale-out: celery (pinned) in target/scale-out-venv, bullmq (pinned) in the example"
SVENV="$ROOT/target/scale-out-venv"
SPY="$SVENV/bin/python"
[ -x "$SPY" ] || python3 -m venv "$SVENV"
if [ "$(cat "$SVENV/.pins" 2> /dev/null)" != "$CELERY_PINS" ]; then
  # shellcheck disable=SC2086
  "$SPY" -m pip --disable-pip-version-check -q install $CELERY_PINS
  echo "$CELERY_PINS" > "$SVENV/.pins"
fi
# Our package, the one tests/python.sh built and installed in target/venv:
# that venv's tikapi folder alone, on this venv's path.
SITE="$("$VPY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
mkdir -p "$SVENV/tikapi-only"
ln -sfn "$SITE/tikapi" "$SVENV/tikapi-only/tikapi"
"$SPY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])' \
  | xargs -I{} sh -c "echo '$SVENV/tikapi-only' > {}/tikapi-only.pth"
(cd / && "$SPY" -c 'import celery, redis, tikapi') || fail "the scale-out venv cannot import celery, redis, tikapi"
"$ROOT/target/venv/bin/ruff" check examples/scale-out
"$ROOT/target/venv/bin/ruff" format --check examples/scale-out
if [[ " ${ENGINES[*]} " == *" bullmq "* ]]; then
  (cd examples/scale-out/node-bullmq && npm ci --no-audit --no-fund --loglevel=error)
  node node_modules/eslint/bin/eslint.js examples/scale-out/node-bullmq
fi

# Keys no one else uses: grepped for everywhere afterwards.
API_KEY="ScaleOutApiKey$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
ACCOUNT_KEY="ScaleOutAccountKey$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
export TIKAPI_API_KEY="$API_KEY" TIKAPI_ACCOUNT_KEY="$ACCOUNT_KEY"
export TIKAPI_SANDBOX_URL="$SANDBOX_URL" REDIS_URL TIKAPI_RATE="$RATE" TIKAPI_BURST="$BURST"
# A task of a killed worker comes back after this long (Celery's Redis
# visibility timeout, BullMQ's lock).
export VISIBILITY_TIMEOUT=10 LOCK_MS=5000 PAGES_PER_TASK=2

# The sandbox's control routes (no curl needed).
sandbox_reset() {
  "$VPY" -c 'import sys, urllib.request; urllib.request.urlopen(urllib.request.Request(sys.argv[1] + "/__sandbox/reset", method="POST")).read()' "$SANDBOX_URL"
}
max_per_second() {
  "$VPY" -c 'import json, sys, urllib.request; print(json.load(urllib.request.urlopen(sys.argv[1] + "/__sandbox/stats"))["max_per_second"])' "$SANDBOX_URL"
}

start_worker() { # engine, n, log
  local engine="$1" n="$2" log="$3"
  if [ "$engine" = celery ]; then
    (cd examples/scale-out/python-celery \
      && exec "$SVENV/bin/celery" -A tasks worker --pool solo -n "w$n@%h" --loglevel INFO \
        --without-gossip --without-mingle --without-heartbeat) > "$log" 2>&1 &
  else
    (cd examples/scale-out/node-bullmq && exec node worker.mjs) > "$log" 2>&1 &
  fi
  WORKER_PID=$!
  PIDS+=("$WORKER_PID")
  for _ in $(seq 300); do
    grep -qs 'ready' "$log" && return 0
    kill -0 "$WORKER_PID" 2> /dev/null || break
    sleep 0.1
  done
  fail "$engine: worker $n did not start: $(tail -20 "$log")"
}

start_run() { # engine, out, log
  if [ "$1" = celery ]; then
    (cd examples/scale-out/python-celery \
      && exec "$SPY" run.py --profiles "$PROFILES" --out "$2" --timeout 900) > "$3" 2>&1 &
  else
    (cd examples/scale-out/node-bullmq \
      && exec node run.mjs --profiles "$PROFILES" --out "$2" --timeout 900) > "$3" 2>&1 &
  fi
  RUN_PID=$!
  PIDS+=("$RUN_PID")
}


echo "== scale-out: what one in-process walk of each profile yields (no limiter)"
(cd / && "$VPY" - "$PROFILES" > "$WORK/expected.txt") << 'PY'
import sys

from tikapi import TikAPI

api = TikAPI("ScaleOutBaselineKey0000000000")
api.set(__sandbox__=True)
for i in range(int(sys.argv[1])):
    username = f"creator{i:04d}"
    user = api.public.check(username=username).json()["userInfo"]["user"]
    for item in api.public.posts.items(secUid=user["secUid"]):
        print(username, item["id"])
PY
sort -o "$WORK/expected.txt" "$WORK/expected.txt"
EXPECTED="$(wc -l < "$WORK/expected.txt")"
[ "$(uniq -d "$WORK/expected.txt" | wc -l)" -eq 0 ] || fail "one walk yields an item twice"
PAGES="$("$VPY" -c 'import json, sys, urllib.request; print(json.load(urllib.request.urlopen(sys.argv[1] + "/__sandbox/stats"))["endpoints"]["public.posts"])' "$SANDBOX_URL")"
echo "$PROFILES profiles, $EXPECTED items on $PAGES pages"
[ "$EXPECTED" -gt "$((PROFILES * 30))" ] || fail "fewer items than a page per profile: $EXPECTED"


if [ -n "$FIGURES" ]; then
  # The walk above made the sandbox answer each page once (it caches them):
  # every run below finds it as warm.
  echo "| engine | workers | items | seconds | items/s | max requests/s |"
  echo "|---|---|---|---|---|---|"
  for engine in "${ENGINES[@]}"; do
    for count in 1 2 3; do
      redis-cli -u "$REDIS_URL" flushall > /dev/null
      sandbox_reset
      LOGS="$WORK/figures-$engine-$count"
      mkdir -p "$LOGS"
      FIG=()
      for n in $(seq "$count"); do
        start_worker "$engine" "$n" "$LOGS/w$n.log"
        FIG+=("$WORKER_PID")
      done
      start_run "$engine" "$LOGS/results.jsonl" "$LOGS/run.log"
      wait "$RUN_PID" || fail "$engine: the run failed: $(tail -20 "$LOGS/run.log")"
      max="$(max_per_second)"
      tail -1 "$LOGS/run.log" | sed -n "s|.*: \([0-9]*\) items from .* in \([0-9.]*\) s: \([0-9.]*\) items/s.*|\| $engine \| $count \| \1 \| \2 \| \3 \| $max \||p"
      kill -TERM "${FIG[@]}" 2> /dev/null || true
      for pid in "${FIG[@]}"; do wait "$pid" 2> /dev/null || true; done
    done
  done
  exit 0
fi

for engine in "${ENGINES[@]}"; do
  echo "== scale-out: $engine, $WORKERS workers, $PROFILES profiles, rate $RATE/s burst $BURST, one worker killed"
  redis-cli -u "$REDIS_URL" flushall > /dev/null
  sandbox_reset
  LOGS="$WORK/$engine"
  mkdir -p "$LOGS"
  declare -A WPID=()
  for n in $(seq "$WORKERS"); do
    start_worker "$engine" "$n" "$LOGS/w$n.log"
    WPID[$n]=$WORKER_PID
  done
  start_run "$engine" "$LOGS/results.jsonl" "$LOGS/run.log"

  # Kill worker 1 once it has stored a few pages, just after it stored the
  # first page of a task's two (an odd step): in the middle of a walk.
  for _ in $(seq 3000); do
    last="$(sed -n 's/.*step \([0-9]*\) stored.*/\1/p' "$LOGS/w1.log" | tail -1)"
    [ "$(grep -c 'stored' "$LOGS/w1.log" || true)" -ge 3 ] && [ $((${last:-0} % 2)) -eq 1 ] && break
    kill -0 "$RUN_PID" 2> /dev/null || break
    sleep 0.1
  done
  [ "$(grep -c 'stored' "$LOGS/w1.log" || true)" -ge 3 ] \
    || fail "$engine: worker 1 stored no page: $(tail -20 "$LOGS/w1.log")"
  kill -KILL "${WPID[1]}"
  wait "${WPID[1]}" 2> /dev/null || true
  echo "killed worker 1 (pid ${WPID[1]}) after: $(grep 'stored' "$LOGS/w1.log" | tail -1 | sed 's/.*walk /walk /')"
  start_worker "$engine" 1 "$LOGS/w1-restarted.log"
  WPID[1]=$WORKER_PID

  wait "$RUN_PID" || fail "$engine: the run failed: $(tail -20 "$LOGS/run.log")"
  cat "$LOGS/run.log" | tail -1
  grep -h 'taking over' "$LOGS"/w*.log | sed 's/.*walk /  walk /' | head -5 || true

  # Exactly once.
  "$VPY" -c '
import json, sys
for text in open(sys.argv[1]):
    j = json.loads(text)
    print(j["profile"], j["id"])
' "$LOGS/results.jsonl" | sort > "$LOGS/got.txt"
  dups="$(uniq -d "$LOGS/got.txt" | wc -l)"
  [ "$dups" -eq 0 ] || fail "$engine: $dups items collected more than once: $(uniq -d "$LOGS/got.txt" | head -3)"
  if ! cmp -s "$LOGS/got.txt" "$WORK/expected.txt"; then
    fail "$engine: collected $(wc -l < "$LOGS/got.txt") items, expected $EXPECTED: $(diff "$WORK/expected.txt" "$LOGS/got.txt" | head -5)"
  fi
  echo "every one of the $EXPECTED items collected exactly once"

  # The shared rate.
  max="$(max_per_second)"
  limit="$("$VPY" -c "import math; print(math.floor($RATE) + $BURST)")"
  [ "$max" -le "$limit" ] || fail "$engine: $max requests in one second, more than rate + burst = $limit"
  echo "at most $max requests in any second (rate $RATE + burst $BURST = $limit)"

  # No key anywhere: every Redis key and value, the results, the logs.
  redis-cli -u "$REDIS_URL" --scan > "$LOGS/redis-keys.txt"
  while IFS= read -r key; do
    echo "$key"
    case "$(redis-cli -u "$REDIS_URL" type "$key")" in
      string) redis-cli -u "$REDIS_URL" get "$key" ;;
      hash) redis-cli -u "$REDIS_URL" hgetall "$key" ;;
      list) redis-cli -u "$REDIS_URL" lrange "$key" 0 -1 ;;
      set) redis-cli -u "$REDIS_URL" smembers "$key" ;;
      zset) redis-cli -u "$REDIS_URL" zrange "$key" 0 -1 withscores ;;
      stream) redis-cli -u "$REDIS_URL" xrange "$key" - + ;;
    esac
  done < "$LOGS/redis-keys.txt" > "$LOGS/redis-dump.txt"
  [ "$(wc -l < "$LOGS/redis-keys.txt")" -gt 0 ] || fail "$engine: Redis holds no key"
  grep -q '^tikapi:limit:tikapi:' "$LOGS/redis-keys.txt" \
    || fail "$engine: no shared limiter keys in Redis: $(head -5 "$LOGS/redis-keys.txt")"
  for secret in "$API_KEY" "$ACCOUNT_KEY"; do
    if grep -rlF "$secret" "$LOGS" "$WORK/sandbox.out"; then
      fail "$engine: a key was written in the files above"
    fi
  done
  echo "no key in Redis ($(wc -l < "$LOGS/redis-keys.txt") keys), the results or the logs"

  for n in $(seq "$WORKERS"); do
    kill -TERM "${WPID[$n]}" 2> /dev/null || true
  done
  for n in $(seq "$WORKERS"); do
    wait "${WPID[$n]}" 2> /dev/null || true
  done
  unset WPID
done
echo "scale-out: all green"
