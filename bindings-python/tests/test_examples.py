"""The examples run as they are, pointed at the local sandbox by the environment."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from .conftest import ROOT

EXAMPLES = ROOT / "examples" / "python"


@pytest.mark.parametrize("name", ["official_app.py", "extras.py", "typed_bodies.py"])
def test_example_runs(sandbox_url: str, name: str) -> None:
    env = {**os.environ, "TIKAPI_SANDBOX_URL": sandbox_url}
    env.pop("TIKAPI_BASE_URL", None)
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / name)], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip()
    assert "unexpected" not in result.stdout and "request failed" not in result.stdout


def test_official_app_output(sandbox_url: str) -> None:
    env = {**os.environ, "TIKAPI_SANDBOX_URL": sandbox_url}
    out = subprocess.run(
        [sys.executable, str(EXAMPLES / "official_app.py")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    ).stdout
    assert "user: lilyachty" in out
    assert "expected error: 403 User doesn't exist" in out
    assert "expected validation error on count" in out


def test_otel_console_prints_the_spans_of_three_pages(sandbox_url: str) -> None:
    env = {**os.environ, "TIKAPI_SANDBOX_URL": sandbox_url}
    env.pop("TIKAPI_BASE_URL", None)
    out = subprocess.run(
        [sys.executable, str(EXAMPLES / "otel_console.py")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    ).stdout
    # The console exporter prints each span as a JSON object.
    decoder = json.JSONDecoder()
    spans, pos = [], 0
    while (start := out.find("{", pos)) != -1:
        span, pos = decoder.raw_decode(out, start)
        spans.append(span)
    [walk] = [s for s in spans if s["name"] == "walk three pages"]
    pages = [s for s in spans if s["kind"] == "SpanKind.CLIENT"]
    assert len(pages) == 3
    for span in pages:
        assert span["name"] == "GET"
        assert span["parent_id"] == walk["context"]["span_id"]
        assert span["attributes"]["tikapi.endpoint"] == "public.posts"
        assert span["attributes"]["http.response.status_code"] == 200
    assert out.count("page with") == 3
