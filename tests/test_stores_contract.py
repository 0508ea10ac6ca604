"""The SessionStore contract, held by every store: MemoryStore, FileSessionStore and
RedisSessionStore (a real redis-server), each through its sync and its async methods.

Leases and windows are short so that Redis, whose clock is the server's and cannot be faked,
lets them pass with real sleeps of a fraction of a second; the other stores jump a fake clock.
"""

from __future__ import annotations

import asyncio
import itertools
import time

import pytest

from lptpb_ext._stores import SessionStore
from tests.redis_server import redis_url, unique_prefix  # noqa: F401 - the fixture
from tests.stores import FakeClock, Kit, file_store, memory_store, redis_store

LEASE = 0.25  # seconds: long enough for the calls in between, short enough to sleep past
PAST = LEASE + 0.05
KEY = "api.example|123|bot-user|abcd"
OTHER = "api.example|123|another-user|ef01"


@pytest.fixture(params=["memory", "file", "redis"])
def kind(request):
    return request.param


@pytest.fixture(params=["sync", "async"])
def kit(request, kind, tmp_path):
    clock = FakeClock()
    if kind == "redis":
        store = redis_store(request.getfixturevalue("redis_url"), unique_prefix())
        advance = time.sleep
    else:
        store = memory_store(clock) if kind == "memory" else file_store(clock, tmp_path)
        advance = clock.advance
    loop = asyncio.new_event_loop() if request.param == "async" else None
    kit = Kit(store, advance, request.param, loop)
    yield kit
    if loop is not None:
        if kind == "redis":
            loop.run_until_complete(store.aclose())
        loop.close()
    if kind == "redis":
        store.close()


def test_every_store_implements_the_protocol(kit) -> None:
    assert isinstance(kit.store, SessionStore)


def test_an_unknown_key_has_no_record_no_lock_and_no_relogins(kit) -> None:
    assert kit.read(KEY) is None
    assert kit.relogins(KEY, 60) == 0
    kit.release(KEY, 1)  # nothing to release: no error
    assert kit.acquire(KEY, LEASE) is not None


def test_fences_grow_with_every_acquire(kit) -> None:
    fences = []
    for _ in range(4):
        fence = kit.acquire(KEY, LEASE)
        assert fence is not None
        fences.append(fence)
        kit.release(KEY, fence)
    fence = kit.acquire(KEY, LEASE)
    kit.advance(PAST)  # the lease runs out instead of being released
    fences += [fence, kit.acquire(KEY, LEASE)]
    assert all(a < b for a, b in itertools.pairwise(fences)), fences


def test_acquire_is_exclusive_until_the_lease_expires(kit) -> None:
    first = kit.acquire(KEY, LEASE)
    assert first is not None
    assert kit.acquire(KEY, LEASE) is None
    assert kit.acquire(KEY, 60) is None  # a longer lease asked changes nothing
    kit.advance(PAST)
    second = kit.acquire(KEY, LEASE)
    assert second is not None
    assert second > first
    assert kit.acquire(KEY, LEASE) is None


def test_keys_are_independent(kit) -> None:
    fence = kit.acquire(KEY, 30)
    assert fence is not None
    other = kit.acquire(OTHER, 30)
    assert other is not None
    assert kit.publish(KEY, fence, "bearer-of-key")
    assert kit.read(OTHER) is None
    assert kit.acquire(OTHER, 30) is None  # still held
    assert kit.publish(OTHER, other, "bearer-of-other")
    assert kit.read(KEY).bearer == "bearer-of-key"
    assert kit.read(OTHER).bearer == "bearer-of-other"


def test_publish_stores_the_bearer_and_frees_the_lock(kit) -> None:
    fence = kit.acquire(KEY, 30)
    assert kit.publish(KEY, fence, "bearer-1")
    record = kit.read(KEY)
    assert (record.bearer, record.fence) == ("bearer-1", fence)
    assert record.stored_at > 0
    nxt = kit.acquire(KEY, 30)  # freed by the publish, long before the lease
    assert nxt is not None
    assert nxt > fence
    assert kit.publish(KEY, nxt, "bearer-2")
    assert kit.read(KEY).bearer == "bearer-2"


def test_a_fence_is_published_at_most_once(kit) -> None:
    fence = kit.login(KEY, "bearer-1")
    assert not kit.publish(KEY, fence, "bearer-again")
    assert kit.read(KEY).bearer == "bearer-1"


def test_an_older_fence_never_overwrites_a_newer_record(kit) -> None:
    old = kit.acquire(KEY, LEASE)
    kit.advance(PAST)  # the old holder was paused past its lease
    new = kit.login(KEY, "newer")
    assert new > old
    assert not kit.publish(KEY, old, "older")
    record = kit.read(KEY)
    assert (record.bearer, record.fence) == ("newer", new)


def test_an_older_fence_cannot_publish_while_a_newer_holder_logs_in(kit) -> None:
    old = kit.acquire(KEY, LEASE)
    kit.advance(PAST)
    new = kit.acquire(KEY, 30)
    assert not kit.publish(KEY, old, "older")  # a newer login is under way
    assert kit.read(KEY) is None
    assert kit.acquire(KEY, 30) is None  # and its lock was not freed by the old fence
    assert kit.publish(KEY, new, "newer")
    assert kit.read(KEY).bearer == "newer"


def test_a_holder_past_its_lease_may_publish_when_nobody_newer_came(kit) -> None:
    fence = kit.acquire(KEY, LEASE)
    kit.advance(PAST)
    assert kit.publish(KEY, fence, "late-but-newest")
    assert kit.read(KEY).fence == fence


def test_a_newer_lease_that_ran_out_no_longer_blocks_an_older_fence(kit) -> None:
    """Only an unexpired newer holder blocks a publish; a larger fence still wins after."""
    old = kit.acquire(KEY, LEASE)
    kit.advance(PAST)
    new = kit.acquire(KEY, LEASE)
    kit.advance(PAST)  # the newer holder died too, without publishing
    assert kit.publish(KEY, old, "older")
    assert kit.publish(KEY, new, "newer")
    assert kit.read(KEY).bearer == "newer"


def test_release_frees_the_lock_only_for_its_holder(kit) -> None:
    fence = kit.acquire(KEY, 30)
    kit.release(KEY, fence + 1)
    kit.release(KEY, fence - 1)
    assert kit.acquire(KEY, 30) is None
    kit.release(KEY, fence)
    assert kit.acquire(KEY, 30) is not None
    assert kit.read(KEY) is None  # a release (a failed login) stores nothing


def test_an_expired_holder_cannot_release_its_successors_lock(kit) -> None:
    old = kit.acquire(KEY, LEASE)
    kit.advance(PAST)
    new = kit.acquire(KEY, 30)
    kit.release(KEY, old)
    assert kit.acquire(KEY, 30) is None
    kit.release(KEY, new)
    assert kit.acquire(KEY, 30) is not None


def test_relogins_are_counted_within_the_window(kit) -> None:
    kit.login(KEY, "first")  # the first login is not a re-login
    for n in range(3):
        kit.login(KEY, f"again-{n}", relogin=True)
    fence = kit.acquire(KEY, 30)
    kit.release(KEY, fence)  # a failed login is not counted
    stale = kit.acquire(KEY, LEASE)
    kit.advance(PAST)
    kit.login(KEY, "newest", relogin=True)
    assert not kit.publish(KEY, stale, "refused", relogin=True)  # refused: not counted
    assert kit.relogins(KEY, 3600) == 4
    assert kit.relogins(OTHER, 3600) == 0
    kit.advance(PAST)
    assert kit.relogins(KEY, 3600) == 4
    assert kit.relogins(KEY, LEASE) == 0  # all older than the window


def test_sync_and_async_methods_share_one_state(kind, tmp_path, request) -> None:
    """The async twins agree with the sync methods: each sees what the other did."""
    clock = FakeClock()
    if kind == "redis":
        store = redis_store(request.getfixturevalue("redis_url"), unique_prefix())
    elif kind == "file":
        store = file_store(clock, tmp_path)
    else:
        store = memory_store(clock)

    async def scenario() -> None:
        fence = store.acquire(KEY, 30)
        assert await store.aacquire(KEY, 30) is None
        assert await store.apublish(KEY, fence, "bearer-a", relogin=True)
        assert store.read(KEY).bearer == "bearer-a"
        second = await store.aacquire(KEY, 30)
        assert store.acquire(KEY, 30) is None
        await store.arelease(KEY, second)
        third = store.acquire(KEY, 30)
        assert third > second > fence
        assert store.publish(KEY, third, "bearer-b", relogin=True)
        assert (await store.aread(KEY)).bearer == "bearer-b"
        assert await store.arelogins(KEY, 3600) == store.relogins(KEY, 3600) == 2
        if kind == "redis":
            await store.aclose()

    asyncio.run(scenario())
