"""AsyncTikAPI: the same surface, awaited."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
import tikapi
from tikapi import AsyncTikAPI, ResponseException, ValidationException

from .conftest import ACCOUNT_KEY, API_KEY, in_flight, wait_until

SEC_UID = "MS4wLjABAAAAsHntXC3s0AvxcecggxsoVa4eAiT8OVafVZ4OQXxy-9htpnUi0sOYSr0kGGD1Loud"


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def client() -> AsyncTikAPI:
    return AsyncTikAPI(API_KEY).set(__sandbox__=True)


def test_call_and_next_items(sandbox_url: str) -> None:
    async def main() -> int:
        async with client() as api:
            r = await api.public.posts(secUid=SEC_UID)
            assert isinstance(r, tikapi.AsyncAPIResponse)
            assert isinstance(r, tikapi.APIResponse)
            pages = 0
            while r:
                pages += 1
                r = await r.next_items()
            return pages

    assert run(main()) > 1


def test_user_scope(sandbox_url: str) -> None:
    async def main() -> None:
        api = client()
        User = api.user(accountKey=ACCOUNT_KEY)
        assert (await User.info()).ok
        assert (await User.posts.comments.list(media_id="7109178205151464746")).ok

    run(main())


def test_async_iterators(sandbox_url: str) -> None:
    async def main() -> tuple[int, int]:
        api = client()
        pages = [p async for p in api.public.posts.pages(secUid=SEC_UID)]
        items = [i async for i in api.public.posts.items(secUid=SEC_UID, max_items=4)]
        return len(pages), len(items)

    pages, items = run(main())
    assert pages > 1 and items == 4


def test_concurrent_calls(sandbox_url: str) -> None:
    async def main() -> list[int]:
        api = client()
        rs = await asyncio.gather(*(api.public.check(username="lilyachty") for _ in range(16)))
        return [r.status_code for r in rs]

    assert run(main()) == [200] * 16


def test_errors(sandbox_url: str) -> None:
    async def main() -> None:
        api = client()
        with pytest.raises(ValidationException) as v:
            await api.public.posts(count=99)
        assert v.value.field == "count"
        with pytest.raises(tikapi.TikTokError) as t:
            await api.public.check(username="doesnotexist")
        assert t.value.tiktok_code == 10202
        with pytest.raises(tikapi.TimeoutError):
            await api.public.check(
                __options__={"timeout": 0.2, "headers": {"X-Sandbox-Fault": "slow=5000"}}
            )
        with pytest.raises(ResponseException):
            await api.public.check(__options__={"headers": {"X-Sandbox-Fault": "html502"}})

    run(main())


def test_save_video(sandbox_url: str, tmp_path: Path) -> None:
    async def main() -> None:
        api = client()
        r = await api.public.video(id="7003402629929913605")
        link = r.json()["itemInfo"]["itemStruct"]["video"]["playAddr"]
        assert await r.save_video(link, tmp_path / "v.mp4") is True

    run(main())
    assert (tmp_path / "v.mp4").stat().st_size > 0
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_cancellation_does_not_break_the_client(sandbox_url: str) -> None:
    async def main() -> None:
        api = client()
        slow = asyncio.ensure_future(
            api.public.check(__options__={"headers": {"X-Sandbox-Fault": "slow=2000"}})
        )
        await asyncio.sleep(0)
        slow.cancel()
        with pytest.raises(asyncio.CancelledError):
            await slow
        assert (await api.public.check()).ok

    run(main())


EXIT_RIGHT_AFTER = """
import asyncio
from tikapi import AsyncTikAPI

async def main():
    api = AsyncTikAPI("DemoAPIKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39Asd4s").set(__sandbox__=True)
    await asyncio.gather(*(api.public.check() for _ in range(8)))

asyncio.run(main())
"""


def test_exit_right_after_async_calls_is_clean(sandbox_url: str) -> None:
    # Results used to reach the loop from runtime threads holding the GIL;
    # exiting while one still did killed the process. They are now finished
    # on the loop's thread; exiting right after must stay clean.
    import os
    import subprocess
    import sys

    env = {**os.environ, "TIKAPI_SANDBOX_URL": sandbox_url}
    for _ in range(10):
        result = subprocess.run(
            [sys.executable, "-c", EXIT_RIGHT_AFTER], capture_output=True, text=True, env=env
        )
        assert result.returncode == 0, result.stderr


def test_loops_on_several_threads_at_once(sandbox_url: str) -> None:
    # Each thread's loop gets its own completions: none is finished on (or
    # lost to) another thread's loop.
    import threading

    results: dict[int, list[int]] = {}

    def worker(i: int) -> None:
        async def main() -> list[int]:
            api = client()
            rs = await asyncio.gather(*(api.public.check() for _ in range(50)))
            return [r.status_code for r in rs]

        results[i] = run(main())

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == {i: [200] * 50 for i in range(4)}


def test_alternating_loops_on_one_thread(sandbox_url: str) -> None:
    # Two loops used in turn on one thread: each call completes on the loop
    # that made it, and a loop left behind stops watching once idle.
    one, two = asyncio.new_event_loop(), asyncio.new_event_loop()
    try:
        api = client()
        for _ in range(3):
            for loop in (one, two):
                r = loop.run_until_complete(api.public.check())
                assert r.status_code == 200
        # Loop `one` was left for `two`: once its last call is done, its
        # wake-up socket closes and it stops watching it (a closed socket
        # left registered would make it spin on end-of-file).
        one.run_until_complete(asyncio.sleep(0.01))
        selector = one._selector  # type: ignore[attr-defined]
        self_pipe = one._ssock.fileno()  # type: ignore[attr-defined]
        watched = [fd for fd in selector.get_map() if fd != self_pipe]
        assert watched == []
    finally:
        one.close()
        two.close()


def test_cancelling_aborts_the_request(private_sandbox: str) -> None:
    # The sandbox counts requests in flight; a cancelled call must end its
    # request rather than let it run on.
    async def main() -> None:
        api = AsyncTikAPI(API_KEY).set(
            __sandbox__=True, __options__={"sandboxBase": private_sandbox}
        )
        slow = asyncio.ensure_future(
            api.public.check(__options__={"headers": {"X-Sandbox-Fault": "hang"}})
        )
        for _ in range(3000):  # a bound only a failure reaches
            if in_flight(private_sandbox) > 0:
                break
            await asyncio.sleep(0.01)
        assert in_flight(private_sandbox) == 1
        slow.cancel()
        with pytest.raises(asyncio.CancelledError):
            await slow

    run(main())
    wait_until(lambda: in_flight(private_sandbox) == 0, "the cancelled request to end")


def test_under_uvloop(sandbox_url: str) -> None:
    # uvloop (a common replacement loop) watches the wake-up socket with its
    # own add_reader: calls complete, errors arrive, cancelling works.
    uvloop = pytest.importorskip("uvloop")

    async def main() -> None:
        api = client()
        rs = await asyncio.gather(*(api.public.check() for _ in range(200)))
        assert [r.status_code for r in rs] == [200] * 200
        with pytest.raises(ValidationException):
            await api.public.posts(secUid=SEC_UID, count="abc")
        slow = asyncio.ensure_future(
            api.public.check(__options__={"headers": {"X-Sandbox-Fault": "hang"}})
        )
        await asyncio.sleep(0.05)
        slow.cancel()
        with pytest.raises(asyncio.CancelledError):
            await slow
        assert (await api.public.check()).ok

    # A bound only a failure reaches: a loop that never drains would hang.
    uvloop.run(asyncio.wait_for(main(), 120))
