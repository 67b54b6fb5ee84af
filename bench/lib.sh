# Shared by bench/run.sh and bench/net.sh (sourced, with ROOT, WORK, PROFILE
# and PY set): the implementations under test, the binaries, the sandbox.

# The official SDKs (tests/official-sdks.sh) and ours, built if missing:
# sets OFFICIAL_PY, OFFICIAL_JS and OURS_PYTHON.
prepare_implementations() {
  bash tests/official-sdks.sh
  OFFICIAL_PY="$ROOT/target/official/py/bin/python"
  OFFICIAL_JS="$ROOT/target/official/js"
  # Ours: the venv tests/python.sh keeps (pip install . is a release build).
  OURS_PYTHON="${OURS_PYTHON:-$ROOT/target/venv/bin/python}"
  if ! (cd / && "$OURS_PYTHON" -c 'import tikapi._native') 2>/dev/null; then
    echo "bench: building ours into $WORK/py-ours"
    "$PY" -m venv "$WORK/py-ours"
    "$WORK/py-ours/bin/pip" install -q --disable-pip-version-check "$ROOT"
    OURS_PYTHON="$WORK/py-ours/bin/python"
  fi
  if ! node -e "require('tikapi')" 2>/dev/null; then
    echo "bench: building the Node addon"
    { npm install --silent --no-audit --no-fund && npm run --silent build; } >/dev/null
  fi
}

# build_bins EXAMPLE...: the sandbox and these tikapi-core examples, in
# $PROFILE; sets BIN.
build_bins() {
  local profile=() examples=()
  [ "$PROFILE" = release ] && profile=(--release)
  for e in "$@"; do examples+=(--example "$e"); done
  cargo build -q "${profile[@]}" -p tikapi-sandbox
  cargo build -q "${profile[@]}" -p tikapi-core "${examples[@]}"
  BIN="$ROOT/target/$PROFILE"
}

# start_sandbox [FLAG...]: the sandbox on a free loopback port, with these
# flags; sets SANDBOX (its pid) and URL. stop_sandbox ends it.
SANDBOX=
start_sandbox() {
  "$BIN/tikapi-sandbox" --addr 127.0.0.1:0 "$@" > "$WORK/sandbox.out" &
  SANDBOX=$!
  for _ in $(seq 1 100); do [ -s "$WORK/sandbox.out" ] && break; sleep 0.1; done
  URL="$(head -1 "$WORK/sandbox.out" | sed -n 's/^listening on //p')"
  [ -n "$URL" ] || { echo "bench: the sandbox did not start"; exit 1; }
}
stop_sandbox() {
  if [ -n "$SANDBOX" ]; then
    kill "$SANDBOX" 2>/dev/null || true
    wait "$SANDBOX" 2>/dev/null || true
    SANDBOX=
  fi
}
