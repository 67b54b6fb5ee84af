"""Turn bench results (JSON lines) into the Markdown tables of BENCHMARKS.md.

usage: python bench/report.py target/bench/results.jsonl
"""

from __future__ import annotations

import json
import platform
import statistics
import sys
from pathlib import Path


def load(path: str) -> list[dict]:
    return [
        json.loads(line) for line in Path(path).read_text().splitlines() if line.startswith("{")
    ]


class Fig(float):
    """A figure: the median over the rounds, which it also keeps (in run order)."""

    rounds: list[float]


def find(rows, **want):
    """The measurement matching `want`. Taken once per round, each number
    becomes a `Fig`: the median over the rounds."""
    matches = [r for r in rows if all(r.get(k) == v for k, v in want.items())]
    if not matches:
        return None
    merged = dict(matches[0])
    for key, value in merged.items():
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            numbers = [r[key] for r in matches if isinstance(r.get(key), (int, float))]
            fig = Fig(statistics.median(numbers))
            fig.rounds = numbers
            merged[key] = fig
    return merged


def val(row, key):
    return None if row is None else row.get(key)


def fmt(x, digits=0):
    if x is None:
        return "–"
    if isinstance(x, float) and digits:
        return f"{x:,.{digits}f}"
    return f"{x:,.0f}" if isinstance(x, (int, float)) else str(x)


def ratio(a, b):
    """a / b. For figures of the same rounds, the median of the ratios within
    each round: both were measured in the same stretch of time, so a slow
    spell of a shared machine cancels out."""
    if not a or not b:
        return "–"
    ra, rb = getattr(a, "rounds", None), getattr(b, "rounds", None)
    if ra and rb and len(ra) == len(rb):
        return f"{statistics.median(x / y for x, y in zip(ra, rb)):.1f}×"
    return f"{a / b:.1f}×"


def main() -> None:
    rows = load(sys.argv[1])
    out = []
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    out += [
        f"Machine: {cpu}, Linux {platform.release()}, Python {platform.python_version()}.",
        "Throughput in calls per second, the median over the rounds of the run; ratios are the"
        " median of the ratios within each round. The local sandbox on loopback.",
        "",
        "### Python, sequential",
        "",
        "| call | official 3.2.2 | ours | raw Rust loop | raw loop, one thread | ours / official"
        " | raw / ours | one thread / ours |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name in ("check", "posts30"):
        off = val(find(rows, lang="python", impl="official", bench=f"sequential.{name}"), "per_sec")
        ours = val(find(rows, lang="python", impl="ours", bench=f"sequential.{name}"), "per_sec")
        raw = val(find(rows, lang="rust", impl="raw", bench=name, concurrency=1), "per_sec")
        one = val(find(rows, lang="rust", impl="raw-current", bench=name, concurrency=1), "per_sec")
        label = "public.check" if name == "check" else "public.posts (30 items)"
        out.append(
            f"| {label} | {fmt(off)} | {fmt(ours)} | {fmt(raw)} | {fmt(one)} | {ratio(ours, off)}"
            f" | {ratio(raw, ours)} | {ratio(one, ours)} |"
        )
    out += [
        "",
        "### Python, concurrent (`public.check`)",
        "",
        "| in flight | official (threads) | ours (threads) | ours (`AsyncTikAPI`) | raw Rust | best ours / official |",
        "|---|---|---|---|---|---|",
    ]
    for c in (1, 8, 64, 256):
        off = val(
            find(rows, lang="python", impl="official", bench="concurrent.threads", concurrency=c),
            "per_sec",
        )
        th = val(
            find(rows, lang="python", impl="ours", bench="concurrent.threads", concurrency=c),
            "per_sec",
        )
        asy = val(
            find(rows, lang="python", impl="ours", bench="concurrent.async", concurrency=c),
            "per_sec",
        )
        raw = val(find(rows, lang="rust", impl="raw", bench="check", concurrency=c), "per_sec")
        best = max([x for x in (th, asy) if x] or [0]) or None
        out.append(
            f"| {c} | {fmt(off)} | {fmt(th)} | {fmt(asy)} | {fmt(raw)} | {ratio(best, off)} |"
        )
    out += [
        "",
        "### Rust: the SDK (`tikapi-core`) against a raw reqwest loop (`public.check`)",
        "",
        "| in flight | tikapi-core | raw reqwest | raw / core |",
        "|---|---|---|---|",
    ]
    for c in (1, 8, 64, 256, 1024):
        core = val(find(rows, lang="rust", impl="core", bench="check", concurrency=c), "per_sec")
        raw = val(find(rows, lang="rust", impl="raw", bench="check", concurrency=c), "per_sec")
        out.append(f"| {c} | {fmt(core)} | {fmt(raw)} | {ratio(raw, core)} |")
    out += [
        "",
        "### Node",
        "",
        "| benchmark | official 3.2.2 | ours | raw fetch (undici) | ours / official | fetch / ours |",
        "|---|---|---|---|---|---|",
    ]
    node = [
        ("sequential.check", None, "sequential `public.check`"),
        ("sequential.posts30", None, "sequential `public.posts` (30)"),
    ]
    node += [("concurrent", c, f"{c} in flight") for c in (1, 64, 1024)]
    for bench, c, label in node:
        want = {"lang": "node", "bench": bench}
        if c is not None:
            want["concurrency"] = c
        off = val(find(rows, impl="official", **want), "per_sec")
        ours = val(find(rows, impl="ours", **want), "per_sec")
        raw = val(find(rows, impl="fetch", **want), "per_sec")
        out.append(
            f"| {label} | {fmt(off)} | {fmt(ours)} | {fmt(raw)} | {ratio(ours, off)} | {ratio(raw, ours)} |"
        )
    out += [
        "",
        "### Pagination (walk every post of a user, 30 a page)",
        "",
        "| | official | ours |",
        "|---|---|---|",
    ]
    for lang, bench, label in (
        ("python", "pagination.next_items", "Python `next_items()` walks/s"),
        ("python", "pagination.pages", "Python `pages()` walks/s"),
        ("node", "pagination.nextItems", "Node `nextItems()` walks/s"),
        ("node", "pagination.pages", "Node `pages()` walks/s"),
    ):
        off = val(find(rows, lang=lang, impl="official", bench=bench), "walks_per_sec")
        ours = val(find(rows, lang=lang, impl="ours", bench=bench), "walks_per_sec")
        out.append(f"| {label} | {fmt(off, 1)} | {fmt(ours, 1)} |")
    out += [
        "",
        "### Large body (2 MB JSON)",
        "",
        "| | official | ours | plain parse of the same bytes (ours' run) |",
        "|---|---|---|---|",
    ]
    po = find(rows, lang="python", impl="official", bench="large_body.json")
    pu = find(rows, lang="python", impl="ours", bench="large_body.json")
    out.append(
        f"| Python `r.json()` ms | {fmt(val(po, 'json_ms'), 2)} | {fmt(val(pu, 'json_ms'), 2)} | `json.loads` {fmt(val(pu, 'json_loads_ms'), 2)} |"
    )
    no = find(rows, lang="node", impl="official", bench="large_body.json")
    nu = find(rows, lang="node", impl="ours", bench="large_body.json")
    out.append(
        f"| Node `r.json` ms (first read) | {fmt(val(no, 'json_ms'), 2)} | {fmt(val(nu, 'json_ms'), 2)} | `JSON.parse` {fmt(val(nu, 'json_parse_ms'), 2)} |"
    )
    out += ["", "### Start-up, memory, downloads", "", "| | official | ours |", "|---|---|---|"]
    io = find(rows, lang="python", impl="official", bench="import.ms")
    iu = find(rows, lang="python", impl="ours", bench="import.ms")
    out.append(
        f"| `import tikapi` ms (beyond the interpreter) | {fmt(val(io, 'import_ms'), 1)} | {fmt(val(iu, 'import_ms'), 1)} |"
    )
    for lang in ("python", "node"):
        mo = find(rows, lang=lang, impl="official", bench="memory.rss_kb")
        mu = find(rows, lang=lang, impl="ours", bench="memory.rss_kb")

        def rss(m):
            if not m:
                return "–"
            marks = m["rss_kb"]
            return f"{int(m['calls']):,} calls: " + " → ".join(
                f"{int(v) // 1024} MB" for v in marks.values()
            )

        out.append(f"| {lang} RSS over many calls | {rss(mo)} | {rss(mu)} |")
    for lang, key in (("python", "peak_rss_mb"), ("node", "rss_growth_mb")):
        for mb in (1, 5, 50):
            so = find(rows, lang=lang, impl="official", bench="save_video", mb=mb)
            su = find(rows, lang=lang, impl="ours", bench="save_video", mb=mb)
            if so or su:
                what = "peak RSS" if key == "peak_rss_mb" else "RSS growth"
                out.append(
                    f"| {lang} `save_video` {mb} MB: seconds, {what} MB | "
                    f"{fmt(val(so, 'seconds'), 3)} s, {fmt(val(so, key), 1)} | {fmt(val(su, 'seconds'), 3)} s, {fmt(val(su, key), 1)} |"
                )
    print("\n".join(out))


if __name__ == "__main__":
    main()
