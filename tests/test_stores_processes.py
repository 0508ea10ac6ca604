"""Real processes sharing one session through the file store and through Redis.

Eight spawned processes each log in several times against the same key, as fast as they can:
the fences are unique (and, since every acquire that succeeded was counted, exactly 1..N), no
two processes ever hold the login lock at once, every process sees the record's fence only
grow, and the store ends with the bearer of the largest fence. Then a process is SIGKILLed
while it holds the lock: the others wait for its lease and no longer.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
import time
from collections.abc import Iterator

import pytest

from lptpb_ext._store_url import store_from_url
from tests import store_workers
from tests.redis_server import redis_url  # noqa: F401 - the fixture

PROCESSES = 8
ROUNDS = 8
LEASE = 30.0  # never runs out in the contention test: overlaps can only come from a bug
KILL_LEASE = 1.0
MARGIN = 1.0  # polling, scheduling on two busy cores; not a speed claim
EPSILON = 0.05  # the store's clock (wall, or Redis's) against time.monotonic()

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the file store is POSIX-only")


@pytest.fixture(scope="module")
def pool() -> Iterator[multiprocessing.pool.Pool]:
    """Eight spawned workers, started once for both stores; a barrier starts them together."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(PROCESSES)
    with context.Pool(PROCESSES, initializer=store_workers.init, initargs=(barrier,)) as pool:
        yield pool


@pytest.fixture(params=["file", "redis"])
def url(request, tmp_path) -> str:
    if request.param == "file":
        return f"file://{tmp_path / 'sessions.json'}"
    return request.getfixturevalue("redis_url")


def test_processes_logging_in_together_never_overlap(pool, url) -> None:
    key = f"contend-{time.monotonic_ns()}"
    jobs = [(url, key, ROUNDS, LEASE)] * PROCESSES
    results = pool.starmap(store_workers.contend, jobs, chunksize=1)

    assert len({r["pid"] for r in results}) == PROCESSES  # the barrier: all ran at once
    holds = sorted(h for r in results for h in r["holds"])
    fences = [h[0] for h in holds]
    assert fences == list(range(1, PROCESSES * ROUNDS + 1))  # unique, and none lost
    assert all(h[3] for h in holds), "a holder's publish was refused"
    for (_, _, done, *_), (fence, got, *_) in itertools.pairwise(holds):
        assert got >= done, f"fence {fence} held the lock before its predecessor published"
    for r in results:
        assert r["seen"] == sorted(r["seen"]), f"process {r['pid']} saw a fence go down"
    assert sum(r["refused"] for r in results) > 0, "no contention: the test proved nothing"

    store = store_from_url(url)
    record = store.read(key)
    assert record is not None
    assert (record.fence, record.bearer) == (holds[-1][0], holds[-1][4])
    assert store.relogins(key, 3600) == PROCESSES * ROUNDS


def test_a_killed_holder_blocks_the_others_only_until_its_lease(url) -> None:
    key = f"killed-{time.monotonic_ns()}"
    context = multiprocessing.get_context("spawn")
    report = context.Queue()
    victim = context.Process(
        target=store_workers.hold_and_hang, args=(url, key, KILL_LEASE, report), daemon=True
    )
    victim.start()
    try:
        fence, before, after = report.get(timeout=60)
        assert fence is not None
        os.kill(victim.pid, signal.SIGKILL)
        victim.join(timeout=10)
        assert victim.exitcode == -signal.SIGKILL

        store = store_from_url(url)
        attempts = 0
        while (taken := store.acquire(key, 30)) is None:
            attempts += 1
            time.sleep(0.01)
        freed = time.monotonic()
    finally:
        if victim.is_alive():
            victim.kill()
            victim.join()

    assert attempts > 0, "the dead holder's lease should have held for a while"
    assert taken > fence
    assert freed - before >= KILL_LEASE - EPSILON, "the lock was taken inside the lease"
    assert freed - after <= KILL_LEASE + MARGIN, "the dead holder blocked past its lease"
