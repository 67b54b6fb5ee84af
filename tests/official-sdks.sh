#!/usr/bin/env bash
# Install the official tikapi 3.2.2 packages, each in a folder of its own that
# never shadows ours: target/official/py (a venv, from PyPI) and
# target/official/js (from npm). Used by the conformance suite and the
# benchmarks. Does nothing when both are already there.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OFF="$ROOT/target/official"
PY="${PYTHON:-python3}"
mkdir -p "$OFF"
if ! "$OFF/py/bin/python" -c 'import tikapi, requests' 2>/dev/null; then
  echo "official: tikapi==3.2.2 from PyPI"
  "$PY" -m venv "$OFF/py"
  "$OFF/py/bin/pip" install -q --disable-pip-version-check tikapi==3.2.2
fi
if [ ! -f "$OFF/js/node_modules/tikapi/package.json" ]; then
  echo "official: tikapi@3.2.2 from npm"
  mkdir -p "$OFF/js"
  [ -f "$OFF/js/package.json" ] || echo '{"private": true}' > "$OFF/js/package.json"
  (cd "$OFF/js" && npm install --silent --no-audit --no-fund tikapi@3.2.2 >/dev/null)
fi
