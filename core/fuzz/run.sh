#!/usr/bin/env bash
# Run every fuzz target for a bounded time (default 60 s each), growing the
# corpus kept in the repository. Needs cargo-fuzz (`cargo install cargo-fuzz`);
# RUSTC_BOOTSTRAP lets the stable toolchain take the sanitizer flags.
# usage: bash core/fuzz/run.sh [SECONDS_PER_TARGET]
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_EACH="${1:-60}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
for target in validate cursor response; do
  mkdir -p "corpus/$target"
  echo "== fuzz $target for ${SECONDS_EACH}s"
  cargo fuzz run "$target" "corpus/$target" -- -max_total_time="$SECONDS_EACH" -max_len=4096 -print_final_stats=1 2>&1 \
    | grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::new_units_added|==[0-9]+==ERROR|SUMMARY|thread .* panicked)" || true
  # A crash leaves an artifact and a non-zero exit from cargo fuzz.
  if ls "artifacts/$target"/crash-* >/dev/null 2>&1; then
    echo "fuzz $target found a crash: $(ls artifacts/$target/crash-*)"; exit 1
  fi
done
