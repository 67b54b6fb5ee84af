"""A download that runs out of space: the write fails, the error is clear and
names the target, and neither the file nor a temporary file is left.

"Out of space" is simulated with RLIMIT_FSIZE in a child process: writing past
the limit fails with EFBIG, through the same write path a full disk (ENOSPC)
takes. Python ignores SIGXFSZ, so the write returns an error instead of the
process being killed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

CHILD = textwrap.dedent(
    """
    import os, resource, sys
    from tikapi import TikAPI, ResponseException
    api = TikAPI("DemoAPIKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39Asd4s").set(__sandbox__=True)
    r = api.public.posts()  # the sandbox example user
    link = r.json()["itemList"][0]["video"]["downloadAddr"] + "?size=2000000"
    target = sys.argv[1]
    resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))
    try:
        r.save_video(link, target)
    except ResponseException as e:
        print("ERROR", type(e).__name__, "|", e)
        sys.exit(0)
    print("NO ERROR")
    sys.exit(1)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_write_failure_mid_download_is_clear_and_leaves_nothing(
    sandbox_url: str, tmp_path: Path
) -> None:
    target = tmp_path / "video.mp4"
    target.write_bytes(b"old video")
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(target)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "TIKAPI_SANDBOX_URL": sandbox_url},
    )
    assert out.returncode == 0, out.stdout + out.stderr
    line = out.stdout.strip()
    assert line.startswith("ERROR"), line
    assert "video.mp4" in line, f"the error names the target: {line}"
    assert "File too large" in line or "No space" in line, line
    assert target.read_bytes() == b"old video", "the old file survives"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["video.mp4"], "no temporary file is left"
