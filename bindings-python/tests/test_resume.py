"""Resume tokens: a walk cut anywhere continues, here or in another process,
with every item once; tokens are JSON, hold no key, and are checked against
the call they resume."""

from __future__ import annotations

import asyncio
import json
import pickle
import subprocess
import sys
from typing import Any

import pytest

from .conftest import ACCOUNT_KEY, API_KEY

SEC_UID = "MS4wLjABAAAAsHntXC3s0AvxcecggxsoVa4eAiT8OVafVZ4OQXxy-9htpnUi0sOYSr0kGGD1Loud"


def every_item(api: Any) -> list[Any]:
    return list(api.public.posts.items(secUid=SEC_UID, count=5))


@pytest.mark.parametrize("cut", [0, 1, 4, 5, 6, 11])
def test_items_cut_anywhere_resume_with_every_item_once(api: Any, cut: int) -> None:
    whole = every_item(api)
    assert len(whole) > 12
    it = api.public.posts.items(secUid=SEC_UID, count=5)
    taken = [next(it) for _ in range(cut)]
    token = it.resume_token
    # Crosses a process boundary as JSON text.
    token = json.loads(json.dumps(token))
    rest = api.public.posts.items(secUid=SEC_UID, count=5, resume=token)
    assert taken + list(rest) == whole
    assert rest.resume_token is None


def test_pages_resume_after_the_last_page_handed_out(api: Any) -> None:
    urls = [p.url for p in api.public.posts.pages(secUid=SEC_UID, count=5)]
    it = api.public.posts.pages(secUid=SEC_UID, count=5)
    first = [next(it).url, next(it).url]
    rest = [p.url for p in api.public.posts.pages(secUid=SEC_UID, resume=it.resume_token)]
    assert first + rest == urls


def test_a_walk_stopped_by_max_items_resumes_after_it(api: Any) -> None:
    whole = every_item(api)
    it = api.public.posts.items(secUid=SEC_UID, count=5, max_items=7)
    first = list(it)
    assert len(first) == 7
    rest = list(api.public.posts.items(secUid=SEC_UID, count=5, resume=it.resume_token))
    assert first + rest == whole


def test_async_items_resume(sandbox_url: str) -> None:
    from tikapi import AsyncTikAPI

    async def main() -> tuple[list[Any], list[Any]]:
        api = AsyncTikAPI(API_KEY).set(__sandbox__=True)
        whole = [i async for i in api.public.posts.items(secUid=SEC_UID, count=5)]
        it = api.public.posts.items(secUid=SEC_UID, count=5)
        taken = []
        async for item in it:
            taken.append(item)
            if len(taken) == 8:
                break
        rest = api.public.posts.items(secUid=SEC_UID, resume=it.resume_token)
        return whole, taken + [i async for i in rest]

    whole, resumed = asyncio.run(main())
    assert resumed == whole


def test_tokens_hold_no_key_and_survive_pickle(user: Any) -> None:
    it = user.notifications.items()
    next(it)
    token = it.resume_token
    assert token is not None
    text = json.dumps(token)
    assert ACCOUNT_KEY not in text and API_KEY not in text
    assert pickle.loads(pickle.dumps(token)) == token
    assert set(token) == {"endpoint", "args", "skip"}


def test_a_token_resumes_in_another_process(api: Any, sandbox_url: str) -> None:
    whole = every_item(api)
    it = api.public.posts.items(secUid=SEC_UID, count=5)
    taken = [next(it) for _ in range(7)]
    script = (
        "import json, sys\n"
        "from tikapi import TikAPI\n"
        f"api = TikAPI({API_KEY!r}).set(__sandbox__=True)\n"
        "token = json.loads(sys.stdin.read())\n"
        f"print(json.dumps(list(api.public.posts.items(secUid={SEC_UID!r}, resume=token))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(it.resume_token),
        capture_output=True,
        text=True,
        check=True,
    )
    assert taken + json.loads(out.stdout) == whole


def test_a_token_must_fit_the_call(api: Any) -> None:
    from tikapi import APIException

    it = api.public.posts.items(secUid=SEC_UID, count=5)
    next(it)
    token = it.resume_token
    wrong = r"continues a walk of public\.posts, not of public\.likes"
    with pytest.raises(APIException, match=wrong):
        api.public.likes.items(secUid=SEC_UID, resume=token)
    with pytest.raises(APIException, match="not secUid="):
        api.public.posts.items(secUid="someone-else", resume=token)
    with pytest.raises(APIException, match="the resume token is not valid"):
        api.public.posts.items(secUid=SEC_UID, resume={"endpoint": "public.posts"})
