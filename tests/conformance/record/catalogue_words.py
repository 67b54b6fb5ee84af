"""Writes the official SDKs' words for validation errors into the catalogue
(core/data/endpoints.json): each parameter's `help` (what both official
packages say when it is missing, of the wrong type or of the wrong format),
`help_python` where the PyPI package words it otherwise, and the top-level
`messages`, the templates of the rules whose words are not a help text.

The help texts come from the packages themselves (official_help_js.mjs and
official_help_py.py print them). The templates are the literals of the two
packages' validation code (rests/lib/index.js of the npm package,
tikapi/api.py of the PyPI package, `process_request`); the conformance suite
checks every one of them against the packages' own messages.

Forms of an endpoint that the official SDK does not have (the docs'
`public.discover/{category}`, `public.discoverKeyword`) take the help text of
the same parameter in the official SDK's form of that category, else the
docs' description, else none (the official fallback, `invalid`).

usage: python3 catalogue_words.py JS_HELP.json PY_HELP.json
  rewrites core/data/endpoints.json in place (same layout).
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CATALOGUE = ROOT / "core" / "data" / "endpoints.json"

MESSAGES = {
    "js": {
        "invalid": "The '{key}' field is invalid.",
        "max": "The maximum allowed value allowed for the {name} parameter is {max}",
        "min": "The minimum allowed value allowed for the {name} parameter is {min}",
        "enum": "The {name} parameter should be one of these values: {values}",
        "enum_separator": ",",
    },
    "python": {
        "invalid": "The '{key}' field is invalid.",
        "max": "The maximum allowed value for the {name} parameter is {max}",
        "min": "The minimum allowed value for the {name} parameter is {min}",
        "enum": "The {name} parameter should be one of these values: {values}",
        "enum_separator": ", ",
    },
}

# The docs v3.1.4 describe this parameter of a form the official SDK lacks.
DOCS_HELP = {("public.discover", "category"): "The discover category"}


def main(js_path, py_path):
    js, py = json.loads(Path(js_path).read_text()), json.loads(Path(py_path).read_text())
    doc = json.loads(CATALOGUE.read_text())
    official = {e["key"] for e in doc["endpoints"] if e["in_official_sdk_3_2_2"]}
    assert official == set(js) == set(py), "the official endpoints are the catalogue's"

    def borrowed(key, name):
        category = key.rsplit(".", 1)[0]
        for k in js:
            if k.rsplit(".", 1)[0] == category and name in js[k]:
                return js[k][name]["help"], py[k][name]["help"]
        return DOCS_HELP.get((key, name)), DOCS_HELP.get((key, name))

    for e in doc["endpoints"]:
        key = e["key"]
        if e["in_official_sdk_3_2_2"]:
            assert list(e["params"]) == list(js[key]) == list(py[key]), f"{key}: the official order"
        for name, p in e["params"].items():
            if e["in_official_sdk_3_2_2"]:
                help_js, help_py = js[key][name]["help"], py[key][name]["help"]
                assert (js[key][name]["name"] or name) == p.get("name", name), (
                    f"{key}.{name}: wire name"
                )
            else:
                help_js, help_py = borrowed(key, name)
            p.pop("help", None)
            p.pop("help_python", None)
            if help_js is not None:
                p["help"] = help_js
            if help_py != help_js:
                p["help_python"] = help_py
    doc["messages"] = MESSAGES
    CATALOGUE.write_text(json.dumps(doc, indent=1))
    print(f"wrote the official words into {CATALOGUE}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
