"""The official `tikapi` and ours (`tikapi-rs`) in one folder: a clear warning at import.

Both distributions install the import package `tikapi/`; pip overwrites one with
the other without a word. The package is copied nowhere: a folder holds a link to
the installed `tikapi/` and, for the co-installed case, the official
distribution's metadata (`tikapi-3.2.2.dist-info`), as pip leaves it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import tikapi

PROBE = (
    "import warnings\n"
    "warnings.simplefilter('always')\n"
    "import tikapi\n"
    "print('imported', tikapi.TikAPI.__name__)\n"
)


def import_from(site: Path) -> subprocess.CompletedProcess[str]:
    (site / "tikapi").symlink_to(Path(tikapi.__file__).parent, target_is_directory=True)
    return subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=site,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )


def test_official_beside_ours_warns_and_still_imports(tmp_path: Path) -> None:
    dist_info = tmp_path / "tikapi-3.2.2.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: tikapi\nVersion: 3.2.2\n")
    out = import_from(tmp_path)
    assert out.stdout == "imported TikAPI\n"
    assert "UserWarning" in out.stderr
    assert "official 'tikapi' distribution (3.2.2) is installed in the same folder" in out.stderr
    assert "pip uninstall -y tikapi tikapi-rs && pip install tikapi-rs" in out.stderr


def test_ours_alone_is_silent(tmp_path: Path) -> None:
    # Another distribution's metadata beside ours is no reason to warn.
    dist_info = tmp_path / "requests-2.32.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: requests\nVersion: 2.32.0\n")
    out = import_from(tmp_path)
    assert out.stdout == "imported TikAPI\n"
    assert out.stderr == ""
