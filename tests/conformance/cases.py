"""The conformance cases, generated from the catalogue (core/data/endpoints.json).

Each case is run by the official SDK and by ours, in each language, against
the recording server; compare.py then diffs what was sent and what the app saw.
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = json.loads((ROOT / "core" / "data" / "endpoints.json").read_text())
ACCOUNT = "Abcdefghij0123456789"


def synth(name: str, p: dict):
    """A valid value for a parameter that has no example."""
    if "in" in p:
        return p["in"][-1]
    t = p.get("type")
    v = p.get("validate", "")
    if t == "number":
        return 3 if name == "session_id" else 7
    if t == "boolean":
        return True
    if name == "username":
        return "some_user.name"
    if "secUid" in name:
        return "MS4wLjABAAAA" + "x" * 40
    if v == "^[0-9]+$" or "id" in name or v.startswith("^([0-9]+"):
        return "7123456789012345678"
    if name == "country":
        return "gb"
    if v == "^[0-9]{1,2}$":
        return "12"
    return "hello world & more/?#"


def official_endpoints():
    return [e for e in CATALOGUE["endpoints"] if e["in_official_sdk_3_2_2"]]


def request_cases():
    out = []
    for e in official_endpoints():
        key = e["key"]
        own = {n: p for n, p in e["params"].items() if n != "apiKey"}
        every = {n: (ACCOUNT if n == "accountKey" else synth(n, p)) for n, p in own.items()}
        required = {n: v for n, v in every.items() if own[n].get("required") or n == "accountKey"}
        out.append(
            dict(kind="request", key=key, label="sandbox, no arguments", sandbox=True, args={})
        )
        out.append(
            dict(kind="request", key=key, label="required only", sandbox=False, args=required)
        )
        out.append(
            dict(kind="request", key=key, label="every parameter", sandbox=False, args=every)
        )
        out.append(
            dict(
                kind="request",
                key=key,
                label="per-call sandbox",
                sandbox=False,
                call_sandbox=True,
                args={},
            )
        )
        # Values bound by set, and by the category constructor.
        bind = {n: v for n, v in every.items() if n in ("country", "accountKey", "count")}
        rest = {n: v for n, v in required.items() if n not in bind}
        out.append(
            dict(kind="request", key=key, label="bound by set", sandbox=False, bind=bind, args=rest)
        )
        out.append(
            dict(
                kind="request",
                key=key,
                label="bound by category",
                sandbox=False,
                scope=bind,
                args=rest,
            )
        )
        out.append(
            dict(
                kind="request",
                key=key,
                label="option headers",
                sandbox=True,
                args={},
                headers={"X-Custom": "yes"},
            )
        )
    return out


def validation_cases():
    out = []
    for e in official_endpoints():
        base = {}
        for name, p in e["params"].items():
            if name != "apiKey" and (p.get("required") or name == "accountKey"):
                base[name] = ACCOUNT if name == "accountKey" else synth(name, p)
        for name, p in e["params"].items():
            if name == "apiKey":
                continue
            breaks = []
            if p.get("required"):
                breaks.append(("required", None))
            t = p.get("type")
            breaks += {
                "string": [("type", True)],
                "number": [("type", "abc")],
                "boolean": [("type", 1)],
            }.get(t, [])
            # The README's leniencies: the official SDKs reject these, ours may accept them.
            if t == "string" and name != "accountKey":
                breaks.append(("leniency_int", 40))
            if t == "number" and "in" not in p:
                breaks.append(("leniency_numeric_string", "12"))
            v = p.get("validate")
            if v:
                if t == "number":
                    breaks.append(("pattern", 123 if v == "^[0-9]{1,2}$" else -5))
                else:
                    breaks.append(
                        ("pattern", "line\nbreak" if v == "^(.*?){30,}$" else "bad value!")
                    )
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
                for sandbox in (False, True):
                    out.append(
                        dict(
                            kind="validation",
                            key=e["key"],
                            label=f"{name} breaks {rule}" + (" (sandbox)" if sandbox else ""),
                            param=name,
                            rule=rule,
                            sandbox=sandbox,
                            args=args,
                        )
                    )
                # The same value bound by the category's constructor.
                if name in ("country", "session_id", "accountKey") and rule in (
                    "type",
                    "pattern",
                    "max",
                ):
                    rest = {n: v for n, v in base.items() if n != name}
                    out.append(
                        dict(
                            kind="validation",
                            key=e["key"],
                            label=f"{name} breaks {rule} (category constructor)",
                            param=name,
                            rule=rule,
                            sandbox=False,
                            scope={name: val},
                            args=rest,
                        )
                    )
        out += several(e, base)
    return out


def several(e, base):
    """Calls that break more than one rule: which one the official SDK
    reports first is part of the contract."""
    out = []
    every = {}
    for name, p in e["params"].items():
        if name == "apiKey":
            continue
        t = p.get("type")
        bad = {"string": True, "number": "abc", "boolean": 1}.get(t)
        if bad is None and p.get("validate"):
            bad = "bad value!"
        if bad is not None:
            every[name] = bad
        # One value breaking several rules of its parameter at once.
        several_rules = []
        if t == "number" and p.get("validate") and "max" in p:
            several_rules.append(("pattern+max", 10**6))
        if t == "number" and "in" in p:
            several_rules.append(("type+enum", "nope"))
        if t == "string" and "in" in p:
            several_rules.append(("type+enum", 5))
        for rule, val in several_rules:
            out.append(
                dict(
                    kind="validation",
                    key=e["key"],
                    label=f"{name} breaks {rule}",
                    param=name,
                    rule=rule,
                    sandbox=False,
                    args={**base, name: val},
                )
            )
    if len(every) > 1:
        first = next(iter(every))
        out.append(
            dict(
                kind="validation",
                key=e["key"],
                label="every parameter broken",
                param=first,
                rule="several",
                sandbox=False,
                args={**base, **every},
            )
        )
        # Missing required parameters and broken ones: the official order decides.
        missing = {n: v for n, v in every.items() if not e["params"][n].get("required")}
        required = [
            n
            for n, p in e["params"].items()
            if p.get("required") and n not in ("apiKey", "accountKey")
        ]
        if required and missing:
            args = {n: v for n, v in base.items() if n not in required}
            out.append(
                dict(
                    kind="validation",
                    key=e["key"],
                    label="required missing, others broken",
                    param=next(n for n in e["params"] if n in required or n in missing),
                    rule="several",
                    sandbox=False,
                    args={**args, **missing},
                )
            )
    return out


SCENARIOS = [
    "ok_json",
    "ok_text",
    "bad_request",
    "unauthorized",
    "tiktok_403",
    "session_expired",
    "rate_limited",
    "server_error",
    "refused",
]


def response_cases():
    out = []
    for scenario in SCENARIOS:
        for key, args in [
            ("public.check", {"username": "lilyachty"}),
            ("user.posts.like", {"accountKey": ACCOUNT, "media_id": "1"}),
        ]:
            out.append(
                dict(
                    kind="response",
                    key=key,
                    label=scenario,
                    scenario=scenario,
                    sandbox=False,
                    args=args,
                )
            )
    return out


# (endpoint, cursor style the recording server answers with)
PAGING = [
    ("public.posts", "cursor"),
    ("public.likes", "cursor"),
    ("public.hashtag", "cursor"),
    ("public.commentsList", "has_more_01"),
    ("user.posts.comments.list", "has_more_01"),
    ("public.followersList", "next_cursor_number"),
    ("public.search", "next_cursor"),
    ("user.live.list", "offset"),
    ("public.discover", "next_cursor"),
    ("user.notifications", "notices"),
    ("user.live.chat", "endless"),
    ("user.conversations", "next_cursor_number"),
]


def paging_cases():
    out = []
    for key, style in PAGING:
        out.append(
            dict(
                kind="paging", key=key, label=style, scenario="page_" + style, sandbox=True, args={}
            )
        )
    return out


def all_cases():
    cases = request_cases() + validation_cases() + response_cases() + paging_cases()
    for i, c in enumerate(cases):
        c["id"] = f"c{i:04d}"
    return cases


if __name__ == "__main__":
    json.dump(all_cases(), sys.stdout, indent=1)
