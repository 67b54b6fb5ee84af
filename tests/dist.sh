#!/usr/bin/env bash
# Release artifacts, built and checked as users install them (issue 14).
#
#   bash tests/dist.sh          the x86_64 glibc subset (CI, via tests/run-all.sh)
#   bash tests/dist.sh --all    the Linux matrix: x86_64 / aarch64 x glibc / musl,
#                               plus the Debian bullseye chroot (glibc 2.31,
#                               python3.9) and the workflow lints
#
# Builds into target/dist/ (wiped each run): wheels/, sdist/, npm/ (the
# platform packages, npm/<platform>/ and their tarballs, and the root tarball),
# work/ (venvs, the test project) and results.md (what README records).
# Tools are installed by this script (it needs only Rust, Python >= 3.9 and
# Node >= 18 with npm): a venv in target/dist-tools/ (maturin, ziglang,
# cargo-zigbuild, the checkers, pinned) and npm tools in target/dist-node-tools/.
#
# The subset:
#   - version: one place (Cargo.toml); package.json, package-lock.json and
#     npm/*/package.json must carry it (tools/sync-version.mjs --check);
#   - validate-pyproject;
#   - the manylinux2014 x86_64 abi3 wheel (maturin --zig) and the sdist;
#     file names against the expected list (no linux_ tag), auditwheel show
#     (manylinux_2_17), twine check --strict, check-wheel-contents,
#     abi3audit --strict;
#   - the linux-x64-gnu addon (cargo zigbuild, glibc 2.17), its highest GLIBC_
#     symbol version <= 2.17, its platform package (exactly one .node), the root
#     package (no .node), publint and attw --pack on it;
#   - with NO Rust toolchain on PATH: the wheel in a fresh venv and the npm
#     packages (as `tikapi@npm:...`, the swap) in a fresh project, each running
#     the unchanged official-style example app against the sandbox;
#   - the test kit from those installs: `tikapi sandbox` (from both) answers
#     public.check; the README's pytest example (pytest from the index) and
#     node:test example pass, recording then replaying their cassette; the
#     artefacts' sizes;
#   - the sdist, built from source into a fresh venv (the fallback: it needs
#     Rust), with a smoke run.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
ALL=0
case "${1:-}" in
  --all) ALL=1 ;;
  "") ;;
  *) echo "usage: bash tests/dist.sh [--all]" >&2; exit 2 ;;
esac

start=$SECONDS
step() { echo; echo "######## dist: $* ($((SECONDS - start))s)"; }
fail() { echo "dist: FAILED: $*" >&2; exit 1; }

PY="${PYTHON:-python3}"
DIST="$ROOT/target/dist"
TOOLS="$ROOT/target/dist-tools"
NODE_TOOLS="$ROOT/target/dist-node-tools"
CACHE="$ROOT/target/dist-cache"
VERSION="$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)"
[ -n "$VERSION" ] || fail "no version in Cargo.toml [workspace.package]"
RESULTS="$DIST/results.md"
rm -rf "$DIST"
mkdir -p "$DIST"/{wheels,sdist,npm,work} "$CACHE"
record() { printf '| %s | %s |\n' "$1" "$2" >> "$RESULTS"; echo "dist: ok: $1: $2"; }
printf '| check | result |\n| --- | --- |\n' > "$RESULTS"

# Pinned in tools/dist-requirements.txt (the release workflow installs the same).
PY_TOOLS="$(cat tools/dist-requirements.txt)"
NPM_TOOLS="publint@0.3.25 @arethetypeswrong/cli@0.18.5"

step "tools (target/dist-tools, target/dist-node-tools)"
if [ ! -x "$TOOLS/bin/python" ]; then "$PY" -m venv "$TOOLS"; fi
if [ "$(cat "$TOOLS/.tools" 2>/dev/null)" != "$PY_TOOLS" ]; then
  "$TOOLS/bin/python" -m pip install -q --disable-pip-version-check -r tools/dist-requirements.txt
  echo "$PY_TOOLS" > "$TOOLS/.tools"
fi
if [ "$(cat "$NODE_TOOLS/.tools" 2>/dev/null)" != "$NPM_TOOLS" ]; then
  mkdir -p "$NODE_TOOLS"
  # shellcheck disable=SC2086
  npm install --silent --no-audit --no-fund --prefix "$NODE_TOOLS" $NPM_TOOLS
  echo "$NPM_TOOLS" > "$NODE_TOOLS/.tools"
fi
# maturin --zig finds zig (ziglang) and cargo-zigbuild on PATH.
export PATH="$TOOLS/bin:$PATH"
# The dev dependencies (@napi-rs/cli for create-npm-dirs), without a build.
[ -x node_modules/.bin/napi ] || npm install --silent --no-audit --no-fund --ignore-scripts

step "version: $VERSION from Cargo.toml, everywhere"
node tools/sync-version.mjs --check
record "version" "$VERSION in Cargo.toml, package.json, package-lock.json, npm/*/package.json"
validate-pyproject pyproject.toml
record "validate-pyproject" "pyproject.toml valid"

# What a release publishes: the wheel names, exactly (a linux_ tag is refused by the index).
PYV="${VERSION//-/_}"
wheel_name() { # $1 arch, $2 manylinux|musllinux
  case "$2" in
    manylinux) echo "tikapi_rs-$PYV-cp39-abi3-manylinux2014_$1.manylinux_2_17_$1.whl" ;;
    musllinux) echo "tikapi_rs-$PYV-cp39-abi3-musllinux_1_2_$1.whl" ;;
  esac
}
# Rust target triple -> napi platform name.
napi_platform() {
  case "$1" in
    x86_64-unknown-linux-gnu) echo linux-x64-gnu ;;
    aarch64-unknown-linux-gnu) echo linux-arm64-gnu ;;
    x86_64-unknown-linux-musl) echo linux-x64-musl ;;
    aarch64-unknown-linux-musl) echo linux-arm64-musl ;;
  esac
}

# The builds: (wheel arch, wheel flavour, Rust target).
BUILDS=("x86_64 manylinux x86_64-unknown-linux-gnu")
if [ "$ALL" = 1 ]; then
  BUILDS+=("aarch64 manylinux aarch64-unknown-linux-gnu"
           "x86_64 musllinux x86_64-unknown-linux-musl"
           "aarch64 musllinux aarch64-unknown-linux-musl")
fi

for build in "${BUILDS[@]}"; do
  read -r arch flavour triple <<< "$build"
  rustup target list --installed | grep -qx "$triple" || rustup target add "$triple"

  step "wheel: $triple ($flavour)"
  if [ "$flavour" = manylinux ]; then compat=manylinux2014; else compat=musllinux_1_2; fi
  nice -n 10 maturin build --release --zig --target "$triple" --compatibility "$compat" \
    --out "$DIST/wheels" --quiet
  whl="$DIST/wheels/$(wheel_name "$arch" "$flavour")"
  [ -f "$whl" ] || fail "expected $(basename "$whl"), got: $(ls "$DIST/wheels")"
  if [ "$flavour" = manylinux ]; then
    # auditwheel judges glibc wheels: it must find manylinux_2_17 (glibc 2.17) fits.
    aw="$(auditwheel show "$whl")"
    echo "$aw"
    grep -q "manylinux_2_17_$arch" <<< "$aw" || fail "auditwheel: $(basename "$whl") is not manylinux_2_17"
    record "wheel $(basename "$whl")" "auditwheel show: manylinux_2_17_$arch"
  else
    # auditwheel cannot judge musl wheels on a glibc host: the shared objects
    # the extension needs must be musl's libc alone.
    so="$DIST/work/$arch-musl-so"
    rm -rf "$so" && mkdir -p "$so" && (cd "$so" && "$TOOLS/bin/python" -m zipfile -e "$whl" .)
    needed="$(readelf -d "$so"/tikapi/_native*.so | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' | sort -u | tr '\n' ' ')"
    # zig links musl's libc as `libc.so`, a name musl's dynamic loader resolves to itself.
    case "$needed" in "libc.so " | "libc.musl-$arch.so.1 ") ;; *) fail "musl wheel NEEDED: $needed" ;; esac
    record "wheel $(basename "$whl")" "readelf NEEDED: ${needed% }"
  fi

  step "node addon: $triple"
  platform="$(napi_platform "$triple")"
  ztarget="$triple"
  # The gnu addons link against glibc 2.17's symbols (zig's versioned target).
  case "$triple" in *-gnu) ztarget="$triple.2.17" ;; esac
  # A target dir of its own: maturin's zig linker wrapper differs from
  # cargo-zigbuild's, and cargo rebuilds everything when the linker changes.
  CARGO_TARGET_DIR="$ROOT/target/dist-node-cargo" nice -n 10 \
    cargo zigbuild --release --quiet -p tikapi-node --target "$ztarget"
  pkg="$DIST/npm/$platform"
  mkdir -p "$pkg"
  cp "npm/$platform/package.json" "npm/$platform/README.md" "$pkg/"
  cp "target/dist-node-cargo/$triple/release/libtikapi_node.so" "$pkg/tikapi.$platform.node"
  case "$triple" in
    *-gnu)
      max="$(objdump -T "$pkg/tikapi.$platform.node" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1)"
      [ "$(printf '%s\n2.17\n' "$max" | sort -V | tail -1)" = 2.17 ] || fail "$platform needs GLIBC_$max (> 2.17)"
      record "addon $platform" "highest GLIBC_ symbol: $max (<= 2.17)" ;;
    *-musl)
      needed="$(readelf -d "$pkg/tikapi.$platform.node" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' | sort -u | tr '\n' ' ')"
      case "$needed" in "libc.so " | "libc.musl-$arch.so.1 ") ;; *) fail "$platform NEEDED: $needed" ;; esac
      record "addon $platform" "readelf NEEDED: ${needed% }" ;;
  esac
  nodes="$(cd "$pkg" && npm pack --dry-run --json | node -e '
    let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
      console.log(JSON.parse(s)[0].files.map((f) => f.path).filter((p) => p.endsWith(".node")).join(" "));
    });')"
  [ "$nodes" = "tikapi.$platform.node" ] || fail "npm pack of $platform: .node files: '$nodes'"
  (cd "$pkg" && npm pack --silent --pack-destination "$DIST/npm" > /dev/null)
  record "npm package @tikapi-rs/tikapi-$platform" "npm pack: exactly one .node ($nodes)"
done

step "sdist"
nice -n 10 maturin sdist --out "$DIST/sdist"
sdist="$DIST/sdist/tikapi_rs-$PYV.tar.gz"
[ -f "$sdist" ] || fail "expected $(basename "$sdist"), got: $(ls "$DIST/sdist")"

step "python metadata checks"
# Exactly the expected files, and no platform tag `linux_*` (the index refuses those).
expected="$(for build in "${BUILDS[@]}"; do read -r arch flavour _ <<< "$build"; wheel_name "$arch" "$flavour"; done | sort)"
[ "$(ls "$DIST/wheels" | sort)" = "$expected" ] || fail "wheels: got $(ls "$DIST/wheels" | tr '\n' ' '), expected $expected"
for f in "$DIST"/wheels/*.whl; do
  name="$(basename "$f" .whl)"
  IFS=. read -ra platforms <<< "${name##*-}"
  for tag in "${platforms[@]}"; do
    case "$tag" in linux_*) fail "$name: platform tag $tag, refused by the index" ;; esac
  done
done
twine check --strict "$DIST"/wheels/*.whl "$sdist"
check-wheel-contents "$DIST"/wheels/*.whl
abi3audit --strict --report "$DIST"/wheels/*.whl
record "python metadata" "wheel names as expected (no linux_ tag); twine check --strict, check-wheel-contents, abi3audit --strict: clean ($(ls "$DIST"/wheels | wc -l) wheels + sdist)"

step "npm root package"
npm pack --silent --ignore-scripts --pack-destination "$DIST/npm" > "$DIST/work/root-pack.txt"
roottgz="$DIST/npm/tikapi-rs-tikapi-$VERSION.tgz"
[ -f "$roottgz" ] || fail "expected $(basename "$roottgz")"
tar -tzf "$roottgz" > "$DIST/work/root-files.txt"
! grep -q '\.node$' "$DIST/work/root-files.txt" || fail "the root package carries a .node"
"$NODE_TOOLS/node_modules/.bin/publint" run --strict "$roottgz"
# The node16 profile: the package needs Node >= 18, whose resolution (and TypeScript's node16 /
# bundler) honours "exports"; `tikapi/testing` exists only there (node10 resolution has no
# subpath exports).
"$NODE_TOOLS/node_modules/.bin/attw" --pack . --profile node16
record "npm root @tikapi-rs/tikapi" "no .node; publint --strict and attw --pack (node16 profile) clean"

step "the sandbox"
cargo build -q -p tikapi-sandbox
SANDBOX_BIN="$ROOT/target/debug/tikapi-sandbox"
SANDBOX_LOG="$DIST/work/sandbox.out"
"$SANDBOX_BIN" --addr 127.0.0.1:0 > "$SANDBOX_LOG" &
SANDBOX=$!
trap 'kill $SANDBOX 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [ -s "$SANDBOX_LOG" ] && break; sleep 0.1; done
URL="$(head -1 "$SANDBOX_LOG" | sed -n 's/^listening on //p')"
[ -n "$URL" ] || fail "the sandbox did not start"

check_py_app() { # $1 output
  grep -q '^user: lilyachty' <<< "$1" && grep -q '^expected error: 403' <<< "$1" \
    && grep -q '^expected validation error on count' <<< "$1" \
    && ! grep -q 'request failed\|unexpected' <<< "$1"
}
check_node_app() {
  grep -q 'Lil Yachty' <<< "$1" && grep -q 'expected error: 403' <<< "$1" \
    && grep -q 'expected validation error on count' <<< "$1" && ! grep -q 'failed:' <<< "$1"
}

# No Rust toolchain: PATH without ~/.cargo/bin or rustup, and no CARGO_HOME / RUSTUP_HOME.
NORUST_PATH="$(tr ':' '\n' <<< "$PATH" | grep -v -e 'cargo/bin' -e rustup -e "$TOOLS" | paste -sd: -)"
norust() { env -u CARGO_HOME -u RUSTUP_HOME -u RUSTC -u CARGO PATH="$NORUST_PATH" "$@"; }
! norust sh -c 'command -v cargo || command -v rustc' > /dev/null || fail "cargo is still on the stripped PATH"

step "python: the wheel in a fresh venv, no Rust on PATH, the official-style app"
wvenv="$DIST/work/venv-wheel"
norust "$PY" -m venv "$wvenv"
norust "$wvenv/bin/python" -m pip install -q --disable-pip-version-check --no-index \
  "$DIST/wheels/$(wheel_name x86_64 manylinux)"
out="$(cd "$DIST/work" && norust env TIKAPI_SANDBOX_URL="$URL" "$wvenv/bin/python" "$ROOT/examples/python/official_app.py")"
echo "$out"
check_py_app "$out" || fail "official_app.py on the wheel"
record "python wheel, fresh venv, no Rust" "examples/python/official_app.py against the sandbox: ok"

step "node: the packages in a fresh project as tikapi@npm:..., no Rust on PATH, the official-style app"
app="$DIST/work/node-app"
mkdir -p "$app"
echo '{ "name": "app", "version": "1.0.0", "private": true, "type": "module" }' > "$app/package.json"
(cd "$app" && norust npm install --silent --offline --no-audit --no-fund \
  "tikapi@file:$roottgz" "$DIST/npm/tikapi-rs-tikapi-linux-x64-gnu-$VERSION.tgz")
cp examples/node/official_app.mjs "$app/"
out="$(cd "$app" && norust env TIKAPI_SANDBOX_URL="$URL" node official_app.mjs)"
echo "$out"
check_node_app "$out" || fail "official_app.mjs on the npm packages"
record "npm packages, fresh project (tikapi alias), no Rust" "examples/node/official_app.mjs against the sandbox: ok"

# The README's "Testing your app" examples, as printed (the first ```LANG block of that section).
readme_example() { # $1 python|js
  "$PY" - "$1" <<'PY'
import re, sys
section = open("README.md").read().split("## Testing your app", 1)[1].split("\n## ", 1)[0]
sys.stdout.write(re.search(r"```" + sys.argv[1] + r"\n(.*?)```", section, re.S).group(1))
PY
}

step "test kit: tikapi sandbox from the wheel and from the npm packages, no Rust on PATH"
for cmd in "$wvenv/bin/tikapi" "$app/node_modules/.bin/tikapi"; do
  log="$DIST/work/kit-sandbox.out"
  : > "$log"
  t0=$(date +%s%N)
  norust "$cmd" sandbox --port 0 > "$log" &
  kit=$!
  for _ in $(seq 1 100); do [ -s "$log" ] && break; sleep 0.01; done
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  kurl="$(head -1 "$log" | sed -n 's/^listening on //p')"
  [ -n "$kurl" ] || { kill "$kit" 2>/dev/null; fail "$cmd sandbox did not start"; }
  got="$(norust "$cmd" --sandbox --base "$kurl" call public.check --username lilyachty)"
  kill "$kit" 2>/dev/null || true
  wait "$kit" 2>/dev/null || true
  grep -q '"uniqueId":"lilyachty"' <<< "$got" || fail "$cmd sandbox: public.check answered $got"
  record "tikapi sandbox ($(basename "$(dirname "$(dirname "$cmd")")"))" "listening after ${ms} ms; public.check answered"
done
# What the sandbox adds to each artefact is in the README; here, the artefacts' sizes.
record "sizes" "wheel $(stat -c %s "$DIST/wheels/$(wheel_name x86_64 manylinux)") B, npm linux-x64-gnu tarball $(stat -c %s "$DIST/npm/tikapi-rs-tikapi-linux-x64-gnu-$VERSION.tgz") B"

step "test kit: the README pytest example in the wheel's venv (pytest from the index), no Rust on PATH"
norust "$wvenv/bin/python" -m pip install -q --disable-pip-version-check pytest
kitpy="$DIST/work/kit-pytest"
mkdir -p "$kitpy"
readme_example python > "$kitpy/test_app.py"
# Recorded once from the dist sandbox standing in for the real API, then replayed offline.
(cd "$kitpy" && norust "$wvenv/bin/python" -m pytest -q -p no:cacheprovider --tikapi-record="$URL") \
  || fail "the README pytest example, recording"
! grep -q MyRealApiKey "$kitpy/cassettes/check.json" || fail "a key reached the cassette"
out="$(cd "$kitpy" && norust "$wvenv/bin/python" -m pytest -q -p no:cacheprovider)" || fail "the README pytest example: $out"
echo "$out"
grep -q '5 passed' <<< "$out" || fail "the README pytest example: $out"
record "test kit, python" "the README pytest example (tikapi_sandbox fixture, scripted 429 retried, replayed cassette): 5 passed"

step "test kit: the README node:test example in the npm project, no Rust on PATH"
readme_example js > "$app/app.test.mjs"
(cd "$app" && norust env TIKAPI_RECORD="$URL" node --test app.test.mjs > /dev/null) || fail "the README node example, recording"
out="$(cd "$app" && norust node --test app.test.mjs)" || fail "the README node example: $out"
grep -q '^# pass 5' <<< "$out" || fail "the README node example: $out"
record "test kit, node" "the README node:test example (startSandbox, scripted 429 retried, replayed cassette): 5 passed"

step "python: the sdist built from source in a fresh venv (needs Rust), smoke run"
svenv="$DIST/work/venv-sdist"
"$PY" -m venv "$svenv"
# The release build's dependencies are reused from target/ (same workspace lock).
CARGO_TARGET_DIR="$ROOT/target" nice -n 10 "$svenv/bin/python" -m pip install -q --disable-pip-version-check "$sdist"
out="$(cd "$DIST/work" && TIKAPI_SANDBOX_URL="$URL" "$svenv/bin/python" -c '
import tikapi
api = tikapi.TikAPI("DemoAPIKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39Asd4s")
api.set(__sandbox__=True)
r = api.public.check(username="lilyachty")
print(tikapi.__version__, r.status_code, r.json()["userInfo"]["user"]["uniqueId"])
')"
echo "$out"
[ "$out" = "$VERSION 200 lilyachty" ] || fail "sdist smoke run: $out"
record "sdist $(basename "$sdist")" "pip install from source in a fresh venv; smoke run: ok"

if [ "$ALL" = 1 ]; then
  bash "$ROOT/tests/dist-chroot.sh" "$URL" "$DIST" "$CACHE" "$VERSION" "$RESULTS"

  step "workflow lints: actionlint, zizmor"
  bash "$ROOT/tests/dist-lint-workflows.sh" "$RESULTS"
fi

step "all dist checks passed"
cat "$RESULTS"
