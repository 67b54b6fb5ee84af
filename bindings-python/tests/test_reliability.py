"""The fault matrix, sync and async: every way a request can fail gives its
documented exception, with a message naming the URL, promptly, without a
leaked thread or connection; and no API or account key ever shows up in any
message, repr or log line the matrix produced.

Faults come from the sandbox's ``X-Sandbox-Fault`` switches, a second
sandbox serving HTTPS with a self-signed certificate, and small misbehaving
servers on loopback (``Scripted``) for what the sandbox cannot do: a reset in
the middle of a body, a 429 followed by success, a full accept backlog.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import struct
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any, Optional

import pytest
import tikapi
from tikapi import APIException, AsyncTikAPI, ResponseException, TikAPI

from .conftest import ACCOUNT_KEY, API_KEY, ROOT, in_flight, resolve, sandbox_binary, wait_until

FAULT = "X-Sandbox-Fault"
RATE_LIMITED_KEY = "RateLimitedKey000000"
# Every key the matrix sends; none may appear in anything it produced.
SECRETS = (API_KEY, ACCOUNT_KEY, RATE_LIMITED_KEY)
# Generous bounds: a failure must come promptly, but machines vary.
PROMPT = 5.0
# Every str() and repr() the matrix produced, scanned at the end.
SEEN: list[str] = []


# -- sync and async, one face --------------------------------------------


class Face:
    """Make a client and call it, the same way for ``TikAPI`` and ``AsyncTikAPI``."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def client(self, key: str = API_KEY, **options: Any) -> Any:
        cls = AsyncTikAPI if self.kind == "async" else TikAPI
        # Every case has a finite timeout: a bug shows up as a failure, not a hang.
        options.setdefault("timeout", 20)
        api = cls(key)
        api.set(__sandbox__=True, __options__=options)
        SEEN.append(repr(api))
        return api

    def call(self, api: Any, key: str = "public.check", **kwargs: Any) -> Any:
        endpoint = resolve(api, key)
        SEEN.append(repr(endpoint))
        if self.kind == "async":
            return asyncio.run(endpoint(**kwargs))
        return endpoint(**kwargs)

    def user_call(self, api: Any, **kwargs: Any) -> Any:
        """A call carrying the account key too (``X-ACCOUNT-KEY``)."""
        scope = api.user(accountKey=ACCOUNT_KEY)
        SEEN.append(repr(scope))
        return self.call(scope, "info", **kwargs)

    def save(self, response: Any, link: str, path: Any, **kwargs: Any) -> Any:
        if self.kind == "async":
            return asyncio.run(response.save_video(link, path, **kwargs))
        return response.save_video(link, path, **kwargs)


@pytest.fixture(params=["sync", "async"])
def face(request: Any, sandbox_url: str) -> Face:
    return Face(request.param)


def fault(name: str, **options: Any) -> dict[str, Any]:
    """``__options__`` switching on one sandbox fault."""
    return {"headers": {FAULT: name}, **options}


def record(*objects: Any) -> None:
    """Keep the str() and repr() of exceptions, responses and clients."""
    for o in objects:
        if o is None:
            continue
        SEEN.append(str(o))
        SEEN.append(repr(o))
        if isinstance(o, BaseException):
            SEEN.extend(str(a) for a in o.args)
            record(getattr(o, "response", None))
        if isinstance(o, tikapi.APIResponse):
            SEEN.append(o.url)
            SEEN.append(o.text)
            SEEN.append(repr(dict(o.headers)))


def failing(face: Face, exc: type[BaseException], run: Callable[[], Any]) -> tuple[Any, float]:
    """Run a call that must fail with ``exc``; the exception and the time it took."""
    started = time.monotonic()
    with pytest.raises(exc) as info:
        run()
    elapsed = time.monotonic() - started
    record(info.value)
    return info.value, elapsed


@pytest.fixture(autouse=True)
def no_leaks(caplog: Any) -> Iterator[None]:
    """Every case: no Python thread left behind, and every log line the
    ``tikapi`` logger wrote (at DEBUG) kept for the key scan."""
    caplog.set_level(logging.DEBUG)
    before = threading.active_count()
    yield
    deadline = time.monotonic() + 5
    while threading.active_count() > before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert threading.active_count() <= before, [t.name for t in threading.enumerate()]
    for rec in caplog.records:
        SEEN.append(rec.getMessage())
        SEEN.append(caplog.handler.format(rec))


def assert_names_url(e: BaseException, where: str) -> None:
    text = str(e)
    assert where in text, text
    assert "failed: " in text or "for url" in text, text


# -- small misbehaving servers ---------------------------------------------


def json_answer(status: str, body: bytes, extra: str = "") -> bytes:
    return (
        f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n{extra}\r\n"
    ).encode() + body


OK_BODY = b'{"status":"success","message":"ok","userInfo":{}}'
LIMIT_BODY = b'{"status":"error","message":"Too many requests."}'


def answer(raw: bytes) -> Callable[[socket.socket], None]:
    return lambda conn: conn.sendall(raw)


def reset_mid_body(conn: socket.socket) -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
    conn.sendall(head + b'{"status":"success","padding":"' + b"x" * 20000)
    time.sleep(0.05)
    # SO_LINGER 0: close() sends a TCP RST rather than a FIN.
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


class Scripted:
    """A loopback HTTP server: the Nth connection gets the Nth step (the last
    step repeats). One connection at a time; each is closed after its step."""

    def __init__(self, *steps: Callable[[socket.socket], None]) -> None:
        self.steps = steps
        self.requests = 0
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.1)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.serve, name="scripted-server")
        self.thread.start()

    def serve(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, socket.timeout):
                continue
            except OSError:
                return
            with conn:
                conn.settimeout(5)
                data = b""
                try:
                    while b"\r\n\r\n" not in data:
                        chunk = conn.recv(65536)
                        if not chunk:
                            break
                        data += chunk
                except OSError:
                    continue
                if not data:
                    continue
                step = self.steps[min(self.requests, len(self.steps) - 1)]
                self.requests += 1
                try:
                    step(conn)
                except OSError:
                    pass

    def close(self) -> None:
        self.stopping.set()
        self.thread.join(5)
        self.sock.close()

    def __enter__(self) -> Scripted:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def free_port_url() -> str:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    url = f"http://127.0.0.1:{s.getsockname()[1]}"
    s.close()
    return url


@pytest.fixture(scope="module")
def tls_url() -> Iterator[str]:
    """A second sandbox, serving HTTPS with a certificate of its test CA
    (sandbox/tls/ca.pem), which nothing trusts unless told to."""
    proc = subprocess.Popen(
        [sandbox_binary(), "--addr", "127.0.0.1:0", "--tls"],
        stdout=subprocess.PIPE,
        stderr=sys.stderr,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline().decode().strip()
        assert first.startswith("listening on https://"), first
        yield first.removeprefix("listening on ")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


# -- the matrix ---------------------------------------------------------------


def test_connection_refused(face: Face) -> None:
    base = free_port_url()
    api = face.client(sandboxBase=base)
    e, took = failing(face, tikapi.ConnectionError, lambda: face.user_call(api))
    assert isinstance(e, ConnectionError) and isinstance(e, ResponseException)
    assert e.kind == "connect" and e.response is None
    assert_names_url(e, base + "/user/info")
    assert took < PROMPT


def test_unresolvable_host(face: Face) -> None:
    # `.invalid` never resolves (RFC 2606). Here the resolver says so at once;
    # on a machine whose resolver cannot be reached, the connect timeout
    # (5 s here) bounds the wait.
    base = "http://tikapi-reliability-test.invalid"
    api = face.client(sandboxBase=base, timeout=(5, 10))
    e, took = failing(face, tikapi.ConnectionError, lambda: face.call(api))
    assert e.kind == "connect"
    assert_names_url(e, base + "/public/check")
    assert "dns" in str(e).lower() or "resolve" in str(e).lower() or "lookup" in str(e).lower()
    print(f"\nunresolvable host failed after {took * 1000:.0f} ms")
    assert took < 10


def full_backlog_listener() -> Optional[tuple[socket.socket, list[socket.socket]]]:
    """A listener that never accepts, its backlog filled, so the kernel drops
    further SYNs and a connect hangs. None when this kernel still completes
    connections beyond the backlog."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    fillers = []
    for _ in range(8):
        s = socket.socket()
        s.setblocking(False)
        s.connect_ex(("127.0.0.1", port))
        fillers.append(s)
    time.sleep(0.1)
    probe = socket.socket()
    probe.settimeout(0.3)
    try:
        probe.connect(("127.0.0.1", port))
    except (TimeoutError, socket.timeout):
        return listener, [*fillers, probe]
    except OSError:
        pass
    probe.close()
    for s in fillers:
        s.close()
    listener.close()
    return None


def test_connect_timeout(face: Face) -> None:
    made = full_backlog_listener()
    if made is None:
        pytest.skip("this kernel completes connections beyond a full accept backlog")
    listener, held = made
    try:
        base = f"http://127.0.0.1:{listener.getsockname()[1]}"
        api = face.client(sandboxBase=base, timeout=(0.5, 10))
        e, took = failing(face, tikapi.TimeoutError, lambda: face.call(api))
        assert isinstance(e, TimeoutError)  # the built-in one too
        assert e.kind == "timeout" and e.response is None
        assert_names_url(e, base + "/public/check")
        print(f"\nconnect timeout 0.5 s fired after {took * 1000:.0f} ms")
        # The connect timeout fired, not the 10 s total one.
        assert 0.5 <= took < 0.5 + PROMPT
    finally:
        for s in held:
            s.close()
        listener.close()


def test_server_never_answers(face: Face, sandbox_url: str) -> None:
    # `hang`: the request is read, and no answer ever comes.
    setting = 1.0
    api = face.client(**fault("hang", timeout=setting))
    e, took = failing(face, tikapi.TimeoutError, lambda: face.user_call(api))
    assert e.kind == "timeout" and e.response is None
    assert_names_url(e, sandbox_url + "/user/info")
    assert "timed out" in str(e)
    print(f"\ntotal timeout {setting} s fired after {took * 1000:.0f} ms")
    assert setting <= took < setting + PROMPT


def test_slow_body_past_the_timeout(face: Face, sandbox_url: str) -> None:
    # `slow=5000`: the body trickles over 5 s; the total timeout is 0.5 s.
    api = face.client(**fault("slow=5000", timeout=0.5))
    e, took = failing(face, tikapi.TimeoutError, lambda: face.call(api, username="lilyachty"))
    assert e.kind == "timeout"
    assert_names_url(e, sandbox_url + "/public/check")
    assert 0.5 <= took < 0.5 + PROMPT


def test_slow_body_within_the_timeout(face: Face) -> None:
    api = face.client(**fault("slow=300", timeout=10))
    assert face.call(api, username="lilyachty").json()["status"] == "success"


def test_reset_mid_body(face: Face) -> None:
    with Scripted(reset_mid_body) as server:
        api = face.client(sandboxBase=server.url)
        e, took = failing(face, ResponseException, lambda: face.user_call(api))
    assert type(e) is ResponseException
    assert e.kind == "body" and e.response is None
    assert_names_url(e, server.url + "/user/info")
    assert took < PROMPT


def test_reset_before_an_answer(face: Face, sandbox_url: str) -> None:
    api = face.client(**fault("reset"))
    e, _ = failing(face, ResponseException, lambda: face.user_call(api))
    assert e.response is None and e.kind in ("body", "connect", "other")
    assert_names_url(e, sandbox_url + "/user/info")


def test_body_shorter_than_its_content_length(face: Face, sandbox_url: str) -> None:
    api = face.client(**fault("truncate"))
    e, took = failing(face, ResponseException, lambda: face.call(api, username="lilyachty"))
    assert e.kind == "body" and e.response is None
    assert_names_url(e, sandbox_url + "/public/check")
    assert took < PROMPT


def test_invalid_json_leaves_the_response_usable(face: Face) -> None:
    api = face.client(**fault("badjson"))
    r = face.call(api, key="public.posts")
    record(r)
    assert r.status_code == 200 and r.ok
    with pytest.raises(ValueError):
        r.json()
    with pytest.raises(ValueError):  # again: not cached as something else
        r.json()
    assert r.text.startswith('{"status":"success"')
    assert r.content == r.text.encode()
    assert r.headers["content-type"].startswith("application/json")
    assert "/public/posts" in r.url
    r.raise_for_status()


def test_502_html_page(face: Face, sandbox_url: str) -> None:
    api = face.client(**fault("html502"))
    e, _ = failing(face, ResponseException, lambda: face.user_call(api))
    assert type(e) is ResponseException and e.kind == "server"
    assert e.response is not None and e.response.status_code == 502
    assert "<h1>502 Bad Gateway</h1>" in e.response.text
    assert str(e) == f"502 Server Error: Bad Gateway for url: {e.response.url}"
    assert e.response.url.startswith(sandbox_url + "/user/info")


def test_429_with_retry_after_retries_off(face: Face) -> None:
    api = face.client(RATE_LIMITED_KEY)
    e, _ = failing(face, tikapi.RateLimitError, lambda: face.call(api))
    assert e.kind == "rate_limit" and e.retry_after == 1.0
    assert e.response is not None and e.response.status_code == 429
    api = face.client(**fault("status=429:7"))
    e, _ = failing(face, tikapi.RateLimitError, lambda: face.call(api))
    assert e.retry_after == 7.0


def test_429_without_retry_after_retries_off(face: Face) -> None:
    api = face.client(**fault("status=429"))
    e, _ = failing(face, tikapi.RateLimitError, lambda: face.user_call(api))
    assert e.retry_after is None
    assert e.response is not None and "retry-after" not in e.response.headers


def test_429_retries_on_wait_and_succeed(face: Face) -> None:
    limited = json_answer("429 Too Many Requests", LIMIT_BODY, "Retry-After: 1\r\n")
    with Scripted(answer(limited), answer(json_answer("200 OK", OK_BODY))) as server:
        api = face.client(sandboxBase=server.url, retries=2)
        started = time.monotonic()
        r = face.user_call(api)
        took = time.monotonic() - started
        assert server.requests == 2
    record(r)
    assert r.status_code == 200
    print(f"\n429 Retry-After: 1 then 200: succeeded after {took * 1000:.0f} ms")
    assert 1.0 <= took < 1.0 + PROMPT


def test_429_without_retry_after_retries_on_back_off_and_succeed(face: Face) -> None:
    limited = json_answer("429 Too Many Requests", LIMIT_BODY)
    with Scripted(answer(limited), answer(limited), answer(json_answer("200 OK", OK_BODY))) as s:
        api = face.client(sandboxBase=s.url, retries=3)
        r = face.call(api)
        assert s.requests == 3
    assert r.status_code == 200


def test_429_retries_exhausted(face: Face) -> None:
    # The reserved key is always limited: one retry after its Retry-After of
    # 1 s, then the error.
    api = face.client(RATE_LIMITED_KEY, retries=1)
    e, took = failing(face, tikapi.RateLimitError, lambda: face.call(api))
    assert e.retry_after == 1.0
    assert 1.0 <= took < 1.0 + PROMPT


def test_5xx_then_success_with_retries_on(face: Face) -> None:
    token = f"py-reliability-{face.kind}-{uuid.uuid4().hex}"
    api = face.client(**fault(f"flaky=2:{token}", retries=3))
    r = face.call(api, key="public.musicInfo")
    record(r)
    assert r.status_code == 200


def test_5xx_retries_off(face: Face) -> None:
    token = f"py-reliability-off-{face.kind}-{uuid.uuid4().hex}"
    api = face.client(**fault(f"flaky=1:{token}"))
    e, _ = failing(face, ResponseException, lambda: face.call(api, key="public.musicInfo"))
    assert e.kind == "server"
    assert e.response is not None and e.response.status_code == 503
    assert str(e) == e.response.json()["message"]


def test_redirect_loop(face: Face, sandbox_url: str) -> None:
    api = face.client(**fault("redirect"))
    e, took = failing(face, ResponseException, lambda: face.user_call(api))
    assert e.kind == "redirect" and e.response is None
    assert "redirect" in str(e)
    assert_names_url(e, sandbox_url + "/user/info")
    assert took < PROMPT


def test_body_over_max_body_size(face: Face, sandbox_url: str) -> None:
    api = face.client(**fault("big=200000", max_body_size=50_000))
    e, _ = failing(face, ResponseException, lambda: face.call(api, username="lilyachty"))
    assert e.kind == "too_large" and e.response is None
    assert "max_body_size" in str(e) and "50000" in str(e)
    assert_names_url(e, sandbox_url + "/public/check")
    # The same answer under a cap it fits in.
    api = face.client(**fault("big=200000", max_body_size=1_000_000))
    assert len(face.call(api, username="lilyachty").content) >= 200_000


def test_untrusted_tls_rejected_by_default(face: Face, tls_url: str) -> None:
    api = face.client(sandboxBase=tls_url)
    e, _ = failing(face, ResponseException, lambda: face.user_call(api))
    assert e.kind == "tls" and e.response is None
    assert "certificate" in str(e)
    assert_names_url(e, tls_url + "/user/info")
    # Saying False is the default, spelled out.
    api = face.client(sandboxBase=tls_url, dangerously_accept_invalid_certificates=False)
    failing(face, ResponseException, lambda: face.call(api))


TRUSTS = """
import sys
from tikapi import TikAPI, ResponseException
api = TikAPI(sys.argv[2])
api.set(__options__={"base": sys.argv[1]})
try:
    r = api.public.check(username="lilyachty")
    print("verified", r.status_code, r.url.split(":")[0])
except ResponseException as e:
    print("refused", e.kind)
"""


@pytest.mark.parametrize("how", ["SSL_CERT_FILE", "SSL_CERT_DIR", "nothing", "another CA"])
def test_a_trusted_private_ca_verifies(tls_url: str, how: str, tmp_path: Any) -> None:
    """With its issuer trusted (SSL_CERT_FILE / SSL_CERT_DIR), the sandbox's
    certificate chain is verified as a real server's would be, with no
    option that turns checks off; trusting nothing or another CA refuses it."""
    ca = ROOT / "sandbox" / "tls" / "ca.pem"
    env = {k: v for k, v in os.environ.items() if k not in ("SSL_CERT_FILE", "SSL_CERT_DIR")}
    if how == "SSL_CERT_FILE":
        env["SSL_CERT_FILE"] = str(ca)
    elif how == "SSL_CERT_DIR":
        (tmp_path / "ca.pem").write_bytes(ca.read_bytes())
        env["SSL_CERT_DIR"] = str(tmp_path)
    elif how == "another CA":
        # The server's own certificate is no issuer: trusting it is not
        # trusting the CA that signed it.
        leaf = (
            (ROOT / "sandbox" / "tls" / "cert.pem")
            .read_text()
            .split("-----END CERTIFICATE-----")[0]
        )
        (tmp_path / "leaf.pem").write_text(leaf + "-----END CERTIFICATE-----\n")
        env["SSL_CERT_FILE"] = str(tmp_path / "leaf.pem")
    out = subprocess.run(
        [sys.executable, "-c", TRUSTS, tls_url, API_KEY],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout.strip()
    want = "verified 200 https" if how.startswith("SSL_") else "refused tls"
    assert out == want, out


def test_untrusted_tls_accepted_only_with_the_loud_option(face: Face, tls_url: str) -> None:
    api = face.client(sandboxBase=tls_url, dangerously_accept_invalid_certificates=True)
    r = face.user_call(api)
    record(r)
    assert r.status_code == 200 and r.url.startswith("https://")
    # Per call too, and only for that call.
    api = face.client(sandboxBase=tls_url)
    on = {"dangerously_accept_invalid_certificates": True}
    assert face.call(api, __options__=on).ok
    failing(face, ResponseException, lambda: face.call(api))


def test_retries_do_not_hide_what_happened(face: Face) -> None:
    # Refused connections are retried; after the last retry the error is the same.
    api = face.client(sandboxBase=free_port_url(), retries=1)
    e, _ = failing(face, tikapi.ConnectionError, lambda: face.call(api))
    assert e.kind == "connect"


# -- options -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"verify": False}, ["verify", "dangerously_accept_invalid_certificates"]),
        ({"timeuot": 3}, ["timeuot", "known keys"]),
        ({"maxBodySize": 10}, ["maxBodySize", "max_body_size"]),
        ({"connect_timeout": 3}, ["connect_timeout", "(connect, total)"]),
        ({1: "x"}, ["keys must be strings"]),
        ({"max_body_size": 0}, ["max_body_size"]),
        ({"max_body_size": -5}, ["max_body_size"]),
        ({"max_body_size": 1.5}, ["max_body_size"]),
        ({"max_body_size": True}, ["max_body_size"]),
        ({"max_connections": 0}, ["max_connections"]),
        ({"max_connections": 2.5}, ["max_connections"]),
        ({"max_connections": True}, ["max_connections"]),
        ({"maxConnections": 4}, ["maxConnections", "max_connections"]),
        ({"dangerously_accept_invalid_certificates": 1}, ["True or False"]),
        ({"dangerously_accept_invalid_certificates": "yes"}, ["True or False"]),
        ({"retries": -1}, ["retries"]),
        ({"retries": True}, ["retries"]),
        ({"timeout": float("nan")}, ["timeout"]),
        ({"timeout": (1, 2, 3)}, ["(connect, total)"]),
        ({"headers": {"bad name": "x"}}, ["bad name"]),
        ({"headers": {"X-Test": "a\r\nInjected: 1"}}, ["X-Test", "line break"]),
        ({"headers": {"X-Test": "\ud800"}}, ["not valid Unicode"]),
        ("not a dict", ["__options__ must be a dict"]),
    ],
    ids=repr,
)
def test_bad_options_are_named(face: Face, options: Any, words: list[str]) -> None:
    api = face.client()
    for run in (
        lambda: api.set(__options__=options),
        lambda: face.call(api, __options__=options),
        lambda: api.public(__options__=options),
    ):
        e, _ = failing(face, APIException, run)
        assert type(e) is APIException
        for w in words:
            assert w in str(e), str(e)


def test_official_hooks_are_accepted(face: Face) -> None:
    api = face.client(on_request=None, on_success=print, on_error=print)
    assert face.call(api).ok


def test_new_options_apply_through_set_and_scopes(face: Face) -> None:
    api = face.client(max_body_size=100)
    e, _ = failing(face, ResponseException, lambda: face.call(api))
    assert e.kind == "too_large"
    # A call's own option overrides the client's.
    assert face.call(api, __options__={"max_body_size": 10_000_000}).ok


def test_failures_leave_no_connection_behind(face: Face) -> None:
    """Repeated failures of every kind: the process's open descriptors do not grow."""
    if not os.path.isdir("/proc/self/fd"):
        pytest.skip("needs /proc")

    def fds() -> int:
        return len(os.listdir("/proc/self/fd"))

    faults = [
        fault("drop"),
        fault("reset"),
        fault("truncate"),
        fault("hang", timeout=0.2),
        fault("slow=2000", timeout=0.2),
        fault("redirect"),
        fault("big=100000", max_body_size=1000),
    ]
    for opts in faults:  # warm up: pools and runtime exist
        with pytest.raises(ResponseException):
            face.call(face.client(**opts))
    before = fds()
    for _ in range(10):
        for opts in faults:
            with pytest.raises(ResponseException):
                face.call(face.client(**opts))
    time.sleep(0.2)
    after = fds()
    print(f"\nopen descriptors: {before} before 70 failed calls, {after} after")
    assert after <= before + 4


# -- secrets -------------------------------------------------------------------


def test_no_key_in_anything_the_matrix_produced() -> None:
    """Runs last in this module: everything collected above, scanned."""
    assert len(SEEN) > 200, "the matrix did not run"
    text = "\n".join(SEEN)
    for secret in SECRETS:
        assert secret not in text, f"a key leaked: {secret[:6]}..."
    print(f"\nscanned {len(SEEN)} messages, {len(text)} characters: no key")


def test_max_connections_caps_requests_in_flight(private_sandbox: str) -> None:
    # Every request hangs: with max_connections=2 the sandbox has 2 in
    # flight, and a call that cannot get a slot within its timeout says why.
    options = {"sandboxBase": private_sandbox, "max_connections": 2, "timeout": 60}
    hang = {"headers": {FAULT: "hang"}}
    # The hanging calls run on a loop of their own, so that they can be
    # cancelled at the end (which ends their requests and frees the slots).
    loop = asyncio.new_event_loop()
    runner = threading.Thread(target=loop.run_forever, daemon=True)
    runner.start()
    aapi = AsyncTikAPI(API_KEY).set(__sandbox__=True, __options__=options)

    async def hang_call() -> Any:
        return await aapi.public.check(__options__=hang)

    calls = [asyncio.run_coroutine_threadsafe(hang_call(), loop) for _ in range(5)]
    try:
        wait_until(lambda: in_flight(private_sandbox) >= 2, "two requests in flight")
        # Were the cap broken, the three others would arrive within this pause.
        time.sleep(0.3)
        assert in_flight(private_sandbox) == 2
        # The same host and limit share one budget, sync or async.
        api = TikAPI(API_KEY).set(__sandbox__=True, __options__=options)
        with pytest.raises(tikapi.TimeoutError) as e:
            api.public.check(__options__={"timeout": 0.2})
        assert "waiting for one of the 2 connections" in str(e.value)
        assert "max_connections" in str(e.value)
    finally:
        for c in calls:
            c.cancel()
        wait_until(lambda: in_flight(private_sandbox) == 0, "the cancelled requests to end")
        loop.call_soon_threadsafe(loop.stop)
        runner.join()
        loop.close()
