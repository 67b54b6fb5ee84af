"""tikapi.testing: the in-process Sandbox, its errors, and the pytest plugin.

The README's "Testing your app" pytest example is run as printed, in a
fresh directory: once recording its cassette from a second sandbox standing
in for the real API, then replaying it, then under pytest-xdist; an async
app is run under pytest-asyncio and anyio the same way.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from tikapi import TikAPI
from tikapi.testing import Sandbox

ROOT = Path(__file__).resolve().parents[2]
KEY = "MyRealApiKey0123456789"
ACCOUNT = "MyRealAccountKey0123456789"


def readme_block(lang: str) -> str:
    """The first ```lang block of the README's "Testing your app" section."""
    text = (ROOT / "README.md").read_text()
    section = text.split("## Testing your app", 1)[1].split("\n## ", 1)[0]
    found = re.search(rf"```{lang}\n(.*?)```", section, re.S)
    assert found, f"no {lang} block in the README's Testing your app"
    return found.group(1)


def run_pytest(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIKAPI_")}
    env["PYTHONPATH"] = ""
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_sandbox_starts_serves_and_closes() -> None:
    sandbox = Sandbox()
    with pytest.raises(RuntimeError, match="not started"):
        sandbox.url  # noqa: B018
    with sandbox:
        assert sandbox.url.startswith("http://127.0.0.1:")
        api = TikAPI(KEY)
        api.set(__options__={"base": sandbox.url})  # type: ignore[call-arg]
        assert api.public.check(username="lilyachty").json()["status"] == "success"
        assert "127.0.0.1" in repr(sandbox)
    sandbox.close()


def test_bad_input_names_what_is_wrong(tmp_path: Path) -> None:
    with Sandbox() as sandbox:
        with pytest.raises(ValueError, match=r'unknown endpoint "public\.chek"'):
            sandbox.answer("public.chek", {})
        with pytest.raises(ValueError, match='unknown fault "explode"'):
            sandbox.fail("public.check", "explode")
        bad = tmp_path / "bad.json"
        bad.write_text('{"tikapiCassette": 1, "interactions": [{}]}')
        with pytest.raises(ValueError, match=r"bad\.json: interaction 0: no \"request\""):
            sandbox.replay(bad)
        with pytest.raises(ValueError, match=r"missing\.json: cannot read it"):
            sandbox.replay(tmp_path / "missing.json")
        port = int(sandbox.url.rsplit(":", 1)[1])
        with pytest.raises(OSError, match=f"port {port} is in use"):
            Sandbox(port=port).start()


def test_the_fixture_points_the_sdk_at_a_reset_sandbox(tikapi_sandbox: Sandbox) -> None:
    assert os.environ["TIKAPI_BASE_URL"] == tikapi_sandbox.url
    assert os.environ["TIKAPI_SANDBOX_URL"] == tikapi_sandbox.url
    assert tikapi_sandbox.requests() == []
    api = TikAPI(KEY)
    user = api.user(accountKey=ACCOUNT)
    tikapi_sandbox.answer("user.info", {"status": "success", "scripted": True}, times=1)
    assert user.info().json()["scripted"] is True
    assert "scripted" not in user.info().json()
    text = json.dumps(tikapi_sandbox.requests())
    assert KEY not in text and ACCOUNT not in text


def test_a_recorded_cassette_holds_no_key(tmp_path: Path) -> None:
    cassette = tmp_path / "c.json"
    with Sandbox() as upstream, Sandbox() as recorder:
        upstream.answer("user.info", {"status": "success", "accountKey": ACCOUNT, "k": KEY})
        recorder.record(cassette, upstream.url)
        api = TikAPI(KEY)
        api.set(__options__={"base": recorder.url})  # type: ignore[call-arg]
        api.user(accountKey=ACCOUNT).info()
        api.public.check(username="lilyachty")
    text = cassette.read_text()
    assert KEY not in text and ACCOUNT not in text
    assert json.loads(text)["interactions"][1]["request"] == {
        "endpoint": "public.check",
        "method": "GET",
        "params": {"username": "lilyachty"},
    }


def free_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


def test_the_readme_pytest_example_records_replays_and_runs_under_xdist(tmp_path: Path) -> None:
    (tmp_path / "test_app.py").write_text(readme_block("python"))
    with Sandbox() as real_api:
        recorded = run_pytest(tmp_path, f"--tikapi-record={real_api.url}")
    assert recorded.returncode == 0, recorded.stdout + recorded.stderr
    cassette = tmp_path / "cassettes" / "check.json"
    assert KEY not in cassette.read_text()
    # Offline now: the upstream is gone, the cassette answers.
    replayed = run_pytest(tmp_path)
    assert replayed.returncode == 0, replayed.stdout + replayed.stderr
    assert "5 passed" in replayed.stdout
    xdist = run_pytest(tmp_path, "-n", "2")
    assert xdist.returncode == 0, xdist.stdout + xdist.stderr
    # A call the cassette lacks fails the test, naming endpoint and parameters.
    data = json.loads(cassette.read_text())
    data["interactions"][0]["request"]["params"]["username"] = "someoneelse"
    cassette.write_text(json.dumps(data))
    missed = run_pytest(tmp_path, "-k", "replayed")
    assert missed.returncode == 1
    assert "holds no answer for public.check" in missed.stdout, missed.stdout
    assert '"username":"lilyachty"' in missed.stdout, missed.stdout


ASYNC_APP = """
import pytest
from tikapi import AsyncTikAPI


async def lookup(username):
    api = AsyncTikAPI("MyRealApiKey0123456789")
    api.set(__options__={"retries": 1})
    return (await api.public.check(username=username)).json()["userInfo"]["user"]


@pytest.mark.asyncio
async def test_under_pytest_asyncio(tikapi_sandbox):
    tikapi_sandbox.fail("public.check", "rate_limit=0", times=1)
    assert (await lookup("lilyachty"))["uniqueId"] == "lilyachty"
    assert len(tikapi_sandbox.requests()) == 2


@pytest.mark.anyio
async def test_under_anyio(tikapi_sandbox):
    tikapi_sandbox.answer("public.check", {"userInfo": {"user": {"uniqueId": "x"}}}, times=1)
    assert (await lookup("lilyachty"))["uniqueId"] == "x"


@pytest.fixture
def anyio_backend():
    return "asyncio"
"""


def test_async_apps_under_pytest_asyncio_and_anyio(tmp_path: Path) -> None:
    (tmp_path / "test_async_app.py").write_text(ASYNC_APP)
    done = run_pytest(tmp_path, "-n", "2")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 passed" in done.stdout
