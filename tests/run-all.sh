#!/usr/bin/env bash
# Every check and test of the project: the README's test command, and what CI
# runs (.ci/run). Needs only Rust, Python 3.11 with pip, Node 20 with npm and
# Debian's redis-server (.ci/run installs it);
# everything else (maturin, pytest, ruff, mypy, @napi-rs/cli, typescript, the
# official SDKs for the conformance suite) is installed under target/ and
# node_modules/ by the scripts below.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
step() {
  echo
  echo "######## $* ($((SECONDS - start))s, $(df -h --output=avail . | tail -1 | tr -d ' ') free)"
}
# One-shot builds: incremental caches only cost disk here (1.4 GB cold).
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

step "rust: fmt, clippy, tests (core, sandbox)"
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
cargo test --workspace

step "python binding"
bash tests/python.sh

step "node binding"
bash tests/node.sh

step "conformance against the official SDKs"
bash tests/conformance/run.sh

step "release artifacts: wheel, sdist, npm packages installed with no Rust (tests/dist.sh)"
bash tests/dist.sh

step "scale-out examples on Celery and BullMQ with a real Redis (tests/scale-out.sh)"
# After tests/python.sh and tests/node.sh: it runs the package and addon they built.
bash tests/scale-out.sh

step "benchmarks, smoke run"
bash bench/run.sh --smoke > target/bench-smoke.log 2>&1 || { cat target/bench-smoke.log; exit 1; }
tail -5 target/bench-smoke.log

step "all green"
