"""The clients: ``TikAPI`` (as the official SDK) and ``AsyncTikAPI``.

Their categories and endpoints are installed from the catalogue by
``_surface.install``; the generated ``_endpoints.pyi`` types them, for type
checkers, as the bases ``_TikAPIEndpoints`` / ``_AsyncTikAPIEndpoints`` and the
category classes re-exported here. This module is the one place that names
``tikapi.api``'s exports (``__all__``).
"""

from __future__ import annotations

import atexit
from types import TracebackType
from typing import TYPE_CHECKING, Any, Optional, TypeVar

from . import _native, _surface
from ._surface import AsyncItemIterator as AsyncItemIterator
from ._surface import AsyncPageIterator as AsyncPageIterator
from ._surface import ItemIterator as ItemIterator
from ._surface import PageIterator as PageIterator
from .exceptions import (
    AccountSessionExpired,
    APIException,
    AuthenticationError,
    ConnectionError,
    RateLimitError,
    ResponseException,
    TikTokError,
    TimeoutError,
    ValidationException,
)
from .options import Options
from .response import APIResponse, AsyncAPIResponse, Headers

__all__ = [
    "APIException",
    "APIResponse",
    "AccountSessionExpired",
    "AsyncAPIResponse",
    "AsyncTikAPI",
    "AuthenticationError",
    "ConnectionError",
    "Headers",
    "Options",
    "RateLimitError",
    "ResponseException",
    "TikAPI",
    "TikTokError",
    "TimeoutError",
    "ValidationException",
]

if TYPE_CHECKING:
    # The category classes (``Public``, ``AsyncUser``, ...): at runtime they
    # are put in this module's namespace by the loop at the end.
    from ._endpoints import *  # noqa: F403
    from ._endpoints import _AsyncTikAPIEndpoints, _TikAPIEndpoints
else:
    # At runtime the endpoints and categories are installed on the clients
    # themselves (``_surface.install`` below): the generated bases are empty.
    class _TikAPIEndpoints:
        __slots__ = ()

    class _AsyncTikAPIEndpoints:
        __slots__ = ()


# An awaited download's progress callback runs on a runtime thread, with the
# GIL. The interpreter must not begin to finalize while one holds it, so exit
# waits (briefly, at most) for them.
atexit.register(_native.drain, 5.0)


_ROOT_POSITIONAL = tuple(_surface.CATEGORY_POSITIONAL[""])
_C = TypeVar("_C", bound="_Client")


def _client(api_key: Any) -> Any:
    if not isinstance(api_key, str):
        raise APIException("API Key is required.")
    try:
        api_key.encode()
    except UnicodeEncodeError:
        raise ValidationException(
            "`apiKey` holds text that is not valid Unicode (a lone surrogate): it cannot be sent",
            field="apiKey",
            rule="type",
        ) from None
    return _native.Client(api_key)


class _Client:
    """What ``TikAPI`` and ``AsyncTikAPI`` share: the native client, ``set``,
    ``close`` and a ``repr`` without the key."""

    __slots__ = ("__weakref__", "_native")
    # What ``set`` takes by position, and how its errors name it.
    _positional = _ROOT_POSITIONAL
    _qualname = "TikAPI"

    def __init__(self, apiKey: str) -> None:
        self._native = _client(apiKey)

    @property
    def set(self) -> Any:
        """Bind default values for parameters of these names (the API key
        may come first, by position, as in the official SDK), turn the
        sandbox on or off (``__sandbox__``), change options (``__options__``:
        base, sandboxBase, headers, proxies, timeout, retries, max_body_size,
        max_connections, dangerously_accept_invalid_certificates; see ``Options``).
        Returns the client."""
        return _surface.Setter(self)

    def __copy__(self: _C) -> _C:
        """An independent client with the same key, bound values, sandbox
        flag and options: ``set`` on one is not seen by the other."""
        clone = object.__new__(type(self))
        clone._native = self._native.duplicate()
        return clone

    def __deepcopy__(self: _C, memo: Any) -> _C:
        return self.__copy__()

    def close(self) -> None:
        """Connections are pooled per process and shared by every client, so
        there is nothing of this client's own to release."""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} sandbox={self._native.sandbox}>"

    def __reduce__(self) -> Any:
        raise TypeError(
            f"{type(self).__name__} objects cannot be pickled: a client holds the keys"
            " (make a client in each process instead)"
        )


class TikAPI(_TikAPIEndpoints, _Client):
    """A TikAPI client: ``api = TikAPI(key)``.

    ``api.public``, ``api.user``, ``api.key()`` and every other endpoint of
    the catalogue; ``api.set(__sandbox__=True, __options__={...}, **defaults)``.
    One client is safe to share between threads and keeps working in a child
    after ``os.fork()``.
    """

    __slots__ = ()

    def __enter__(self) -> TikAPI:
        return self

    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()


class AsyncTikAPI(_AsyncTikAPIEndpoints, _Client):
    """``TikAPI`` with awaited calls: ``await api.public.check(username=...)``,
    ``await r.next_items()``, ``async for page in api.public.posts.pages(...)``."""

    __slots__ = ()

    async def aclose(self) -> None:
        self.close()

    def __enter__(self) -> AsyncTikAPI:
        return self

    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()

    async def __aenter__(self) -> AsyncTikAPI:
        return self

    async def __aexit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        await self.aclose()


CATEGORIES = _surface.install(TikAPI, asynchronous=False, module=__name__)
ASYNC_CATEGORIES = _surface.install(AsyncTikAPI, asynchronous=True, module=__name__)
for _cls in (*CATEGORIES.values(), *ASYNC_CATEGORIES.values()):
    globals()[_cls.__name__] = _cls
del _cls
