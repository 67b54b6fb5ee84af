"""One client shared by threads, and used again in a forked child."""

from __future__ import annotations

import json
import multiprocessing
import sys
import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from tikapi import TikAPI

from .conftest import API_KEY, in_flight, wait_until


def test_16_threads_share_one_client(api: Any) -> None:
    def work(i: int) -> list[int]:
        out = []
        for _ in range(5):
            out.append(api.public.check(username="lilyachty").status_code)
            out.append(len(list(api.public.posts.pages(max_pages=2))))
        return out

    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(work, range(16)))
    assert all(r == [200, 2] * 5 for r in results)


def stats(sandbox_url: str) -> dict[str, Any]:
    with urllib.request.urlopen(sandbox_url + "/__sandbox/stats") as f:
        return dict(json.load(f)["endpoints"])


def test_gil_is_released_during_calls(api: Any, sandbox_url: str) -> None:
    # While one thread waits on an answer that trickles in for seconds, this
    # thread runs Python: it sees the request arrive while the call is open.
    before = stats(sandbox_url).get("public.discoverKeyword", 0)
    done = threading.Event()

    def slow() -> None:
        api.public.discoverKeyword(__options__={"headers": {"X-Sandbox-Fault": "slow=3000"}})
        done.set()

    t = threading.Thread(target=slow)
    t.start()
    while stats(sandbox_url).get("public.discoverKeyword", 0) == before:
        assert not done.is_set()
    in_flight = not done.is_set()
    t.join()
    assert in_flight


def _child_call(_: int) -> int:
    return int(_SHARED["api"].public.check(username="lilyachty").status_code)


_SHARED: dict[str, Any] = {}


@pytest.mark.skipif(sys.platform == "win32", reason="fork is POSIX")
# Python 3.12+ warns about forking a threaded process: that is the case tested.
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_client_works_in_a_forked_child(sandbox_url: str) -> None:
    api = TikAPI(API_KEY).set(__sandbox__=True)
    assert api.public.check().ok  # the parent's runtime and pool exist now
    _SHARED["api"] = api
    try:
        with multiprocessing.get_context("fork").Pool(2) as pool:
            assert pool.map(_child_call, range(4)) == [200] * 4
    finally:
        _SHARED.clear()
    assert api.public.check().ok  # and the parent still works


def test_ctrl_c_interrupts_a_blocking_call(private_sandbox: str, sigint_enabled: None) -> None:
    import _thread

    api = TikAPI(API_KEY).set(__sandbox__=True, __options__={"sandboxBase": private_sandbox})
    assert stats(private_sandbox).get("public.musicInfo", 0) == 0

    def interrupt_when_in_flight() -> None:
        wait_until(lambda: stats(private_sandbox).get("public.musicInfo", 0) > 0, "the request")
        _thread.interrupt_main()

    threading.Thread(target=interrupt_when_in_flight, daemon=True).start()
    with pytest.raises(KeyboardInterrupt):
        # `slow`: counted when it arrives, then trickles for 30 s.
        api.public.musicInfo(__options__={"headers": {"X-Sandbox-Fault": "slow=30000"}})
    assert api.public.check().ok


def test_ctrl_c_ends_the_abandoned_request(private_sandbox: str, sigint_enabled: None) -> None:
    # The request stops with the call: the sandbox sees its handler dropped
    # (the connection closed), not left running until the call's timeout.
    import _thread

    api = TikAPI(API_KEY).set(__sandbox__=True, __options__={"sandboxBase": private_sandbox})

    def interrupt_when_in_flight() -> None:
        wait_until(lambda: in_flight(private_sandbox) == 1, "the request")
        _thread.interrupt_main()

    threading.Thread(target=interrupt_when_in_flight, daemon=True).start()
    with pytest.raises(KeyboardInterrupt):
        api.public.check(__options__={"headers": {"X-Sandbox-Fault": "hang"}, "timeout": 60})
    wait_until(lambda: in_flight(private_sandbox) == 0, "the interrupted request to end")
