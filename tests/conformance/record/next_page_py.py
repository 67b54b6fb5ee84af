"""The official PyPI tikapi's next-page rule, case by case: each case of
next_page_cases.json ([endpoint key, first-page body, content type]) is
answered by echo_server.mjs with that body; the script then asks for the next
page and prints `INDEX KEY STOP|NEXT` (or `ERR class message`). The echo
server's log shows the arguments the next page was requested with (tags py0,
py1, ...). core/tests/cursor.rs holds what was learnt.

usage: PYTHON next_page_py.py next_page_cases.json BASE_URL
  PYTHON  a Python where `import tikapi` is the official package
"""

import base64
import json
import sys

from tikapi import TikAPI


def main(cases_path, base):
    cases = json.load(open(cases_path))
    for i, (key, body, ctype) in enumerate(cases):
        api = TikAPI("Zyxwvutsrq9876543210")
        headers = {
            "x-tag": f"py{i}",
            "x-body": base64.b64encode(json.dumps(body).encode()).decode(),
            "x-ctype": ctype,
        }
        api.set(__sandbox__=True, __options__={"sandboxBase": base, "headers": headers})
        f = api
        for p in key.split("."):
            f = getattr(f, p)
        try:
            r = f()
            n = r.next_items()
            print(i, key, "STOP" if n is None else "NEXT")
        except Exception as e:
            print(i, key, "ERR", type(e).__name__, e)


if __name__ == "__main__":
    main(*sys.argv[1:3])
