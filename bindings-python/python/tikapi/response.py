"""The response: the public face of ``requests.Response``, plus ``next_items``
and ``save_video``. All data comes from the native response."""

from __future__ import annotations

import datetime
import io
import json as _json
import os
import re
import urllib.parse
from collections.abc import Iterator, Mapping, MutableMapping
from typing import TYPE_CHECKING, Any, Optional, Union

from . import _native
from ._native import Response as _NativeResponse
from ._observe import observer

if TYPE_CHECKING:
    from ._cookies import RequestsCookieJar

__all__ = ["APIResponse", "AsyncAPIResponse", "Headers", "PreparedRequest"]

_MISSING: Any = object()


class Headers(MutableMapping[str, str]):
    """A case-insensitive header mapping, like ``requests``' own. Repeated
    headers are joined with ``", "``."""

    __slots__ = ("_store",)

    def __init__(self, items: Union[Mapping[str, str], list[tuple[str, str]], None] = None):
        self._store: dict[str, tuple[str, str]] = {}
        if isinstance(items, Mapping):
            items = list(items.items())
        for name, value in items or ():
            key = name.lower()
            if key in self._store:
                value = self._store[key][1] + ", " + value
            self._store[key] = (name, value)

    def __getitem__(self, name: str) -> str:
        return self._store[name.lower()][1]

    def __setitem__(self, name: str, value: str) -> None:
        self._store[name.lower()] = (name, value)

    def __delitem__(self, name: str) -> None:
        del self._store[name.lower()]

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self._store.values())

    def __len__(self) -> int:
        return len(self._store)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Mapping):
            return NotImplemented
        return dict(self.lower_items()) == dict(Headers(other).lower_items())

    def lower_items(self) -> Iterator[tuple[str, str]]:
        return ((key, pair[1]) for key, pair in self._store.items())

    def copy(self) -> Headers:
        return Headers(list(self._store.values()))

    def __repr__(self) -> str:
        return repr(dict(self.items()))


# The header names whose values are never shown: the core's list.
_SECRET_HEADERS = frozenset(
    name.lower() for name in _json.loads(_native.catalogue())["secretHeaders"]
)


class SentHeaders(Headers):
    """The headers of a sent request. They hold the API and account keys, so
    ``repr`` and ``str`` show ``<hidden>`` in their place; reading an item
    gives the real value."""

    __slots__ = ()

    def copy(self) -> SentHeaders:
        return SentHeaders(list(self._store.values()))

    def __repr__(self) -> str:
        return repr(
            {
                name: "<hidden>" if name.lower() in _SECRET_HEADERS else value
                for name, value in self._store.values()
            }
        )


class PreparedRequest:
    """The request a response answers, as the core sent it (the
    ``requests.PreparedRequest`` fields apps read): ``method``, ``url``,
    ``headers`` (keys hidden in its repr), ``body`` (bytes or None),
    ``path_url``."""

    __slots__ = ("body", "headers", "method", "url")

    def __init__(
        self,
        method: str,
        url: str,
        headers: Union[Mapping[str, str], list[tuple[str, str]], None] = None,
        body: Optional[bytes] = None,
    ) -> None:
        self.method = method
        self.url = url
        self.headers = SentHeaders(headers)
        self.body = body

    @property
    def path_url(self) -> str:
        parts = urllib.parse.urlsplit(self.url)
        return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")

    def copy(self) -> PreparedRequest:
        return PreparedRequest(self.method, self.url, list(self.headers.items()), self.body)

    def __repr__(self) -> str:
        return f"<PreparedRequest [{self.method}]>"


class RawBody(io.BytesIO):
    """``response.raw``: a reader over the body, which was already read in
    full (there is no socket behind it, so no streaming). ``read()``,
    ``stream()``, ``status``, ``reason``, ``headers``, ``version``."""

    def __init__(self, body: bytes, status: int, reason: str, headers: Headers) -> None:
        super().__init__(body)
        self.status = status
        self.reason = reason
        self.headers = headers
        self.version = 11
        self.decode_content = True

    def read(self, amt: Optional[int] = None, decode_content: Optional[bool] = None) -> bytes:
        return super().read(amt)

    def stream(self, amt: int = 65536, decode_content: Optional[bool] = None) -> Iterator[bytes]:
        while True:
            chunk = self.read(amt)
            if not chunk:
                return
            yield chunk

    def release_conn(self) -> None:
        """Nothing to release."""


class _Connection:
    """``response.connection``: there is no adapter of this response's own."""

    __slots__ = ()

    def close(self) -> None:
        """Connections are pooled per process: nothing to close."""


_REDIRECTS = frozenset((301, 302, 303, 307, 308))


class APIResponse:
    """A response from TikAPI.

    Every public attribute of ``requests.Response`` is here (``json()``,
    ``status_code``, ``ok``, ``reason``, ``text``, ``content``, ``headers``,
    ``url``, ``elapsed``, ``encoding``, ``request``, ``cookies``,
    ``history``, ``raw``, ``raise_for_status()``, truthiness, ...);
    ``next_items()`` fetches the next page and ``save_video(link, path)``
    downloads a video of this response. Responses pickle and copy: a copy
    keeps its client, an unpickled one has none and refuses ``next_items()``
    and ``save_video()`` with an ``APIException`` saying why.
    """

    __slots__ = (
        "__weakref__",
        "_content",
        "_cookies",
        "_encoding",
        "_headers",
        "_json",
        "_native",
        "_raw",
        "_request",
    )
    _native: _NativeResponse
    _json: Any
    _content: Optional[bytes]
    _headers: Optional[Headers]
    _encoding: Any
    _request: Any
    _cookies: Optional[RequestsCookieJar]
    _raw: Optional[RawBody]

    def __init__(self) -> None:
        raise TypeError("APIResponse objects come from API calls")

    @classmethod
    def _wrap(cls, native: _NativeResponse) -> APIResponse:
        self = object.__new__(cls)
        self._native = native
        self._json = _MISSING
        self._content = None
        self._headers = None
        self._encoding = _MISSING
        self._request = _MISSING
        self._cookies = None
        self._raw = None
        return self

    # -- requests.Response ------------------------------------------------
    @property
    def status_code(self) -> int:
        return self._native.status

    @property
    def ok(self) -> bool:
        return 200 <= self._native.status < 300

    def __bool__(self) -> bool:
        return self.ok

    @property
    def reason(self) -> str:
        return self._native.reason

    @property
    def url(self) -> str:
        return self._native.url

    @property
    def elapsed(self) -> datetime.timedelta:
        return datetime.timedelta(seconds=self._native.elapsed)

    @property
    def content(self) -> bytes:
        if self._content is None:
            self._content = self._native.content
        return self._content

    @property
    def headers(self) -> Headers:
        if self._headers is None:
            self._headers = Headers(self._native.headers)
        return self._headers

    @property
    def encoding(self) -> Optional[str]:
        """The charset of ``Content-Type``; UTF-8 for JSON without one."""
        if self._encoding is _MISSING:
            self._encoding = _charset(self.headers.get("content-type", ""))
        encoding: Optional[str] = self._encoding
        return encoding

    @encoding.setter
    def encoding(self, value: Optional[str]) -> None:
        self._encoding = value

    @property
    def apparent_encoding(self) -> str:
        return "utf-8"

    @property
    def text(self) -> str:
        return self.content.decode(self.encoding or "utf-8", errors="replace")

    def json(self, **kwargs: Any) -> Any:
        """The body parsed as JSON; parsed once, later calls return the same object."""
        if kwargs:
            return _json.loads(self.content, **kwargs)
        if self._json is _MISSING:
            parsed = self._native.parse_json()
            self._json = _json.loads(self.content) if parsed is None else parsed
        return self._json

    def raise_for_status(self) -> None:
        """Raise the exception a call raises for this status, with this
        response as its ``response``; nothing for 2xx."""
        error: Any = self._native.error()
        if error is not None:
            error.response = self
            raise error

    def iter_content(
        self, chunk_size: Optional[int] = 1, decode_unicode: bool = False
    ) -> Iterator[Any]:
        data: Any = self.text if decode_unicode else self.content
        step = (len(data) or 1) if chunk_size is None else chunk_size
        for i in range(0, len(data), step):
            yield data[i : i + step]

    def iter_lines(self, chunk_size: int = 512, decode_unicode: bool = False) -> Iterator[Any]:
        yield from (self.text if decode_unicode else self.content).splitlines()

    def close(self) -> None:
        """Nothing to release: the body is already read."""

    def __enter__(self) -> APIResponse:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __iter__(self) -> Iterator[bytes]:
        """The body in pieces of 128 bytes, as ``requests`` iterates."""
        return self.iter_content(128)

    @property
    def links(self) -> dict[str, Any]:
        """The ``Link`` header parsed, keyed by ``rel`` (or URL)."""
        header = self.headers.get("link")
        links: dict[str, Any] = {}
        for link in _parse_links(header) if header else ():
            links[link.get("rel") or link["url"]] = link
        return links

    @property
    def is_redirect(self) -> bool:
        """A redirect the SDK returned rather than followed (API calls follow
        redirects only within their origin)."""
        return "location" in self.headers and self.status_code in _REDIRECTS

    @property
    def is_permanent_redirect(self) -> bool:
        return "location" in self.headers and self.status_code in (301, 308)

    @property
    def next(self) -> None:
        """The next request of a redirect chain: None, as one is never pending."""
        return None

    @property
    def history(self) -> list[APIResponse]:
        """Redirects followed on the way: always empty, as in the official SDK
        for TikAPI's answers."""
        return []

    @property
    def request(self) -> Optional[PreparedRequest]:
        """The request as the core sent it: ``method``, ``url``, ``headers``
        (the keys' values are in it, hidden in its repr), ``body``."""
        if self._request is _MISSING:
            sent = self._native.request()
            self._request = None if sent is None else PreparedRequest(*sent)
        request: Optional[PreparedRequest] = self._request
        return request

    @property
    def cookies(self) -> RequestsCookieJar:
        """The cookies of the response's ``Set-Cookie`` headers (an
        ``http.cookiejar.CookieJar`` that also reads as a mapping)."""
        if self._cookies is None:
            # Imported on first use: http.cookiejar costs more to import
            # than the rest of the package.
            from ._cookies import cookie_jar

            self._cookies = cookie_jar(self.url, self._native.headers)
        return self._cookies

    @property
    def raw(self) -> RawBody:
        """A file-like reader over the body (read in full already: no socket,
        no streaming). The official SDK's is a spent urllib3 response."""
        if self._raw is None:
            self._raw = RawBody(self.content, self.status_code, self.reason, self.headers)
        return self._raw

    @property
    def connection(self) -> _Connection:
        return _Connection()

    # -- TikAPI -----------------------------------------------------------
    @property
    def message(self) -> str:
        """The body's ``message``, or the SDK's default for the status."""
        return self._native.message

    @property
    def endpoint(self) -> Optional[str]:
        """The endpoint key of the call, such as ``public.posts``."""
        return self._native.endpoint

    def next_items(self) -> Optional[APIResponse]:
        """The next page, or None when this was the last."""
        result: Optional[APIResponse] = self._native.next_page(observer())
        return result

    def save_video(self, link: str, path: Union[str, os.PathLike[str]], **kwargs: Any) -> bool:
        """Download ``link`` (a video link of this response) to ``path``,
        streaming it to a temporary file renamed into place when complete.
        Accepts ``headers``, ``timeout`` and ``proxies`` as ``requests.get``
        does, and ``progress``, called with (bytes written, total or None)
        as the body arrives. Returns True."""
        self._native.save_video(
            link,
            path,
            kwargs.get("headers"),
            kwargs.get("timeout"),
            kwargs.get("proxies"),
            kwargs.get("progress"),
            observer(),
        )
        return True

    def _items(self) -> list[Any]:
        path = self._native.item_path()
        if path is None:
            return []
        node = self.json()
        for step in path:
            node = node[step]
        return list(node)

    def __repr__(self) -> str:
        return f"<APIResponse [{self.status_code}]>"

    # -- copy and pickle ---------------------------------------------------
    def __copy__(self) -> APIResponse:
        """Another face of the same (immutable) response: it keeps its client."""
        clone = type(self)._wrap(self._native)
        clone._encoding = self._encoding
        return clone

    def __deepcopy__(self, memo: Any) -> APIResponse:
        return self.__copy__()

    def __reduce__(self) -> Any:
        """Pickled: status, URL, elapsed, headers, body, endpoint and the sent
        request (keys included: it is the app's own data). The client stays
        behind, so the unpickled response refuses ``next_items()`` and
        ``save_video()`` with an ``APIException`` saying why."""
        encoding = None if self._encoding is _MISSING else (self._encoding,)
        return (_restore, (type(self), self._native.state(), encoding))


class AsyncAPIResponse(APIResponse):
    """A response of ``AsyncTikAPI``: ``next_items`` and ``save_video`` are
    awaited."""

    __slots__ = ()

    async def next_items(self) -> Optional[AsyncAPIResponse]:  # type: ignore[override]
        result: Optional[AsyncAPIResponse] = await self._native.next_page_async(observer())
        return result

    async def save_video(  # type: ignore[override]
        self, link: str, path: Union[str, os.PathLike[str]], **kwargs: Any
    ) -> bool:
        await self._native.save_video_async(
            link,
            path,
            kwargs.get("headers"),
            kwargs.get("timeout"),
            kwargs.get("proxies"),
            kwargs.get("progress"),
            observer(),
        )
        return True

    def __repr__(self) -> str:
        return f"<AsyncAPIResponse [{self.status_code}]>"


def _restore(cls: type[APIResponse], state: tuple[Any, ...], encoding: Any = None) -> APIResponse:
    """Unpickle a response (see ``APIResponse.__reduce__``)."""
    native = _native.Response.restore(issubclass(cls, AsyncAPIResponse), *state)
    response = cls._wrap(native)
    if encoding is not None:
        response._encoding = encoding[0]
    return response


_LINK = re.compile(r"\s*<([^>]*)>\s*((?:;[^,;]*)*)")


def _parse_links(header: str) -> list[dict[str, str]]:
    """``<url>; rel="next", <url2>; rel="last"`` -> dicts with ``url`` and
    the parameters, as ``requests.utils.parse_header_links`` gives."""
    links = []
    for part in re.split(r",\s*(?=<)", header):
        match = _LINK.match(part)
        if not match:
            continue
        link = {"url": match.group(1).strip()}
        for param in match.group(2).split(";"):
            key, _, value = param.partition("=")
            if key.strip():
                link[key.strip()] = value.strip(" '\"")
        links.append(link)
    return links


def _charset(content_type: str) -> Optional[str]:
    media, _, params = content_type.partition(";")
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    media = media.strip().lower()
    if media == "application/json" or media.endswith("+json"):
        return "utf-8"
    if media.startswith("text/"):
        return "ISO-8859-1"
    return None
