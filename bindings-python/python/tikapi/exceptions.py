"""The exceptions of the official SDK, and precise subclasses of them.

``ValidationException`` is raised before anything is sent and, as in the
official SDK, is *not* an ``APIException``. Every error about a request that
was sent is a ``ResponseException``; the subclasses let apps catch one case.
"""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, Optional

if TYPE_CHECKING:
    from .response import APIResponse

__all__ = [
    "APIException",
    "AccountSessionExpired",
    "AuthenticationError",
    "ConnectionError",
    "RateLimitError",
    "ResponseException",
    "TikTokError",
    "TimeoutError",
    "ValidationException",
]


class APIException(Exception):
    """A usage error (a missing API key, a bad option), and the base of
    ``ResponseException``."""

    def __init__(self, message: str = "") -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> Any:
        # Rebuilt from the message, then every attribute (``response``,
        # ``kind``, ``retry_after``, ...) restored: pickle and deepcopy keep
        # them all, whatever each subclass's constructor takes.
        return (type(self), (self.message,), self.__dict__.copy())


class ValidationException(Exception):
    """A parameter broke one of its rules; nothing was sent.

    ``str(e)`` and ``e.args`` are the official SDK's words, byte for byte
    (the parameter's help text, or its bound or allowed values).
    ``field`` is the parameter's name as the official SDK reports it;
    ``rule`` is which rule: required, type, pattern, max, min, enum, finite;
    ``detail`` is the precise explanation: the rule, the pattern, the value
    received (never a key), a likely fix.
    """

    def __init__(
        self,
        message: str = "",
        field: Optional[str] = None,
        rule: Optional[str] = None,
        detail: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.rule = rule
        #: The precise explanation; the message itself when there is no more to say.
        self.detail = message if detail is None else detail

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        if self.detail == self.message:
            return f"{type(self).__name__}({self.message!r})"
        return f"{type(self).__name__}({self.message!r}, detail={self.detail!r})"

    def __reduce__(self) -> Any:
        return (type(self), (self.message,), self.__dict__.copy())


class ResponseException(APIException):
    """The API answered with an error status (``response`` is set), or no
    answer came back (``response`` is None and the message names the URL and
    the reason)."""

    def __init__(
        self, message: str = "", response: Optional[APIResponse] = None, kind: Optional[str] = None
    ) -> None:
        super().__init__(message)
        self.response = response
        #: What went wrong, by the core's classification. With a response:
        #: bad_request, authentication, tiktok, account_session_expired,
        #: rate_limit, server, other. Without: connect, timeout, body, tls, ...
        self.kind = kind

    @property
    def status_code(self) -> Optional[int]:
        return None if self.response is None else self.response.status_code


class AuthenticationError(ResponseException):
    """401: the API key is not valid."""


class TikTokError(ResponseException):
    """403 carrying TikTok's own ``statusCode``; ``description`` is what the
    docs say that code means."""

    def __init__(
        self,
        message: str = "",
        response: Optional[APIResponse] = None,
        tiktok_code: Optional[int] = None,
        description: Optional[str] = None,
        kind: Optional[str] = None,
    ) -> None:
        super().__init__(message, response, kind)
        self.tiktok_code = tiktok_code
        self.description = description


class AccountSessionExpired(ResponseException):
    """428: the account's TikTok session expired; it must log in again."""


class RateLimitError(ResponseException):
    """429: too many requests. ``retry_after`` is the seconds the server
    asked to wait, when it said."""

    def __init__(
        self,
        message: str = "",
        response: Optional[APIResponse] = None,
        retry_after: Optional[float] = None,
        kind: Optional[str] = None,
    ) -> None:
        super().__init__(message, response, kind)
        self.retry_after = retry_after


class TimeoutError(ResponseException, builtins.TimeoutError):
    """No complete answer within the timeout. Also a built-in ``TimeoutError``."""

    def __init__(
        self, message: str = "", response: Optional[APIResponse] = None, kind: Optional[str] = None
    ) -> None:
        ResponseException.__init__(self, message, response, kind)

    def __str__(self) -> str:
        return self.message


class ConnectionError(ResponseException, builtins.ConnectionError):
    """The connection could not be made. Also a built-in ``ConnectionError``."""

    def __init__(
        self, message: str = "", response: Optional[APIResponse] = None, kind: Optional[str] = None
    ) -> None:
        ResponseException.__init__(self, message, response, kind)

    def __str__(self) -> str:
        return self.message
