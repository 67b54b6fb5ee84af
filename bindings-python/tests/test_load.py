"""Load and processes: 32 threads x 1,000 calls on one client, thousands of
concurrent awaits, fork (multiprocessing) after the client was used and
while other threads call, and interpreter exit with calls in flight."""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from tikapi import AsyncTikAPI, TikAPI

from .conftest import API_KEY


def calls_seen(sandbox_url: str, endpoint: str) -> int:
    with urllib.request.urlopen(sandbox_url + "/__sandbox/stats") as f:
        return int(dict(json.load(f)["endpoints"]).get(endpoint, 0))


def test_32_threads_by_1000_calls_on_one_client(sandbox_url: str) -> None:
    api = TikAPI(API_KEY).set(__sandbox__=True, __options__={"timeout": 30})
    before = calls_seen(sandbox_url, "public.musicInfo")

    def work(_: int) -> int:
        ok = 0
        for _ in range(1000):
            r = api.public.musicInfo()
            ok += r.status_code == 200 and r.json()["status"] == "success"
        return ok

    threads_before = threading.active_count()
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=32) as pool:
        done = list(pool.map(work, range(32)))
    took = time.perf_counter() - started
    assert done == [1000] * 32
    assert calls_seen(sandbox_url, "public.musicInfo") - before == 32_000
    assert threading.active_count() == threads_before
    print(f"\n32 threads x 1,000 calls: {took:.2f} s, {32_000 / took:,.0f} calls/s")


def test_5000_concurrent_awaits(sandbox_url: str) -> None:
    async def main() -> list[int]:
        api = AsyncTikAPI(API_KEY).set(__sandbox__=True, __options__={"timeout": 60})
        rs = await asyncio.gather(*(api.public.musicInfo() for _ in range(5000)))
        return [r.status_code for r in rs]

    started = time.perf_counter()
    assert asyncio.run(main()) == [200] * 5000
    took = time.perf_counter() - started
    print(f"\n5,000 concurrent awaits: {took:.2f} s, {5000 / took:,.0f} calls/s")


# -- fork ---------------------------------------------------------------------

_SHARED: dict[str, Any] = {}


def _child_calls(_: int) -> int:
    """In a forked child: the parent's client, sync and through a new async one."""
    api = _SHARED["api"]
    ok = sum(api.public.check(username="lilyachty").ok for _ in range(20))

    async def more() -> int:
        aapi = AsyncTikAPI(API_KEY).set(__sandbox__=True)
        rs = await asyncio.gather(*(aapi.public.check(username="lilyachty") for _ in range(10)))
        return sum(r.ok for r in rs)

    return ok + asyncio.run(more())


@pytest.mark.skipif(sys.platform == "win32", reason="fork is POSIX")
# Python 3.12+ warns about forking a threaded process: that is the case tested.
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
@pytest.mark.parametrize(
    "busy_threads",
    # 4 busy threads: forks land while other threads are inside the core
    # (the core's per-call path takes no lock a child could inherit held).
    [0, 4],
)
def test_fork_after_use(sandbox_url: str, busy_threads: int) -> None:
    api = TikAPI(API_KEY).set(__sandbox__=True, __options__={"timeout": 30})
    assert api.public.check().ok
    _SHARED["api"] = api
    stop = threading.Event()

    def hammer() -> None:
        while not stop.is_set():
            api.public.check(username="lilyachty")

    busy = [threading.Thread(target=hammer) for _ in range(busy_threads)]
    for t in busy:
        t.start()
    try:
        ctx = multiprocessing.get_context("fork")
        for _ in range(5):
            with ctx.Pool(4) as pool:
                # A deadlocked child would show as a timeout here, not a hang.
                assert pool.map_async(_child_calls, range(8)).get(timeout=60) == [30] * 8
    finally:
        stop.set()
        for t in busy:
            t.join()
        _SHARED.clear()
    assert api.public.check().ok


# -- exit with calls in flight --------------------------------------------

EXIT_SCRIPT = r"""
import asyncio, os, sys, threading
from tikapi import AsyncTikAPI, TikAPI

key, how, fault = sys.argv[1], sys.argv[2], sys.argv[3]
options = {"headers": {"X-Sandbox-Fault": fault}} if fault else {}
api = TikAPI(key).set(__sandbox__=True, __options__=options)
ready = threading.Barrier(9)

def work():
    ready.wait()
    while True:
        api.public.check(username="lilyachty")

for _ in range(8):
    threading.Thread(target=work, daemon=True).start()
ready.wait()

async def main():
    aapi = AsyncTikAPI(key).set(__sandbox__=True)
    done = await asyncio.gather(*(aapi.public.check(username="lilyachty") for _ in range(16)))
    assert all(r.ok for r in done)
    # Still in flight when asyncio.run closes the loop and the process exits.
    slow = {"headers": {"X-Sandbox-Fault": "slow=2000"}}
    for _ in range(8):
        asyncio.ensure_future(aapi.public.check(username="lilyachty", __options__=slow))
    await asyncio.sleep(0.2)

asyncio.run(main())
if how == "fork":
    # A child that uses the client and exits normally (atexit hooks run).
    pid = os.fork()
    if pid == 0:
        assert api.public.check(username="lilyachty").ok
        sys.exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, status
print("exiting", flush=True)
if how == "exit":
    sys.exit(0)
"""


@pytest.mark.parametrize("fault", ["", "slow=300"], ids=["fast-calls", "slow-calls"])
@pytest.mark.parametrize("how", ["exit", "end", "fork"])
def test_exit_with_calls_in_flight(sandbox_url: str, tmp_path: Path, how: str, fault: str) -> None:
    if how == "fork" and sys.platform == "win32":
        pytest.skip("fork is POSIX")
    script = tmp_path / "exit_in_flight.py"
    script.write_text(EXIT_SCRIPT)
    for attempt in range(3):
        started = time.monotonic()
        proc = subprocess.run(
            [sys.executable, "-W", "ignore::DeprecationWarning", str(script), API_KEY, how, fault],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "PYTHONFAULTHANDLER": "1"},
        )
        took = time.monotonic() - started
        assert proc.returncode == 0, (attempt, proc.returncode, proc.stderr[-3000:])
        assert proc.stdout.strip() == "exiting"
        for bad in ("Traceback", "panicked", "Fatal Python error", "KeyboardInterrupt"):
            assert bad not in proc.stderr, proc.stderr[-3000:]
        assert took < 30
        print(f"\nexit ({how}, {fault or 'fast'}) #{attempt + 1}: {took:.2f} s")
