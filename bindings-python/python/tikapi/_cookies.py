"""``response.cookies``: the cookies of a response's ``Set-Cookie`` headers,
as ``requests``' ``RequestsCookieJar`` is: an ``http.cookiejar.CookieJar``
that is also a ``MutableMapping`` of name to value, with the same methods
(``get(name, default, domain=, path=)``, ``set``, ``update``, ``copy``,
``list_domains``, ``get_policy``, ...) and errors, without importing
``requests``. Imported on first use."""

from __future__ import annotations

import calendar
import copy
import http.cookiejar
import http.cookies
import threading
import time
import urllib.parse
from collections.abc import Iterator, MutableMapping
from typing import Any, Optional, Union

__all__ = ["CookieConflictError", "CookieJar", "RequestsCookieJar", "cookie_jar"]


class CookieConflictError(RuntimeError):
    """More than one cookie matches a name (and the domain and path given):
    use ``get`` or ``set`` with ``domain`` and ``path`` to say which. As
    ``requests.cookies.CookieConflictError``, a ``RuntimeError``."""


class RequestsCookieJar(http.cookiejar.CookieJar, MutableMapping[str, Optional[str]]):
    """The response's ``Set-Cookie`` cookies, as ``requests`` gives them:
    iterating gives ``http.cookiejar.Cookie`` objects; the mapping methods
    read and write values by name (O(n), as in ``requests``). Unlike a plain
    ``CookieJar``, it pickles."""

    def get(  # type: ignore[override]
        self,
        name: str,
        default: Optional[str] = None,
        domain: Optional[str] = None,
        path: Optional[str] = None,
    ) -> Optional[str]:
        """The value of the one cookie called ``name`` (in ``domain`` and
        ``path`` when given), else ``default``; ``CookieConflictError`` when
        several match."""
        try:
            return self._only(name, domain, path)
        except KeyError:
            return default

    def set(
        self, name: str, value: Union[str, http.cookies.Morsel[Any], None], **kwargs: Any
    ) -> Optional[http.cookiejar.Cookie]:
        """Add or replace a cookie (``domain``, ``path``, ``secure``, ... as
        keywords) and return it; a ``None`` value removes the cookies of that
        name (in ``domain`` and ``path`` when given)."""
        if value is None:
            _remove(self, name, kwargs.get("domain"), kwargs.get("path"))
            return None
        if isinstance(value, http.cookies.Morsel):
            cookie = _from_morsel(value)
        else:
            cookie = _cookie(name, value, **kwargs)
        self.set_cookie(cookie)
        return cookie

    def iterkeys(self) -> Iterator[str]:
        for cookie in iter(self):
            yield cookie.name

    def keys(self) -> list[str]:  # type: ignore[override]
        return list(self.iterkeys())

    def itervalues(self) -> Iterator[Optional[str]]:
        for cookie in iter(self):
            yield cookie.value

    def values(self) -> list[Optional[str]]:  # type: ignore[override]
        return list(self.itervalues())

    def iteritems(self) -> Iterator[tuple[str, Optional[str]]]:
        for cookie in iter(self):
            yield cookie.name, cookie.value

    def items(self) -> list[tuple[str, Optional[str]]]:  # type: ignore[override]
        return list(self.iteritems())

    def list_domains(self) -> list[str]:
        """Every cookie's domain, once each, in the jar's order."""
        return _distinct(cookie.domain for cookie in iter(self))

    def list_paths(self) -> list[str]:
        """Every cookie's path, once each, in the jar's order."""
        return _distinct(cookie.path for cookie in iter(self))

    def multiple_domains(self) -> bool:
        """True when two cookies share a domain (``requests``' own reading
        of its name)."""
        seen: list[str] = []
        for cookie in iter(self):
            if cookie.domain is not None and cookie.domain in seen:
                return True
            seen.append(cookie.domain)
        return False

    def get_dict(
        self, domain: Optional[str] = None, path: Optional[str] = None
    ) -> dict[str, Optional[str]]:
        """A plain dict of name to value, of the cookies in ``domain`` and
        ``path`` when given."""
        return {
            c.name: c.value
            for c in iter(self)
            if domain in (None, c.domain) and path in (None, c.path)
        }

    def __iter__(self) -> Iterator[http.cookiejar.Cookie]:  # type: ignore[override]
        return http.cookiejar.CookieJar.__iter__(self)

    def __contains__(self, name: object) -> bool:
        try:
            return MutableMapping.__contains__(self, name)
        except CookieConflictError:
            return True

    def __getitem__(self, name: str) -> Optional[str]:
        return self._only(name)

    def __setitem__(self, name: str, value: Union[str, http.cookies.Morsel[Any], None]) -> None:
        self.set(name, value)

    def __delitem__(self, name: str) -> None:
        _remove(self, name)

    def set_cookie(self, cookie: http.cookiejar.Cookie, *args: Any, **kwargs: Any) -> None:
        # A quoted value loses its escaped quotes, as in requests.
        value = cookie.value
        if value is not None and value.startswith('"') and value.endswith('"'):
            cookie.value = value.replace('\\"', "")
        super().set_cookie(cookie, *args, **kwargs)

    def update(self, other: Any = (), /, **kwargs: Any) -> None:
        """Add the cookies of another ``CookieJar`` (copies), or the pairs
        of a mapping."""
        if isinstance(other, http.cookiejar.CookieJar):
            for cookie in other:
                self.set_cookie(copy.copy(cookie))
        else:
            MutableMapping.update(self, other, **kwargs)

    def copy(self) -> RequestsCookieJar:
        """A new jar with copies of these cookies and the same policy."""
        jar = RequestsCookieJar()
        jar.set_policy(self.get_policy())
        jar.update(self)
        return jar

    def get_policy(self) -> http.cookiejar.CookiePolicy:
        """The ``CookiePolicy`` the jar follows."""
        policy: http.cookiejar.CookiePolicy = self._policy  # type: ignore[attr-defined]
        return policy

    def _only(self, name: str, domain: Optional[str] = None, path: Optional[str] = None) -> str:
        found: Optional[str] = None
        for cookie in iter(self):
            if cookie.name == name and domain in (None, cookie.domain):
                if path in (None, cookie.path):
                    if found is not None:
                        raise CookieConflictError(f"There are multiple cookies with name, {name!r}")
                    found = cookie.value
        if found is not None:
            return found
        raise KeyError(f"name={name!r}, domain={domain!r}, path={path!r}")

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state.pop("_cookies_lock")  # a lock does not pickle; a new one is made
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        if "_cookies_lock" not in self.__dict__:
            self._cookies_lock = threading.RLock()


#: The name this package used before the jar took ``requests``' whole surface.
CookieJar = RequestsCookieJar


def _distinct(values: Iterator[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        if v not in out:
            out.append(v)
    return out


def _remove(
    jar: http.cookiejar.CookieJar,
    name: str,
    domain: Optional[str] = None,
    path: Optional[str] = None,
) -> None:
    """Remove the cookies called ``name`` (in ``domain`` and ``path`` when
    given); none is no error."""
    gone = [
        (c.domain, c.path, c.name)
        for c in jar
        if c.name == name and domain in (None, c.domain) and path in (None, c.path)
    ]
    for where in gone:
        jar.clear(*where)


_COOKIE_DEFAULTS: dict[str, Any] = {
    "version": 0,
    "port": None,
    "domain": "",
    "path": "/",
    "secure": False,
    "expires": None,
    "discard": True,
    "comment": None,
    "comment_url": None,
    "rfc2109": False,
}


def _cookie(name: str, value: str, **kwargs: Any) -> http.cookiejar.Cookie:
    """A cookie from a name, a value and what ``set`` was told: by default
    for every domain (``""``) and path ``/``, as ``requests`` makes them."""
    fields = {**_COOKIE_DEFAULTS, "name": name, "value": value, "rest": {"HttpOnly": None}}
    unknown = set(kwargs) - set(fields)
    if unknown:
        raise TypeError(f"create_cookie() got unexpected keyword arguments: {list(unknown)}")
    fields.update(kwargs)
    fields["port_specified"] = bool(fields["port"])
    fields["domain_specified"] = bool(fields["domain"])
    fields["domain_initial_dot"] = fields["domain"].startswith(".")
    fields["path_specified"] = bool(fields["path"])
    return http.cookiejar.Cookie(**fields)


def _from_morsel(morsel: http.cookies.Morsel[Any]) -> http.cookiejar.Cookie:
    """A cookie from one ``http.cookies`` morsel, with its expiry in seconds."""
    expires: Optional[int] = None
    if morsel["max-age"]:
        try:
            expires = int(time.time() + int(morsel["max-age"]))
        except ValueError:
            raise TypeError(f"max-age: {morsel['max-age']} must be integer") from None
    elif morsel["expires"]:
        parsed = time.strptime(morsel["expires"], "%a, %d-%b-%Y %H:%M:%S GMT")
        expires = calendar.timegm(parsed)
    return _cookie(
        morsel.key,
        morsel.value,
        comment=morsel["comment"],
        comment_url=bool(morsel["comment"]),
        discard=False,
        domain=morsel["domain"],
        expires=expires,
        path=morsel["path"],
        port=None,
        rest={"HttpOnly": morsel["httponly"]},
        rfc2109=False,
        secure=bool(morsel["secure"]),
        version=morsel["version"] or 0,
    )


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


def cookie_jar(url: str, headers: list[tuple[str, str]]) -> RequestsCookieJar:
    jar = RequestsCookieJar()
    if any(k.lower() in ("set-cookie", "set-cookie2") for k, _ in headers):
        jar.extract_cookies(_CookieMessage(headers), _CookieRequest(url))  # type: ignore[arg-type]
    return jar
