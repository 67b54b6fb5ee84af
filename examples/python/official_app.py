"""An app written for the official `tikapi` 3.2.2 SDK from PyPI, unchanged.

It uses only what that SDK offers, so it runs with the official package and
with this one. Point it at the local sandbox:

    cargo run -p tikapi-sandbox -- --addr 127.0.0.1:8710 &
    TIKAPI_SANDBOX_URL=http://127.0.0.1:8710 python examples/python/official_app.py
"""

from typing import Optional

from tikapi import APIException, ResponseException, TikAPI, ValidationException
from tikapi.api import APIResponse

api = TikAPI("DemoAPIKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39Asd4s")
api.set(__sandbox__=True)

User = api.user(accountKey="DemoAccountKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39A")


def count_posts(sec_uid: str) -> tuple[int, int]:
    """Every page of a user's posts, the official way."""
    response: Optional[APIResponse] = api.public.posts(secUid=sec_uid)
    pages = videos = 0
    while response:
        pages += 1
        videos += len(response.json().get("itemList", []))
        response = response.next_items()
    return pages, videos


def main() -> None:
    try:
        response = api.public.check(username="lilyachty")
        user = response.json()["userInfo"]["user"]
        print("user:", user["uniqueId"], user["nickname"])

        pages, videos = count_posts(user["secUid"])
        print("posts:", videos, "videos on", pages, "pages")

        response = api.public.video(id="7003402629929913605")
        print("video:", response.json()["itemInfo"]["itemStruct"]["desc"])

        response = User.info()
        print("account:", response.json()["userInfo"]["user"]["uniqueId"])
    except ValidationException as e:
        print("invalid parameter", e.field, ":", e)
    except ResponseException as e:
        print("request failed:", e, e.response.status_code if e.response is not None else "")

    # The official SDK's errors, as apps catch them.
    try:
        api.public.check(username="doesnotexist")
    except ResponseException as e:
        assert e.response is not None
        print("expected error:", e.response.status_code, e.response.json()["message"])
    try:
        api.public.posts(secUid=user["secUid"], count=500)
    except ValidationException as e:
        print("expected validation error on", e.field)
    except APIException as e:
        print("unexpected", e)


if __name__ == "__main__":
    main()
