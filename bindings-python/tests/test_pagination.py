"""The official next-page loop on every endpoint, and the page/item iterators."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from .conftest import catalogue, required_examples, resolve

FORMS = catalogue()
SEC_UID = "MS4wLjABAAAAsHntXC3s0AvxcecggxsoVa4eAiT8OVafVZ4OQXxy-9htpnUi0sOYSr0kGGD1Loud"
# Live chat is an endless stream (a `nextCursor` on every page), as in the docs.
ENDLESS = {"user.live.chat"}


def call(api: Any, form: dict[str, Any], **extra: Any) -> Any:
    return resolve(api, form["key"])(**required_examples(form), **extra)


@pytest.mark.parametrize(
    "form", FORMS, ids=lambda f: f["key"] + (f"[{f['variant']}]" if f["variant"] else "")
)
def test_next_items_to_the_end(api: Any, form: dict[str, Any]) -> None:
    limit = 5 if form["key"] in ENDLESS else 200
    response = call(api, form)
    pages = 0
    seen_urls = set()
    while response:
        pages += 1
        assert response.url not in seen_urls, "the same page twice"
        seen_urls.add(response.url)
        if pages == limit:
            break
        response = response.next_items()
    if form["key"] in ENDLESS:
        assert pages == limit
    else:
        assert pages < limit
        if form["paged"]:
            assert pages > 1, "a paginated endpoint of the sandbox has more than one page"


def test_pages_and_items_match_the_loop(api: Any) -> None:
    loop_pages = []
    r = api.public.posts(secUid=SEC_UID)
    while r:
        loop_pages.append(r)
        r = r.next_items()
    pages = list(api.public.posts.pages(secUid=SEC_UID))
    assert [p.url for p in pages] == [p.url for p in loop_pages]
    items = list(api.public.posts.items(secUid=SEC_UID))
    assert items == [i for p in loop_pages for i in p.json()["itemList"]]
    assert len(items) > len(loop_pages[0].json()["itemList"])


def test_page_and_item_limits(api: Any) -> None:
    assert len(list(api.public.posts.pages(secUid=SEC_UID, max_pages=2))) == 2
    assert len(list(api.public.posts.items(secUid=SEC_UID, max_items=3))) == 3
    assert len(list(api.user.live.chat.pages(room_id="7112492061034646278", max_pages=3))) == 3


def test_max_items_stops_exactly_at_the_cap(api: Any) -> None:
    # Pages of 5: the cap of 7 ends inside the second page. The item walk
    # hands out exactly 7 (the core says how many of that page to take); the
    # page walk stops after the page that reached the cap.
    items = list(api.public.posts.items(secUid=SEC_UID, count=5, max_items=7))
    pages = list(api.public.posts.pages(secUid=SEC_UID, count=5))
    assert items == [i for p in pages for i in p.json()["itemList"]][:7]
    assert len(list(api.public.posts.pages(secUid=SEC_UID, count=5, max_items=7))) == 2
    assert list(api.public.posts.items(secUid=SEC_UID, max_items=0)) == []


def test_max_items_stops_exactly_at_the_cap_async(sandbox_url: str) -> None:
    from tikapi import AsyncTikAPI

    from .conftest import API_KEY

    async def main() -> list[Any]:
        api = AsyncTikAPI(API_KEY).set(__sandbox__=True)
        return [i async for i in api.public.posts.items(secUid=SEC_UID, count=5, max_items=7)]

    assert len(asyncio.run(main())) == 7


def test_notifications_items(user: Any) -> None:
    items = list(user.notifications.items())
    assert items, "notifications carry their items in notice_lists"


def test_pages_raise_errors(api: Any) -> None:
    from tikapi import TikTokError

    with pytest.raises(TikTokError):
        list(api.public.music.pages(id="1"))
