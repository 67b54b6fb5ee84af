"""The ``__options__`` dict, typed."""

from __future__ import annotations

from typing import Any, Optional, TypedDict, Union

__all__ = ["Options", "RateLimit", "ResumeToken"]


class ResumeToken(TypedDict):
    """Where a ``pages()`` / ``items()`` walk stands (``it.resume_token``): the
    endpoint, the next page's arguments and how many of that page's items
    were already handed out. JSON-serialisable, never holding a key: store it
    anywhere and pass it back as ``resume=`` (in this process or another) to
    continue right after the last item."""

    endpoint: str
    args: dict[str, Any]
    skip: int


class RateLimit(TypedDict, total=False):
    """``__options__["rate_limit"]``: a budget taken from before each request
    (each retry too). ``rate``: requests per second on average; ``burst``: how
    many may go at once after a quiet spell (default: a second's worth);
    ``max_in_flight``: requests in flight at a time among all users of the
    budget; ``redis``: a ``redis://[:password@]host[:port][/db]`` URL, to share
    the budget with every process (on any machine) naming the same bucket;
    ``name``: the bucket's name (default ``"default"``). A 429 with
    ``Retry-After`` pauses the whole budget. ``rate`` or ``max_in_flight`` is
    required."""

    rate: float
    burst: int
    max_in_flight: int
    redis: str
    name: str


class Options(TypedDict, total=False):
    """``__options__`` of ``set``, a category call or an endpoint call: the
    official keys, then ours: ``timeout`` in seconds or a ``(connect, total)``
    pair, ``retries``, ``max_body_size`` (the largest response body accepted,
    in bytes; larger ones raise ``ResponseException`` with kind
    ``too_large``), ``max_connections`` (at most this many requests in flight
    to one host at a time in this process; the others wait their turn within
    their ``timeout``; no limit by default) and
    ``dangerously_accept_invalid_certificates`` (turns off
    TLS certificate verification, which is on by default: only for test
    servers whose certificates cannot be verified; a private CA is trusted
    through ``SSL_CERT_FILE`` / ``SSL_CERT_DIR`` instead) and ``trace_context``
    (``False``: no W3C ``traceparent`` header on requests even when
    OpenTelemetry traces them) and ``rate_limit`` (see ``RateLimit``). The
    official hooks are accepted and not called. Any other key raises ``APIException`` naming it."""

    base: str
    sandboxBase: str
    headers: dict[str, str]
    proxies: Union[str, dict[str, str]]
    proxy: str
    timeout: Union[float, tuple[Optional[float], Optional[float]]]
    retries: int
    max_body_size: int
    max_connections: int
    dangerously_accept_invalid_certificates: bool
    trace_context: bool
    rate_limit: RateLimit
    on_request: Any
    on_success: Any
    on_error: Any
