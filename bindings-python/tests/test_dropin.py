"""Drop-in details beyond keyword calls (issue 13): positional arguments in
the official SDK's order, the rest of ``requests.Response``, and pickle /
copy of responses, exceptions and clients."""

from __future__ import annotations

import asyncio
import concurrent.futures
import copy
import inspect
import json
import multiprocessing
import pickle
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import tikapi
from tikapi import (
    AccountSessionExpired,
    APIException,
    AsyncTikAPI,
    AuthenticationError,
    RateLimitError,
    ResponseException,
    TikAPI,
    TikTokError,
    ValidationException,
    _surface,
)

from .conftest import ACCOUNT_KEY, API_KEY, catalogue, resolve

FORMS = catalogue()
POSITIONAL_FORMS = [f for f in FORMS if f["positional"]]
PROTOCOLS = range(pickle.HIGHEST_PROTOCOL + 1)


def sample(param: dict[str, Any]) -> Any:
    """A valid value: the example, else one the rules accept."""
    if param["example"] is not None:
        return param["example"]
    if param["enum"]:
        return param["enum"][0]
    if param["type"] == "number":
        return 7
    if param["type"] == "boolean":
        return True
    return "12" if param["pattern"] == "^[0-9]{1,2}$" else "7012345678901234567"


def scope_of(api: Any, key: str) -> Any:
    if key.startswith("user."):
        return resolve(api.user(ACCOUNT_KEY), key.removeprefix("user."))
    return resolve(api, key)


# -- 1. positional arguments --------------------------------------------------


@pytest.mark.parametrize("form", POSITIONAL_FORMS, ids=lambda f: f["key"])
def test_positional_call_sends_what_the_keyword_call_sends(api: Any, form: dict[str, Any]) -> None:
    params = {p["key"]: p for p in form["params"]}
    values = [sample(params[n]) for n in form["positional"]]
    by_position = scope_of(api, form["key"])(*values)
    by_keyword = scope_of(api, form["key"])(**dict(zip(form["positional"], values)))
    assert by_position.request.url == by_keyword.request.url
    assert by_position.request.body == by_keyword.request.body
    assert by_position.json() == by_keyword.json()


def test_positional_examples_from_the_issue(api: Any) -> None:
    assert "/public/check?" in api.public.check("lilyachty").request.url
    assert "username=lilyachty" in api.public.check("lilyachty").request.url
    r = api.public.video("7003402629929913605")
    assert "id=7003402629929913605" in r.request.url
    r = api.public.search("users", "lilyachty", 5)
    assert "/public/search/users?" in r.request.url
    assert "query=lilyachty" in r.request.url and "session_id=5" in r.request.url
    r = api.public.posts(api.public.check("lilyachty").json()["userInfo"]["user"]["secUid"], 12)
    assert "count=12" in r.request.url


def test_category_constructors_by_position(api: Any) -> None:
    r = api.public("gb", 3).check("lilyachty")
    assert "country=gb" in r.request.url and "session_id=3" in r.request.url
    user = api.user(ACCOUNT_KEY)
    assert user.info().request.headers["X-ACCOUNT-KEY"] == ACCOUNT_KEY
    assert user.posts.comments.list("7109178205151464746").ok
    scope = api.public.set("ca")
    assert "country=ca" in scope.check("lilyachty").request.url


def test_set_takes_the_api_key_by_position(sandbox_url: str) -> None:
    api = TikAPI("Firstkey0123456789ab")
    api.set("Secondkey0123456789a", __sandbox__=True)
    assert api.key().request.headers["X-API-KEY"] == "Secondkey0123456789a"
    assert TikAPI(apiKey=API_KEY).set(__sandbox__=True).key().ok


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda api: api.public.check(1, 2, 3, 4, 5),
            "Public.check() takes from 1 to 5 positional arguments but 6 were given",
        ),
        (
            lambda api: api.public.check("a", username="b"),
            "Public.check() got multiple values for argument 'username'",
        ),
        (
            lambda api: api.user.live.stop(1),
            "UserLive.stop() takes 1 positional argument but 2 were given",
        ),
        (lambda api: api.key(1), "TikAPI.key() takes 1 positional argument but 2 were given"),
        (
            lambda api: api.public("us", 1, "x"),
            "Public.__new__() takes from 1 to 3 positional arguments but 4 were given",
        ),
        (
            lambda api: api.user("a", accountKey="b"),
            "User.__new__() got multiple values for argument 'accountKey'",
        ),
        (
            lambda api: api.user.posts("x"),
            "UserPosts.__new__() takes 1 positional argument but 2 were given",
        ),
        (
            lambda api: api.set("k", "x"),
            "TikAPI.set() takes from 1 to 2 positional arguments but 3 were given",
        ),
        (
            lambda api: api.public.posts.pages("s" * 40, 1, "2", "3", "us", 0, "x"),
            "Public.posts() takes from 1 to 7 positional arguments but 8 were given",
        ),
    ],
)
def test_bad_positional_calls_raise_pythons_own_type_error(
    api: Any, call: Any, message: str
) -> None:
    with pytest.raises(TypeError) as info:
        call(api)
    assert str(info.value) == message


def test_async_endpoints_take_positions(sandbox_url: str) -> None:
    async def main() -> Any:
        async with AsyncTikAPI(API_KEY) as api:
            api.set(__sandbox__=True)
            r = await api.public.check("lilyachty")
            user = api.user(ACCOUNT_KEY)
            info = await user.info()
            with pytest.raises(TypeError, match="got multiple values for argument 'id'"):
                await api.public.video("1", id="2")
            return r, info

    r, info = asyncio.run(main())
    assert r.request.url.endswith("username=lilyachty")
    assert info.request.headers["X-ACCOUNT-KEY"] == ACCOUNT_KEY


@pytest.mark.parametrize("form", [f for f in FORMS if f["inOfficialSdk"]], ids=lambda f: f["key"])
def test_signature_is_the_official_order(api: Any, form: dict[str, Any]) -> None:
    params = inspect.signature(resolve(api, form["key"])).parameters
    names = [n for n, p in params.items() if p.kind is p.POSITIONAL_OR_KEYWORD]
    assert names == form["positional"]
    assert list(params)[-1] == "otherParams"
    assert params["otherParams"].kind is inspect.Parameter.VAR_KEYWORD


def test_category_and_client_signatures(api: Any) -> None:
    def names(obj: Any) -> list[str]:
        return list(inspect.signature(obj).parameters)

    assert names(api.public) == ["country", "session_id", "values"]
    assert names(api.user) == ["accountKey", "values"]
    assert names(api.user.posts) == ["values"]
    assert names(TikAPI) == ["apiKey"]
    assert names(api.set) == ["apiKey", "values"]
    assert names(api.public.set) == ["country", "session_id", "values"]
    assert names(api.user.live.set) == ["values"]
    # The classes themselves still inspect as classes.
    assert names(_surface.Endpoint) == ["native", "key"]


def test_catalogue_positional_is_consistent() -> None:
    for form in FORMS:
        declared = {p["key"] for p in form["params"]}
        assert set(form["positional"]) <= declared, form["key"]
    assert _surface.CATEGORY_POSITIONAL[""] == ["apiKey"]
    assert _surface.CATEGORY_POSITIONAL["public"] == ["country", "session_id"]
    assert _surface.CATEGORY_POSITIONAL["user"] == ["accountKey"]


def test_stub_shows_the_positional_order() -> None:
    stub = (Path(tikapi.__file__).parent / "_endpoints.pyi").read_text(encoding="utf-8")
    line = next(s for s in stub.splitlines() if "def __call__(self, username" in s)
    assert line.startswith(
        "    def __call__(self, username: Optional[str] = None, user_id: Optional[str] = None,"
        " country: Optional[str] = None, session_id: Optional[float] = None, *,"
    )
    assert (
        "def __call__(self, accountKey: Optional[Any] = None, *, __sandbox__: Optional[bool]"
        in stub
    )


# -- 2. the rest of requests.Response ------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        data = json.dumps({"status": "success", "hasMore": True, "cursor": "10"}).encode()
        status = 301 if "moved" in self.path else 200
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Set-Cookie", "sid=abc123; Path=/")
        self.send_header("Set-Cookie", "theme=dark; Path=/public")
        self.send_header("Link", '<https://example.test/p2>; rel="next"')
        if status == 301:
            self.send_header("Location", "https://elsewhere.test/")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def cookie_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_response_request_is_what_was_sent(api: Any, user: Any) -> None:
    r = api.public.check(username="lilyachty")
    req = r.request
    assert req is not None
    assert req.method == "GET"
    assert req.url == r.url
    assert req.path_url.startswith("/public/check?") and req.url.endswith(req.path_url)
    assert "username=lilyachty" in req.path_url
    assert req.body is None
    assert req.headers["x-api-key"] == API_KEY
    assert req.headers["User-Agent"].startswith("tikapi-rs/")
    posted = user.posts.comments.post(media_id="7109178205151464746", text="hi")
    assert posted.request is not None
    assert posted.request.method == "POST"
    assert json.loads(posted.request.body or b"") == {
        "media_id": "7109178205151464746",
        "text": "hi",
        "has_tags": False,  # its default, sent as the official SDK sends it
    }
    assert posted.request.headers["Content-Type"] == "application/json"
    assert posted.request.headers["X-ACCOUNT-KEY"] == ACCOUNT_KEY


def test_no_key_in_any_repr_of_the_request(user: Any) -> None:
    r = user.info()
    req = r.request
    texts = [
        repr(req),
        str(req),
        repr(req.headers),
        str(req.headers),
        repr(req.headers.items()),
        repr(req.headers.copy()),
        repr(r),
        repr(pickle.loads(pickle.dumps(r))),
    ]
    for text in texts:
        assert API_KEY not in text and ACCOUNT_KEY not in text, text
    assert repr(req) == "<PreparedRequest [GET]>"
    assert "<hidden>" in repr(req.headers)


def test_redirect_history_next_raw_and_more(cookie_server: str) -> None:
    api = TikAPI(API_KEY).set(__options__={"base": cookie_server})
    r = api.public.check("lilyachty")
    assert r.history == [] and r.next is None
    assert not r.is_redirect and not r.is_permanent_redirect
    assert r.raw.read() == r.content and r.raw.read() == b""
    assert r.raw.status == 200 and r.raw.headers["content-type"] == "application/json"
    assert r.links == {"next": {"url": "https://example.test/p2", "rel": "next"}}
    assert b"".join(r) == r.content
    assert b"".join(r.iter_content(3)) == r.content
    with r as same:
        assert same is r
    r.connection.close()
    moved = TikAPI(API_KEY).set(__options__={"base": cookie_server + "/moved"})
    with pytest.raises(ResponseException) as info:
        moved.public.check("lilyachty")
    assert info.value.response is not None
    assert info.value.response.is_redirect and info.value.response.is_permanent_redirect


def test_cookies_of_set_cookie(cookie_server: str) -> None:
    api = TikAPI(API_KEY).set(__options__={"base": cookie_server})
    jar = api.public.check("lilyachty").cookies
    assert jar.get_dict() == {"sid": "abc123", "theme": "dark"}
    assert jar["sid"] == "abc123" and "theme" in jar and jar.get("nope", "d") == "d"
    assert sorted(jar.keys()) == ["sid", "theme"]
    assert dict(jar) == {"sid": "abc123", "theme": "dark"}
    assert {(c.name, c.domain, c.path) for c in jar} == {
        ("sid", "127.0.0.1", "/"),
        ("theme", "127.0.0.1", "/public"),
    }
    again = pickle.loads(pickle.dumps(jar))
    assert again.get_dict() == jar.get_dict()
    with pytest.raises(KeyError):
        jar["nope"]


def test_cookies_have_requests_whole_cookie_jar_surface(cookie_server: str) -> None:
    import collections.abc
    import http.cookiejar

    from tikapi._cookies import CookieConflictError

    api = TikAPI(API_KEY).set(__options__={"base": cookie_server})
    jar = api.public.check("lilyachty").cookies
    assert type(jar).__name__ == "RequestsCookieJar"
    assert isinstance(jar, collections.abc.MutableMapping)
    assert isinstance(jar, http.cookiejar.CookieJar)
    assert jar.list_domains() == ["127.0.0.1"] and sorted(jar.list_paths()) == ["/", "/public"]
    assert jar.multiple_domains() is True  # requests' reading: two cookies share a domain
    assert jar.get("theme", path="/public") == "dark" and jar.get("theme", path="/") is None
    assert jar.get("sid", domain="127.0.0.1") == "abc123"
    assert isinstance(jar.get_policy(), http.cookiejar.DefaultCookiePolicy)
    made = jar.set("sid", "other", domain="example.com", path="/x")
    assert made is not None and (made.domain, made.path) == ("example.com", "/x")
    with pytest.raises(CookieConflictError, match="multiple cookies with name, 'sid'"):
        jar["sid"]
    assert isinstance(CookieConflictError(), RuntimeError) and "sid" in jar
    assert jar.get_dict(domain="example.com") == {"sid": "other"}
    copied = jar.copy()
    copied.set("sid", None, domain="example.com")
    assert copied.get("sid") == "abc123" and jar.get("sid", domain="example.com") == "other"
    copied.update({"a": "1"})
    copied.update(jar)
    assert sorted(copied.iterkeys()) == ["a", "sid", "sid", "theme"]
    del copied["nope"]  # as requests: nothing to remove is no error
    assert next(copied.iteritems()) in copied.items()
    with pytest.raises(TypeError, match="unexpected keyword arguments"):
        jar.set("x", "y", bogus=1)
    assert jar == jar.get_dict() or jar.multiple_domains()


def test_every_public_attribute_of_requests_response(api: Any) -> None:
    # requests.Response's public attributes (requests 2.x), and the SDK's two.
    official = {
        "apparent_encoding", "close", "connection", "content", "cookies", "elapsed",
        "encoding", "headers", "history", "is_permanent_redirect", "is_redirect",
        "iter_content", "iter_lines", "json", "links", "next", "next_items", "ok",
        "raise_for_status", "raw", "reason", "request", "save_video", "status_code",
        "text", "url",
    }  # fmt: skip
    r = api.public.check("lilyachty")
    assert official <= set(dir(r))
    for name in official:
        getattr(r, name)


# -- 3. pickle and copy -----------------------------------------------------


def test_responses_pickle_and_copy(api: Any) -> None:
    r = api.public.posts(secUid=api.public.check("lilyachty").json()["userInfo"]["user"]["secUid"])
    r.encoding = "latin-1"
    for protocol in PROTOCOLS:
        back = pickle.loads(pickle.dumps(r, protocol))
        assert type(back) is type(r)
        assert (back.status_code, back.url, back.reason) == (r.status_code, r.url, r.reason)
        assert back.headers == r.headers and back.content == r.content
        assert back.json() == r.json() and back.encoding == "latin-1"
        assert back.request is not None and r.request is not None
        assert back.request.url == r.request.url
        assert back.request.headers == r.request.headers
        assert back.elapsed == r.elapsed
        with pytest.raises(APIException, match="restored from a pickle") as info:
            back.next_items()
        assert "client" in str(info.value)
        with pytest.raises(APIException, match="restored from a pickle"):
            back.save_video("http://127.0.0.1:9/v.mp4", "/nonexistent/v.mp4")
    for clone in (copy.copy(r), copy.deepcopy(r)):
        assert clone.json() == r.json() and clone.json() is not r.json()
        nxt = clone.next_items()  # a copy keeps its client
        assert nxt is not None and nxt.json() != r.json()


def test_async_responses_pickle(sandbox_url: str) -> None:
    async def main() -> Any:
        async with AsyncTikAPI(API_KEY) as api:
            api.set(__sandbox__=True)
            r = await api.public.posts()
            back = pickle.loads(pickle.dumps(r))
            assert type(back) is tikapi.AsyncAPIResponse
            assert back.json() == r.json()
            with pytest.raises(APIException, match="restored from a pickle"):
                await back.next_items()
            assert await copy.deepcopy(r).next_items() is not None

    asyncio.run(main())


def _error(api: Any, call: Any) -> BaseException:
    try:
        call(api)
    except BaseException as e:
        return e
    raise AssertionError("no error")


def _same(a: BaseException, b: BaseException) -> None:
    assert type(a) is type(b)
    assert str(a) == str(b) and a.args == b.args
    assert set(vars(a)) == set(vars(b))
    for name, value in vars(a).items():
        if name == "response":
            continue
        assert getattr(b, name) == value, name
    ra, rb = getattr(a, "response", None), getattr(b, "response", None)
    assert (ra is None) == (rb is None)
    if ra is not None:
        assert (ra.status_code, ra.headers, ra.content) == (rb.status_code, rb.headers, rb.content)
        assert ra.json() == rb.json() and ra.message == rb.message


FAULT_400 = {"headers": {"X-Sandbox-Fault": "status=400"}}
HANG = {"timeout": 0.2, "headers": {"X-Sandbox-Fault": "hang"}}
REFUSED = {"base": "http://127.0.0.1:9"}


def _sandboxed(key: str) -> Any:
    return TikAPI(key).set(__sandbox__=True)


@pytest.mark.parametrize(
    ("cls", "call"),
    [
        (TikTokError, lambda api: api.public.check(username="doesnotexist")),
        (ResponseException, lambda api: api.public.posts("x" * 40, __options__=FAULT_400)),
        (AuthenticationError, lambda api: _sandboxed("InvalidApiKey0000000").key()),
        (AccountSessionExpired, lambda api: api.user("ExpiredAccountKey000").info()),
        (RateLimitError, lambda api: _sandboxed("RateLimitedKey000000").key()),
        (tikapi.ConnectionError, lambda api: TikAPI(API_KEY).set(__options__=REFUSED).key()),
        (tikapi.TimeoutError, lambda api: api.key(__options__=HANG)),
        (ValidationException, lambda api: TikAPI(API_KEY).public.posts()),
        (APIException, lambda api: TikAPI(None)),
    ],
    ids=lambda v: getattr(v, "__name__", ""),
)
def test_every_exception_pickles_and_copies(api: Any, cls: type, call: Any) -> None:
    err = _error(api, call)
    assert type(err) is cls
    for protocol in PROTOCOLS:
        _same(err, pickle.loads(pickle.dumps(err, protocol)))
    _same(err, copy.deepcopy(err))
    _same(err, copy.copy(err))
    if isinstance(err, ValidationException):
        assert pickle.loads(pickle.dumps(err)).field == "secUid"


def _worker(url: str, username: str) -> Any:
    api = TikAPI(API_KEY)
    api.set(__options__={"base": url})
    return api.public.check(username=username)


def test_errors_and_responses_cross_a_process_pool(sandbox_url: str) -> None:
    ctx = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=ctx) as pool:
        with pytest.raises(TikTokError) as info:
            pool.submit(_worker, sandbox_url, "doesnotexist").result(timeout=120)
        r = pool.submit(_worker, sandbox_url, "lilyachty").result(timeout=120)
    err = info.value
    assert err.tiktok_code == 10202 and err.response is not None
    assert err.response.status_code == 403 and err.response.json()["statusCode"] == 10202
    assert r.json()["userInfo"]["user"]["uniqueId"] == "lilyachty"
    with pytest.raises(APIException, match="restored from a pickle"):
        r.next_items()


@pytest.mark.parametrize("copier", [copy.copy, copy.deepcopy], ids=["copy", "deepcopy"])
def test_client_copies_are_independent(api: Any, copier: Any) -> None:
    api.set(country="us")
    clone = copier(api)
    assert type(clone) is TikAPI and clone is not api
    clone.set(country="gb")
    assert "country=us" in api.public.check("lilyachty").request.url
    assert "country=gb" in clone.public.check("lilyachty").request.url
    user = api.user(ACCOUNT_KEY)
    user_clone = copier(user)
    user_clone.set(accountKey="Otheraccountkey01234")
    assert user.info().request.headers["X-ACCOUNT-KEY"] == ACCOUNT_KEY
    assert user_clone.info().request.headers["X-ACCOUNT-KEY"] == "Otheraccountkey01234"
    public = copier(api.public)
    public.set(country="ca")
    assert "country=us" in api.public.check("lilyachty").request.url
    assert "country=ca" in public.check("lilyachty").request.url


def test_async_client_copies(sandbox_url: str) -> None:
    api = AsyncTikAPI(API_KEY).set(__sandbox__=True)
    clone = copy.deepcopy(api)
    assert type(clone) is AsyncTikAPI
    clone.set(country="gb")
    r = asyncio.run(clone.public.check("lilyachty"))
    assert "country=gb" in r.request.url


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_clients_do_not_pickle(api: Any, protocol: int) -> None:
    for obj in (api, api.public, api.user(ACCOUNT_KEY), AsyncTikAPI(API_KEY)):
        with pytest.raises(TypeError, match="cannot be pickled: a client holds the keys"):
            pickle.dumps(obj, protocol)
