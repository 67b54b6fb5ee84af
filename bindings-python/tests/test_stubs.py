"""The generated stub is fresh, covers the catalogue, and mypy checks with it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, catalogue

TOOL = ROOT / "bindings-python" / "tools" / "gen_stubs.py"
STUB = ROOT / "bindings-python" / "python" / "tikapi" / "_endpoints.pyi"


def test_committed_stub_is_fresh() -> None:
    result = subprocess.run([sys.executable, str(TOOL), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_stub_names_every_endpoint_and_parameter() -> None:
    text = STUB.read_text(encoding="utf-8")
    assert text.startswith("# Generated")
    for form in catalogue():
        assert f"``{form['key']}``" in text, form["key"]
        for p in form["params"]:
            if p["key"] != "apiKey":
                assert f"{p['key']}: " in text, (form["key"], p["key"])


def mypy(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    pytest.importorskip("mypy")
    cache = ROOT / "target" / "mypy-cache"
    command = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache)]
    return subprocess.run(
        [*command, "--config-file", str(ROOT / "pyproject.toml"), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
    )


def test_mypy_strict_passes_on_the_examples_and_stubs() -> None:
    result = mypy(ROOT / "examples" / "python")
    assert result.returncode == 0, result.stdout + result.stderr
    # The package as installed (outside the source tree), stubs included.
    result = mypy("-p", "tikapi", cwd=ROOT / "target")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_catches_wrong_arguments(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from tikapi import TikAPI\n"
        "api = TikAPI('k')\n"
        "api.public.posts(count=5)\n"  # secUid is required
        "api.public.search(category='people', query='x')\n"  # not one of the enum
        "api.public.check(username=5)\n"  # a string
        "r = api.public.check(username='x').next_items()\n"
        "r.json()\n",  # may be None
        encoding="utf-8",
    )
    out = mypy(bad).stdout
    assert 'Missing positional argument "secUid"' in out, out
    assert '"category"' in out and "Literal" in out, out
    assert '"username"' in out, out
    assert 'Item "None" of "APIResponse | None"' in out or "Optional[APIResponse]" in out, out
