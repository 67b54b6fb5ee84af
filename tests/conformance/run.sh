#!/usr/bin/env bash
# Differential conformance: the official tikapi 3.2.2 (PyPI and npm) and ours
# run the same cases against one recording server on loopback; compare.py
# diffs what was sent and what the app saw, and writes REPORT.md.
#
# usage: bash tests/conformance/run.sh
#   OURS_PYTHON   a python whose `import tikapi` is ours (default: the venv
#                 tests/python.sh makes; built here if missing)
#   OURS_NODE_DIR a folder where require('tikapi') resolves to ours (default:
#                 the repository root, which must have the addon built)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$ROOT/target/conformance"
mkdir -p "$WORK/results"
PY="${PYTHON:-python3}"

# The official packages, each in a folder of its own, never shadowing ours.
bash "$ROOT/tests/official-sdks.sh"
OFFICIAL_PY="$ROOT/target/official/py/bin/python"
OFFICIAL_JS="$ROOT/target/official/js"

OURS_PYTHON="${OURS_PYTHON:-$ROOT/target/venv/bin/python}"
if [ ! -x "$OURS_PYTHON" ] || ! "$OURS_PYTHON" -c 'import tikapi._native' 2>/dev/null; then
  echo "conformance: building ours into $WORK/py-ours"
  "$PY" -m venv "$WORK/py-ours"
  "$WORK/py-ours/bin/pip" install -q --disable-pip-version-check "$ROOT"
  OURS_PYTHON="$WORK/py-ours/bin/python"
fi
OURS_NODE_DIR="${OURS_NODE_DIR:-$ROOT}"
if ! (cd "$OURS_NODE_DIR" && node -e "require('tikapi')" 2>/dev/null); then
  echo "conformance: building the Node addon"
  (cd "$ROOT" && npm install --silent --no-audit --no-fund && npm run --silent build) >/dev/null
fi

# The cases, from the catalogue.
"$PY" "$HERE/cases.py" > "$WORK/cases.json"

# A port nothing listens on, for the refused-connection case.
REFUSED="$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print("http://127.0.0.1:%d" % s.getsockname()[1]); s.close()')"

# The recording server.
"$PY" -u "$HERE/recorder.py" > "$WORK/recorder.out" 2>&1 &
RECORDER=$!
trap 'kill $RECORDER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  [ -s "$WORK/recorder.out" ] && break
  sleep 0.1
done
BASE="$(head -1 "$WORK/recorder.out" | sed -n 's/^listening on //p')"
[ -n "$BASE" ] || { echo "conformance: the recorder did not start"; cat "$WORK/recorder.out"; exit 1; }

# Neither package may be pointed elsewhere by the environment.
unset TIKAPI_BASE_URL TIKAPI_SANDBOX_URL

run_py() { # tag python
  "$2" "$HERE/driver.py" "$WORK/cases.json" "$BASE" "$1" "$REFUSED" "$WORK/results/$1.json"
}
run_js() { # tag package-dir
  node "$HERE/driver.mjs" "$2" "$WORK/cases.json" "$BASE" "$1" "$REFUSED" "$WORK/results/$1.json"
}
run_py py-official "$OFFICIAL_PY" &
P1=$!
run_js js-official "$OFFICIAL_JS" &
P2=$!
run_py py-ours "$OURS_PYTHON" &
P3=$!
run_js js-ours "$OURS_NODE_DIR" &
P4=$!
status=0
for p in $P1 $P2 $P3 $P4; do wait "$p" || status=1; done
[ "$status" = 0 ] || { echo "conformance: a driver failed"; exit 1; }

"$PY" -c "import sys, urllib.request; sys.stdout.write(urllib.request.urlopen('$BASE/__dump').read().decode())" > "$WORK/records.json"
"$PY" "$HERE/compare.py" "$WORK/cases.json" "$WORK/records.json" "$WORK/results" "$HERE/REPORT.md"

# The Python drop-in surface (positional calls, signatures, the rest of the
# response, pickle / copy): its own recording server; appends to REPORT.md.
"$OFFICIAL_PY" -W ignore "$HERE/dropin_py.py" run py-official "$WORK/results/dropin-py-official.json"
"$OURS_PYTHON" "$HERE/dropin_py.py" run py-ours "$WORK/results/dropin-py-ours.json"
"$PY" "$HERE/dropin_py.py" compare "$WORK/results/dropin-py-official.json" \
  "$WORK/results/dropin-py-ours.json" "$HERE/REPORT.md"
# The JS drop-in section (on_request, fetch_agent, own keys, hooks): servers of its own.
node "$HERE/dropin_js.mjs" run "$OFFICIAL_JS" "$WORK/results/dropin-js-official.json"
node "$HERE/dropin_js.mjs" run "$OURS_NODE_DIR" "$WORK/results/dropin-js-ours.json"
node "$HERE/dropin_js.mjs" compare "$WORK/results/dropin-js-official.json" "$WORK/results/dropin-js-ours.json" "$HERE/REPORT-dropin-js.md"
