#!/usr/bin/env bash
# The Node binding's checks and tests: installs the dev tools (npm install),
# builds the addon (npm run build -> napi build --release), builds the sandbox, checks the generated
# types and compiles them with the examples (tsc --strict), then runs the
# node:test suite (every endpoint, the docs' samples, validation parity, error
# shapes, pagination, saveVideo, concurrency, the examples, the packed tarball
# installed into a fresh project, and reliability: the fault matrix with its
# key scan, bad input, 10,000 concurrent calls and process exit with calls in
# flight, downloads under faults). Needs Rust, Node >= 18 and npm.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== node: npm install (dev tools), npm run build (the addon)"
npm install --no-audit --no-fund
npm run build

echo "== node: rustfmt"
cargo fmt -p tikapi-node --check

echo "== node: the sandbox"
TIKAPI_SANDBOX_BIN="$(cargo build -q -p tikapi-sandbox --message-format=json \
  | node -e '
let out = "";
process.stdin.on("data", (d) => (out += d)).on("end", () => {
  for (const line of out.split("\n")) {
    if (!line.startsWith("{")) continue;
    const m = JSON.parse(line);
    if (m.reason === "compiler-artifact" && m.executable && m.target.name === "tikapi-sandbox") console.log(m.executable);
  }
});')"
test -x "$TIKAPI_SANDBOX_BIN"
export TIKAPI_SANDBOX_BIN

echo "== node: generated types are fresh; tsc --strict on the declarations and examples"
node bindings-node/tools/gen-types.mjs --check
node node_modules/typescript/bin/tsc -p bindings-node/tsconfig.json

echo "== node: eslint on the JS face, its tools, tests, examples and benchmarks; tsc --checkJs on the JS face (npm run lint)"
npm run --silent lint

echo "== node: tests"
node --test bindings-node/tests/*.test.mjs
