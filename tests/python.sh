#!/usr/bin/env bash
# The Python binding's checks and tests, on a machine with only Rust and
# Python >= 3.9 (with pip):
#   - a venv in target/venv (git ignores target/), with the dev tools;
#   - `pip install .` of this repository into it (skipped on a re-run when
#     nothing the package is built from has changed);
#   - the sandbox server built with cargo;
#   - ruff (lint and format), mypy --strict on the examples and the stubs,
#     mypy.stubtest of the native module's stub, pytest.
# Exits non-zero on the first failure. Extra arguments go to pytest.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

PY="${PYTHON:-python3}"
VENV="$ROOT/target/venv"
VPY="$VENV/bin/python"
PIP=("$VPY" -m pip --disable-pip-version-check -q)
# The build backend runs `maturin` from PATH.
export PATH="$VENV/bin:$PATH" VIRTUAL_ENV="$VENV"

echo "== python: venv $VENV"
if [ ! -x "$VPY" ]; then
  "$PY" -m venv "$VENV"
fi
# uvloop: the async tests also run under it (a common replacement event loop).
# pytest-xdist, pytest-asyncio, anyio: tikapi.testing's fixture is tested under them.
# opentelemetry-api/-sdk: the spans and metric of each request are tested with the real SDK
# (tikapi never imports them itself).
TOOLS="maturin>=1.9.4,<2 pytest ruff mypy uvloop pytest-xdist pytest-asyncio anyio opentelemetry-api opentelemetry-sdk"
if [ "$(cat "$VENV/.tools" 2>/dev/null)" != "$TOOLS" ]; then
  "${PIP[@]}" install --upgrade pip
  # shellcheck disable=SC2086
  "${PIP[@]}" install $TOOLS
  echo "$TOOLS" > "$VENV/.tools"
fi

echo "== python: pip install ."
# Everything the wheel is built from; a change in any of it rebuilds.
SOURCES_HASH="$("$VPY" - <<'PY'
import hashlib
from pathlib import Path

h = hashlib.sha256()
files = [Path(p) for p in ("Cargo.toml", "Cargo.lock", "pyproject.toml", "core/Cargo.toml",
                           "bindings-python/Cargo.toml", "cli/Cargo.toml", "sandbox/Cargo.toml")]
for folder in ("core/src", "core/data", "cli/src", "sandbox/src", "sandbox/tls",
               "bindings-python/src", "bindings-python/python"):
    files += [p for p in Path(folder).rglob("*")
              if p.is_file() and p.suffix not in (".so", ".pyc") and "__pycache__" not in p.parts]
for p in sorted(files):
    h.update(str(p).encode() + b"\0" + p.read_bytes() + b"\0")
print(h.hexdigest())
PY
)"
if [ "$(cat "$VENV/.tikapi-sources" 2>/dev/null)" != "$SOURCES_HASH" ] \
  || ! (cd / && "$VPY" -c 'import tikapi._native') 2>/dev/null; then
  # Until 4.0.0 the distribution was named `tikapi` (now `tikapi-rs`): a venv
  # from then keeps that dist-info beside ours, which `import tikapi` warns about.
  "${PIP[@]}" uninstall -y tikapi > /dev/null 2>&1 || true
  # Build isolation off: maturin is already in the venv, so no download.
  "${PIP[@]}" install --no-build-isolation --force-reinstall --no-deps .
  echo "$SOURCES_HASH" > "$VENV/.tikapi-sources"
else
  echo "up to date"
fi

echo "== python: build the sandbox"
cargo build -q -p tikapi-sandbox

echo "== python: ruff"
"$VENV/bin/ruff" check bindings-python examples/python bench
"$VENV/bin/ruff" format --check bindings-python examples/python bench

echo "== python: mypy --strict (examples, stubs)"
MYPY=("$VENV/bin/mypy" --strict --cache-dir "$ROOT/target/mypy-cache")
"${MYPY[@]}" examples/python
# The installed package: its generated _endpoints.pyi and the rest of its typed face.
(cd / && "${MYPY[@]}" --config-file "$ROOT/pyproject.toml" -p tikapi)

echo "== python: stubtest (_native.pyi against the built module)"
# The hand-written stub of the native module must name what the module holds:
# its exports, classes (final: pyo3 classes cannot be subclassed), methods and
# their parameter names and defaults (pyo3's __text_signature__). Run against
# the installed package, from / so the source tree does not shadow it.
# No allowlist: add one (commented, per entry) only for what pyo3 cannot express.
(cd / && "$VPY" -m mypy.stubtest tikapi._native --concise)

echo "== python: pytest"
"$VPY" -m pytest -q -p no:cacheprovider bindings-python/tests "$@"
