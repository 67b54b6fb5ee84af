"""save_video: the CDN's link headers are sent, the file appears whole or not at all."""

from __future__ import annotations

import urllib.request
from pathlib import Path
from typing import Any

import pytest
from tikapi import ResponseException

VIDEO_ID = "7003402629929913605"


def video(api: Any) -> tuple[Any, str]:
    r = api.public.video(id=VIDEO_ID)
    link = r.json()["itemInfo"]["itemStruct"]["video"]["downloadAddr"]
    return r, link


def leftovers(directory: Path) -> list[str]:
    return [p.name for p in directory.iterdir() if p.name.endswith(".part")]


def test_save_video_writes_the_whole_file(api: Any, tmp_path: Path) -> None:
    r, link = video(api)
    target = tmp_path / "video.mp4"
    assert r.save_video(link, str(target)) is True
    data = target.read_bytes()
    assert len(data) > 0
    # The same bytes the CDN gives to a request with the link headers.
    headers = dict(r.json()["$other"]["videoLinkHeaders"])
    with urllib.request.urlopen(urllib.request.Request(link, headers=headers)) as f:
        assert f.read() == data
    assert leftovers(tmp_path) == []


def test_save_video_accepts_a_path_object(api: Any, tmp_path: Path) -> None:
    r, link = video(api)
    assert r.save_video(link, tmp_path / "v.mp4")
    assert (tmp_path / "v.mp4").stat().st_size > 0


def test_without_the_link_headers_the_cdn_refuses(api: Any, tmp_path: Path) -> None:
    _, link = video(api)
    other = api.public.check(username="lilyachty")  # carries no videoLinkHeaders
    with pytest.raises(ResponseException) as info:
        other.save_video(link, tmp_path / "v.mp4")
    assert info.value.response is not None and info.value.response.status_code == 403
    assert not (tmp_path / "v.mp4").exists()
    assert leftovers(tmp_path) == []


def test_a_cut_download_leaves_nothing(api: Any, tmp_path: Path) -> None:
    r, link = video(api)
    target = tmp_path / "v.mp4"
    with pytest.raises(ResponseException) as info:
        r.save_video(link, target, headers={"X-Sandbox-Fault": "truncate"})
    assert info.value.response is None
    assert not target.exists()
    assert leftovers(tmp_path) == []


def test_progress_callback(api: Any, tmp_path: Path) -> None:
    r, link = video(api)
    calls: list[tuple[int, Any]] = []
    r.save_video(link, tmp_path / "v.mp4", progress=lambda n, total: calls.append((n, total)))
    size = (tmp_path / "v.mp4").stat().st_size
    assert calls and calls[-1] == (size, size)
    assert [n for n, _ in calls] == sorted(n for n, _ in calls)
