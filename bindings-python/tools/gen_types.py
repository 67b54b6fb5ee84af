"""Generate ``tikapi/types.py`` from the core's answer schema.

    python bindings-python/tools/gen_types.py          # rewrite the module
    python bindings-python/tools/gen_types.py --check  # exit 1 if it is stale

The schema is the core's export (``tikapi schema --all``, run through the
installed package's native module, or read from ``--schema FILE``): a
``TypedDict`` per shared object (``User``, ``Item``, ...) and per answer shape
(``ProfileAnswer``, ...), and per endpoint key an alias named from it
(``PublicCheckBody``). Nothing here knows an endpoint or a field by name.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

MODULE = Path(__file__).resolve().parent.parent / "python" / "tikapi" / "types.py"
COMMAND = "python bindings-python/tools/gen_types.py"

HEADER = f'''\
# Generated from the core's answer schema (core/data/answers.json): do not edit.
# Regenerate with
#   {COMMAND}
"""Typed answers: what each endpoint's ``json()`` holds, as ``TypedDict``.

``response.json()`` stays ``Any``, as in the official SDK; annotate to get a
checked, autocompleted body::

    from tikapi.types import PublicCheckBody

    body: PublicCheckBody = api.public.check(username="lilyachty").json()
    body["userInfo"]["user"]["uniqueId"]

An endpoint's ``pages()`` yields responses whose ``json()`` is its body type,
and its ``items()`` yields its item type (``Item`` for posts). Keys that not
every real answer has are optional; the service may send more keys than
these. The JSON Schema of every answer: ``tikapi schema ENDPOINT``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, TypedDict, Union

'''

TAIL = """

if TYPE_CHECKING:
    # The page types of pages(), hand-written in _typed_pages.py.
    from ._typed_pages import AsyncItems as AsyncItems
    from ._typed_pages import AsyncPageResponse as AsyncPageResponse
    from ._typed_pages import AsyncPages as AsyncPages
    from ._typed_pages import Items as Items
    from ._typed_pages import PageResponse as PageResponse
    from ._typed_pages import Pages as Pages
"""

SIMPLE = {
    "string": "str",
    "integer": "int",
    "number": "float",
    "boolean": "bool",
    "null": "None",
    "object": "Dict[str, Any]",
}


def load_schema(path: str | None = None) -> dict[str, Any]:
    """The core's export: from a file, or from the installed package's CLI."""
    if path:
        text = Path(path).read_text(encoding="utf-8")
    else:
        code = "import sys; from tikapi import _native; sys.exit(_native.cli_main(sys.argv))"
        text = subprocess.run(
            [sys.executable, "-c", code, "schema", "--all"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    schema: dict[str, Any] = json.loads(text)
    return schema


def ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def annotation(s: dict[str, Any]) -> str:
    """A property's JSON Schema as a Python type."""
    if "$ref" in s:
        return ref_name(s["$ref"])
    if "anyOf" in s:
        # None last, as type checkers and linters print it.
        parts = sorted((annotation(a) for a in s["anyOf"]), key=lambda t: t == "None")
        return "Union[" + ", ".join(parts) + "]"
    ty = s.get("type")
    if ty == "array":
        return "List[" + (annotation(s["items"]) if "items" in s else "Any") + "]"
    if isinstance(ty, str):
        return SIMPLE[ty]
    return "Any"


def typed_dict(name: str, s: dict[str, Any]) -> str:
    """``name`` as a TypedDict: required keys, then the optional ones."""
    required = set(s["required"])
    props: dict[str, dict[str, Any]] = s["properties"]

    def keys(which: bool) -> str:
        lines = [
            f"        {json.dumps(k)}: {json.dumps(annotation(v))},"
            for k, v in props.items()
            if (k in required) == which
        ]
        return "{\n" + "\n".join(lines) + "\n    }" if lines else "{}"

    doc = s.get("description", "")
    grounded = s.get("x-grounded")
    if grounded:
        doc = (doc + " " if doc else "") + f"Grounded in: {grounded}."
    doc = doc or f"``{name}``."
    return (
        f"_{name} = TypedDict(\n    {json.dumps('_' + name)},\n    {keys(True)},\n)\n"
        f"_{name}Optional = TypedDict(\n    {json.dumps('_' + name + 'Optional')},\n"
        f"    {keys(False)},\n    total=False,\n)\n\n\n"
        f"class {name}(_{name}, _{name}Optional):\n    {json.dumps(doc, ensure_ascii=False)}\n"
    )


def item_annotation(items: list[dict[str, Any]]) -> str:
    if not items:
        return "Any"
    if len(items) == 1:
        return annotation(items[0])
    return "Union[" + ", ".join(annotation(i) for i in items) + "]"


def item_name(endpoint: dict[str, Any]) -> str:
    """``PublicPostsBody`` → ``PublicPostsItem``."""
    body: str = endpoint["body"]
    return body.removesuffix("Body") + "Item"


def generate(schema: dict[str, Any]) -> str:
    defs: dict[str, dict[str, Any]] = schema["$defs"]
    blocks = [typed_dict(name, s) for name, s in sorted(defs.items())]
    endpoints: dict[str, dict[str, Any]] = schema["x-endpoints"]
    aliases = []
    for key, e in sorted(endpoints.items()):
        aliases.append(
            f'{e["body"]} = {ref_name(e["answer"]["$ref"])}\n"""The answer of ``{key}``."""\n'
        )
        if e["items"]:
            aliases.append(
                f"{item_name(e)} = {item_annotation(e['items'])}\n"
                f'"""An item of ``{key}``: what its ``items()`` yields."""\n'
            )
    return HEADER + "\n\n".join(blocks) + "\n\n" + "\n".join(aliases) + TAIL


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if the module is stale")
    parser.add_argument("--schema", help="read the export from this file")
    args = parser.parse_args()
    text = generate(load_schema(args.schema))
    if args.check:
        current = MODULE.read_text(encoding="utf-8") if MODULE.exists() else ""
        if current != text:
            print(f"{MODULE} is stale; run {COMMAND}", file=sys.stderr)
            return 1
        return 0
    MODULE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
