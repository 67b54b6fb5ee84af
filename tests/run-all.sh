#!/usr/bin/env bash
# Every check and test of the project. The README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== rust: fmt, clippy, tests"
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
cargo test --workspace
