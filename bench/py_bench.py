"""Python benchmarks for one `tikapi` implementation (whichever this interpreter imports).

usage: python bench/py_bench.py URL SCALE
  URL    the local sandbox
  SCALE  1.0 for the full run; smaller for a smoke run (a few calls each)

Prints one JSON object per measurement on stdout. The same code runs the
official SDK and ours: that is the drop-in claim.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

import tikapi
from tikapi import TikAPI

URL, SCALE = sys.argv[1], float(sys.argv[2])
KEY = "DemoAPIKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39Asd4s"
LILY = "MS4wLjABAAAAsHntXC3s0AvxcecggxsoVa4eAiT8OVafVZ4OQXxy-9htpnUi0sOYSr0kGGD1Loud"
OURS = hasattr(tikapi, "AsyncTikAPI")
IMPL = "ours" if OURS else "official"
REPEATS = int(os.environ.get("BENCH_REPEATS", "3" if SCALE >= 1 else "1"))


def n(full: int) -> int:
    return max(2, int(full * SCALE))


def emit(bench: str, **fields) -> None:
    print(json.dumps({"lang": "python", "impl": IMPL, "bench": bench, **fields}), flush=True)


def client(**options) -> TikAPI:
    api = TikAPI(KEY)
    api.set(__options__={"base": URL, **options})
    return api


def median_rate(calls: int, run) -> tuple[float, list[float]]:
    rates = []
    for _ in range(REPEATS):
        t = time.perf_counter()
        run()
        rates.append(calls / (time.perf_counter() - t))
    return statistics.median(rates), rates


def check(api):
    r = api.public.check(username="lilyachty")
    r.json()


def posts(api):
    r = api.public.posts(secUid=LILY, count=30)
    r.json()


def sequential(api) -> None:
    for name, fn, full in (("check", check, 2000), ("posts30", posts, 600)):
        calls = n(full if OURS else full // 4)
        fn(api)
        rate, rates = median_rate(calls, lambda fn=fn, calls=calls: [fn(api) for _ in range(calls)])
        emit(
            f"sequential.{name}",
            calls=calls,
            per_sec=round(rate, 1),
            runs=[round(r, 1) for r in rates],
        )


def threaded(api) -> None:
    for conc in (1, 8, 64, 256):
        calls = n(max(4 * conc, 2000 if OURS else 500))
        with ThreadPoolExecutor(max_workers=conc) as pool:
            list(pool.map(lambda _: check(api), range(conc)))  # warm
            rate, _ = median_rate(
                calls,
                lambda pool=pool, calls=calls: list(pool.map(lambda _: check(api), range(calls))),
            )
        emit("concurrent.threads", concurrency=conc, calls=calls, per_sec=round(rate, 1))


def asynchronous() -> None:
    if not OURS:
        return
    for conc in (1, 8, 64, 256):
        calls = n(max(4 * conc, 2000))

        async def main(calls=calls, conc=conc) -> float:
            api = tikapi.AsyncTikAPI(KEY)
            api.set(__options__={"base": URL})
            sem = asyncio.Semaphore(conc)

            async def one():
                async with sem:
                    r = await api.public.check(username="lilyachty")
                    r.json()

            await asyncio.gather(*(one() for _ in range(conc)))
            rates = []
            for _ in range(REPEATS):
                t = time.perf_counter()
                await asyncio.gather(*(one() for _ in range(calls)))
                rates.append(calls / (time.perf_counter() - t))
            return statistics.median(rates)

        rate = asyncio.run(main())
        emit("concurrent.async", concurrency=conc, calls=calls, per_sec=round(rate, 1))


def pagination(api) -> None:
    # 150 items of one user, 30 a page: walk with next_items, and with pages().
    def walk():
        r = api.public.posts(secUid=LILY, count=30)
        items = 0
        while r:
            items += len(r.json().get("itemList", []))
            r = r.next_items()
        return items

    items = walk()
    # 300 walks (~0.3-1.2 s): with fewer, a garbage collection lands on one side.
    rounds = n(300)
    rate, _ = median_rate(rounds, lambda: [walk() for _ in range(rounds)])
    emit("pagination.next_items", items=items, walks_per_sec=round(rate, 2))
    if OURS:

        def iterate():
            return sum(
                len(p.json().get("itemList", []))
                for p in api.public.posts.pages(secUid=LILY, count=30)
            )

        rate, _ = median_rate(rounds, lambda: [iterate() for _ in range(rounds)])
        emit("pagination.pages", items=iterate(), walks_per_sec=round(rate, 2))


def large_body(api) -> None:
    size = 2_000_000
    api2 = client(headers={"X-Sandbox-Fault": f"big={size}"})
    rounds = n(30)
    ours_t, loads_t = [], []
    for _ in range(rounds):
        r = api2.public.check(username="lilyachty")
        raw = r.content
        t = time.perf_counter()
        r.json()
        ours_t.append(time.perf_counter() - t)
        t = time.perf_counter()
        json.loads(raw)
        loads_t.append(time.perf_counter() - t)
    emit(
        "large_body.json",
        bytes=len(raw),
        json_ms=round(statistics.median(ours_t) * 1000, 3),
        json_loads_ms=round(statistics.median(loads_t) * 1000, 3),
    )


def rss_kb() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)


def memory(api) -> None:
    total = n(10_000 if OURS else 2_000)
    marks = {}
    for i in range(1, total + 1):
        check(api)
        if i in (total // 10, total // 2, total):
            marks[i] = rss_kb()
    emit("memory.rss_kb", calls=total, rss_kb=marks)


def import_time() -> None:
    py = sys.executable
    runs = 5 if SCALE >= 1 else 2

    def timed(code: str) -> float:
        out = []
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run([py, "-c", code], check=True)
            out.append(time.perf_counter() - t)
        return statistics.median(out)

    base = timed("pass")
    imp = timed("import tikapi")
    emit("import.ms", import_ms=round((imp - base) * 1000, 1), interpreter_ms=round(base * 1000, 1))


SAVE = """
import resource, sys, time
from tikapi import TikAPI
api = TikAPI("{key}")
api.set(__options__={{"base": "{url}"}})
r = api.public.posts(secUid="{lily}", count=1)
link = r.json()["itemList"][0]["video"]["downloadAddr"] + "?size={size}"
t = time.perf_counter()
r.save_video(link, "{path}")
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def save_video() -> None:
    for mb in (5, 50) if SCALE >= 1 else (1, 5):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "v.mp4")
            code = SAVE.format(key=KEY, url=URL, lily=LILY, size=mb << 20, path=path)
            out = subprocess.run(
                [sys.executable, "-c", code], check=True, capture_output=True, text=True
            )
            secs, peak = out.stdout.split()
            assert os.path.getsize(path) == mb << 20
        emit(
            "save_video",
            mb=mb,
            seconds=round(float(secs), 3),
            peak_rss_mb=round(int(peak) / 1024, 1),
        )


def main() -> None:
    api = client()
    sequential(api)
    threaded(api)
    asynchronous()
    pagination(api)
    large_body(api)
    memory(api)
    import_time()
    save_video()
    emit("done", max_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1))


if __name__ == "__main__":
    main()
