"""The request cases behind core/tests/fixtures/official_requests.json.

For every endpoint of the official SDK 3.2.2, two cases: sandbox mode with no
arguments, and production mode with every parameter given. They are two of
the conformance suite's request cases (../cases.py, which makes each value
from the parameter's rules), in the fixture's shape.

usage: python3 request_cases.py OUT.json
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import cases as conformance  # tests/conformance/cases.py

LABELS = ("sandbox, no arguments", "every parameter")


def main(out):
    cases = [
        {"key": c["key"], "sandbox": c["sandbox"], "args": c["args"]}
        for c in conformance.request_cases()
        if c["label"] in LABELS
    ]
    Path(out).write_text(json.dumps(cases, indent=1))
    print(f"{len(cases)} request cases in {out}")


if __name__ == "__main__":
    main(sys.argv[1])
