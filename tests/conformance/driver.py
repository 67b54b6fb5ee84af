"""Run the conformance cases with whichever `tikapi` this interpreter imports.

usage: python driver.py CASES.json BASE_URL RUN_TAG REFUSED_URL OUT.json
"""

from __future__ import annotations

import json
import sys

import tikapi
from tikapi import APIException, ResponseException, TikAPI, ValidationException

KEY = "Zyxwvutsrq9876543210"
OFFICIAL = ("ValidationException", "APIException", "ResponseException")
MAX_PAGES = 6


def classes(e: BaseException) -> list[str]:
    return [c.__name__ for c in type(e).__mro__ if c.__name__ in OFFICIAL]


def body_of(r) -> dict:
    out: dict = {"status": r.status_code, "ok": r.ok, "truthy": bool(r), "text": r.text}
    try:
        out["json"] = r.json()
    except ValueError:
        out["json"] = "<not json: ValueError>"
    return out


def endpoint(api, case):
    parts = case["key"].split(".")
    target = api
    if case.get("scope") is not None and len(parts) > 1:
        target = getattr(api, parts[0])(**case["scope"])
        parts = parts[1:]
    for p in parts:
        target = getattr(target, p)
    return target


def run(case, base: str, tag: str, refused: str) -> dict:
    scenario = case.get("scenario", "rec")
    root = refused if scenario == "refused" else f"{base}/r/{tag}/{case['id']}/{scenario}"
    api = TikAPI(KEY)
    options = {"base": root, "sandboxBase": root}
    if case.get("headers"):
        options["headers"] = case["headers"]
    api.set(__sandbox__=case["sandbox"], __options__=options, **case.get("bind", {}))
    args = dict(case["args"])
    if case.get("call_sandbox"):
        args["__sandbox__"] = True
    try:
        r = endpoint(api, case)(**args)
        out = {"outcome": "ok", **body_of(r)}
        if case["kind"] == "paging":
            pages = 1
            while r and pages < MAX_PAGES:
                r = r.next_items()
                if r:
                    pages += 1
            out["pages"] = pages
        return out
    except ValidationException as e:
        # The words too, byte for byte: str(e) and e.args.
        return {
            "outcome": "validation",
            "field": e.field,
            "classes": classes(e),
            "str": str(e),
            "args": list(e.args),
        }
    except ResponseException as e:
        resp = e.response
        return {
            "outcome": "response_error",
            "classes": classes(e),
            "str": str(e),
            "response": None if resp is None else body_of(resp),
        }
    except APIException as e:
        return {"outcome": "api_exception", "classes": classes(e), "str": str(e)}
    except Exception as e:  # noqa: BLE001 - the point is to record anything
        return {"outcome": "crash", "type": type(e).__name__, "str": str(e)}


def main() -> None:
    cases_path, base, tag, refused, out_path = sys.argv[1:6]
    cases = json.load(open(cases_path))
    results = {c["id"]: run(c, base, tag, refused) for c in cases}
    meta = {
        "package": getattr(tikapi, "__file__", "?"),
        "version": getattr(tikapi, "__version__", "?"),
    }
    json.dump({"meta": meta, "results": results}, open(out_path, "w"), indent=1)


if __name__ == "__main__":
    main()
