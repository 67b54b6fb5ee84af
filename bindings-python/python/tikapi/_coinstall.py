"""A warning at import when the official ``tikapi`` shares our ``tikapi/`` folder.

This package is published as ``tikapi-rs`` but imports as ``tikapi``, like the
official SDK (the ``tikapi`` distribution). Installed into one environment, both
write ``site-packages/tikapi/``: the one installed last overwrites the other's
files, and uninstalling either removes files the other needs. pip cannot tell;
this check can, from the official distribution's metadata beside ours.
"""

from __future__ import annotations

import warnings
from importlib import metadata
from pathlib import Path

OFFICIAL = "tikapi"
OURS = "tikapi-rs"


def official_beside(package_dir: Path) -> metadata.Distribution | None:
    """The official distribution if its metadata sits in our package's folder."""
    site = package_dir.parent
    for dist in metadata.distributions(path=[str(site)]):
        name = (dist.metadata["Name"] or "").strip().lower().replace("_", "-")
        if name == OFFICIAL:
            return dist
    return None


def warn_if_official_beside(package_dir: Path = Path(__file__).parent) -> None:
    dist = official_beside(package_dir)
    if dist is None:
        return
    warnings.warn(
        f"tikapi: the official 'tikapi' distribution ({dist.version}) is installed in the same "
        f"folder as '{OURS}' ({package_dir.parent}). Both install the import package 'tikapi/', "
        "so the one installed last has overwritten the other's files and uninstalling either "
        "breaks the other. Keep one of them: "
        f"pip uninstall -y {OFFICIAL} {OURS} && pip install {OURS}",
        UserWarning,
        stacklevel=3,
    )
