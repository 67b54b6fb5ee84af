"""Validation before sending, and every kind of failure mapped to the
official exceptions and their precise subclasses."""

from __future__ import annotations

import socket
from typing import Any

import pytest
import tikapi
from tikapi import APIException, ResponseException, TikAPI, ValidationException

from .conftest import API_KEY, catalogue, resolve

FORMS = catalogue()


def first_required(form: dict[str, Any]) -> str:
    """The parameter a call without arguments and without the sandbox fails on:
    the first required one, in resolution order, that has no value (the API
    key is given to the client)."""
    for p in form["params"]:
        if p["required"] and p["key"] != "apiKey" and p["default"] is None:
            return str(p["key"])
    return ""


@pytest.mark.parametrize(
    "form",
    [f for f in FORMS if f["inOfficialSdk"] and first_required(f)],
    ids=lambda f: f["key"],
)
def test_required_field_on_every_endpoint(sandbox_url: str, form: dict[str, Any]) -> None:
    api = TikAPI(API_KEY)  # no sandbox: nothing fills the required parameters
    with pytest.raises(ValidationException) as info:
        resolve(api, form["key"])()
    assert info.value.field == first_required(form)
    assert info.value.rule == "required"


# One call per rule kind; the catalogue declares no `min`.
RULES = [
    ("type", "public.posts", {"count": True}, "count"),
    ("type", "public.check", {"username": ["a"]}, "username"),
    ("type", "public.posts", {"cursor": 1.5}, "cursor"),
    ("pattern", "public.check", {"country": "USA"}, "country"),
    ("pattern", "public.playlistItems", {"playlist_id": "abc"}, "playlist_id"),
    ("max", "public.posts", {"count": 31}, "count"),
    ("max", "public.check", {"session_id": 101}, "session_id"),
    ("enum", "public.search", {"category": "people", "query": "x"}, "category"),
    ("enum", "user.live.list", {"sort": 5}, "sort"),
    ("finite", "public.posts", {"count": float("nan")}, "count"),
]


@pytest.mark.parametrize(("rule", "key", "args", "field"), RULES)
def test_validation_field_per_rule(
    api: Any, rule: str, key: str, args: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationException) as info:
        resolve(api, key)(**args)
    assert info.value.field == field
    assert info.value.rule == rule
    assert not isinstance(info.value, APIException)
    assert str(info.value)


def test_leniencies_are_sent(api: Any) -> None:
    r = api.public.posts(count="12", cursor=40)
    assert "count=12" in r.url and "cursor=40" in r.url


def test_400_missing_fields(api: Any) -> None:
    # An empty value passes the SDK's checks (as in the official SDK) but the
    # API treats it as missing.
    with pytest.raises(ResponseException) as info:
        api.user.messages(conversation_id="", conversation_short_id="6940245147502654884")
    e = info.value
    assert type(e) is ResponseException
    assert e.response is not None and e.response.status_code == 400
    assert str(e) == "Missing fields."
    assert "conversation_id" in e.response.json()["fields"]
    assert e.kind == "bad_request"


def test_401_invalid_key(sandbox_url: str) -> None:
    api = TikAPI("InvalidApiKey0000000").set(__sandbox__=True)
    with pytest.raises(tikapi.AuthenticationError) as info:
        api.public.check(username="lilyachty")
    e = info.value
    assert isinstance(e, ResponseException)
    assert e.response is not None and e.response.status_code == 401
    assert str(e) == e.response.json()["message"]
    assert "InvalidApiKey0000000" not in str(e) + repr(e)


@pytest.mark.parametrize(
    ("key", "args", "code"),
    [
        ("public.check", {"username": "doesnotexist"}, 10202),
        ("public.video", {"id": "1"}, 10204),
        ("public.music", {"id": "1"}, 10203),
        ("public.hashtag", {"name": "blacklisted"}, 10209),
    ],
)
def test_403_tiktok_codes(api: Any, key: str, args: dict[str, Any], code: int) -> None:
    with pytest.raises(tikapi.TikTokError) as info:
        resolve(api, key)(**args)
    e = info.value
    assert e.tiktok_code == code
    assert e.description
    assert e.response is not None and e.response.status_code == 403
    assert e.response.json()["statusCode"] == code
    assert str(e) == e.response.json()["message"]


def test_403_live_room(api: Any) -> None:
    with pytest.raises(tikapi.TikTokError) as info:
        api.user.live.info(room_id="1")
    assert info.value.tiktok_code == 10210


def test_428_account_session_expired(api: Any) -> None:
    with pytest.raises(tikapi.AccountSessionExpired) as info:
        api.user(accountKey="ExpiredAccountKey000").info()
    e = info.value
    assert e.response is not None and e.response.status_code == 428
    assert e.response.json()["statusCode"] == 8
    assert "ExpiredAccountKey000" not in str(e)


def test_429_rate_limited(sandbox_url: str) -> None:
    api = TikAPI("RateLimitedKey000000").set(__sandbox__=True)
    with pytest.raises(tikapi.RateLimitError) as info:
        api.public.check(username="lilyachty")
    e = info.value
    assert e.retry_after == 1.0
    assert e.response is not None and e.response.status_code == 429
    assert e.response.headers["retry-after"] == "1"


def test_5xx_html(api: Any) -> None:
    with pytest.raises(ResponseException) as info:
        api.public.check(__options__={"headers": {"X-Sandbox-Fault": "html502"}})
    e = info.value
    assert type(e) is ResponseException
    assert e.response is not None and e.response.status_code == 502
    assert "502 Bad Gateway" in e.response.text
    # As the official SDK (requests' wording) when the body has no message.
    assert str(e).startswith("502 Server Error: Bad Gateway for url: ")
    assert e.kind == "server"
    with pytest.raises(ResponseException):
        e.response.raise_for_status()


def free_port_url() -> str:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    url = f"http://127.0.0.1:{s.getsockname()[1]}"
    s.close()
    return url


def test_connection_refused() -> None:
    base = free_port_url()
    api = TikAPI(API_KEY).set(__sandbox__=True, __options__={"sandboxBase": base})
    with pytest.raises(tikapi.ConnectionError) as info:
        api.public.check(username="lilyachty")
    e = info.value
    assert isinstance(e, ResponseException) and isinstance(e, ConnectionError)
    assert e.response is None
    assert base.removeprefix("http://") in str(e)
    assert API_KEY not in str(e)


def test_timeout(api: Any) -> None:
    with pytest.raises(tikapi.TimeoutError) as info:
        api.public.check(__options__={"timeout": 0.2, "headers": {"X-Sandbox-Fault": "slow=5000"}})
    e = info.value
    assert e.response is None and e.kind == "timeout"
    assert "/public/check" in str(e)


@pytest.mark.parametrize("fault", ["drop", "reset", "truncate"])
def test_broken_answers(api: Any, fault: str) -> None:
    with pytest.raises(ResponseException) as info:
        api.public.check(__options__={"headers": {"X-Sandbox-Fault": fault}})
    assert info.value.response is None
    assert "/public/check" in str(info.value)


def test_bad_json_is_a_response(api: Any) -> None:
    r = api.public.posts(__options__={"headers": {"X-Sandbox-Fault": "badjson"}})
    assert r.status_code == 200
    with pytest.raises(ValueError):
        r.json()
    assert r.next_items() is None


def test_usage_errors_are_api_exceptions(api: Any) -> None:
    with pytest.raises(APIException):
        api.set(__options__={"timeout": -1})
    with pytest.raises(APIException):
        api.public.check(__options__={"base": "not a url", "sandboxBase": "ftp://x"})


def test_retries_repeat_server_errors(api: Any) -> None:
    # `flaky=N:TOKEN`: 503 for the first N requests carrying TOKEN.
    def flaky(token: str, retries: int) -> Any:
        headers = {"X-Sandbox-Fault": f"flaky=2:{token}"}
        return api.public.musicInfo(__options__={"retries": retries, "headers": headers})

    with pytest.raises(ResponseException) as info:
        flaky("python-no-retries", 0)
    assert info.value.response is not None and info.value.response.status_code == 503
    assert info.value.kind == "server"
    assert flaky("python-two-retries", 2).status_code == 200
