"""The ``tikapi_sandbox`` pytest fixture (registered through the ``pytest11``
entry point, so ``pip install tikapi-rs`` is enough).

One sandbox per session (per worker under pytest-xdist), reset for every
test; for the test, ``TIKAPI_SANDBOX_URL`` and ``TIKAPI_BASE_URL`` point at
it, so an app's unchanged ``TikAPI(key)`` calls it. A test marked
``@pytest.mark.tikapi_cassette`` (or ``tikapi_cassette("name")``) replays
``cassettes/<name or test name>.json`` beside its file; run with
``--tikapi-record[=URL]`` to record it from the real API (or URL) instead.
A call the cassette lacks fails the test, naming the endpoint and parameters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from . import TIKAPI_BASE, Sandbox


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("tikapi").addoption(
        "--tikapi-record",
        nargs="?",
        const=TIKAPI_BASE,
        default=None,
        metavar="URL",
        help="record the cassettes of tests marked tikapi_cassette from URL "
        f"(default {TIKAPI_BASE}) instead of replaying them",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "tikapi_cassette(name=None): replay (or with --tikapi-record, record) "
        "cassettes/<name or test name>.json beside the test file",
    )


@pytest.fixture(scope="session")
def _tikapi_sandbox_session() -> Iterator[Sandbox]:
    with Sandbox() as sandbox:
        yield sandbox


def _cassette_path(request: pytest.FixtureRequest, marker: pytest.Mark) -> Path:
    name = marker.args[0] if marker.args else marker.kwargs.get("name")
    if not name:
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name).strip("_")
    return Path(request.node.path).parent / "cassettes" / f"{name}.json"


@pytest.fixture
def tikapi_sandbox(
    _tikapi_sandbox_session: Sandbox,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> Iterator[Sandbox]:
    """The session's sandbox, reset, with the SDK's base URLs pointed at it."""
    sandbox = _tikapi_sandbox_session
    sandbox.reset()
    monkeypatch.setenv("TIKAPI_SANDBOX_URL", sandbox.url)
    monkeypatch.setenv("TIKAPI_BASE_URL", sandbox.url)
    marker = request.node.get_closest_marker("tikapi_cassette")
    if marker is not None:
        cassette = _cassette_path(request, marker)
        upstream = request.config.getoption("--tikapi-record")
        if upstream:
            sandbox.record(cassette, upstream)
        else:
            sandbox.replay(cassette)
    try:
        yield sandbox
        misses = sandbox.misses()
        if misses:
            pytest.fail("\n".join(misses), pytrace=False)
    finally:
        sandbox.reset()
