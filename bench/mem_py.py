"""Memory per call in flight, and the RSS of an idle client, for one Python `tikapi`.

usage: python bench/mem_py.py URL COUNT
  URL    the plain-HTTP sandbox
  COUNT  how many calls to hold in flight at once (one count per process, so
         each starts from the same idle client)

Every call asks the sandbox to trickle its answer out over a few seconds
(`X-Sandbox-Fault: slow=MS`), so all of them are in flight together; RSS is
read halfway through, when none has finished (the output says how many had).
Ours holds them as `AsyncTikAPI` coroutines; the official SDK, which has no
async API, as threads (what an app would use), up to 1,000.
Prints one JSON object per measurement.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import threading
import time

import tikapi
from tikapi import TikAPI

URL, COUNT = sys.argv[1], int(sys.argv[2])
KEY = "DemoAPIKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39Asd4s"
OURS = hasattr(tikapi, "AsyncTikAPI")
IMPL = "ours" if OURS else "official"
HOLD_MS = int(os.environ.get("BENCH_HOLD_MS", "6000"))  # each answer takes this long
OFFICIAL_MAX = 1000  # threads: beyond this the official SDK is not a fair picture


def rss_kb() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)


def emit(bench: str, **fields) -> None:
    print(json.dumps({"lang": "python", "impl": IMPL, "bench": bench, **fields}), flush=True)


def official(n: int, base_kb: int) -> None:
    api = TikAPI(KEY)
    api.set(__options__={"base": URL, "headers": {"X-Sandbox-Fault": f"slow={HOLD_MS}"}})
    done = []

    def one() -> None:
        api.public.check(username="lilyachty")
        done.append(1)

    threads = [threading.Thread(target=one) for _ in range(n)]
    for t in threads:
        t.start()
    time.sleep(HOLD_MS / 2000)
    peak, finished = rss_kb(), len(done)
    for t in threads:
        t.join()
    report(n, finished, peak, base_kb)


async def ours(n: int, base_kb: int) -> None:
    api = tikapi.AsyncTikAPI(KEY)
    api.set(__options__={"base": URL, "headers": {"X-Sandbox-Fault": f"slow={HOLD_MS}"}})
    done = []

    async def one() -> None:
        await api.public.check(username="lilyachty")
        done.append(1)

    calls = asyncio.gather(*(one() for _ in range(n)))
    await asyncio.sleep(HOLD_MS / 2000)
    peak, finished = rss_kb(), len(done)
    await calls
    report(n, finished, peak, base_kb)


def report(n: int, finished: int, peak: int, base_kb: int) -> None:
    # `finished` must be 0: the reading was taken with every call in flight.
    emit(
        "memory.in_flight",
        in_flight=n,
        finished_before_reading=finished,
        rss_kb=peak,
        per_call_kb=round((peak - base_kb) / n, 2),
    )


def main() -> None:
    start_kb = rss_kb()
    api = TikAPI(KEY)
    api.set(__options__={"base": URL})
    api.public.check(username="lilyachty").json()
    idle_kb = rss_kb()
    emit("memory.idle_client", import_kb=start_kb, idle_client_kb=idle_kb)
    if OURS:
        asyncio.run(ours(COUNT, idle_kb))
    elif COUNT <= OFFICIAL_MAX:
        official(COUNT, idle_kb)


if __name__ == "__main__":
    main()
