"""Bad input, sync and async: every kind of parameter given wrong types,
1 MB strings, lone surrogates, NaN / infinities / negative / fractional
numbers, nested dicts and lists, None; bad call shapes. Each gives a
``ValidationException`` naming the field, an answer from the API, or a
``TypeError`` / ``AttributeError`` / ``APIException`` for a wrong call shape:
never another exception, a crash or a hang."""

from __future__ import annotations

import asyncio
import math
import time
from typing import Any

import pytest
import tikapi
from tikapi import (
    APIException,
    AsyncTikAPI,
    ResponseException,
    TikAPI,
    ValidationException,
)

from .conftest import ACCOUNT_KEY, API_KEY, catalogue, required_examples, resolve

BAD_VALUES: dict[str, Any] = {
    "object": object(),
    "bytes": b"\xff\x00",
    "1MB": "a" * 1_000_000,
    "1MB-digits": "1" * 1_000_000,
    "lone-surrogate": "\ud800",
    "surrogate-inside": "ok\udfffok",
    "nan": math.nan,
    "inf": math.inf,
    "-inf": -math.inf,
    "negative": -1,
    "negative-fraction": -0.5,
    "fraction": 1.5,
    "zero": 0,
    "huge-int": 2**70,
    "enormous-int": 10**400,
    "nested-dict": {"a": {"b": [1, {"c": None}], "d": "é"}},
    "nested-list": [[1, [2, [3]]], {"a": []}],
    "empty-dict": {},
    "empty-list": [],
    "none": None,
    "true": True,
    "empty-string": "",
    "nul": "a\x00b",
    "crlf": "a\r\nX-Injected: 1",
    "set": {1, 2},
    "dict-with-nan": {"a": math.nan},
    "list-with-surrogate": ["\ud800"],
    "dict-surrogate-key": {"\ud800": 1},
}
# Values that can never be sent, whatever the parameter's kind.
ALWAYS_INVALID = {
    "lone-surrogate",
    "surrogate-inside",
    "nan",
    "inf",
    "-inf",
    "list-with-surrogate",
    "dict-surrogate-key",
}


def kinds() -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """One parameter of each kind (type, location, required, and which rules
    it has), with the form it belongs to."""
    seen: dict[tuple[Any, ...], tuple[str, dict[str, Any], dict[str, Any]]] = {}
    for form in catalogue():
        for p in form["params"]:
            if p["key"] == "apiKey":
                continue
            sig = (
                p["type"],
                p["location"],
                p["required"],
                p["pattern"] is not None,
                p["enum"] is not None,
                p["max"] is not None,
                p["key"] == "accountKey",
            )
            seen.setdefault(sig, (form["key"], form, p))
    return sorted(seen.values(), key=lambda k: (k[0], k[2]["key"]))


KINDS = kinds()


def outcome(name: str, run: Any, args: dict[str, Any]) -> str:
    """Run one call; what happened, checked to be one of the allowed outcomes."""
    started = time.monotonic()
    try:
        run(**args)
        result = "sent"
    except ValidationException as e:
        assert e.field == name, (e.field, str(e))
        assert f"`{name}`" in e.detail, e.detail
        assert len(str(e)) < 2000, len(str(e))
        result = f"invalid:{e.rule}"
    except ResponseException as e:
        # The API refused the value, or (a URL longer than HTTP allows) the
        # request could not be built: a message naming the URL, shortened.
        if e.response is None:
            assert "request to " in str(e), str(e)
        assert len(str(e)) < 5000, len(str(e))
        result = "refused"
    except APIException as e:
        # A value too long for a URL, found before sending.
        assert "too long" in str(e), str(e)
        result = "refused"
    assert time.monotonic() - started < 10
    return result


@pytest.mark.parametrize(
    ("key", "form", "param"), KINDS, ids=[f"{k}.{p['key']}" for k, _, p in KINDS]
)
def test_every_parameter_kind_with_bad_values(
    sandbox_url: str, key: str, form: dict[str, Any], param: dict[str, Any]
) -> None:
    name = param["key"]
    base = dict(required_examples(form))
    sync_api = TikAPI(API_KEY).set(__sandbox__=True, accountKey=ACCOUNT_KEY)
    async_api = AsyncTikAPI(API_KEY).set(__sandbox__=True, accountKey=ACCOUNT_KEY)
    seen: dict[str, str] = {}
    for label, value in BAD_VALUES.items():
        args = {**base, name: value}
        got = outcome(name, resolve(sync_api, key), args)
        got_async = outcome(name, lambda **a: asyncio.run(resolve(async_api, key)(**a)), args)
        assert got == got_async, (label, got, got_async)
        if label in ALWAYS_INVALID:
            assert got.startswith("invalid:"), (label, got)
        if label == "none":
            assert got in ("sent", "invalid:required"), got
        seen[label] = got
    print(f"\n{key}.{name} ({param['type']}, {param['location']}): {seen}")


def test_bad_values_in_bound_defaults(api: Any) -> None:
    for label in ALWAYS_INVALID:
        value = BAD_VALUES[label]
        with pytest.raises(ValidationException) as info:
            api.user(accountKey=value).info()
        assert info.value.field == "accountKey", label
        # Raised by `set` (text that cannot be converted) or by the call.
        with pytest.raises(ValidationException) as info:
            TikAPI(API_KEY).set(__sandbox__=True, username=value).public.check()
        assert info.value.field == "username", label


def test_unknown_parameters_are_not_sent(api: Any) -> None:
    # As the official SDK: a name no form of the endpoint knows is not sent.
    r = api.public.check(username="lilyachty", bogus=1)
    assert "bogus" not in r.url


def test_key_with_bad_text(sandbox_url: str) -> None:
    with pytest.raises(ValidationException) as info:
        TikAPI("\ud800")
    assert info.value.field == "apiKey"
    for bad in ("", "short", "with space0123", "crlf\r\nX-Injected: 1"):
        with pytest.raises(ValidationException) as info:
            TikAPI(bad).set(__sandbox__=True).public.check()
        assert info.value.field == "apiKey"
        assert bad not in str(info.value) or not bad
    for wrong in (None, 1, b"DemoAPIKeyTokenSeHYGX", ["x"]):
        with pytest.raises(APIException, match="API Key is required"):
            TikAPI(wrong)
        with pytest.raises(APIException, match="API Key is required"):
            AsyncTikAPI(wrong)


@pytest.mark.parametrize("cls", [TikAPI, AsyncTikAPI])
def test_wrong_call_shapes(sandbox_url: str, cls: Any) -> None:
    api = cls(API_KEY)
    with pytest.raises(AttributeError):
        api.nosuchcategory  # noqa: B018
    with pytest.raises(AttributeError):
        api.public.nosuchendpoint  # noqa: B018
    with pytest.raises(AttributeError):
        api.user.posts.nosuch.deeper  # noqa: B018
    # Positions follow the official signatures (issue 13); more than those,
    # or a name given twice, is Python's own TypeError.
    with pytest.raises(TypeError, match="takes from 1 to 5 positional arguments but 6 were"):
        call = api.public.check("a", "b", "c", "d", "e")
        if cls is AsyncTikAPI:  # an awaited endpoint checks when awaited
            asyncio.run(call)
    with pytest.raises(TypeError, match="got multiple values for argument 'username'"):
        call = api.public.check("a", username="b")
        if cls is AsyncTikAPI:
            asyncio.run(call)
    with pytest.raises(TypeError, match="takes from 1 to 2 positional arguments but 3 were"):
        api.set(1, 2)
    with pytest.raises(TypeError, match="takes from 1 to 3 positional arguments but 4 were"):
        api.public(1, 2, 3)
    with pytest.raises(APIException, match="no endpoint named"):
        api._native.call("no.such.endpoint", {})
    with pytest.raises(APIException, match="no endpoint named"):
        api._native.prepare("", {})


@pytest.mark.parametrize(
    ("value", "rule"),
    [
        (-1, "min"),
        (-(2**80), "min"),
        ("3", "type"),
        (1.5, "type"),
        (math.nan, "type"),
        (True, "type"),
    ],
)
@pytest.mark.parametrize("limit", ["max_pages", "max_items"])
def test_page_limits(api: Any, limit: str, value: Any, rule: str) -> None:
    for make in (api.public.posts.pages, api.public.posts.items):
        with pytest.raises(ValidationException) as info:
            list(make(**{limit: value}))
        assert info.value.field == limit and info.value.rule == rule
    aapi = AsyncTikAPI(API_KEY).set(__sandbox__=True)
    with pytest.raises(ValidationException):
        aapi.public.posts.pages(**{limit: value})
    # Enormous limits are fine: they just never stop the walk.
    assert next(api.public.posts.pages(**{limit: 2**100})).ok


def test_save_video_bad_arguments(api: Any, tmp_path: Any) -> None:
    r = api.public.check(username="lilyachty")
    with pytest.raises(TypeError):
        r.save_video(None, tmp_path / "v.mp4")
    with pytest.raises(TypeError):
        r.save_video("http://x/", None)
    with pytest.raises(APIException, match="not an http"):
        r.save_video("ftp://example.com/v.mp4", tmp_path / "v.mp4")
    with pytest.raises(APIException, match="not an http"):
        r.save_video("not a url", tmp_path / "v.mp4")
    with pytest.raises(APIException, match="lone surrogate"):
        r.save_video("http://x/\ud800", tmp_path / "v.mp4")
    with pytest.raises(APIException, match="cannot be named"):
        r.save_video("http://x/", str(tmp_path) + "/\ud800.mp4")
    with pytest.raises(APIException, match="timeout"):
        r.save_video("http://x/", tmp_path / "v.mp4", timeout="soon")
    with pytest.raises(APIException, match="header"):
        r.save_video("http://x/", tmp_path / "v.mp4", headers={"X-A": "a\r\nb"})
    assert list(tmp_path.iterdir()) == []


def test_errors_are_the_documented_classes() -> None:
    # The classes the cases above rely on are all exported.
    for name in ("ValidationException", "APIException", "ResponseException"):
        assert isinstance(getattr(tikapi, name), type)
