"""What observability costs a Python call: sequential sync calls and 64
concurrent AsyncTikAPI calls against an in-process sandbox, each setting in
its own interpreter (OpenTelemetry's providers are set once per process):

- ``none``: no OpenTelemetry imported, the ``tikapi`` logger off (the usual case);
- ``imported``: ``opentelemetry.trace`` / ``.metrics`` imported, no provider set;
- ``traced``: the SDK's tracer and meter providers set (spans to a
  BatchSpanProcessor whose exporter drops them, metrics to an in-memory reader);
- ``logged``: the ``tikapi`` logger at DEBUG into a NullHandler.

    python bench/otel_py.py [calls]     (needs tikapi and opentelemetry-sdk)

Prints one JSON line per setting: calls per second (median of 5 rounds) and
the time ``tikapi._observe.observer()`` takes.
"""

from __future__ import annotations

import subprocess
import sys

SETTINGS = ("none", "imported", "traced", "logged")

CHILD = r"""
import asyncio, json, logging, statistics, sys, time, timeit
setting, calls = sys.argv[1], int(sys.argv[2])
if setting in ("imported", "traced"):
    import opentelemetry.metrics, opentelemetry.trace
if setting == "traced":
    from opentelemetry import metrics, trace
    from opentelemetry.sdk.metrics import MeterProvider
    from opentelemetry.sdk.metrics.export import InMemoryMetricReader
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter, SpanExportResult

    class Drop(SpanExporter):
        def export(self, spans):
            return SpanExportResult.SUCCESS

    tp = TracerProvider()
    tp.add_span_processor(BatchSpanProcessor(Drop()))
    trace.set_tracer_provider(tp)
    metrics.set_meter_provider(MeterProvider(metric_readers=[InMemoryMetricReader()]))
if setting == "logged":
    logging.getLogger("tikapi").addHandler(logging.NullHandler())
    logging.getLogger("tikapi").setLevel(logging.DEBUG)
    logging.getLogger("tikapi").propagate = False

import tikapi
from tikapi._observe import observer
from tikapi.testing import Sandbox

with Sandbox() as sb:
    api = tikapi.TikAPI("DemoAPIKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39Asd4s").set(
        __sandbox__=True, __options__={"sandboxBase": sb.url})
    aapi = tikapi.AsyncTikAPI("DemoAPIKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39Asd4s").set(
        __sandbox__=True, __options__={"sandboxBase": sb.url})
    for _ in range(50):
        api.public.check(username="lilyachty")

    def sync_round():
        t = time.perf_counter()
        for _ in range(calls):
            api.public.check(username="lilyachty")
        return calls / (time.perf_counter() - t)

    async def async_round():
        sem = asyncio.Semaphore(64)
        async def one():
            async with sem:
                await aapi.public.check(username="lilyachty")
        t = time.perf_counter()
        await asyncio.gather(*(one() for _ in range(calls)))
        return calls / (time.perf_counter() - t)

    sync = statistics.median(sync_round() for _ in range(5))
    conc = statistics.median(asyncio.run(async_round()) for _ in range(5))
n = 200_000
per = timeit.timeit(observer, number=n) / n
print(json.dumps({"setting": setting, "sync_calls_per_s": round(sync),
                  "async64_calls_per_s": round(conc), "observer_ns": round(per * 1e9)}))
"""


def main() -> None:
    calls = sys.argv[1] if len(sys.argv) > 1 else "2000"
    for setting in SETTINGS:
        out = subprocess.run(
            [sys.executable, "-c", CHILD, setting, calls],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        print(out.strip(), flush=True)


if __name__ == "__main__":
    main()
