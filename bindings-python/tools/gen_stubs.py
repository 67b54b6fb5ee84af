"""Generate ``tikapi/_endpoints.pyi`` from the core's endpoint catalogue.

    python bindings-python/tools/gen_stubs.py          # rewrite the stub
    python bindings-python/tools/gen_stubs.py --check  # exit 1 if it is stale

Every endpoint, parameter, type, enum and required flag comes from
``tikapi._native.catalogue()`` (the core's parsed catalogue), and the category
tree from ``tikapi._surface.tree()``, the same one the runtime surface is built
from. Nothing here reads ``endpoints.json`` or knows an endpoint by name.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import gen_types
from tikapi import _surface

STUB = Path(__file__).resolve().parent.parent / "python" / "tikapi" / "_endpoints.pyi"
COMMAND = "python bindings-python/tools/gen_stubs.py"

TYPES = {"string": "str", "number": "float", "boolean": "bool", "any": "Any"}

HEADER = f'''\
# Generated from the core's endpoint catalogue: do not edit. Regenerate with
#   {COMMAND}
"""Types of the endpoints, for type checkers only: every category and every
endpoint with its arguments (by position in the official SDK's order, the rest
by keyword), and what ``TikAPI`` / ``AsyncTikAPI`` hold (``_TikAPIEndpoints``,
``_AsyncTikAPIEndpoints``, their bases in ``api.py``). At runtime the
categories are installed by ``tikapi._surface.install`` and endpoints are
``tikapi._surface.Endpoint``; this module has no runtime counterpart."""

from typing import Any, Literal, Optional, TypeVar, overload

from . import types as _types
from .options import Options, ResumeToken
from .response import APIResponse, AsyncAPIResponse

_Client = TypeVar("_Client")

'''


def annotation(param: dict[str, Any]) -> str:
    allowed = param["enum"]
    if allowed:
        return "Literal[" + ", ".join(repr(v) for v in allowed) + "]"
    return TYPES[param["type"]]


def declaration(p: dict[str, Any]) -> str:
    ty = annotation(p)
    if p["required"] and not p["inherited"]:
        return f"{p['key']}: {ty}"
    return f"{p['key']}: Optional[{ty}] = None"


def parameters(form: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The parameters of one endpoint form: those taken by position, in the
    official SDK's order (the catalogue's ``positional``), then the
    keyword-only ones: required first (a keyword-only parameter without a
    default may follow one with a default, but reading is easier this way),
    then the optional ones, then the SDK's."""
    by_name = {p["key"]: p for p in form["params"]}
    positional = [declaration(by_name[n]) for n in form["positional"]]
    required: list[str] = []
    optional: list[str] = []
    for p in form["params"]:
        if p["secret"] and p["key"] == "apiKey":
            continue  # given to TikAPI(key), never per call
        if p["key"] in form["positional"]:
            continue
        line = declaration(p)
        (optional if line.endswith("= None") else required).append(line)
    sdk = ["__sandbox__: Optional[bool] = None", "__options__: Optional[Options] = None"]
    return positional, required + optional + sdk


def signature(
    name: str,
    extra: list[str],
    params: tuple[list[str], list[str]],
    returns: str,
    is_async: bool = False,
) -> str:
    lead = "async def" if is_async else "def"
    positional, keywords = params
    args = ", ".join(["self", *positional, "*", *extra, *keywords])
    return f"    {lead} {name}({args}) -> {returns}: ..."


def category_positional(path: str) -> list[str]:
    """A category constructor's positional parameters, typed as the
    endpoints below it declare them, all optional."""
    out = []
    for name in _surface.CATEGORY_POSITIONAL[path]:
        param = next(
            p
            for e in _surface.CATALOGUE
            if not path or e["key"].startswith(path + ".")
            for p in e["params"]
            if p["key"] == name
        )
        out.append(f"{name}: Optional[{annotation(param)}] = None")
    return out


def endpoint_class(key: str, forms: list[dict[str, Any]], asynchronous: bool) -> list[str]:
    prefix = "Async" if asynchronous else ""
    cls = f"_{prefix}{_surface.class_name(key)}Endpoint"
    response = "AsyncAPIResponse" if asynchronous else "APIResponse"
    answer = ANSWERS["x-endpoints"][key]
    body = f"_types.{answer['body']}"
    item = f"_types.{gen_types.item_name(answer)}" if answer["items"] else "Any"
    pages = f"_types.AsyncPages[{body}]" if asynchronous else f"_types.Pages[{body}]"
    items = f"_types.AsyncItems[{item}]" if asynchronous else f"_types.Items[{item}]"
    limits = [
        "max_pages: Optional[int] = None",
        "max_items: Optional[int] = None",
        "resume: Optional[ResumeToken] = None",
    ]
    first = forms[0]
    doc = f"{first['method']} {first['path']}"
    if len(forms) > 1:
        doc = "; ".join(f"{f['method']} {f['path']} ({f['variant']})" for f in forms)
    flags = [
        w
        for w, on in (("undocumented", first["hidden"]), ("deprecated", first["deprecated"]))
        if on
    ]
    if flags:
        doc += " [" + ", ".join(flags) + "]"
    lines = [f"class {cls}:", f'    """``{key}``: {doc}"""', ""]
    overloaded = len(forms) > 1
    methods = [("__call__", [], response, asynchronous)]
    # Only endpoints that page (the core's rule) get the page iterators.
    if any(f["paged"] for f in forms):
        methods += [("pages", limits, pages, False), ("items", limits, items, False)]
    for name, extra, returns, is_async in methods:
        for form in forms:
            if overloaded:
                lines.append("    @overload")
            lines.append(signature(name, extra, parameters(form), returns, is_async))
    return lines


def category_class(path: str, node: dict[str, Any], asynchronous: bool) -> list[str]:
    prefix = "Async" if asynchronous else ""
    cls = prefix + _surface.class_name(path)
    lines = [f"class {cls}:", f'    """The ``{path}`` category."""', ""]
    for name, key in node["endpoints"].items():
        lines.append(f"    {name}: _{prefix}{_surface.class_name(key)}Endpoint")
    for name, child in node["children"].items():
        lines.append(f"    {name}: {prefix}{_surface.class_name(child)}")
    sdk = "__sandbox__: Optional[bool] = None, __options__: Optional[Options] = None"
    lead = ", ".join(["self", *category_positional(path), "*"])
    lines.append(f"    def __call__({lead}, {sdk}, **defaults: Any) -> {cls}: ...")
    lines.append(f"    def set({lead}, {sdk}, **defaults: Any) -> {cls}: ...")
    lines.append(f"    def __copy__(self) -> {cls}: ...")
    lines.append(f"    def __deepcopy__(self, memo: Any) -> {cls}: ...")
    return lines


def root_class(node: dict[str, Any], asynchronous: bool) -> list[str]:
    """What a client holds: the root's endpoints and categories, and ``set``
    with the root's positional parameters. The rest of ``TikAPI`` /
    ``AsyncTikAPI`` is hand-written in ``api.py``, which derives from this."""
    prefix = "Async" if asynchronous else ""
    cls = f"_{prefix}TikAPIEndpoints"
    sdk = "__sandbox__: Optional[bool] = None, __options__: Optional[Options] = None"
    lines = [f"class {cls}:", f'    """The endpoints and categories of ``{prefix}TikAPI``."""', ""]
    for name, key in node["endpoints"].items():
        lines.append(f"    {name}: _{prefix}{_surface.class_name(key)}Endpoint")
    for name, child in node["children"].items():
        lines.append(f"    {name}: {prefix}{_surface.class_name(child)}")
    lead = ", ".join(["self: _Client", *category_positional(""), "*"])
    lines.append(f"    def set({lead}, {sdk}, **defaults: Any) -> _Client: ...")
    return lines


ANSWERS: dict[str, Any] = {}


def generate() -> str:
    catalogue = _surface.CATALOGUE
    forms: dict[str, list[dict[str, Any]]] = {}
    for endpoint in catalogue:
        forms.setdefault(endpoint["key"], []).append(endpoint)
    nodes = _surface.tree()
    blocks: list[list[str]] = []
    for asynchronous in (False, True):
        for key, group in forms.items():
            blocks.append(endpoint_class(key, group, asynchronous))
        # Children before parents: a class is named before it is used.
        for path in sorted((p for p in nodes if p), key=lambda p: -p.count(".")):
            blocks.append(category_class(path, nodes[path], asynchronous))
        blocks.append(root_class(nodes[""], asynchronous))
    body = "\n\n".join("\n".join(b) for b in blocks)
    return HEADER + "\n" + body + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the stub is stale")
    parser.add_argument("--output", type=Path, default=STUB)
    parser.add_argument("--schema", help="read the answer schema export from this file")
    args = parser.parse_args()
    ANSWERS.update(gen_types.load_schema(args.schema))
    text = generate()
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is stale; run: {COMMAND}", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
