"""Compare the official SDKs and ours, case by case; write REPORT.md.

usage: python compare.py CASES.json RECORDS.json RESULTS_DIR REPORT.md
RESULTS_DIR holds py-official.json, py-ours.json, js-official.json, js-ours.json.
Exits 1 when a difference is not in allowlist.json.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SENT = ("method", "path", "query", "body", "apiKey", "accountKey", "contentType", "custom")


def load(p):
    return json.loads(Path(p).read_text())


def allowed(allow, lang, case, what):
    for a in allow:
        kinds = a["kind"] if isinstance(a["kind"], list) else [a["kind"]]
        if a["lang"] in (lang, "both") and a["what"] == what and case["kind"] in kinds:
            if a.get("rule") and a["rule"] != case.get("rule"):
                continue
            if a.get("label") and a["label"] != case.get("label"):
                continue
            return a["reason"]
    return None


def sent(records, tag, case):
    return [{k: r.get(k) for k in SENT} for r in records.get(f"{tag}/{case['id']}", [])]


def untagged(value):
    """The same value with the run's tag taken out of URLs in it."""
    text = json.dumps(value)
    for tag in ("py-official", "py-ours", "js-official", "js-ours"):
        text = text.replace(f"/r/{tag}/", "/r/RUN/")
    return json.loads(text)


def outcome_view(lang, res):
    """The parts of what the app saw that must match."""
    res = untagged(dict(res))
    if lang == "js" and res.get("outcome") == "rejected":
        res.pop("isError", None)
    if lang == "js" and res.get("outcome") == "validation":
        res.pop("isError", None)
    if lang == "js":
        res.pop("hasNextItems", None)
    return res


def compare_case(lang, case, off, ours, records, allow):
    """Yield (what, ok, note) checks for one case."""
    tag_off, tag_ours = f"{lang}-official", f"{lang}-ours"
    kind = case["kind"]
    if kind in ("request", "paging"):
        a, b = sent(records, tag_off, case), sent(records, tag_ours, case)
        if a == b:
            yield "sent", True, None
        else:
            yield "sent", False, allowed(allow, lang, case, "sent") or f"official {a} != ours {b}"
        ua_off = {r.get("userAgent") for r in records.get(f"{tag_off}/{case['id']}", [])}
        ua_ours = {r.get("userAgent") for r in records.get(f"{tag_ours}/{case['id']}", [])}
        if ua_off == ua_ours:
            yield "user-agent", True, None
        else:
            reason = allowed(allow, lang, case, "user-agent")
            yield (
                "user-agent",
                False,
                reason
                or f"official {sorted(map(str, ua_off))} != ours {sorted(map(str, ua_ours))}",
            )
    if kind == "validation":
        if off.get("outcome") == "crash":
            ok = ours.get("outcome") == "validation" and ours.get("field") == case["param"]
            yield (
                "field",
                ok,
                "official crashed (" + off.get("type", "") + "); ours rejects on the field"
                if ok
                else f"ours {ours}",
            )
            return
        if off.get("outcome") == "ok" and ours.get("outcome") == "ok":
            # Both accept the value (the official JS does not check every rule).
            ok = outcome_view(lang, off) == outcome_view(lang, ours)
            yield "field", ok, None if ok else f"official {off} != ours {ours}"
            return
        if off.get("outcome") == "validation" and ours.get("outcome") == "validation":
            ok = off["field"] == ours["field"] and off.get("classes") == ours.get("classes")
            yield "field", ok, None if ok else f"official {off} != ours {ours}"
            # The message, byte for byte (Python: str(e) and e.args; JS: err.message).
            words = ("str", "args") if lang == "py" else ("message",)
            a, b = {k: off.get(k) for k in words}, {k: ours.get(k) for k in words}
            yield "message", a == b, None if a == b else f"official {a} != ours {b}"
            return
        if str(case.get("rule", "")).startswith("leniency") and ours.get("outcome") == "ok":
            reason = allowed(allow, lang, case, "field")
            yield (
                "field",
                False,
                reason or f"official {off} != ours {ours} (a leniency not in the allow-list)",
            )
            return
        reason = allowed(allow, lang, case, "field")
        yield "field", False, reason or f"official {off} != ours {ours}"
        return
    a, b = outcome_view(lang, off), outcome_view(lang, ours)
    if case.get("scenario") == "refused":
        # The words of a network error are the transport's own; its class,
        # and that there is no response, must match.
        for r in (a, b):
            r.pop("str", None)
            r.pop("namesUrl", None)
    if a == b:
        yield "seen", True, None
    else:
        diff = {k: (a.get(k), b.get(k)) for k in set(a) | set(b) if a.get(k) != b.get(k)}
        yield "seen", False, allowed(allow, lang, case, "seen") or f"differs: {diff}"


def main():
    cases_path, records_path, results_dir, report_path = sys.argv[1:5]
    cases = load(cases_path)
    records = load(records_path)
    allow = load(HERE / "allowlist.json")["allow"]
    results = {
        t: load(Path(results_dir) / f"{t}.json")["results"]
        for t in ("py-official", "py-ours", "js-official", "js-ours")
    }
    table = defaultdict(
        lambda: defaultdict(lambda: [0, 0, 0])
    )  # key -> column -> [pass, allowed, fail]
    failures, allowances = [], defaultdict(int)
    for case in cases:
        for lang in ("py", "js"):
            off = results[f"{lang}-official"][case["id"]]
            ours = results[f"{lang}-ours"][case["id"]]
            for what, ok, note in compare_case(lang, case, off, ours, records, allow):
                cell = table[case["key"]][f"{lang} {case['kind']}"]
                if ok:
                    cell[0] += 1
                    if note:
                        allowances[f"{lang}: {note}"] += 1
                elif note and not note.startswith(("official", "differs", "ours")):
                    cell[1] += 1
                    allowances[f"{lang}: {note}"] += 1
                else:
                    cell[2] += 1
                    failures.append(
                        f"{lang} {case['id']} {case['key']} [{case['label']}] {what}: {note}"
                    )
    columns = [
        f"{lang} {kind}"
        for lang in ("py", "js")
        for kind in ("request", "validation", "response", "paging")
    ]
    totals = [0, 0, 0]
    lines = [
        "# Conformance report",
        "",
        "Generated by `bash tests/conformance/run.sh`: every case run by the official `tikapi` 3.2.2",
        "(PyPI and npm) and by ours, against the same recording server. Cells: passed / allowed / failed.",
        "",
        "| Endpoint | " + " | ".join(columns) + " |",
        "|---|" + "---|" * len(columns),
    ]
    for key, cols in table.items():
        cells = []
        for col in columns:
            p, a, f = cols.get(col, [0, 0, 0])
            totals[0] += p
            totals[1] += a
            totals[2] += f
            cells.append("–" if p + a + f == 0 else f"{p}/{a}/{f}")
        lines.append(f"| `{key}` | " + " | ".join(cells) + " |")
    lines += ["", f"**Total: {totals[0]} passed, {totals[1]} allowed, {totals[2]} failed.**", ""]
    if allowances:
        lines += ["## Allowed differences", "", "| Difference and reason | Checks |", "|---|---|"]
        lines += [f"| {k} | {v} |" for k, v in sorted(allowances.items())]
        lines.append("")
    if failures:
        lines += ["## Failures", ""] + [f"- {f}" for f in failures[:200]] + [""]
    Path(report_path).write_text("\n".join(lines))
    print(f"conformance: {totals[0]} passed, {totals[1]} allowed, {totals[2]} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
