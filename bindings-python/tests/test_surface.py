"""The official SDK's surface: imports, the client, scopes, set, the response."""

from __future__ import annotations

import datetime
import logging
import pickle
from typing import Any

import pytest
import tikapi
from tikapi import APIException, ResponseException, TikAPI, ValidationException
from tikapi.api import APIResponse

from .conftest import ACCOUNT_KEY, API_KEY


def test_official_imports_and_hierarchy() -> None:
    assert issubclass(ResponseException, APIException)
    assert not issubclass(ValidationException, APIException)
    for name in (
        "RateLimitError",
        "AccountSessionExpired",
        "TikTokError",
        "TimeoutError",
        "ConnectionError",
        "AuthenticationError",
    ):
        assert issubclass(getattr(tikapi, name), ResponseException), name
    assert issubclass(tikapi.TimeoutError, TimeoutError)
    assert issubclass(tikapi.ConnectionError, ConnectionError)


def test_a_key_that_is_not_a_string_raises_api_exception() -> None:
    with pytest.raises(APIException):
        TikAPI(None)  # type: ignore[arg-type]
    with pytest.raises(APIException):
        TikAPI(123)  # type: ignore[arg-type]


def test_root_members() -> None:
    api = TikAPI(API_KEY)
    for name in ("set", "public", "user", "key"):
        assert hasattr(api, name)
    assert api.set(__sandbox__=True) is api


def test_response_is_requests_like(api: Any) -> None:
    r = api.public.check(username="lilyachty")
    assert isinstance(r, APIResponse)
    assert r and r.ok and r.status_code == 200 and r.reason == "OK"
    assert r.json()["userInfo"]["user"]["uniqueId"]
    assert r.json() is r.json()
    assert r.headers["Content-Type"] == r.headers["content-type"]
    assert "application/json" in r.headers.get("CONTENT-TYPE", "")
    assert r.text.startswith("{") and r.content.startswith(b"{")
    assert r.encoding == "utf-8"
    assert isinstance(r.elapsed, datetime.timedelta)
    assert "/public/check?" in r.url
    assert r.raise_for_status() is None
    assert r.endpoint == "public.check"


def test_sandbox_fills_examples(api: Any) -> None:
    r = api.public.check()
    assert r.url.endswith("/public/check?country=us&session_id=0&username=lilyachty")


def test_set_binds_defaults_and_drops_none(api: Any) -> None:
    api.set(country="ca", username=None)
    assert "country=ca" in api.public.check(username="x" * 5).url


def test_category_call_binds_defaults(api: Any) -> None:
    ca = api.public(country="de")
    assert "country=de" in ca.check().url
    assert "country=us" in api.public.check().url  # the root is untouched


def test_user_scope_and_unbound_user(api: Any) -> None:
    User = api.user(accountKey=ACCOUNT_KEY)
    assert User.info().ok
    assert api.user.info().ok  # the sandbox account key is filled in
    assert User.posts.feed().ok
    assert User.posts.comments.list(media_id="7109178205151464746").ok
    assert User.conversationRequests.conversations().ok
    assert User.live.permissions().ok
    assert api.key().ok


def test_extra_keywords_are_tolerated(api: Any) -> None:
    r = api.public.check(username="lilyachty", not_a_parameter=1)
    assert "not_a_parameter" not in r.url


def test_per_call_sandbox(sandbox_url: str) -> None:
    api = TikAPI(API_KEY)  # sandbox off; TIKAPI_BASE_URL points at the local sandbox too
    assert api.public.check(username="lilyachty", __sandbox__=True).ok


def test_options_base(sandbox_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TIKAPI_BASE_URL")
    api = TikAPI(API_KEY)
    api.set(__options__={"base": sandbox_url, "headers": {"X-Extra": "1"}})
    assert api.public.check(username="lilyachty").url.startswith(sandbox_url)


def test_no_key_in_repr_or_str(api: Any, user: Any) -> None:
    r = api.public.check(username="lilyachty")
    texts = [
        repr(api),
        str(api),
        repr(user),
        repr(api.public),
        repr(api.public.check),
        repr(r),
        str(r),
        repr(r._native),
        repr(api._native),
    ]
    for text in texts:
        assert API_KEY not in text and ACCOUNT_KEY not in text, text
    with pytest.raises(TypeError):
        pickle.dumps(api)


def test_debug_log_line_per_request(api: Any, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="tikapi"):
        api.public.check(username="lilyachty")
        api.user(accountKey=ACCOUNT_KEY).info()
    lines = [r.getMessage() for r in caplog.records if r.name == "tikapi"]
    assert len(lines) == 2
    assert lines[0].startswith("GET /public/check 200 ")
    for line in lines:
        assert API_KEY not in line and ACCOUNT_KEY not in line


def test_context_manager() -> None:
    with TikAPI(API_KEY) as api:
        api.set(__sandbox__=True)
        assert api.public.check().ok
    api.close()


def test_prepare_hides_keys(user: Any) -> None:
    req = user._native.prepare("user.info", {})
    assert dict(req["headers"])["X-ACCOUNT-KEY"] == "<hidden>"


def test_a_malformed_key_is_never_echoed(sandbox_url: str) -> None:
    secret = "not-a-valid-key!"
    with pytest.raises(ValidationException) as info:
        TikAPI(secret).set(__sandbox__=True).public.check()
    assert info.value.field == "apiKey"
    assert secret not in str(info.value) and secret not in repr(info.value)


def test_headers_mapping() -> None:
    from tikapi import Headers

    h = Headers([("Set-Cookie", "a=1"), ("set-cookie", "b=2"), ("X-One", "1")])
    assert h["SET-COOKIE"] == "a=1, b=2"
    assert "x-one" in h and len(h) == 2
    assert h == {"x-one": "1", "set-cookie": "a=1, b=2"}
