"""The response: what apps use of ``requests.Response``, plus ``next_items``
and ``save_video``. All data comes from the native response."""

from __future__ import annotations

import datetime
import json as _json
import os
from collections.abc import Iterator, Mapping, MutableMapping
from typing import TYPE_CHECKING, Any, Optional, Union

from .exceptions import APIException

if TYPE_CHECKING:
    from ._native import Response as _NativeResponse

__all__ = ["APIResponse", "AsyncAPIResponse", "Headers"]

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


class APIResponse:
    """A response from TikAPI.

    ``json()``, ``status_code``, ``ok``, ``reason``, ``text``, ``content``,
    ``headers``, ``url``, ``elapsed``, ``encoding``, ``raise_for_status()`` and
    truthiness behave as in ``requests``; ``next_items()`` fetches the next
    page and ``save_video(link, path)`` downloads a video of this response.
    """

    __slots__ = ("__weakref__", "_content", "_encoding", "_headers", "_json", "_native")
    _native: _NativeResponse
    _json: Any
    _content: Optional[bytes]
    _headers: Optional[Headers]
    _encoding: Any

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
            self._json = _json.loads(self.content)
        return self._json

    def raise_for_status(self) -> None:
        """Raise the exception a call raises for this status; nothing for 2xx."""
        error = self._native.error()
        if error is not None:
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

    @property
    def links(self) -> dict[str, Any]:
        return {}

    @property
    def is_redirect(self) -> bool:
        return False

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
        result: Optional[APIResponse] = self._native.next_page()
        return result

    def save_video(self, link: str, path: Union[str, os.PathLike[str]], **kwargs: Any) -> bool:
        """Download ``link`` (a video link of this response) to ``path``,
        streaming it to a temporary file renamed into place when complete.
        Accepts ``headers``, ``timeout`` and ``proxies`` as ``requests.get``
        does, and ``progress``, called with (bytes written, total or None)
        as the body arrives. Returns True."""
        self._native.save_video(
            *_download_target(link, path),
            kwargs.get("headers"),
            kwargs.get("timeout"),
            kwargs.get("proxies"),
            kwargs.get("progress"),
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

    def __getstate__(self) -> None:
        raise TypeError("APIResponse objects cannot be pickled")


class AsyncAPIResponse(APIResponse):
    """A response of ``AsyncTikAPI``: ``next_items`` and ``save_video`` are
    awaited."""

    __slots__ = ()

    async def next_items(self) -> Optional[AsyncAPIResponse]:  # type: ignore[override]
        result: Optional[AsyncAPIResponse] = await self._native.next_page_async()
        return result

    async def save_video(  # type: ignore[override]
        self, link: str, path: Union[str, os.PathLike[str]], **kwargs: Any
    ) -> bool:
        await self._native.save_video_async(
            *_download_target(link, path),
            kwargs.get("headers"),
            kwargs.get("timeout"),
            kwargs.get("proxies"),
            kwargs.get("progress"),
        )
        return True

    def __repr__(self) -> str:
        return f"<AsyncAPIResponse [{self.status_code}]>"


def _download_target(link: Any, path: Any) -> tuple[Any, str]:
    """``save_video``'s link and path, or an ``APIException`` saying which one
    cannot be used (text with a lone surrogate, a path this file system
    cannot name). Wrong types are left to the native call's ``TypeError``."""
    target = os.fspath(path)
    if isinstance(link, str):
        try:
            link.encode()
        except UnicodeEncodeError:
            raise APIException(
                "the video link holds text that is not valid Unicode (a lone surrogate)"
            ) from None
    if isinstance(target, str):
        try:
            os.fsencode(target)
        except UnicodeEncodeError:
            raise APIException(f"the path {target!r} cannot be named on this file system") from None
    return link, target


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
