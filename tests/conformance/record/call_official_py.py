"""Calls the official PyPI tikapi (3.2.2) once per case, in order, with the
case's sandbox mode and arguments, against BASE_URL (a recording server), and
writes what happened per case: {"ok": true} when the call was sent, else
{"ok": false, "field", "msg"} from its ValidationException, or
{"ok": false, "crash": CLASS, "msg"} from any other exception.

usage: PYTHON CASES.json BASE_URL OUT.json
  PYTHON  a Python where `import tikapi` is the official package
          (target/official/py/bin/python, made by tests/official-sdks.sh)
"""

import json
import sys

from tikapi import TikAPI, ValidationException


def main(cases_path, base, out_path):
    cases = json.load(open(cases_path))
    out = []
    for c in cases:
        api = TikAPI("Zyxwvutsrq9876543210")
        api.set(__sandbox__=c["sandbox"], __options__={"sandboxBase": base, "base": base})
        f = api
        for p in c["key"].split("."):
            f = getattr(f, p)
        try:
            f(**c["args"])
            out.append({"ok": True})
        except ValidationException as e:
            out.append({"ok": False, "field": e.field, "msg": str(e)})
        except Exception as e:
            out.append({"ok": False, "crash": type(e).__name__, "msg": str(e)})
    json.dump(out, open(out_path, "w"))


if __name__ == "__main__":
    main(*sys.argv[1:4])
