"""Builds the two fixtures from what record.sh recorded in DIR:

- official_requests.json: per request case, the request each official SDK
  sent (method, path, decoded query pairs, JSON body, keys, content type),
  or the field of the validation error it raised instead;
- official_validation.json: per validation case, the field each official SDK
  rejected it with and its message (`js_message`, `python_message`), OK when
  it sent the call, CRASH:CLASS when it raised another error.

Calls run one after another, so the Nth call that was sent is the Nth line of
its run's request log.

usage: python3 assemble_fixtures.py DIR
"""

import json
import sys
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

API_KEY = "Zyxwvutsrq9876543210"
RUNS = {"js": "js", "python": "py"}


def load(path):
    return json.loads(Path(path).read_text())


def log(path):
    return [json.loads(line) for line in Path(path).read_text().splitlines() if line]


def request(line):
    url = urlsplit(line["url"])
    headers = line["headers"]
    return {
        "method": line["method"],
        "path": url.path,
        "query": [list(p) for p in parse_qsl(url.query, keep_blank_values=True)],
        "body": json.loads(line["body"]) if line["body"] else None,
        "apiKey": headers.get("x-api-key"),
        "accountKey": headers.get("x-account-key"),
        "contentType": headers.get("content-type"),
    }


def requests_fixture(d):
    cases = load(d / "cases.json")
    for side, run in RUNS.items():
        results = load(d / f"{run}_requests.json")
        sent = iter(log(d / f"{run}_requests.jsonl"))
        assert len(results) == len(cases), side
        for c, r in zip(cases, results):
            c[side] = request(next(sent)) if r["ok"] else {"error_field": r["field"]}
        assert next(sent, None) is None, f"{side}: more requests than calls sent"
    return {
        "_about": (
            "Requests the official tikapi 3.2.2 SDKs (npm and PyPI) sent for each case,"
            " recorded on a loopback server. Regenerate: see core/tests/fixtures/README.md."
        ),
        "apiKey": API_KEY,
        "cases": cases,
    }


def validation_fixture(d):
    cases = load(d / "vcases.json")
    for side, run in RUNS.items():
        results = load(d / f"{run}_validation.json")
        assert len(results) == len(cases), side
        for c, r in zip(cases, results):
            if r["ok"]:
                c[side] = "OK"
            elif "crash" in r:
                c[side] = f"CRASH:{r['crash']}"
            else:
                c[side] = r["field"]
                c[f"{side}_message"] = r["msg"]
    return {
        "_about": (
            "For each rule of each parameter of the official SDK 3.2.2, a call that breaks it"
            " (in production and sandbox mode, and calls that break several rules), the field"
            " each official SDK rejected it with (OK = sent, CRASH = raised a non-validation"
            " error) and its message, byte for byte. Recorded with tests/conformance/record/."
        ),
        "cases": cases,
    }


def main(d):
    d = Path(d)
    for name, build in [
        ("official_requests.json", requests_fixture),
        ("official_validation.json", validation_fixture),
    ]:
        (d / name).write_text(json.dumps(build(d), indent=1))
        print(f"wrote {d / name}")


if __name__ == "__main__":
    main(sys.argv[1])
