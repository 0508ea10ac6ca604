"""What the multi-process store tests run in their child processes (spawned, so importable).

Times are ``time.monotonic()``: on Linux and macOS it is one clock for every process of the
host, so intervals measured in different processes can be compared.
"""

from __future__ import annotations

import os
import time
from typing import Any

from lptpb_ext._store_url import store_from_url

_BARRIER: Any = None


def init(barrier: Any) -> None:
    """Pool initializer: the barrier that starts every worker's round at once."""
    global _BARRIER  # noqa: PLW0603 - one per worker process, set once
    _BARRIER = barrier


def contend(url: str, key: str, rounds: int, lease: float) -> dict[str, Any]:
    """Log in ``rounds`` times: acquire (retrying), a pretend login, publish a unique bearer.

    Returns, per round, the fence, when the lock was held (from just after ``acquire``
    returned to just before ``publish`` was called: inside the real hold), whether the
    publish stored, and the record fences this process read, in its own order.
    """
    store = store_from_url(url)
    _BARRIER.wait(timeout=120)
    holds: list[tuple[int, float, float, bool, str]] = []
    seen: list[int] = []
    refused = 0
    for _ in range(rounds):
        while (fence := store.acquire(key, lease)) is None:
            refused += 1
            time.sleep(0.001)
        got = time.monotonic()
        record = store.read(key)
        seen.append(record.fence if record else 0)
        time.sleep(0.002)  # the login
        bearer = f"bearer-{os.getpid()}-{fence}"
        done = time.monotonic()
        stored = store.publish(key, fence, bearer, relogin=True)
        holds.append((fence, got, done, stored, bearer))
        record = store.read(key)
        seen.append(record.fence if record else 0)
    close = getattr(store, "close", None)
    if close is not None:
        close()
    return {"pid": os.getpid(), "holds": holds, "seen": seen, "refused": refused}


def hold_and_hang(url: str, key: str, lease: float, report: Any) -> None:
    """Take the lock, report when (before and after the call), then hang until killed."""
    store = store_from_url(url)
    before = time.monotonic()
    fence = store.acquire(key, lease)
    after = time.monotonic()
    report.put((fence, before, after))
    time.sleep(600)
