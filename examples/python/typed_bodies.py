"""Typed answers: ``tikapi.types`` gives each endpoint's body a ``TypedDict``,
and this package's ``pages()`` / ``items()`` are typed with them. ``json()``
stays ``Any``, as in the official SDK. ``mypy --strict`` checks this file.

    TIKAPI_SANDBOX_URL=http://127.0.0.1:8710 python examples/python/typed_bodies.py
"""

from tikapi import TikAPI
from tikapi.types import Item, PublicCheckBody, TextExtra

API_KEY = "DemoAPIKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39Asd4s"
ACCOUNT_KEY = "DemoAccountKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39A"
SEC_UID = "MS4wLjABAAAAsHntXC3s0AvxcecggxsoVa4eAiT8OVafVZ4OQXxy-9htpnUi0sOYSr0kGGD1Loud"


def hashtags(item: Item) -> list[str]:
    """A caption's hashtags, from its ``textExtra`` (type 1)."""
    entries: list[TextExtra] = item.get("textExtra", [])
    return [e["hashtagName"] for e in entries if e["type"] == 1]


def main() -> None:
    with TikAPI(API_KEY) as api:
        api.set(__sandbox__=True)

        body: PublicCheckBody = api.public.check(username="lilyachty").json()
        user = body["userInfo"]["user"]
        print("user:", user["uniqueId"], "followers:", body["userInfo"]["stats"]["followerCount"])
        print("statusCode:", body["statusCode"])

        for page in api.public.posts.pages(secUid=SEC_UID, max_pages=2):
            posts = page.json()
            print("page with", len(posts["itemList"]), "posts, more:", posts["hasMore"])

        for item in api.public.posts.items(secUid=SEC_UID, max_items=5):
            kind = "photos" if "imagePost" in item else "video"
            print(item["id"], kind, item["stats"]["playCount"], hashtags(item))

        user_api = api.user(accountKey=ACCOUNT_KEY)
        for message in user_api.live.chat.items(room_id="7112492061034646278", max_items=5):
            print(message["messageType"], message.get("content", ""))


if __name__ == "__main__":
    main()
