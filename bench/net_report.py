"""Turn bench/net.sh's results (JSON lines) into Markdown tables.

usage: python bench/net_report.py target/bench/net.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

# (label, lang, impl, how one call at a time is measured, how 8 / 64 in flight are)
ROWS = [
    ("Python, official 3.2.2 (threads)", "python", "official", "sequential", "threads"),
    ("Python, ours (blocking; threads)", "python", "ours", "sequential", "threads"),
    ("Python, ours (`AsyncTikAPI`)", "python", "ours", None, "async"),
    ("Node, official 3.2.2", "node", "official", "sequential", "promises"),
    ("Node, ours", "node", "ours", "sequential", "promises"),
    ("Node, raw `fetch` (ceiling)", "node", "fetch", "sequential", "promises"),
    ("Rust, raw reqwest (ceiling)", "rust", "raw", "tasks", "tasks"),
]


def load(path: str) -> list[dict]:
    return [json.loads(x) for x in Path(path).read_text().splitlines() if x.startswith("{")]


def pick(rows, net, lang, impl, mode, conc):
    """The measurement of `impl` under `net`, in `mode` with `conc` in flight."""
    if mode is None:
        return None
    want = (net, lang, impl, f"net.{mode}", conc)
    for r in rows:
        if (r["net"], r["lang"], r["impl"], r["bench"], r["concurrency"]) == want:
            return r
    return None


def fmt(x, digits=0):
    if x is None:
        return "–"
    return f"{x:,.{digits}f}"


def ratio(a, b):
    return "–" if not a or not b else f"{a / b:.1f}×"


def main() -> None:
    rows = load(sys.argv[1])
    nets = list(dict.fromkeys(r["net"] for r in rows if "net" in r))
    print("## Network conditions: TLS and latency (`bash bench/net.sh`)\n")
    print(
        "Calls per second of `public.check`, and the CPU time of the whole client process per"
        " call (user + system, all threads), one call at a time and 8 / 64 in flight.\n"
    )
    for net in nets:
        print(f"### {net}\n")
        print(
            "| client | 1 in flight: calls/s | CPU ms/call | 8: calls/s | 64: calls/s"
            " | CPU ms/call at 64 |"
        )
        print("|---|---:|---:|---:|---:|---:|")
        for label, lang, impl, one, many in ROWS:
            got = {c: pick(rows, net, lang, impl, one if c == 1 else many, c) for c in (1, 8, 64)}
            if not any(got.values()):
                continue
            cells = [
                fmt(got[1] and got[1]["per_sec"]),
                fmt(got[1] and got[1]["cpu_ms_per_call"], 3),
                fmt(got[8] and got[8]["per_sec"]),
                fmt(got[64] and got[64]["per_sec"]),
                fmt(got[64] and got[64]["cpu_ms_per_call"], 3),
            ]
            print(f"| {label} | " + " | ".join(cells) + " |")
        print()
    print("### Ours against the official SDK\n")
    print(
        "| conditions | language | calls/s, 1 in flight | calls/s, 64 in flight"
        " | CPU per call, official ÷ ours (1 in flight) | (64 in flight) |"
    )
    print("|---|---|---:|---:|---:|---:|")
    for net in nets:
        for lang, conc_mode in (("python", "threads"), ("node", "promises")):
            o1 = pick(rows, net, lang, "official", "sequential", 1)
            u1 = pick(rows, net, lang, "ours", "sequential", 1)
            o64 = pick(rows, net, lang, "official", conc_mode, 64)
            u64 = pick(rows, net, lang, "ours", "async" if lang == "python" else conc_mode, 64)

            def get(r, k):
                return r and r[k]

            print(
                f"| {net} | {lang} | {ratio(get(u1, 'per_sec'), get(o1, 'per_sec'))}"
                f" | {ratio(get(u64, 'per_sec'), get(o64, 'per_sec'))}"
                f" | {ratio(get(o1, 'cpu_ms_per_call'), get(u1, 'cpu_ms_per_call'))}"
                f" | {ratio(get(o64, 'cpu_ms_per_call'), get(u64, 'cpu_ms_per_call'))} |"
            )
    print()
    memory(rows)


def memory(rows) -> None:
    held = [r for r in rows if r["bench"] == "memory.in_flight"]
    if not held:
        return
    print("## Memory per call in flight (`bash bench/net.sh`)\n")
    print(
        "RSS growth over an idle client while N calls are in flight at once, per call (Python:"
        " ours as `AsyncTikAPI` coroutines, the official SDK as threads, which it needs, up to"
        " 1,000; Node: promises). The RSS of an idle client is after import and one call.\n"
    )
    counts = sorted({r["in_flight"] for r in held})
    head = " | ".join(f"KB per call, {n:,} in flight" for n in counts)
    print(f"| client | RSS, idle client (MB) | {head} |")
    print("|---|---:|" + "---:|" * len(counts))
    for lang, impl, label in (
        ("python", "official", "Python, official 3.2.2"),
        ("python", "ours", "Python, ours"),
        ("node", "official", "Node, official 3.2.2"),
        ("node", "ours", "Node, ours"),
    ):
        idle = [
            r["idle_client_kb"]
            for r in rows
            if (r["bench"], r["lang"], r["impl"]) == ("memory.idle_client", lang, impl)
        ]
        cells = []
        for n in counts:
            got = [r for r in held if (r["lang"], r["impl"], r["in_flight"]) == (lang, impl, n)]
            ok = got and got[0]["finished_before_reading"] == 0
            cells.append(fmt(got[0]["per_call_kb"], 1) if ok else "–")
        idle_mb = fmt(min(idle) / 1024 if idle else None, 1)
        print(f"| {label} | {idle_mb} | " + " | ".join(cells) + " |")
    print()


if __name__ == "__main__":
    main()
