"""Prints, as JSON, every parameter the official PyPI tikapi (3.2.2) checks
for each endpoint, in the order it checks them, with the words it uses: each
parameter's `help` and wire `name`.

Each endpoint method hands its schema to the package's private `wrap`; the
script swaps that function for one that records what it is handed (the
endpoint's parameters, its category's options), and merges them as the
package does: global parameters, then the category's, then the endpoint's.

usage: PYTHON official_help_py.py > OUT.json
  PYTHON  a Python where `import tikapi` is the official package
          (target/official/py/bin/python, made by tests/official-sdks.sh)
"""

import inspect
import json
import sys

from tikapi import TikAPI

api = TikAPI("Zyxwvutsrq9876543210")
seen = {}


def cell(fn, name):
    fn = getattr(fn, "__func__", fn)
    return fn.__closure__[fn.__code__.co_freevars.index(name)]


def endpoints(node, prefix):
    for name, member in inspect.getmembers(node):
        if name.startswith("_") or name == "set":
            continue
        key = f"{prefix}.{name}" if prefix else name
        if inspect.isclass(member):
            yield from endpoints(member, key)
        elif callable(member):
            yield key, member


def main():
    found = list(endpoints(api, ""))
    original = cell(found[0][1], "wrap").cell_contents
    global_options = cell(original, "global_options").cell_contents

    def record(request, category_options=None, category_key=None):
        key = current  # the endpoint being walked when its method hands over its schema

        def call(**_):
            params = {
                **global_options.get("params", {}),
                **(category_options or {}).get("params", {}),
                **request.get("params", {}),
            }
            seen[key] = {
                n: {"name": p.get("name"), "help": p.get("help")} for n, p in params.items()
            }

        return call

    for current, fn in found:
        wrap = cell(fn, "wrap")
        wrap.cell_contents = record
        try:
            fn()
        finally:
            wrap.cell_contents = original
    json.dump(seen, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
