"""Helpers for the session-store tests: a settable clock and one maker per kind of store."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lptpb_ext._file_store import FileSessionStore
from lptpb_ext._redis_store import RedisSessionStore
from lptpb_ext._stores import MemoryStore, SessionStore, StoredSession

START = 1_800_000_000.0  # a wall-clock time well away from zero


@dataclass
class FakeClock:
    """A wall clock that moves only when told."""

    now: float = START

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def memory_store(clock: FakeClock) -> MemoryStore:
    return MemoryStore(clock=clock)


def file_store(clock: FakeClock, directory: Path) -> FileSessionStore:
    return FileSessionStore(directory / "sessions.json", clock=clock)


def redis_store(url: str, prefix: str) -> RedisSessionStore:
    return RedisSessionStore(url, prefix=prefix)


@dataclass
class Kit:
    """A store under test, called through its sync or its async methods, and a way to let
    time pass (a fake clock's jump, or real sleep for Redis, whose clock is the server's)."""

    store: SessionStore
    advance: Callable[[float], None]
    mode: str = "sync"
    loop: asyncio.AbstractEventLoop | None = None

    def _call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        if self.mode == "sync":
            return getattr(self.store, name)(*args, **kwargs)
        assert self.loop is not None
        return self.loop.run_until_complete(getattr(self.store, "a" + name)(*args, **kwargs))

    def read(self, key: str) -> StoredSession | None:
        return self._call("read", key)

    def acquire(self, key: str, lease: float) -> int | None:
        return self._call("acquire", key, lease)

    def publish(self, key: str, fence: int, bearer: str, *, relogin: bool = False) -> bool:
        return self._call("publish", key, fence, bearer, relogin=relogin)

    def release(self, key: str, fence: int) -> None:
        self._call("release", key, fence)

    def relogins(self, key: str, window: float) -> int:
        return self._call("relogins", key, window)

    def login(self, key: str, bearer: str, *, lease: float = 30.0, relogin: bool = False) -> int:
        """Take the lock, then publish ``bearer`` with its fence; returns the fence."""
        fence = self.acquire(key, lease)
        assert fence is not None
        assert self.publish(key, fence, bearer, relogin=relogin)
        return fence
