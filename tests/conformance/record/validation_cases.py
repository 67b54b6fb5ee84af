"""The validation cases behind core/tests/fixtures/official_validation.json.

For every rule of every parameter of the official SDK 3.2.2 (required, type,
pattern, max, allowed values), a call that breaks that rule and no other, in
production and in sandbox mode, and calls that break several rules at once.
They are the conformance suite's validation cases (../cases.py) without its
leniency cases (values the official SDKs reject and ours may accept) and its
category-constructor cases, in the fixture's shape.

usage: python3 validation_cases.py OUT.json
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import cases as conformance  # tests/conformance/cases.py


def main(out):
    cases = [
        {k: c[k] for k in ("key", "param", "rule", "sandbox", "args")}
        for c in conformance.validation_cases()
        if not c["rule"].startswith("leniency") and "scope" not in c
    ]
    Path(out).write_text(json.dumps(cases, indent=1))
    print(f"{len(cases)} validation cases in {out}")


if __name__ == "__main__":
    main(sys.argv[1])
