"""Validation errors in the official SDK's words (``str(e)``, ``e.args``),
the precise explanation in ``e.detail`` and ``repr(e)``."""

from __future__ import annotations

import pickle
from typing import Any

import pytest
from tikapi import TikAPI, ValidationException

from .conftest import ACCOUNT_KEY, API_KEY


def error(call: Any) -> ValidationException:
    with pytest.raises(ValidationException) as info:
        call()
    return info.value


def test_the_message_is_the_official_help_text_and_detail_explains() -> None:
    user = TikAPI(API_KEY).user(accountKey=ACCOUNT_KEY)
    e = error(lambda: user.posts.like(media_id="not-a-video-id"))
    official = "The video ID. Can also be a short TikTok link (e.g. vm.tiktok.com/UwU)"
    assert str(e) == official and e.args == (official,)
    assert (
        f"Validation error: {e}, field: {e.field}"
        == f"Validation error: {official}, field: media_id"
    )
    assert "must match ^([0-9]+|https?://vm.tiktok.com/" in e.detail
    assert '"not-a-video-id"' in e.detail
    assert e.rule == "pattern"
    assert repr(e) == f"ValidationException({official!r}, detail={e.detail!r})"


def test_python_templates_and_help_texts_byte_for_byte() -> None:
    api = TikAPI(API_KEY)
    e = error(lambda: api.public.check(username="a", session_id=101))
    assert str(e) == "The maximum allowed value for the session_id parameter is 100"
    assert "at most 100" in e.detail and "101" in e.detail
    e = error(lambda: api.public.search(query="x", category="people"))
    assert str(e) == (
        "The category parameter should be one of these values: general, users, videos, autocomplete"
    )
    # The country help keeps the schema's line break and tabs.
    e = error(lambda: api.public.check(username="a", country="USA"))
    assert str(e).startswith(
        "You can optionally choose the proxy country from where the request\n\t"
    )
    # Python's own wording where the two official SDKs differ.
    user = TikAPI(API_KEY).user(accountKey=ACCOUNT_KEY)
    e = error(lambda: user.posts.comments.post(media_id="1", text="hi", has_tags="yes"))
    assert str(e) == "You should set this to True if you are mentioning someone."
    # Required, no help text in the official schema: its fallback.
    e = error(lambda: api.public.discover())
    assert (str(e), e.rule) == ("The 'keyword' field is invalid.", "required")


def test_no_key_in_message_detail_or_repr() -> None:
    bad = "bad key with spaces!"
    e = error(lambda: TikAPI(API_KEY).user(accountKey=bad).info())
    assert str(e) == "The Account Key is required"
    for text in (str(e), e.detail, repr(e)):
        assert bad not in text


def test_detail_survives_pickle_and_defaults_to_the_message() -> None:
    e = error(lambda: TikAPI(API_KEY).public.posts(secUid="s" * 40, count=31))
    again = pickle.loads(pickle.dumps(e))
    assert (str(again), again.detail, again.field, again.rule) == (
        str(e),
        e.detail,
        e.field,
        e.rule,
    )
    plain = ValidationException("words")
    assert plain.detail == "words" and repr(plain) == "ValidationException('words')"
