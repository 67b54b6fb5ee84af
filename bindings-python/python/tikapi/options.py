"""The ``__options__`` dict, typed."""

from __future__ import annotations

from typing import Any, Optional, TypedDict, Union

__all__ = ["Options"]


class Options(TypedDict, total=False):
    """``__options__`` of ``set``, a category call or an endpoint call: the
    official keys, then ours (``timeout`` in seconds or a ``(connect, total)``
    pair, ``retries``). The official hooks are accepted and not called."""

    base: str
    sandboxBase: str
    headers: dict[str, str]
    proxies: Union[str, dict[str, str]]
    proxy: str
    timeout: Union[float, tuple[Optional[float], Optional[float]]]
    retries: int
    on_request: Any
    on_success: Any
    on_error: Any
