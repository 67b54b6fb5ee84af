"""Send one walk per profile to the Celery workers, wait until every walk
is over, write the collected items to a JSONL file and print items/s.

    REDIS_URL=redis://127.0.0.1:6379/0 python run.py --profiles 200

The profiles are ``<prefix>0000``, ``<prefix>0001``, ... (or ``--usernames``
a file with one username a line). No API key here: only the workers hold it.
"""

from __future__ import annotations

import argparse
import sys
import time
import uuid
from pathlib import Path

import redis
from tasks import REDIS_URL, walk


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=200, help="how many profiles (default 200)")
    parser.add_argument("--prefix", default="creator", help="username prefix (default creator)")
    parser.add_argument("--usernames", type=Path, help="a file with one username a line, instead")
    parser.add_argument("--out", type=Path, default=Path("results.jsonl"))
    parser.add_argument(
        "--timeout", type=float, default=3600, help="give up after this many seconds"
    )
    args = parser.parse_args()

    if args.usernames:
        usernames = [u.strip() for u in args.usernames.read_text().splitlines() if u.strip()]
    else:
        usernames = [f"{args.prefix}{i:04d}" for i in range(args.profiles)]
    r = redis.Redis.from_url(REDIS_URL, decode_responses=True)
    run = uuid.uuid4().hex[:12]
    done_key, items_key = f"scaleout:{run}:done", f"scaleout:{run}:items"

    start = time.monotonic()
    for username in usernames:
        walk.delay(run, username, None, 0)
    print(f"run {run}: {len(usernames)} walks sent", flush=True)

    last = -1
    while (done := r.scard(done_key)) < len(usernames):
        if time.monotonic() - start > args.timeout:
            print(f"run {run}: timed out with {done}/{len(usernames)} walks over", file=sys.stderr)
            return 1
        if done != last and done % 20 == 0:
            print(
                f"run {run}: {done}/{len(usernames)} walks over, {r.llen(items_key)} items",
                flush=True,
            )
            last = done
        time.sleep(0.2)
    elapsed = time.monotonic() - start

    total = 0
    with args.out.open("w") as out:
        # Every line was stored once, by the script that moved its walk on.
        for first in range(0, r.llen(items_key), 10_000):
            chunk = r.lrange(items_key, first, first + 9_999)
            out.writelines(text + "\n" for text in chunk)
            total += len(chunk)
    print(
        f"run {run}: {total} items from {len(usernames)} profiles in {elapsed:.1f} s: "
        f"{total / elapsed:.1f} items/s -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
