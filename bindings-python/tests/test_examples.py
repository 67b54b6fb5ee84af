"""The examples run as they are, pointed at the local sandbox by the environment."""

from __future__ import annotations

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
