"""The local sandbox for the whole test session, and clients pointed at it.

The sandbox binary is built with cargo (or taken from ``TIKAPI_SANDBOX_BIN``),
started on a free loopback port, and stopped when the session ends. Clients
find it through ``TIKAPI_SANDBOX_URL`` / ``TIKAPI_BASE_URL``, as an app would.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"

API_KEY = "DemoAPIKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39Asd4s"
ACCOUNT_KEY = "DemoAccountKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39A"


def sandbox_binary() -> str:
    given = os.environ.get("TIKAPI_SANDBOX_BIN")
    if given:
        return given
    # cargo knows where it put the binary (CARGO_TARGET_DIR or target/).
    out = subprocess.run(
        ["cargo", "build", "-q", "-p", "tikapi-sandbox", "--message-format=json"],
        cwd=ROOT,
        check=True,
        stdout=subprocess.PIPE,
    ).stdout.decode()
    for line in out.splitlines():
        msg = json.loads(line)
        if msg.get("reason") == "compiler-artifact" and msg.get("executable"):
            if msg["target"]["name"] == "tikapi-sandbox":
                return str(msg["executable"])
    raise RuntimeError("cargo built no tikapi-sandbox executable")


@contextlib.contextmanager
def running_sandbox() -> Iterator[str]:
    """A sandbox process on a free loopback port, stopped on exit."""
    proc = subprocess.Popen(
        [sandbox_binary(), "--addr", "127.0.0.1:0"],
        stdout=subprocess.PIPE,
        stderr=sys.stderr,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline().decode().strip()
        if not first.startswith("listening on "):
            raise RuntimeError(f"the sandbox did not start: {first!r}")
        yield first.removeprefix("listening on ")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def private_sandbox() -> Iterator[str]:
    """A sandbox of this test's own: its counts (requests in flight) are
    this test's alone, whatever other tests left running on the shared one."""
    with running_sandbox() as url:
        yield url


@pytest.fixture
def sigint_enabled() -> Iterator[None]:
    """Python's own Ctrl-C handling for the test, whatever the process was
    started with: a process launched in the background (a CI job, nohup)
    starts with SIGINT ignored, and then nothing, not even
    `_thread.interrupt_main()`, raises KeyboardInterrupt."""
    import signal

    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def in_flight(url: str) -> int:
    """Requests the sandbox at `url` is handling right now."""
    import urllib.request

    with urllib.request.urlopen(url + "/__sandbox/stats") as f:
        return int(json.load(f)["in_flight"])


def wait_until(done: Any, what: str) -> None:
    """Poll `done()` until true; the bound (30 s) is reached only on failure."""
    import time

    for _ in range(3000):
        if done():
            return
        time.sleep(0.01)
    raise AssertionError(f"still waiting for {what}")


@pytest.fixture(scope="session", autouse=True)
def sandbox_url() -> Iterator[str]:
    with running_sandbox() as url:
        saved = {k: os.environ.get(k) for k in ("TIKAPI_SANDBOX_URL", "TIKAPI_BASE_URL")}
        os.environ["TIKAPI_SANDBOX_URL"] = url
        os.environ["TIKAPI_BASE_URL"] = url
        yield url
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@pytest.fixture
def api(sandbox_url: str) -> Any:
    from tikapi import TikAPI

    return TikAPI(API_KEY).set(__sandbox__=True)


@pytest.fixture
def user(api: Any) -> Any:
    return api.user(accountKey=ACCOUNT_KEY)


def catalogue() -> list[dict[str, Any]]:
    from tikapi import _native

    endpoints: list[dict[str, Any]] = json.loads(_native.catalogue())["endpoints"]
    return endpoints


def resolve(root: Any, key: str) -> Any:
    """``public.posts`` -> ``root.public.posts``."""
    node = root
    for part in key.split("."):
        node = getattr(node, part)
    return node


def required_examples(form: dict[str, Any]) -> dict[str, Any]:
    """The catalogue examples of a form's own required parameters: enough to
    pick the form and pass validation outside the sandbox's example filling."""
    return {
        p["key"]: p["example"] if p["example"] is not None else NO_EXAMPLE[p["key"]]
        for p in form["params"]
        if p["required"] and not p["inherited"]
    }


def fills_in_sandbox(form: dict[str, Any]) -> bool:
    """Whether sandbox mode can fill every required parameter of a form."""
    return all(p["example"] is not None for p in form["params"] if p["required"])


# Values for the few required parameters the catalogue gives no example for.
NO_EXAMPLE = {"username": "lilyachty"}


def load(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))
