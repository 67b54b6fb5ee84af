#!/usr/bin/env bash
# Benchmarks, side by side in one run: the official tikapi 3.2.2 (PyPI, npm),
# ours, and the ceilings (a raw reqwest loop; raw fetch/undici), all against
# the local sandbox on loopback. Prints a table with ratios and writes
# target/bench/results.jsonl and target/bench/report.md.
#
# usage: bash bench/run.sh            full run, release builds (several minutes)
#        bash bench/run.sh --smoke    a few calls of each benchmark, and of
#                                     bench/net.sh (what CI runs)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
WORK="$ROOT/target/bench"
mkdir -p "$WORK"
SCALE=1
PROFILE=release
# Every measurement is taken once per round, and the rounds run the
# implementations in turn, so a slow spell of a shared machine hits them all
# alike; the report takes the median over rounds.
ROUNDS="${BENCH_ROUNDS:-3}"
SMOKE=0
if [ "${1:-}" = "--smoke" ]; then SCALE=0.01; PROFILE=debug; ROUNDS=1; SMOKE=1; fi
export BENCH_REPEATS=1
PY="${PYTHON:-python3}"

source bench/lib.sh
prepare_implementations
build_bins raw_loop core_loop
start_sandbox
trap stop_sandbox EXIT
unset TIKAPI_BASE_URL TIKAPI_SANDBOX_URL

OUT="$WORK/results.jsonl"
: > "$OUT"
LILY="MS4wLjABAAAAsHntXC3s0AvxcecggxsoVa4eAiT8OVafVZ4OQXxy-9htpnUi0sOYSr0kGGD1Loud"
calls() { "$PY" -c "import sys; print(max(2, int($1 * $SCALE)))"; }

for ROUND in $(seq 1 "$ROUNDS"); do
  echo "bench: round $ROUND of $ROUNDS"
  echo "bench: raw reqwest loop"
  for c in 1 8 64 256 1024; do
    "$BIN/examples/raw_loop" "$URL/public/check?username=lilyachty" "$(calls 20000)" "$c" \
      | sed "s/^{/{\"lang\": \"rust\", \"impl\": \"raw\", \"bench\": \"check\", /" >> "$OUT"
  done
  "$BIN/examples/raw_loop" "$URL/public/posts?secUid=$LILY&count=30" "$(calls 2000)" 1 \
    | sed "s/^{/{\"lang\": \"rust\", \"impl\": \"raw\", \"bench\": \"posts30\", /" >> "$OUT"
  # The same loop on one thread (a current-thread runtime), as a blocking
  # call on a thread's own runtime runs: the floor for sequential calls.
  RAW_LOOP_RUNTIME=current "$BIN/examples/raw_loop" "$URL/public/check?username=lilyachty" "$(calls 20000)" 1 \
    | sed "s/^{/{\"lang\": \"rust\", \"impl\": \"raw-current\", \"bench\": \"check\", /" >> "$OUT"
  RAW_LOOP_RUNTIME=current "$BIN/examples/raw_loop" "$URL/public/posts?secUid=$LILY&count=30" "$(calls 2000)" 1 \
    | sed "s/^{/{\"lang\": \"rust\", \"impl\": \"raw-current\", \"bench\": \"posts30\", /" >> "$OUT"

  echo "bench: the Rust SDK (tikapi-core)"
  for c in 1 8 64 256 1024; do
    "$BIN/examples/core_loop" "$URL" "$(calls 20000)" "$c" \
      | sed "s/^{/{\"lang\": \"rust\", \"impl\": \"core\", \"bench\": \"check\", /" >> "$OUT"
  done

  echo "bench: python (official, ours)"
  (cd / && "$OFFICIAL_PY" "$ROOT/bench/py_bench.py" "$URL" "$SCALE") >> "$OUT"
  (cd / && "$OURS_PYTHON" "$ROOT/bench/py_bench.py" "$URL" "$SCALE") >> "$OUT"

  echo "bench: node (official, ours, raw fetch)"
  node bench/node_bench.mjs official "$OFFICIAL_JS" "$URL" "$SCALE" >> "$OUT"
  node bench/node_bench.mjs ours "$ROOT" "$URL" "$SCALE" >> "$OUT"
  node bench/node_bench.mjs fetch "$ROOT" "$URL" "$SCALE" >> "$OUT"
done

"$PY" bench/report.py "$OUT" > "$WORK/report.md"
cat "$WORK/report.md"

# The network-condition and memory benchmarks (TLS, latency, CPU per call,
# memory per call in flight) have their own script; the smoke run covers it.
if [ "$SMOKE" = 1 ]; then
  stop_sandbox
  OURS_PYTHON="$OURS_PYTHON" bash bench/net.sh --smoke
fi
