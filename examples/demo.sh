#!/usr/bin/env bash
# The main job: apps written for the official tikapi 3.2.2 SDKs (PyPI, npm),
# unchanged, run on this repository's packages against the local sandbox.
#
# Builds the sandbox, installs the Python package into target/venv
# (`pip install .`) and the Node package at the root (`npm install`), starts
# the sandbox on a free loopback port, points the apps at it with
# TIKAPI_SANDBOX_URL, runs them, and stops the sandbox. No key, no network.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-python3}"
VENV="$ROOT/target/venv"

echo "== building the sandbox"
cargo build -q -p tikapi-sandbox

echo "== pip install . (into $VENV)"
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
if ! (cd / && "$VENV/bin/python" -c 'import tikapi._native') 2>/dev/null; then
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check .
fi

echo "== npm install, npm run build (the Node addon)"
if ! node -e "require('tikapi')" 2>/dev/null; then
  npm install --silent --no-audit --no-fund && npm run --silent build
fi

LOG="$ROOT/target/demo-sandbox.out"
"$ROOT/target/debug/tikapi-sandbox" --addr 127.0.0.1:0 > "$LOG" &
SANDBOX=$!
trap 'kill $SANDBOX 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [ -s "$LOG" ] && break; sleep 0.1; done
URL="$(head -1 "$LOG" | sed -n 's/^listening on //p')"
[ -n "$URL" ] || { echo "the sandbox did not start"; exit 1; }
echo "== sandbox: $URL"
export TIKAPI_SANDBOX_URL="$URL"

echo
echo "== Python: examples/python/official_app.py (written for tikapi 3.2.2 from PyPI)"
(cd / && "$VENV/bin/python" "$ROOT/examples/python/official_app.py")

echo
echo "== Node: examples/node/official_app.mjs (written for tikapi 3.2.2 from npm)"
node examples/node/official_app.mjs

echo
echo "demo: both apps ran unchanged on this repository's packages."
