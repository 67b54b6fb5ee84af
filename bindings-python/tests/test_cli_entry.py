"""`pip install .` installs the `tikapi` command (the Rust CLI, linked in)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def command() -> list[str]:
    script = Path(sys.executable).with_name("tikapi")
    if script.exists():
        return [str(script)]
    found = shutil.which("tikapi")
    if found is None:
        pytest.fail("the tikapi entry point is not installed")
    return [found]


def test_the_entry_point_calls_the_sandbox(sandbox_url: str) -> None:
    env = {**os.environ, "TIKAPI_SANDBOX_URL": sandbox_url}
    env.pop("TIKAPI_KEY", None)
    out = subprocess.run(
        [*command(), "--sandbox", "call", "public.check", "--username", "lilyachty"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["userInfo"]["user"]["uniqueId"] == "lilyachty"


def test_the_entry_point_exits_2_on_a_bad_parameter(sandbox_url: str) -> None:
    env = {**os.environ, "TIKAPI_SANDBOX_URL": sandbox_url}
    out = subprocess.run(
        [*command(), "--sandbox", "call", "public.posts", "--cursor", "abc"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert out.returncode == 2
    assert b"cursor" in out.stderr
