"""``response.cookies``: the cookies of a response's ``Set-Cookie`` headers,
as an ``http.cookiejar.CookieJar`` that also reads like a mapping (as
``requests``' ``RequestsCookieJar``). Imported on first use."""

from __future__ import annotations

import http.cookiejar
import threading
import urllib.parse
from typing import Any, Optional

__all__ = ["CookieJar", "cookie_jar"]


class CookieJar(http.cookiejar.CookieJar):
    """The response's ``Set-Cookie`` cookies: an ``http.cookiejar.CookieJar``
    (iterating gives ``Cookie`` objects) that also reads like a mapping of
    name to value, as ``requests``' ``RequestsCookieJar`` does."""

    def get(
        self,
        name: str,
        default: Optional[str] = None,
        domain: Optional[str] = None,
        path: Optional[str] = None,
    ) -> Optional[str]:
        for cookie in self:
            if cookie.name == name and domain in (None, cookie.domain):
                if path in (None, cookie.path):
                    return cookie.value
        return default

    def __getitem__(self, name: str) -> Optional[str]:
        if name not in self:
            raise KeyError(name)
        return self.get(name)

    def __setitem__(self, name: str, value: str) -> None:
        self.set(name, value)

    def __delitem__(self, name: str) -> None:
        if name not in self:
            raise KeyError(name)
        for cookie in [c for c in self if c.name == name]:
            self.clear(cookie.domain, cookie.path, cookie.name)

    def __contains__(self, name: object) -> bool:
        return any(cookie.name == name for cookie in self)

    def set(self, name: str, value: str, domain: str = "", path: str = "/") -> None:
        """Add or replace a cookie, as ``RequestsCookieJar.set`` does."""
        self.set_cookie(_cookie(name, value, domain, path))

    def keys(self) -> list[str]:
        return [cookie.name for cookie in self]

    def values(self) -> list[Optional[str]]:
        return [cookie.value for cookie in self]

    def items(self) -> list[tuple[str, Optional[str]]]:
        return [(cookie.name, cookie.value) for cookie in self]

    def get_dict(self, domain: Optional[str] = None, path: Optional[str] = None) -> dict[str, Any]:
        return {
            c.name: c.value for c in self if domain in (None, c.domain) and path in (None, c.path)
        }

    def copy(self) -> CookieJar:
        jar = CookieJar()
        for cookie in self:
            jar.set_cookie(cookie)
        return jar

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state.pop("_cookies_lock")  # a lock does not pickle; a new one is made
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._cookies_lock = threading.RLock()


def _cookie(name: str, value: str, domain: str, path: str) -> http.cookiejar.Cookie:
    return http.cookiejar.Cookie(
        0, name, value, None, False, domain, bool(domain), domain.startswith("."),
        path, True, False, None, False, None, None, {},
    )  # fmt: skip


class _CookieMessage:
    """What ``CookieJar.extract_cookies`` reads of a response."""

    __slots__ = ("_headers",)

    def __init__(self, headers: list[tuple[str, str]]) -> None:
        self._headers = headers

    def info(self) -> _CookieMessage:
        return self

    def get_all(self, name: str, default: Any = None) -> Any:
        found = [v for k, v in self._headers if k.lower() == name.lower()]
        return found or default


class _CookieRequest:
    """What ``CookieJar.extract_cookies`` reads of the request (the
    ``urllib.request.Request`` interface)."""

    unverifiable = False

    def __init__(self, url: str) -> None:
        self._url = url
        parts = urllib.parse.urlsplit(url)
        self.host = parts.netloc
        self.type = parts.scheme
        self.origin_req_host = parts.hostname or ""

    def get_full_url(self) -> str:
        return self._url

    def get_header(self, name: str, default: Any = None) -> Any:
        return self.host if name.lower() == "host" else default

    def has_header(self, name: str) -> bool:
        return name.lower() == "host"

    def is_unverifiable(self) -> bool:
        return False


def cookie_jar(url: str, headers: list[tuple[str, str]]) -> CookieJar:
    jar = CookieJar()
    if any(k.lower() in ("set-cookie", "set-cookie2") for k, _ in headers):
        jar.extract_cookies(_CookieMessage(headers), _CookieRequest(url))  # type: ignore[arg-type]
    return jar
