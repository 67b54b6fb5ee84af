#!/usr/bin/env bash
# Part of `bash tests/dist.sh --all`: the release artifacts on an older Linux.
# A Debian bullseye chroot (glibc 2.31, python3.9 = our minimum), made once with
# debootstrap and cached in target/dist-cache/bullseye: the manylinux2014
# x86_64 wheel installed there runs the official-style app, and the
# linux-x64-gnu npm packages load under the machine's node binary, both against
# the sandbox, which runs outside on loopback (a chroot shares the network
# namespace).
#
# usage: bash tests/dist-chroot.sh SANDBOX_URL DIST CACHE VERSION RESULTS
# Needs root (chroot, mount) and debootstrap (installed with apt-get if missing).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
URL="$1" DIST="$2" CACHE="$3" VERSION="$4" RESULTS="$5"
PYV="${VERSION//-/_}"
record() { printf '| %s | %s |\n' "$1" "$2" >> "$RESULTS"; echo "dist: ok: $1: $2"; }
fail() { echo "dist-chroot: FAILED: $*" >&2; exit 1; }
echo; echo "######## dist: Debian bullseye chroot (glibc 2.31, python3.9)"

C="$CACHE/bullseye"
if [ ! -x "$C/usr/bin/python3.9" ]; then
  command -v debootstrap > /dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap; }
  rm -rf "$C.tmp"
  debootstrap --variant=minbase --include=python3,python3-venv,python3-pip \
    bullseye "$C.tmp" http://deb.debian.org/debian > "$CACHE/debootstrap.log"
  mv "$C.tmp" "$C"
fi

W="$C/tmp/tikapi-dist"
rm -rf "$W"
mkdir -p "$W"
mounted=()
cleanup() {
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount "${mounted[$i]}" 2>/dev/null || true; done
}
trap cleanup EXIT
for fs in proc dev; do
  if ! mountpoint -q "$C/$fs"; then
    if [ "$fs" = proc ]; then mount -t proc proc "$C/proc"; else mount --bind /dev "$C/dev"; fi
    mounted+=("$C/$fs")
  fi
done
in_chroot() { chroot "$C" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/tmp TIKAPI_SANDBOX_URL="$URL" "$@"; }

glibc="$(in_chroot /usr/bin/ldd --version | head -1 | grep -o '[0-9.]*$')"
pyver="$(in_chroot /usr/bin/python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
[ "$glibc" = 2.31 ] && [ "$pyver" = 3.9 ] || fail "the chroot has glibc $glibc, python $pyver"

# Python: the wheel, from a file, into a venv of the chroot's python3.9.
whl="tikapi_rs-$PYV-cp39-abi3-manylinux2014_x86_64.manylinux_2_17_x86_64.whl"
cp "$DIST/wheels/$whl" "$ROOT/examples/python/official_app.py" "$W/"
in_chroot /usr/bin/python3 -m venv /tmp/tikapi-dist/venv
in_chroot /tmp/tikapi-dist/venv/bin/python -m pip install -q --disable-pip-version-check --no-index "/tmp/tikapi-dist/$whl"
out="$(in_chroot /bin/sh -c 'cd /tmp/tikapi-dist && venv/bin/python official_app.py')"
echo "$out"
grep -q '^user: lilyachty' <<< "$out" && grep -q '^expected error: 403' <<< "$out" \
  && grep -q '^expected validation error on count' <<< "$out" && ! grep -q 'request failed\|unexpected' <<< "$out" \
  || fail "official_app.py in the chroot"
record "bullseye chroot (glibc $glibc, python $pyver): x86_64 wheel" "examples/python/official_app.py against the sandbox: ok"

# Node: the machine's node binary (needs glibc >= 2.28), the two npm packages
# unpacked as npm would install them, the official-style app.
cp "$(command -v node)" "$W/node"
mkdir -p "$W/app/node_modules/tikapi" "$W/app/node_modules/@tikapi-rs/tikapi-linux-x64-gnu"
tar -xzf "$DIST/npm/tikapi-rs-tikapi-$VERSION.tgz" -C "$W/app/node_modules/tikapi" --strip-components=1
tar -xzf "$DIST/npm/tikapi-rs-tikapi-linux-x64-gnu-$VERSION.tgz" \
  -C "$W/app/node_modules/@tikapi-rs/tikapi-linux-x64-gnu" --strip-components=1
echo '{ "name": "app", "private": true, "type": "module" }' > "$W/app/package.json"
cp "$ROOT/examples/node/official_app.mjs" "$W/app/"
out="$(in_chroot /bin/sh -c 'cd /tmp/tikapi-dist/app && ../node official_app.mjs')"
echo "$out"
grep -q 'Lil Yachty' <<< "$out" && grep -q 'expected error: 403' <<< "$out" && ! grep -q 'failed:' <<< "$out" \
  || fail "official_app.mjs in the chroot"
record "bullseye chroot (glibc $glibc): linux-x64-gnu addon, node $(node --version)" "examples/node/official_app.mjs against the sandbox: ok"

# aarch64: the manylinux2014 aarch64 wheel under qemu-user-static, on a
# bullseye arm64 root (python3.9, glibc 2.31) unpacked from its packages
# (debootstrap --foreign, then dpkg-deb -x: no second stage, no binfmt
# registration needed). The wheel is unzipped onto PYTHONPATH, which is what
# installing it amounts to.
echo; echo "######## dist: bullseye arm64 under qemu-aarch64-static (glibc 2.31, python3.9)"
A="$CACHE/bullseye-arm64"
command -v qemu-aarch64-static > /dev/null || { apt-get update -qq && apt-get install -y -qq qemu-user-static; }
if [ ! -x "$A/usr/bin/python3.9" ]; then
  command -v debootstrap > /dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap; }
  rm -rf "$A.tmp"
  debootstrap --foreign --arch=arm64 --variant=minbase --include=python3 \
    bullseye "$A.tmp" http://deb.debian.org/debian > "$CACHE/debootstrap-arm64.log"
  for deb in "$A.tmp"/var/cache/apt/archives/*.deb; do dpkg-deb -x "$deb" "$A.tmp"; done
  mv "$A.tmp" "$A"
fi
whl="tikapi_rs-$PYV-cp39-abi3-manylinux2014_aarch64.manylinux_2_17_aarch64.whl"
AW="$A/tmp/tikapi-dist"
rm -rf "$AW" && mkdir -p "$AW/site"
(cd "$AW/site" && python3 -m zipfile -e "$DIST/wheels/$whl" .)
arm_py() { env -i PATH=/usr/bin:/bin TIKAPI_SANDBOX_URL="$URL" PYTHONPATH="$AW/site" \
  qemu-aarch64-static -L "$A" "$A/usr/bin/python3.9" "$@"; }
info="$(arm_py -c 'import platform; print(platform.machine(), *platform.libc_ver())')"
[ "$info" = "aarch64 glibc 2.31" ] || fail "the arm64 root: $info"
out="$(cd "$AW" && arm_py "$ROOT/examples/python/official_app.py")"
echo "$out"
grep -q '^user: lilyachty' <<< "$out" && grep -q '^expected error: 403' <<< "$out" \
  && grep -q '^expected validation error on count' <<< "$out" && ! grep -q 'request failed\|unexpected' <<< "$out" \
  || fail "official_app.py on aarch64"
record "bullseye arm64 under qemu (glibc 2.31, python 3.9): aarch64 wheel" "examples/python/official_app.py against the sandbox: ok"
