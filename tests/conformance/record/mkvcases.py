# Writes vcases.json: for every rule of every parameter, a call that breaks it
# (see core/tests/fixtures/README.md). Run from this directory.
import json, copy
from mkcases import cat, synth

cases = []
for e in cat["endpoints"]:
    if not e["in_official_sdk_3_2_2"]:
        continue
    base = {}
    for name, p in e["params"].items():
        if name == "apiKey":
            continue
        if p.get("required") or name == "accountKey":
            base[name] = "Abcdefghij0123456789" if name == "accountKey" else synth(name, p)
    for name, p in e["params"].items():
        if name == "apiKey":
            continue
        breaks = []
        if p.get("required"):
            breaks.append(("required", None))
        t = p.get("type")
        if t == "string":
            breaks.append(("type", True))
        if t == "number":
            breaks.append(("type", "abc"))
        if t == "boolean":
            breaks.append(("type", 1))
        v = p.get("validate")
        if v:
            bad = "bad value!" if v != "^(.*?){30,}$" else "line\nbreak"
            if t == "number":
                bad = 123  # regex on numbers: use 123 for ^[0-9]{1,2}$
            if v == "^[0-9]{1,2}$" and t == "number":
                breaks.append(("pattern", 123))
            elif t == "number":
                breaks.append(("pattern", -5))
            else:
                breaks.append(("pattern", bad))
        if "max" in p:
            breaks.append(("max", int(p["max"]) + 1))
        if "in" in p:
            breaks.append(("enum", "nope" if isinstance(p["in"][0], str) else 5))
        for rule, val in breaks:
            args = copy.deepcopy(base)
            if rule == "required":
                args.pop(name, None)
            else:
                args[name] = val
            cases.append(
                {"key": e["key"], "param": name, "rule": rule, "sandbox": False, "args": args}
            )
json.dump(cases, open("vcases.json", "w"), indent=1)
print(len(cases))
