#!/usr/bin/env bash
# Benchmarks under network conditions users live with (issue 16, part 1): the
# sandbox serving plain HTTP and TLS (`--tls`, a certificate of the sandbox's
# test CA, which every client that verifies certificates is told to trust),
# answering at once or after 20 / 100 ms (`--latency-ms`). For each condition:
# the official SDKs, ours and the ceilings (raw reqwest, raw fetch), one call
# at a time and 8 / 64 in flight, with the CPU time each client process spends
# per call; then the memory each call in flight costs (1,000 and 10,000 at
# once) and the RSS of an idle client. Writes target/bench/net.jsonl and
# target/bench/net.md.
#
# usage: bash bench/net.sh            full run (release builds; ~15 minutes)
#        bash bench/net.sh --smoke    a moment of each (what CI runs, from bench/run.sh --smoke)
#
# Ours and the official SDKs are built / installed as bench/run.sh does
# (bench/lib.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
WORK="$ROOT/target/bench"
mkdir -p "$WORK"
SCALE=1
PROFILE=release
CONDITIONS="${BENCH_NET:-http+0ms tls+0ms tls+20ms tls+100ms}"
IN_FLIGHT="1000 10000"
if [ "${1:-}" = "--smoke" ]; then
  SCALE=0.01; PROFILE=debug; CONDITIONS="http+0ms tls+20ms"; IN_FLIGHT=20; export BENCH_HOLD_MS=600
fi
PY="${PYTHON:-python3}"

source bench/lib.sh
prepare_implementations > /dev/null
build_bins raw_loop
unset TIKAPI_BASE_URL TIKAPI_SANDBOX_URL

OUT="$WORK/net.jsonl"
: > "$OUT"
trap stop_sandbox EXIT

for NET in $CONDITIONS; do
  scheme="${NET%%+*}" ms="${NET#*+}" ms="${ms%ms}"
  flags=(--latency-ms "$ms")
  # Over TLS the clients that verify certificates trust the sandbox's test CA
  # and so verify its chain, as they would a real server's: SSL_CERT_FILE for
  # ours and the raw loop (rustls with the platform's roots),
  # NODE_EXTRA_CA_CERTS for Node's official SDK and fetch. The official
  # Python SDK verifies nothing and runs without them: with SSL_CERT_FILE set,
  # OpenSSL would load that one certificate instead of the system's bundle
  # into the new SSL context it makes for every connection, and it would look
  # cheaper than it is for its users.
  trust=(env)
  if [ "$scheme" = tls ]; then
    flags+=(--tls)
    trust=(env SSL_CERT_FILE="$ROOT/sandbox/tls/ca.pem" NODE_EXTRA_CA_CERTS="$ROOT/sandbox/tls/ca.pem")
  fi
  start_sandbox "${flags[@]}"
  echo "bench/net: $NET ($URL)"

  # The raw Rust loop runs a number of calls, not a time: about 4 s (x SCALE) of them.
  for c in 1 8 64; do
    if [ "$ms" = 0 ]; then full=$((8000 * c < 20000 ? 8000 * c : 20000)); else full=$((4000 * c / ms)); fi
    n="$("$PY" -c "print(max(4, int($full * $SCALE)))")"
    "${trust[@]}" "$BIN/examples/raw_loop" "$URL/public/check?username=lilyachty" "$n" "$c" |
      sed "s/^{/{\"lang\": \"rust\", \"impl\": \"raw\", \"bench\": \"net.tasks\", \"net\": \"$NET\", /" >> "$OUT"
  done
  (cd / && "$OFFICIAL_PY" "$ROOT/bench/net_py.py" "$URL" "$SCALE" "$NET") >> "$OUT"
  (cd / && "${trust[@]}" "$OURS_PYTHON" "$ROOT/bench/net_py.py" "$URL" "$SCALE" "$NET") >> "$OUT"
  for impl in official ours fetch; do
    dir="$ROOT"; [ "$impl" = official ] && dir="$OFFICIAL_JS"
    "${trust[@]}" node bench/net_node.mjs "$impl" "$dir" "$URL" "$SCALE" "$NET" >> "$OUT"
  done

  stop_sandbox
done

# Memory: calls held in flight at once (plain HTTP; each answer trickles out
# over a few seconds), one process per count so each starts from an idle client.
start_sandbox
echo "bench/net: memory per call in flight ($IN_FLIGHT)"
for n in $IN_FLIGHT; do
  (cd / && "$OFFICIAL_PY" "$ROOT/bench/mem_py.py" "$URL" "$n") >> "$OUT"
  (cd / && "$OURS_PYTHON" "$ROOT/bench/mem_py.py" "$URL" "$n") >> "$OUT"
  node bench/mem_node.mjs official "$OFFICIAL_JS" "$URL" "$n" >> "$OUT"
  node bench/mem_node.mjs ours "$ROOT" "$URL" "$n" >> "$OUT"
done

"$PY" bench/net_report.py "$OUT" > "$WORK/net.md"
cat "$WORK/net.md"
