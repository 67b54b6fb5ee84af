"""Account authorisation (OAuth): obtain a user's account key.

Build the link that asks a TikTok user to authorise your app, read the
redirect TikAPI sends back, and look up the scopes an endpoint needs. All
rules live in the Rust core (``tikapi_core::oauth``); this module adapts them::

    from tikapi import oauth

    link = oauth.authorization_url(
        client_id="c_1234567890",
        redirect_uri="https://example.com/callback",
        scopes=["VIEW_PROFILE", "EXPLORE"],
        state=my_random_state,
    )
    # ... the user authorises, TikAPI redirects to the callback ...
    auth = oauth.parse_redirect(request_url, expected_state=my_random_state)
    User = api.user(accountKey=auth.account_key)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Optional

from . import _native

__all__ = [
    "SCOPES",
    "Authorization",
    "OAuthError",
    "authorization_url",
    "parse_redirect",
    "required_scopes",
]

#: Every scope, as ``(sent, schema)``: the spelling sent in the link
#: (``VIEW_PROFILE``) and the official SDK schema's (``view_profile``).
SCOPES: tuple[tuple[str, str], ...] = tuple(_native.oauth_scopes())


class OAuthError(ValueError):
    """A bad argument, or a redirect that does not authorise.

    ``kind`` is one of ``invalid_argument``, ``bad_redirect``,
    ``state_mismatch``, ``denied``, ``missing_token``, ``unknown_endpoint``.
    The message never contains an access token.
    """

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind

    def __str__(self) -> str:
        return self.message


def _raise(e: ValueError) -> OAuthError:
    if len(e.args) == 2 and all(isinstance(a, str) for a in e.args):
        return OAuthError(e.args[0], e.args[1])
    return OAuthError(str(e), "invalid_argument")


class Authorization:
    """What the redirect brought back. ``repr()`` hides the account key."""

    __slots__ = ("account_key", "scopes", "state")

    def __init__(self, account_key: str, scopes: list[str], state: Optional[str]) -> None:
        self.account_key = account_key
        self.scopes = scopes
        self.state = state

    def __repr__(self) -> str:
        return (
            f"Authorization(account_key=<redacted>, scopes={self.scopes!r}, state={self.state!r})"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Authorization):
            return NotImplemented
        return (self.account_key, self.scopes, self.state) == (
            other.account_key,
            other.scopes,
            other.state,
        )

    __hash__ = None  # type: ignore[assignment]


def authorization_url(
    *,
    client_id: str,
    redirect_uri: str,
    scopes: Iterable[str],
    state: Optional[str] = None,
    country: Optional[str] = None,
    email: Optional[str] = None,
) -> str:
    """The ``https://tikapi.io/account/authorize?...`` link for these scopes.

    Scopes may be spelled either way (``VIEW_PROFILE`` / ``view_profile``);
    an unknown one raises :class:`OAuthError` naming it, with a suggestion.
    """
    if isinstance(scopes, str):
        raise OAuthError("scopes must be a list of scope names, not one string", "invalid_argument")
    try:
        return _native.oauth_authorization_url(
            client_id, redirect_uri, list(scopes), state, country, email
        )
    except ValueError as e:
        raise _raise(e) from None
    except TypeError as e:
        raise OAuthError(str(e), "invalid_argument") from None


def parse_redirect(url: str, expected_state: Optional[str] = None) -> Authorization:
    """Read the URL TikAPI redirected to: account key, granted scopes, state.

    With ``expected_state``, a redirect carrying another state (or none)
    raises :class:`OAuthError` (``kind == "state_mismatch"``).
    """
    try:
        d = _native.oauth_parse_redirect(url, expected_state)
    except ValueError as e:
        raise _raise(e) from None
    return Authorization(d["account_key"], list(d["scopes"]), d["state"])


def required_scopes(endpoint: str) -> list[str]:
    """The scopes an endpoint needs (``"user.info"`` -> ``["VIEW_PROFILE"]``)."""
    try:
        return _native.oauth_required_scopes(endpoint)
    except ValueError as e:
        raise _raise(e) from None
