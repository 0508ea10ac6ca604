"""Hypothesis state machines over interleavings of read, acquire, publish, release and time.

Each step is checked against what any store must guarantee, whatever the interleaving:

- a record's fence never decreases: a newer bearer is never lost to an older one;
- at most one unexpired lock holder: ``acquire`` succeeds exactly when no earlier holder's
  lease is still running (one that neither published nor released);
- the stored bearer is always the one published with the largest accepted fence, and every
  accepted publish has a larger fence than all accepted before it;
- re-logins are counted exactly (the accepted publishes with ``relogin``, within the window).

The file store and Redis are also compared step by step with :class:`MemoryStore`, the
reference. MemoryStore and the file store run on a fake clock, so leases expire at will;
Redis keeps its own clock, so its machine uses leases that never expire within a run.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    initialize,
    invariant,
    multiple,
    precondition,
    rule,
    run_state_machine_as_test,
)

from lptpb_ext._redis_store import RedisSessionStore
from lptpb_ext._stores import MemoryStore, SessionStore
from tests.redis_server import redis_url, unique_prefix  # noqa: F401 - the fixture
from tests.stores import FakeClock, file_store

KEYS = ("alpha", "beta")
WINDOW = 30.0
NEVER = 3600.0  # a lease (and window) that outlasts any run
STEPS = 25
# The file store fsyncs each write and Redis is a round trip per call: their machines run a
# quarter of the profile's examples (50 in ``ci``, 500 in ``thorough``); MemoryStore runs all.
MEMORY_SETTINGS = settings(stateful_step_count=STEPS)
SHARED_SETTINGS = settings(
    stateful_step_count=STEPS, max_examples=max(10, settings.default.max_examples // 4)
)


class StoreMachine(RuleBasedStateMachine):
    """Drives one store; subclasses say which (``make``) and whether time can be moved."""

    clocked = True
    fences = Bundle("fences")

    def __init__(self) -> None:
        super().__init__()
        self.clock = FakeClock()
        self.store: SessionStore = self.make()
        self.reference = MemoryStore(clock=self.clock)
        self.published = 0
        self.best: dict[str, tuple[int, str]] = {}  # key -> largest accepted (fence, bearer)
        self.seen_fence: dict[str, int] = dict.fromkeys(KEYS, 0)
        self.last_issued: dict[str, int] = dict.fromkeys(KEYS, 0)
        self.holders: dict[str, dict[int, float]] = {key: {} for key in KEYS}
        self.relogged: dict[str, list[float]] = {key: [] for key in KEYS}

    def make(self) -> SessionStore:
        return MemoryStore(clock=self.clock)

    def close(self) -> None:
        pass

    def teardown(self) -> None:
        self.close()

    def compare(self) -> bool:
        return not isinstance(self.store, MemoryStore)

    def _live(self, key: str) -> list[int]:
        now = self.clock()
        return [fence for fence, expires in self.holders[key].items() if now < expires]

    # ------------------------------------------------------------------ rules

    @initialize()
    def start(self) -> None:
        assert all(self.store.read(key) is None for key in KEYS)

    @rule(
        target=fences,
        key=st.sampled_from(KEYS),
        lease=st.sampled_from([1.0, 5.0]),
    )
    def acquire(self, key: str, lease: float):
        lease = lease if self.clocked else NEVER
        live = self._live(key)
        fence = self.store.acquire(key, lease)
        if self.compare():
            assert fence == self.reference.acquire(key, lease)
        if fence is None:
            assert live, "acquire refused while nobody held an unexpired lease"
            return multiple()
        assert not live, f"two unexpired holders: {live} and {fence}"
        assert fence > self.last_issued[key], "fences must grow"
        self.last_issued[key] = fence
        self.holders[key] = {fence: self.clock() + lease}
        return (key, fence)

    @rule(held=fences, relogin=st.booleans())
    def publish(self, held: tuple[str, int], relogin: bool) -> None:
        key, fence = held
        self.published += 1
        bearer = f"bearer-{self.published}-{fence}"
        stored = self.store.publish(key, fence, bearer, relogin=relogin)
        if self.compare():
            assert stored == self.reference.publish(key, fence, bearer, relogin=relogin)
        if stored:
            best = self.best.get(key, (0, ""))[0]
            assert fence > best, f"fence {fence} accepted after fence {best}"
            assert not [f for f in self._live(key) if f > fence], "newer holder overwritten"
            self.best[key] = (fence, bearer)
            if relogin:
                self.relogged[key].append(self.clock())
        self.holders[key].pop(fence, None)  # a publish ends the fence's hold either way

    @rule(held=consumes(fences))
    def release(self, held: tuple[str, int]) -> None:
        key, fence = held
        self.store.release(key, fence)
        if self.compare():
            self.reference.release(key, fence)
        self.holders[key].pop(fence, None)

    @precondition(lambda self: self.clocked)
    @rule(seconds=st.sampled_from([0.5, 6.0]))
    def let_time_pass(self, seconds: float) -> None:
        self.clock.advance(seconds)

    # ------------------------------------------------------------------ invariants

    @invariant()
    def the_record_is_the_newest_accepted_bearer(self) -> None:
        for key in KEYS:
            record = self.store.read(key)
            best = self.best.get(key)
            if best is None:
                assert record is None
                continue
            assert record is not None
            assert (record.fence, record.bearer) == best
            assert record.fence >= self.seen_fence[key], "a record's fence went down"
            self.seen_fence[key] = record.fence

    @invariant()
    def relogins_are_counted_exactly(self) -> None:
        window = WINDOW if self.clocked else NEVER
        for key in KEYS:
            horizon = self.clock() - window
            expected = sum(1 for t in self.relogged[key] if t >= horizon)
            assert self.store.relogins(key, window) == expected


class FileMachine(StoreMachine):
    def make(self) -> SessionStore:
        self.directory = Path(tempfile.mkdtemp(prefix="lptpb-store-"))
        return file_store(self.clock, self.directory)

    def close(self) -> None:
        shutil.rmtree(self.directory, ignore_errors=True)


class RedisMachine(StoreMachine):
    clocked = False
    client: Any = None  # one redis.Redis for all examples; each has its own key prefix

    def make(self) -> SessionStore:
        return RedisSessionStore(self.client, prefix=unique_prefix())


def test_memory_store_machine() -> None:
    run_state_machine_as_test(StoreMachine, settings=MEMORY_SETTINGS)


def test_file_store_machine() -> None:
    run_state_machine_as_test(FileMachine, settings=SHARED_SETTINGS)


def test_redis_store_machine(redis_url, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    import redis  # noqa: PLC0415 - installed: the fixture skips otherwise

    client = redis.Redis.from_url(redis_url)
    monkeypatch.setattr(RedisMachine, "client", client)
    try:
        run_state_machine_as_test(RedisMachine, settings=SHARED_SETTINGS)
    finally:
        client.close()
