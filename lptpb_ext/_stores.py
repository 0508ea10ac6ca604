"""Where a session lives: the :class:`SessionStore` protocol and the in-process store.

LivePerson keeps one session per user: every login ends the user's previous bearer. Processes
that log in as the same user must therefore share one bearer, and exactly one of them may log
in when it is rejected. A store is the place they share it.

What a store holds, per key (one key per API host, account, user and credentials):

- a **record**: the current bearer and the **fence** of the login that produced it;
- a **login lock** with a lease: whoever holds it is the only one logging in. Taking the lock
  hands out the next fence, a number that only grows, so a holder that was paused past its
  lease (and lost the lock to a newer login) cannot overwrite the newer bearer: a record is
  only ever replaced by one with a larger fence;
- a **log of re-logins** (wall-clock times), so contention is counted for the whole fleet.

The protocol has a sync and an async form of each method; a store implements both. Clients
keep the bearer in memory and consult the store only at start-up and after a 401, so the store
is never on the hot path. Credentials are never stored, only bearers: treat the store as a
secret (file mode 0600, Redis with ACL and TLS).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

__all__ = ["MemoryStore", "SessionStore", "StoredSession"]


_RETENTION = 3600.0  # seconds re-logins are remembered, as the file and Redis stores do


@dataclass(frozen=True, repr=False)
class StoredSession:
    """A bearer and the fence of the login that produced it (larger is newer)."""

    bearer: str
    fence: int
    stored_at: float = 0.0  # wall-clock time it was stored

    def __repr__(self) -> str:
        return f"StoredSession(bearer=***, fence={self.fence}, stored_at={self.stored_at:.3f})"


@runtime_checkable
class SessionStore(Protocol):
    """The place a session lives, shared by every client that uses the same store.

    Every method takes the session's ``key`` (an opaque string without secrets). Semantics:

    - ``read(key)``: the record, or None.
    - ``acquire(key, lease)``: take the login lock for ``lease`` seconds; returns a new fence
      (larger than every fence handed out before for this key) or None while someone else
      holds an unexpired lease.
    - ``publish(key, fence, bearer, relogin)``: store ``bearer`` if ``fence`` is larger than the
      record's and no *newer* lock holder exists, release the lock if ``fence`` holds it, and,
      when ``relogin`` is true, log one re-login now. Returns whether the bearer was stored.
    - ``release(key, fence)``: release the lock if ``fence`` still holds it (a failed login).
    - ``relogins(key, window)``: how many re-logins were logged in the last ``window`` seconds.

    The ``a``-prefixed methods are the same for asyncio.
    """

    def read(self, key: str) -> StoredSession | None:
        """The record, or None."""
        ...

    def acquire(self, key: str, lease: float) -> int | None:
        """Take the login lock for ``lease`` seconds: a new fence, or None while it is held."""
        ...

    def publish(self, key: str, fence: int, bearer: str, *, relogin: bool) -> bool:
        """Store ``bearer`` unless a newer fence wrote or holds the lock; release the lock."""
        ...

    def release(self, key: str, fence: int) -> None:
        """Release the login lock if ``fence`` still holds it (the login failed)."""
        ...

    def relogins(self, key: str, window: float) -> int:
        """How many re-logins were logged in the last ``window`` seconds."""
        ...

    async def aread(self, key: str) -> StoredSession | None:
        """:meth:`read` for asyncio."""
        ...

    async def aacquire(self, key: str, lease: float) -> int | None:
        """:meth:`acquire` for asyncio."""
        ...

    async def apublish(self, key: str, fence: int, bearer: str, *, relogin: bool) -> bool:
        """:meth:`publish` for asyncio."""
        ...

    async def arelease(self, key: str, fence: int) -> None:
        """:meth:`release` for asyncio."""
        ...

    async def arelogins(self, key: str, window: float) -> int:
        """:meth:`relogins` for asyncio."""
        ...


@dataclass
class _Entry:
    record: StoredSession | None = None
    fence: int = 0  # the last fence handed out
    holder: int | None = None  # the fence holding the lock
    expires: float = 0.0
    logins: deque[float] = field(default_factory=deque)


class MemoryStore:
    """A store inside this process: what every client uses unless told otherwise.

    Clients of one process that share it share their sessions (as they always have); it cannot
    coordinate several processes. ``clock`` is a wall clock (``time.time``), injectable for tests.
    """

    def __init__(self, *, clock: Callable[[], float] = time.time) -> None:
        self._entries: dict[str, _Entry] = {}
        self._lock = threading.Lock()
        self._clock = clock

    def __repr__(self) -> str:
        return f"MemoryStore({len(self._entries)} sessions)"

    def _entry(self, key: str) -> _Entry:
        found = self._entries.get(key)
        if found is None:
            found = self._entries[key] = _Entry()
        return found

    def read(self, key: str) -> StoredSession | None:
        with self._lock:
            entry = self._entries.get(key)
            return entry.record if entry is not None else None

    def acquire(self, key: str, lease: float) -> int | None:
        with self._lock:
            entry = self._entry(key)
            now = self._clock()
            if entry.holder is not None and now < entry.expires:
                return None
            entry.fence += 1
            entry.holder = entry.fence
            entry.expires = now + lease
            return entry.fence

    def publish(self, key: str, fence: int, bearer: str, *, relogin: bool) -> bool:
        with self._lock:
            entry = self._entry(key)
            now = self._clock()
            newer_holder = entry.holder is not None and entry.holder > fence and now < entry.expires
            current = entry.record.fence if entry.record is not None else 0
            stored = current < fence <= entry.fence and not newer_holder  # only fences handed out
            if stored:
                entry.record = StoredSession(bearer, fence, now)
                if relogin:
                    entry.logins.append(now)
            if entry.holder == fence:
                entry.holder = None
            return stored

    def release(self, key: str, fence: int) -> None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry.holder == fence:
                entry.holder = None

    def relogins(self, key: str, window: float) -> int:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return 0
            now = self._clock()
            while entry.logins and entry.logins[0] < now - _RETENTION:
                entry.logins.popleft()  # a window asked by one client never shortens another's
            return sum(1 for at in entry.logins if at >= now - window)

    async def aread(self, key: str) -> StoredSession | None:
        return self.read(key)

    async def aacquire(self, key: str, lease: float) -> int | None:
        return self.acquire(key, lease)

    async def apublish(self, key: str, fence: int, bearer: str, *, relogin: bool) -> bool:
        return self.publish(key, fence, bearer, relogin=relogin)

    async def arelease(self, key: str, fence: int) -> None:
        self.release(key, fence)

    async def arelogins(self, key: str, window: float) -> int:
        return self.relogins(key, window)
