"""``tikapi.types``: generated from the core's answer schema, fresh, and the
sandbox's answers have every key the types require."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import tikapi.types as types
from tikapi import TikAPI

from .conftest import ROOT

TOOL = ROOT / "bindings-python" / "tools" / "gen_types.py"
SEC_UID = "MS4wLjABAAAAsHntXC3s0AvxcecggxsoVa4eAiT8OVafVZ4OQXxy-9htpnUi0sOYSr0kGGD1Loud"


def test_committed_types_are_fresh() -> None:
    result = subprocess.run([sys.executable, str(TOOL), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_every_endpoint_has_a_body_type_named_from_its_key() -> None:
    assert types.PublicCheckBody is types.ProfileAnswer
    assert types.PublicPostsItem is types.Item
    assert "userInfo" in types.PublicCheckBody.__required_keys__
    assert "imagePost" in types.Item.__optional_keys__


def missing(value: Any, td: Any) -> set[str]:
    return set(td.__required_keys__) - set(value)


def test_sandbox_answers_have_the_required_keys(sandbox_url: str) -> None:
    with TikAPI("DemoAPIKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39Asd4s") as api:
        api.set(__sandbox__=True)
        body = api.public.check(username="lilyachty").json()
        assert not missing(body, types.PublicCheckBody)
        assert not missing(body["userInfo"]["user"], types.User)
        for page in api.public.posts.pages(secUid=SEC_UID, max_pages=2):
            assert not missing(page.json(), types.PublicPostsBody)
        for item in api.public.posts.items(secUid=SEC_UID, max_items=5):
            assert not missing(item, types.Item)
            assert not missing(item["video"], types.Video)
