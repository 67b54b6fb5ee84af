"""Network-condition benchmarks (TLS, latency) for one Python `tikapi`.

usage: python bench/net_py.py URL SCALE NET
  URL    the sandbox (http://, or https:// with bench/net.sh setting SSL_CERT_FILE
         to the sandbox's test CA, so that ours verifies its certificate)
  SCALE  1.0 for the full run (4 s per measurement); smaller for a smoke run
  NET    a label for the conditions (e.g. "tls+20ms"), copied into the output

Prints one JSON object per measurement: calls per second and the CPU time the
whole process spent per call (user + system, all threads, from getrusage),
which is what a worker billed by CPU pays for. The same code drives the
official SDK and ours.
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import tikapi
from tikapi import TikAPI

URL, SCALE, NET = sys.argv[1], float(sys.argv[2]), sys.argv[3]
SECONDS = 4.0 * SCALE  # each measurement runs this long (workers loop until then)
KEY = "DemoAPIKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39Asd4s"
OURS = hasattr(tikapi, "AsyncTikAPI")
IMPL = "ours" if OURS else "official"
# Over TLS ours verifies the sandbox's chain (bench/net.sh trusts its test CA
# through SSL_CERT_FILE); the official SDK never checks certificates
# (verify=False).
OPTIONS = {"base": URL}


def cpu() -> float:
    u = resource.getrusage(resource.RUSAGE_SELF)
    return u.ru_utime + u.ru_stime


def emit(mode: str, conc: int, calls: int, wall: float, cpu_s: float) -> None:
    row = {
        "lang": "python",
        "impl": IMPL,
        "bench": f"net.{mode}",
        "net": NET,
        "concurrency": conc,
        "calls": calls,
        "per_sec": round(calls / wall, 1),
        "cpu_ms_per_call": round(cpu_s * 1000 / calls, 3),
    }
    print(json.dumps(row), flush=True)


def client() -> TikAPI:
    api = TikAPI(KEY)
    api.set(__options__=OPTIONS)
    return api


def check(api) -> None:
    r = api.public.check(username="lilyachty")
    if r.json()["userInfo"]["user"]["uniqueId"] != "lilyachty":
        raise SystemExit(f"unexpected answer: {r.text[:200]}")


def timed(mode: str, conc: int, worker) -> None:
    """Run `conc` workers until SECONDS have passed; each returns its calls."""
    c0, t0 = cpu(), time.perf_counter()
    deadline = t0 + SECONDS
    if conc == 1:
        calls = worker(deadline)
    else:
        with ThreadPoolExecutor(max_workers=conc) as pool:
            calls = sum(pool.map(worker, [deadline] * conc))
    emit(mode, conc, calls, time.perf_counter() - t0, cpu() - c0)


def main() -> None:
    api = client()

    def worker(deadline: float) -> int:
        calls = 0
        while True:  # at least one call, so a short smoke run still measures
            check(api)
            calls += 1
            if time.perf_counter() >= deadline:
                return calls

    check(api)  # warm: the first connection (ours keeps it)
    timed("sequential", 1, worker)
    for conc in (8, 64):
        timed("threads", conc, worker)
    if not OURS:
        return
    for conc in (8, 64):

        async def run(conc: int = conc) -> None:
            aapi = tikapi.AsyncTikAPI(KEY)
            aapi.set(__options__=OPTIONS)

            async def one(deadline: float) -> int:
                calls = 0
                while True:
                    r = await aapi.public.check(username="lilyachty")
                    r.json()
                    calls += 1
                    if time.perf_counter() >= deadline:
                        return calls

            await asyncio.gather(*(aapi.public.check(username="lilyachty") for _ in range(conc)))
            c0, t0 = cpu(), time.perf_counter()
            counts = await asyncio.gather(*(one(t0 + SECONDS) for _ in range(conc)))
            emit("async", conc, sum(counts), time.perf_counter() - t0, cpu() - c0)

        asyncio.run(run())


if __name__ == "__main__":
    main()
