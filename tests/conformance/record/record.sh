#!/usr/bin/env bash
# Re-record core/tests/fixtures/official_requests.json and
# official_validation.json from the official tikapi 3.2.2 packages (PyPI and
# npm, installed by tests/official-sdks.sh), on loopback, into target/record/,
# and compare them with the committed ones. Nothing in the repository is
# changed; copy the files over if a difference is intended.
#
# usage: bash tests/conformance/record/record.sh
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
OUT="$ROOT/target/record"
PY="${PYTHON:-python3}"
rm -rf "$OUT"
mkdir -p "$OUT"

bash "$ROOT/tests/official-sdks.sh"
OFFICIAL_PY="$ROOT/target/official/py/bin/python"
OFFICIAL_JS="$ROOT/target/official/js"

(cd "$HERE" && "$PY" request_cases.py "$OUT/cases.json" && "$PY" validation_cases.py "$OUT/vcases.json")

# record LOG COMMAND...: run COMMAND with the recording server's URL appended,
# the server logging to LOG.
record() {
  local log="$1"
  shift
  node "$HERE/recording_server.mjs" "$log" > "$OUT/server.out" &
  local server=$!
  local url=""
  for _ in $(seq 1 100); do
    url="$(sed -n 's/^listening on //p' "$OUT/server.out")"
    [ -n "$url" ] && break
    sleep 0.1
  done
  [ -n "$url" ] || { kill "$server"; echo "record: the recording server did not start"; exit 1; }
  "$@" "$url"
  kill "$server"
  wait "$server" 2>/dev/null || true
}

js() { node "$HERE/call_official_js.mjs" "$OFFICIAL_JS" "$1" "$3" "$2"; }
py() { "$OFFICIAL_PY" "$HERE/call_official_py.py" "$1" "$3" "$2"; }
record "$OUT/js_requests.jsonl" js "$OUT/cases.json" "$OUT/js_requests.json"
record "$OUT/py_requests.jsonl" py "$OUT/cases.json" "$OUT/py_requests.json"
record "$OUT/js_validation.jsonl" js "$OUT/vcases.json" "$OUT/js_validation.json"
record "$OUT/py_validation.jsonl" py "$OUT/vcases.json" "$OUT/py_validation.json"

"$PY" "$HERE/assemble_fixtures.py" "$OUT"
status=0
for f in official_requests.json official_validation.json; do
  if cmp -s "$OUT/$f" "$ROOT/core/tests/fixtures/$f"; then
    echo "record: $f is the same as core/tests/fixtures/$f"
  else
    echo "record: $f differs from core/tests/fixtures/$f:"
    diff <("$PY" -m json.tool "$ROOT/core/tests/fixtures/$f") <("$PY" -m json.tool "$OUT/$f") | head -40 || true
    status=1
  fi
done
exit $status
