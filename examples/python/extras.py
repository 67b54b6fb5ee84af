"""What this package adds to the official SDK: the async client,
auto-pagination, streamed atomic video downloads, precise errors, timeouts.

    TIKAPI_SANDBOX_URL=http://127.0.0.1:8710 python examples/python/extras.py
"""

import asyncio
import tempfile
from pathlib import Path

from tikapi import AsyncTikAPI, RateLimitError, TikAPI, TikTokError

API_KEY = "DemoAPIKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39Asd4s"
SEC_UID = "MS4wLjABAAAAsHntXC3s0AvxcecggxsoVa4eAiT8OVafVZ4OQXxy-9htpnUi0sOYSr0kGGD1Loud"


def sync_extras() -> None:
    with TikAPI(API_KEY) as api:
        api.set(__sandbox__=True, __options__={"timeout": 10, "retries": 2})

        for page in api.public.posts.pages(secUid=SEC_UID, max_pages=3):
            print("page with", len(page.json()["itemList"]), "videos")
        for n, item in enumerate(api.public.posts.items(secUid=SEC_UID, max_items=5)):
            print("video", n, item["id"])

        try:
            api.public.check(username="doesnotexist")
        except TikTokError as e:
            print("TikTok said", e.tiktok_code, "-", e.description)
        except RateLimitError as e:
            print("slow down for", e.retry_after, "seconds")

        response = api.public.video(id="7003402629929913605")
        link = response.json()["itemInfo"]["itemStruct"]["video"]["downloadAddr"]
        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp) / "video.mp4"
            response.save_video(link, target)
            print("saved", target.stat().st_size, "bytes")


async def async_extras() -> None:
    async with AsyncTikAPI(API_KEY) as api:
        api.set(__sandbox__=True)
        checks = await asyncio.gather(
            api.public.check(username="lilyachty"),
            api.public.explore(),
            api.user.info(),
        )
        print("statuses:", [r.status_code for r in checks])

        pages = 0
        async for _page in api.public.followersList.pages(secUid=SEC_UID):
            pages += 1
        print("followers on", pages, "pages")

        response = await api.public.posts(secUid=SEC_UID)
        next_page = await response.next_items()
        print("second page:", next_page is not None)


if __name__ == "__main__":
    sync_extras()
    asyncio.run(async_extras())
