"""Collect every post of many profiles with Celery workers on Redis.

One walk per profile: ``public.check(username)``, then every post through
``api.public.posts.items()``. A walk is cut into steps of a few pages; each
task takes a resume token, walks its pages, stores progress after each page
and sends the next step with the token it returns, so any worker on any
machine can carry a walk on, and a worker killed in the middle of one loses
at most the page it was reading.

Exactly once: a page's items and the new resume token are stored together
by one Lua script in Redis (atomic, like MULTI/EXEC) that first checks the
walk is still at the step the task started from. A task that finds the walk
moved on stops; a task that died is delivered again (``acks_late``) and
continues from the stored token. ``run.py`` writes ``results.jsonl`` from the
list those scripts append to.

Start a worker (as many as you like, on any machine that reaches Redis)::

    REDIS_URL=redis://127.0.0.1:6379/0 TIKAPI_API_KEY=... \\
        celery -A tasks worker --pool solo -n w1@%h

The API key comes from the environment of each worker and never goes into a
task, a result, Redis or the logs.
"""

from __future__ import annotations

import json
import logging
import os
from typing import Any, Optional

import redis
from celery import Celery
from tikapi import ConnectionError, RateLimitError, TikAPI, TimeoutError

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
# Pages a task walks before it hands the walk to the next task.
PAGES_PER_TASK = int(os.environ.get("PAGES_PER_TASK", "2"))
# The key's budget, shared by every worker through Redis.
RATE = float(os.environ.get("TIKAPI_RATE", "20"))
BURST = int(os.environ.get("TIKAPI_BURST", "1"))
MAX_IN_FLIGHT = int(os.environ.get("TIKAPI_MAX_IN_FLIGHT", "4"))
# How long a task a dead worker held stays invisible before Redis hands it
# to another worker (kombu's Redis transport): longer than a task's run.
VISIBILITY_TIMEOUT = int(os.environ.get("VISIBILITY_TIMEOUT", "3600"))
# How often a worker looks for such tasks (kombu's default is every 100 s).
RESTORE_INTERVAL = max(1, min(10, VISIBILITY_TIMEOUT // 5))

app = Celery("scaleout", broker=REDIS_URL, backend=REDIS_URL)
app.conf.update(
    # Acknowledge a task when it is done, not when it is received: a task whose
    # worker dies is delivered again.
    task_acks_late=True,
    # ... also when its pool process is killed (prefork pool).
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    broker_transport_options={
        "visibility_timeout": VISIBILITY_TIMEOUT,
        "unacked_restore_interval": RESTORE_INTERVAL,
        "unacked_restore_throttle": 1,
    },
    broker_connection_retry_on_startup=True,
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    result_expires=24 * 3600,
)

log = logging.getLogger("scaleout")

# KEYS: walk record (hash), items (list), done (set).
# ARGV: step the task started from, new resume token ("" at the end),
# username, then the page's items as JSON lines.
# Returns the new step, or -1 when the walk is no longer at that step.
COMMIT = """
local step = tonumber(redis.call('HGET', KEYS[1], 'step') or '0')
if step ~= tonumber(ARGV[1]) or redis.call('HGET', KEYS[1], 'done') == '1' then
  return -1
end
local n = #ARGV - 3
if n > 0 then redis.call('RPUSH', KEYS[2], unpack(ARGV, 4)) end
redis.call('HSET', KEYS[1], 'step', step + 1, 'token', ARGV[2], 'handed', '0')
redis.call('HINCRBY', KEYS[1], 'items', n)
if ARGV[2] == '' then
  redis.call('HSET', KEYS[1], 'done', '1')
  redis.call('SADD', KEYS[3], ARGV[3])
end
return step + 1
"""

# KEYS: walk record. ARGV: step. Marks that the task for that step was sent.
HANDED = """
if redis.call('HGET', KEYS[1], 'step') == ARGV[1] then
  redis.call('HSET', KEYS[1], 'handed', '1')
end
return 0
"""

_store: Optional[redis.Redis] = None
_api: Optional[TikAPI] = None


def store() -> redis.Redis:
    global _store
    if _store is None:
        _store = redis.Redis.from_url(REDIS_URL, decode_responses=True)
    return _store


def api() -> TikAPI:
    """This process's client: the key from the environment, the limiter
    shared with every other worker through Redis."""
    global _api
    if _api is None:
        client = TikAPI(os.environ["TIKAPI_API_KEY"])
        options: Any = {
            "rate_limit": {
                "rate": RATE,
                "burst": BURST,
                "max_in_flight": MAX_IN_FLIGHT,
                "redis": REDIS_URL,
                "name": "tikapi",
            }
        }
        if os.environ.get("TIKAPI_SANDBOX_URL"):
            client.set(__sandbox__=True, __options__=options)
        else:
            client.set(__options__=options)
        _api = client
    return _api


def keys(run: str, username: str) -> list[str]:
    return [f"scaleout:{run}:walk:{username}", f"scaleout:{run}:items", f"scaleout:{run}:done"]


def line(username: str, item: Any) -> str:
    return json.dumps({"profile": username, "id": item["id"], "createTime": item.get("createTime")})


# A failure the service may not repeat: the task is sent again (same
# arguments) after a pause, and goes on from the stored token.
@app.task(
    name="scaleout.walk",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(ConnectionError, TimeoutError, RateLimitError, redis.ConnectionError),
    retry_backoff=True,
    max_retries=5,
)
def walk(
    run: str, username: str, resume: Optional[dict[str, Any]] = None, step: int = 0
) -> dict[str, Any]:
    """Walk up to PAGES_PER_TASK pages of ``username``'s posts from step
    ``step`` (resume token ``resume``); store each page; send the next step.
    Returns the resume token the walk stands at (None once it is over)."""
    r = store()
    walk_key = keys(run, username)[0]
    record = r.hgetall(walk_key)
    stored = int(record.get("step", 0))
    if record.get("done") == "1":
        return {"username": username, "resume": None, "step": stored, "status": "done"}
    if stored < step:
        # Cannot happen: a step is sent after the one before it is stored.
        return {"username": username, "resume": resume, "step": stored, "status": "stale"}
    if stored > step:
        if record.get("handed") == "1":
            # A task died after sending its successor: that one carries on.
            return {"username": username, "resume": None, "step": stored, "status": "superseded"}
        log.info("walk %s: taking over at step %d", username, stored)
    if stored > 0:
        # The stored token is the newest: it wins over the message's.
        resume = json.loads(record["token"])
    return _walk(r, run, username, resume, stored)


def _walk(
    r: redis.Redis, run: str, username: str, resume: Optional[dict[str, Any]], step: int
) -> dict[str, Any]:
    commit = r.register_script(COMMIT)
    handed = r.register_script(HANDED)
    walk_keys = keys(run, username)

    def save(batch: list[str], token: Optional[dict[str, Any]]) -> int:
        text = "" if token is None else json.dumps(token)
        return int(commit(keys=walk_keys, args=[step, text, username, *batch]))

    if resume is None:
        user = api().public.check(username=username).json()["userInfo"]["user"]
        items = api().public.posts.items(secUid=user["secUid"])
    else:
        items = api().public.posts.items(resume=resume)

    batch: list[str] = []
    page_args: Any = None if resume is None else resume.get("args")
    pages = 0
    for item in items:
        batch.append(line(username, item))
        token = items.resume_token
        if token is None:
            break
        # A page is over when the token points at the next page (no item of
        # it taken), or when the item just taken came from a new page.
        if token.get("skip") == 0 or (page_args is not None and token.get("args") != page_args):
            new_step = save(batch, token)
            if new_step < 0:
                return {"username": username, "resume": None, "step": step, "status": "superseded"}
            step, batch, pages = new_step, [], pages + 1
            log.info("walk %s: step %d stored", username, step)
            page_args = token.get("args")
            if pages >= PAGES_PER_TASK:
                walk.delay(run, username, token, step)
                handed(keys=walk_keys[:1], args=[step])
                return {"username": username, "resume": token, "step": step, "status": "handed"}
        elif page_args is None:
            page_args = token.get("args")
    # The walk is over: the last page's items, and no token.
    if save(batch, None) < 0:
        return {"username": username, "resume": None, "step": step, "status": "superseded"}
    log.info("walk %s: done", username)
    return {"username": username, "resume": None, "step": step + 1, "status": "done"}
