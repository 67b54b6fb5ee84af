"""Each request the SDK sends, as the app's observability tools see it: the
real OpenTelemetry SDK (opentelemetry-sdk from PyPI) with in-memory span
and metric readers, and the ``tikapi`` logger.

OpenTelemetry's global providers are set once per process: this module sets
them once, and puts the API's defaults back when it is done, so the other
modules run with nothing listening, as an app without OpenTelemetry does.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar, Optional

import pytest
import tikapi
from opentelemetry import metrics, trace
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode
from opentelemetry.util._once import Once
from tikapi import AsyncTikAPI, TikAPI, ValidationException
from tikapi.testing import Sandbox

from .conftest import ACCOUNT_KEY, API_KEY, in_flight

SEC_UID = "MS4wLjABAAAAsHntXC3s0AvxcecggxsoVa4eAiT8OVafVZ4OQXxy-9htpnUi0sOYSr0kGGD1Loud"
VIDEO_ID = "7003402629929913605"
DURATION = "http.client.request.duration"


class Otel:
    def __init__(self) -> None:
        self.spans = InMemorySpanExporter()
        self.metrics = InMemoryMetricReader()
        provider = TracerProvider()
        provider.add_span_processor(SimpleSpanProcessor(self.spans))
        self.tracer = provider.get_tracer("the-app")
        trace.set_tracer_provider(provider)
        metrics.set_meter_provider(MeterProvider(metric_readers=[self.metrics]))

    def client_spans(self) -> list[ReadableSpan]:
        return [s for s in self.spans.get_finished_spans() if s.kind == SpanKind.CLIENT]

    def points(self, endpoint: Optional[str] = None) -> list[Any]:
        data = self.metrics.get_metrics_data()
        found: list[Any] = []
        for rm in data.resource_metrics if data else []:
            for sm in rm.scope_metrics:
                for m in sm.metrics:
                    if m.name != DURATION:
                        continue
                    assert sm.scope.name == "tikapi" and m.unit == "s"
                    found += [
                        p
                        for p in m.data.data_points
                        if endpoint is None or p.attributes.get("tikapi.endpoint") == endpoint
                    ]
        return found

    def count(self, endpoint: str) -> int:
        return sum(p.count for p in self.points(endpoint))


def reset_otel_globals() -> None:
    """The API's defaults again (as OpenTelemetry's own test utilities do)."""
    trace._TRACER_PROVIDER_SET_ONCE = Once()  # type: ignore[attr-defined]
    trace._TRACER_PROVIDER = None  # type: ignore[attr-defined]
    internal: Any = sys.modules["opentelemetry.metrics._internal"]
    internal._METER_PROVIDER_SET_ONCE = Once()
    internal._METER_PROVIDER = None


@pytest.fixture(scope="module")
def otel_module() -> Iterator[Otel]:
    otel = Otel()
    yield otel
    reset_otel_globals()


@pytest.fixture
def otel(otel_module: Otel) -> Otel:
    otel_module.spans.clear()
    return otel_module


def api_at(url: str, **options: Any) -> TikAPI:
    return TikAPI(API_KEY).set(__sandbox__=True, __options__={"sandboxBase": url, **options})


def is_child_of(span: ReadableSpan, parent: Any) -> bool:
    ctx = parent.get_span_context()
    return (
        span.parent is not None
        and span.parent.span_id == ctx.span_id
        and span.context.trace_id == ctx.trace_id
    )


# -- spans ------------------------------------------------------------------


def test_one_client_span_per_request_under_the_app_span(otel: Otel, sandbox_url: str) -> None:
    api = api_at(sandbox_url)
    with otel.tracer.start_as_current_span("app") as app:
        r = api.public.check(username="lilyachty")
    assert r.ok
    [span] = otel.client_spans()
    assert span.name == "GET"
    assert span.instrumentation_scope is not None
    assert span.instrumentation_scope.name == "tikapi"
    assert is_child_of(span, app)
    a = dict(span.attributes or {})
    port = int(sandbox_url.rsplit(":", 1)[1])
    assert a.pop("tikapi.status_code", 0) == 0  # where the answer has one
    assert r.url.startswith(f"{sandbox_url}/public/check?")
    assert a == {
        "http.request.method": "GET",
        "url.full": r.url,
        "server.address": "127.0.0.1",
        "server.port": port,
        "http.response.status_code": 200,
        "http.response.body.size": len(r.content),
        "tikapi.endpoint": "public.check",
        "tikapi.purpose": "api",
    }
    assert span.status.status_code == StatusCode.UNSET


def test_an_error_answer_is_an_error_span(otel: Otel, tikapi_sandbox: Sandbox) -> None:
    tikapi_sandbox.fail("public.check", "tiktok=10202", times=1)
    api = api_at(tikapi_sandbox.url)
    with pytest.raises(tikapi.TikTokError):
        api.public.check(username="lilyachty")
    [span] = otel.client_spans()
    a = dict(span.attributes or {})
    assert a["http.response.status_code"] == 403
    assert a["error.type"] == "403"
    assert a["tikapi.status_code"] == 10202
    assert span.status.status_code == StatusCode.ERROR


def test_async_calls_are_children_of_their_own_task_span(otel: Otel) -> None:
    async def one(api: AsyncTikAPI, name: str) -> Any:
        with otel.tracer.start_as_current_span(name) as app:
            await api.public.check(username=name)
            return app

    async def main() -> list[Any]:
        api = AsyncTikAPI(API_KEY).set(__sandbox__=True)
        return list(await asyncio.gather(*(one(api, f"user{i}") for i in range(4))))

    apps = asyncio.run(main())
    spans = otel.client_spans()
    assert len(spans) == 4
    for i, app in enumerate(apps):
        [span] = [s for s in spans if (s.attributes or {})["url.full"].endswith(f"=user{i}")]
        assert is_child_of(span, app)


def test_calls_from_threads_are_children_of_the_thread_span(
    otel: Otel, api: Any, caplog: pytest.LogCaptureFixture
) -> None:
    apps: dict[int, Any] = {}

    def work(i: int) -> None:
        with otel.tracer.start_as_current_span(f"thread{i}") as app:
            apps[i] = app
            # A thread's first calls run as tasks on the shared runtime, its
            # later ones on a runtime of its own: the hooks run on the
            # calling thread either way.
            for _ in range(20):
                api.public.check(username=f"thread{i}")

    before = threading.active_count()
    with caplog.at_level(logging.DEBUG, logger="tikapi"):
        threads = [threading.Thread(target=work, args=(i,), name=f"app{i}") for i in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    records = [r for r in caplog.records if r.name == "tikapi"]
    assert len(records) == 60
    by_thread = {r.threadName for r in records}
    assert by_thread == {"app0", "app1", "app2"}
    # No runtime thread became a Python (dummy) thread.
    assert threading.active_count() == before
    spans = otel.client_spans()
    assert len(spans) == 60
    for i, app in apps.items():
        mine = [s for s in spans if (s.attributes or {})["url.full"].endswith(f"=thread{i}")]
        assert len(mine) == 20 and all(is_child_of(s, app) for s in mine)
    otel.spans.clear()
    # A context handed to a thread (contextvars.copy_context) is followed too.
    with otel.tracer.start_as_current_span("main") as main:
        ctx = contextvars.copy_context()
    t = threading.Thread(target=ctx.run, args=(api.public.check,), kwargs={"username": "handed"})
    t.start()
    t.join()
    [handed] = otel.client_spans()
    assert is_child_of(handed, main)


def test_a_walk_of_three_pages_is_three_spans(otel: Otel, api: Any) -> None:
    with otel.tracer.start_as_current_span("walk") as walk:
        pages = list(api.public.posts.pages(secUid=SEC_UID, max_pages=3))
    assert len(pages) == 3
    spans = otel.client_spans()
    assert len(spans) == 3
    assert all(is_child_of(s, walk) for s in spans)
    assert {(s.attributes or {})["tikapi.endpoint"] for s in spans} == {"public.posts"}

    # items(), next_items(), and each page a child of the span current when
    # it is fetched.
    otel.spans.clear()
    with otel.tracer.start_as_current_span("items") as items_span:
        items = list(api.public.posts.items(secUid=SEC_UID, max_pages=2))
    assert items
    first = api.public.posts(secUid=SEC_UID)
    with otel.tracer.start_as_current_span("next") as next_span:
        assert first.next_items() is not None
    spans = otel.client_spans()
    assert len(spans) == 4
    assert sum(is_child_of(s, items_span) for s in spans) == 2
    assert is_child_of(spans[-1], next_span)


def test_async_pages_are_spans(otel: Otel) -> None:
    async def main() -> Any:
        api = AsyncTikAPI(API_KEY).set(__sandbox__=True)
        with otel.tracer.start_as_current_span("walk") as walk:
            pages = [p async for p in api.public.posts.pages(secUid=SEC_UID, max_pages=3)]
            assert len(pages) == 3
            items = [i async for i in api.public.posts.items(secUid=SEC_UID, max_pages=2)]
            assert items
            assert await pages[0].next_items() is not None
        return walk

    walk = asyncio.run(main())
    spans = otel.client_spans()
    assert len(spans) == 6
    assert all(is_child_of(s, walk) for s in spans)


def test_retries_are_spans_with_their_resend_count(
    otel: Otel, tikapi_sandbox: Sandbox, caplog: pytest.LogCaptureFixture
) -> None:
    tikapi_sandbox.fail("public.check", "status=503:0", times=2)
    api = api_at(tikapi_sandbox.url, retries=2)
    with caplog.at_level(logging.DEBUG, logger="tikapi"):
        with otel.tracer.start_as_current_span("app") as app:
            assert api.public.check(username="lilyachty").ok
    spans = otel.client_spans()
    assert len(spans) == 3
    attrs = [dict(s.attributes or {}) for s in spans]
    assert [a.get("http.request.resend_count") for a in attrs] == [None, 1, 2]
    assert [a["http.response.status_code"] for a in attrs] == [503, 503, 200]
    assert [a.get("error.type") for a in attrs] == ["503", "503", None]
    assert [s.status.status_code for s in spans] == [
        StatusCode.ERROR,
        StatusCode.ERROR,
        StatusCode.UNSET,
    ]
    assert all(is_child_of(s, app) for s in spans)
    # The logger: each request's line, and a line for each resend.
    lines = [r.getMessage() for r in caplog.records if r.name == "tikapi"]
    assert len(lines) == 5, lines
    assert lines[0].startswith("GET /public/check 503 ") and ", retry 1 in " in lines[0]
    assert lines[1] == "GET /public/check sending again (retry 1)"
    assert lines[3] == "GET /public/check sending again (retry 2)"
    assert lines[4].startswith("GET /public/check 200 ")


def test_a_download_is_a_span(
    otel: Otel, api: Any, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    r = api.public.video(id=VIDEO_ID)
    link = r.json()["itemInfo"]["itemStruct"]["video"]["downloadAddr"]
    otel.spans.clear()
    with caplog.at_level(logging.DEBUG, logger="tikapi"):
        with otel.tracer.start_as_current_span("save") as save:
            r.save_video(link, tmp_path / "v.mp4")
    size = (tmp_path / "v.mp4").stat().st_size
    [line] = [r.getMessage() for r in caplog.records if r.name == "tikapi"]
    assert line.startswith("GET /") and line.endswith(f"ms ({size} bytes)"), line
    [span] = otel.client_spans()
    a = dict(span.attributes or {})
    assert is_child_of(span, save)
    assert a["tikapi.purpose"] == "download"
    assert "tikapi.endpoint" not in a
    assert a["http.response.status_code"] == 200
    assert a["http.response.body.size"] == size


def test_an_async_download_is_a_span(otel: Otel, tmp_path: Path) -> None:
    async def main() -> Any:
        api = AsyncTikAPI(API_KEY).set(__sandbox__=True)
        r = await api.public.video(id=VIDEO_ID)
        link = r.json()["itemInfo"]["itemStruct"]["video"]["downloadAddr"]
        with otel.tracer.start_as_current_span("save") as save:
            await r.save_video(link, tmp_path / "v.mp4")
        return save

    save = asyncio.run(main())
    spans = otel.client_spans()
    assert len(spans) == 2
    assert is_child_of(spans[1], save)
    assert (spans[1].attributes or {})["tikapi.purpose"] == "download"


def test_a_call_that_fails_validation_makes_no_span(
    otel: Otel, api: Any, caplog: pytest.LogCaptureFixture
) -> None:
    before = otel.count("public.check")
    with caplog.at_level(logging.DEBUG, logger="tikapi"):
        with pytest.raises(ValidationException):
            api.public.check(username="no spaces here")
    assert otel.client_spans() == []
    assert otel.count("public.check") == before
    assert [r for r in caplog.records if r.name == "tikapi"] == []


def test_a_cancelled_call_ends_its_span(
    otel: Otel, tikapi_sandbox: Sandbox, caplog: pytest.LogCaptureFixture
) -> None:
    tikapi_sandbox.fail("public.check", "hang", times=1)

    async def main() -> None:
        api = AsyncTikAPI(API_KEY).set(
            __sandbox__=True, __options__={"sandboxBase": tikapi_sandbox.url}
        )
        task = asyncio.ensure_future(api.public.check(username="lilyachty"))
        while in_flight(tikapi_sandbox.url) == 0:
            await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        # The span ends when the abandoned call's future is dropped.
        for _ in range(3000):
            if otel.client_spans():
                break
            await asyncio.sleep(0.01)

    with caplog.at_level(logging.DEBUG, logger="tikapi"):
        asyncio.run(main())
    [span] = otel.client_spans()
    assert (span.attributes or {})["error.type"] == "cancelled"
    assert span.status.status_code == StatusCode.ERROR
    lines = [r.getMessage() for r in caplog.records if r.name == "tikapi"]
    assert lines == ["GET /public/check abandoned"]


# -- trace context ----------------------------------------------------------


class Recorder(BaseHTTPRequestHandler):
    seen: ClassVar[list[dict[str, str]]] = []

    def do_GET(self) -> None:
        Recorder.seen.append({k.lower(): v for k, v in self.headers.items()})
        body = b'{"status":"success","message":"ok"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[str]:
    """A loopback server that keeps the headers of each request it gets
    (the sandbox keeps none)."""
    Recorder.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, name="header-recorder")
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def traceparent(span: ReadableSpan) -> str:
    ctx = span.context
    return f"00-{ctx.trace_id:032x}-{ctx.span_id:016x}-{int(ctx.trace_flags):02x}"


def test_the_traceparent_reaches_the_server(otel: Otel, recorder: str) -> None:
    with otel.tracer.start_as_current_span("app"):
        api_at(recorder).public.check(username="lilyachty")
    [span] = otel.client_spans()
    [headers] = Recorder.seen
    assert headers["traceparent"] == traceparent(span)


def test_the_traceparent_of_an_async_call_reaches_the_server(otel: Otel, recorder: str) -> None:
    async def main() -> None:
        api = AsyncTikAPI(API_KEY).set(__sandbox__=True, __options__={"sandboxBase": recorder})
        await api.public.check(username="lilyachty")

    asyncio.run(main())
    [span] = otel.client_spans()
    assert Recorder.seen[0]["traceparent"] == traceparent(span)


def test_trace_context_can_be_switched_off(otel: Otel, recorder: str) -> None:
    api_at(recorder, trace_context=False).public.check(username="lilyachty")
    assert len(otel.client_spans()) == 1
    assert "traceparent" not in Recorder.seen[0]


# -- metric, logger ---------------------------------------------------------


def test_the_duration_metric_is_recorded(otel: Otel, api: Any) -> None:
    before = otel.count("user.info")
    api.user(accountKey=ACCOUNT_KEY).info()
    api.user(accountKey=ACCOUNT_KEY).info()
    assert otel.count("user.info") == before + 2
    [point] = otel.points("user.info")
    attrs = dict(point.attributes)
    assert attrs["http.request.method"] == "GET"
    assert attrs["http.response.status_code"] == 200
    assert attrs["server.address"] == "127.0.0.1"
    assert "url.full" not in attrs
    assert point.sum > 0


def test_the_logger_sees_each_request_once(api: Any, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="tikapi"):
        api.public.check(username="lilyachty")
        list(api.public.posts.pages(secUid=SEC_UID, max_pages=3))
    lines = [r.getMessage() for r in caplog.records if r.name == "tikapi"]
    assert len(lines) == 4, lines
    assert lines[0].startswith("GET /public/check 200 ")
    assert all(line.startswith("GET /public/posts 200 ") for line in lines[1:])


# -- no secret anywhere -----------------------------------------------------


def test_no_key_in_any_span_metric_or_log_line(
    otel: Otel, tikapi_sandbox: Sandbox, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    tikapi_sandbox.fail("user.info", "status=503:0", times=1)
    api = api_at(tikapi_sandbox.url, retries=1)
    user = api.user(accountKey=ACCOUNT_KEY)
    with caplog.at_level(logging.DEBUG, logger="tikapi"):
        user.info()
        list(user.posts.comments.list.pages(media_id="7109178205151464746", max_pages=2))
        r = api.public.video(id=VIDEO_ID)
        link = r.json()["itemInfo"]["itemStruct"]["video"]["downloadAddr"]
        r.save_video(link, tmp_path / "v.mp4")
        tikapi_sandbox.fail("public.check", "drop", times=1)
        with pytest.raises(tikapi.ResponseException):
            api_at(tikapi_sandbox.url).public.check(username="x")
    spans = otel.spans.get_finished_spans()
    assert len([s for s in spans if s.kind == SpanKind.CLIENT]) >= 5
    data = otel.metrics.get_metrics_data()
    texts = [s.to_json() for s in spans]
    texts.append(data.to_json() if data else "")
    for rec in caplog.records:
        texts.append(rec.getMessage())
        texts.append(caplog.handler.format(rec))
    everything = "\n".join(texts)
    assert "user.info" in everything and "sending again" in everything
    assert API_KEY not in everything
    assert ACCOUNT_KEY not in everything


# -- robustness and cost ----------------------------------------------------


class Broken:
    def __init__(self, headers: Any = None, fail: bool = False) -> None:
        self.headers = headers
        self.fail = fail
        self.finished = 0

    def start(self, attempt: dict[str, Any]) -> Any:
        if self.fail:
            raise RuntimeError("start broke")
        return self.headers

    def finish(self, finished: dict[str, Any]) -> None:
        self.finished += 1
        if self.fail:
            raise RuntimeError("finish broke")


@pytest.mark.parametrize(
    "observer",
    [Broken(fail=True), Broken(headers=42), Broken(headers=[("bad name", "x")]), Broken([("a",)])],
    ids=["raises", "not-iterable", "bad-header", "not-a-pair"],
)
def test_a_broken_observer_never_breaks_the_call(
    api: Any, observer: Broken, monkeypatch: pytest.MonkeyPatch
) -> None:
    reported: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", reported.append)
    r = api._native.call("public.check", {"username": "lilyachty"}, observer)
    assert r.ok
    assert observer.finished == 1
    assert len(reported) == (2 if observer.fail else 1)

    async def main() -> Any:
        aapi = AsyncTikAPI(API_KEY).set(__sandbox__=True)
        return await aapi._native.call_async("public.check", {"username": "lilyachty"}, observer)

    assert asyncio.run(main()).ok
    assert observer.finished == 2


def test_nothing_listening_costs_nothing(sandbox_url: str) -> None:
    """Without OpenTelemetry imported and the logger off: no observer, and
    tikapi never imports OpenTelemetry itself."""
    code = """
import sys
import tikapi
from tikapi._observe import observer
assert observer() is None
api = tikapi.TikAPI("DemoAPIKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39Asd4s").set(__sandbox__=True)
assert api.public.check(username="lilyachty").ok
assert len(list(api.public.posts.pages(secUid="x", max_pages=2))) == 2
assert not [m for m in sys.modules if m.startswith("opentelemetry")], "imported"
import opentelemetry.trace, opentelemetry.metrics  # imported, no provider set
assert observer() is None
import logging
logging.basicConfig(level=logging.DEBUG)
assert observer() is not None
print("ok")
"""
    env = {**os.environ, "TIKAPI_SANDBOX_URL": sandbox_url}
    env = {k: v for k, v in env.items() if not k.startswith("OTEL_")}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_an_opentelemetry_that_fails_never_breaks_the_call(
    otel: Otel, api: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    reported: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", reported.append)

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("context broke")

    monkeypatch.setattr(sys.modules["opentelemetry.context"], "get_current", broken)
    assert api.public.check(username="lilyachty").ok
    assert otel.client_spans() == []
    assert len(reported) == 1 and "context broke" in str(reported[0].exc_value)
