"""The offline sandbox for an app's own tests, in-process: no subprocess, no network.

>>> from tikapi.testing import Sandbox
>>> with Sandbox() as sandbox:          # doctest: +SKIP
...     sandbox.fail("public.check", "rate_limit=1", times=1)
...     ...                             # point TIKAPI_BASE_URL at sandbox.url

Scripted answers and faults, the record of the calls that arrived, and
cassettes (record once from an upstream, replay offline) are the sandbox
crate's; this class only adapts them to Python. With pytest, the
``tikapi_sandbox`` fixture (``tikapi.testing.pytest_plugin``, installed with
the package) gives one ``Sandbox`` per session, reset for every test.
"""

from __future__ import annotations

import json
import os
from types import TracebackType
from typing import Any, Optional, Union

from .. import _native

__all__ = ["Sandbox"]

#: The production base a recording forwards to unless told otherwise.
TIKAPI_BASE = _native.DEFAULT_BASE

PathLike = Union[str, "os.PathLike[str]"]


class Sandbox:
    """A TikAPI sandbox on a loopback port of this process.

    ``Sandbox()`` describes one; ``start()`` (or ``with``) starts it,
    ``close()`` stops it. ``url`` is the value for ``TIKAPI_BASE_URL`` /
    ``TIKAPI_SANDBOX_URL``.
    """

    def __init__(
        self, *, port: int = 0, seed: int = 0, latency_ms: int = 0, tls: bool = False
    ) -> None:
        self._port, self._seed, self._latency_ms, self._tls = port, seed, latency_ms, tls
        self._native: Optional[_native.Sandbox] = None

    def start(self) -> Sandbox:
        """Start serving (a port in use raises ``OSError`` naming it)."""
        if self._native is None:
            self._native = _native.Sandbox(self._port, self._seed, self._latency_ms, self._tls)
        return self

    def close(self) -> None:
        """Stop serving; closing twice is fine."""
        if self._native is not None:
            self._native.close()
            self._native = None

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        where = self._native.url if self._native is not None else "not started"
        return f"<tikapi.testing.Sandbox {where}>"

    @property
    def _running(self) -> _native.Sandbox:
        if self._native is None:
            raise RuntimeError("the sandbox is not started: use start() or `with Sandbox()`")
        return self._native

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT`` (``https://`` with ``tls=True``)."""
        return self._running.url

    def answer(
        self,
        endpoint: str,
        body: Any = None,
        *,
        status: int = 200,
        headers: Optional[dict[str, str]] = None,
        times: Optional[int] = None,
        params: Optional[dict[str, Any]] = None,
    ) -> None:
        """Make ``endpoint`` (``"public.check"``) answer ``status`` with the JSON
        ``body``: ``times`` times, or until ``reset()``; only for calls with
        ``params`` when given. An unknown endpoint raises ``ValueError`` naming it.
        """
        rule: dict[str, Any] = {"endpoint": endpoint, "status": status}
        if body is not None:
            rule["body"] = body
        if headers:
            rule["headers"] = headers
        self._script(rule, times, params)

    def fail(
        self,
        endpoint: str,
        fault: str,
        *,
        times: Optional[int] = None,
        params: Optional[dict[str, Any]] = None,
    ) -> None:
        """Make ``endpoint`` misbehave: ``"tiktok=CODE"``, ``"rate_limit=SECONDS"``
        (429 with ``Retry-After``), ``"timeout"``, ``"drop"``, ``"reset"``,
        ``"slow=MS"``, ``"status=CODE"``, ``"truncate"``, ``"badjson"``,
        ``"html502"``, ... (the README's fault table).
        """
        self._script({"endpoint": endpoint, "fault": fault}, times, params)

    def _script(
        self, rule: dict[str, Any], times: Optional[int], params: Optional[dict[str, Any]]
    ) -> None:
        if times is not None:
            rule["times"] = times
        if params:
            rule["params"] = params
        self._running.script(json.dumps(rule))

    def requests(self, endpoint: Optional[str] = None) -> list[dict[str, Any]]:
        """The calls that arrived since the last reset, oldest first, each
        ``{"endpoint", "method", "params"}`` (never a key); only ``endpoint``'s
        when given.
        """
        arrived: list[dict[str, Any]] = json.loads(self._running.requests())
        return [r for r in arrived if endpoint is None or r["endpoint"] == endpoint]

    def reset(self) -> None:
        """Forget scripted rules, arrived calls and the cassette."""
        self._running.reset()

    def record(self, cassette: PathLike, upstream: str = TIKAPI_BASE) -> None:
        """Forward every call to ``upstream`` and write each answer to the
        ``cassette`` file (JSON, keys scrubbed)."""
        self._running.record(cassette, upstream)

    def replay(self, cassette: PathLike) -> None:
        """Answer every call from the ``cassette`` file, offline. A malformed
        file raises ``ValueError`` naming it; a call it lacks is answered with
        an error naming the endpoint and parameters (and listed in ``misses()``).
        """
        self._running.replay(cassette)

    def eject(self) -> None:
        """Stop recording or replaying."""
        self._running.eject()

    def misses(self) -> list[str]:
        """The calls a replayed cassette did not hold, as messages."""
        return self._running.misses()
