"""TikAPI for Python: a drop-in for the official ``tikapi`` package, on a Rust core.

Usage::

    from tikapi import TikAPI, ValidationException, ResponseException

    api = TikAPI("myAPIKey")
    response = api.public.check(username="lilyachty")
    print(response.json())
"""

from . import api, oauth
from ._coinstall import warn_if_official_beside as _warn_if_official_beside
from ._native import __version__
from .api import (
    AccountSessionExpired,
    APIException,
    APIResponse,
    AsyncAPIResponse,
    AsyncTikAPI,
    AuthenticationError,
    ConnectionError,
    Headers,
    Options,
    RateLimitError,
    ResponseException,
    TikAPI,
    TikTokError,
    TimeoutError,
    ValidationException,
)

# The official package exported this misspelling in __all__; keep the name working.
ValidateException = ValidationException

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
    "__version__",
    "api",
    "oauth",
]

_warn_if_official_beside()
