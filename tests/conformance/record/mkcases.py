# Writes cases.json: for every endpoint of the official SDK 3.2.2, a sandbox call
# with no arguments and a production call with every parameter (see
# core/tests/fixtures/README.md). Run from this directory.
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
cat = json.loads((ROOT / "core/data/endpoints.json").read_text())


def synth(name, p):
    if "in" in p:
        return p["in"][-1]
    t = p.get("type")
    v = p.get("validate", "")
    if t == "number":
        return 7 if name != "session_id" else 3
    if t == "boolean":
        return True
    if name in ("username",):
        return "some_user.name"
    if "secUid" in name:
        return "MS4wLjABAAAA" + "x" * 40
    if v in ("^[0-9]+$",) or "id" in name or v.startswith("^([0-9]+"):
        return "7123456789012345678"
    if name == "country":
        return "gb"
    if v == "^[0-9]{1,2}$":
        return "12"
    return "hello world & more/?#"


def main():
    cases = []
    for e in cat["endpoints"]:
        if not e["in_official_sdk_3_2_2"]:
            continue
        cases.append({"key": e["key"], "sandbox": True, "args": {}})
        args = {}
        for name, p in e["params"].items():
            if name == "apiKey":
                continue
            args[name] = "Abcdefghij0123456789" if name == "accountKey" else synth(name, p)
        cases.append({"key": e["key"], "sandbox": False, "args": args})
    json.dump(cases, open("cases.json", "w"), indent=1)
    print(len(cases))


if __name__ == "__main__":
    main()
