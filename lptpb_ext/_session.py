"""One bearer per (account, user), shared by every thread and asyncio task.

LivePerson keeps one session per user: a new login logs the previous one out. So a process
must never log in twice for the same user when once will do. :class:`Session` guarantees:

- **Single flight.** At most one login per session is in flight. Threads and tasks that need a
  bearer meanwhile wait for that login's result (a :class:`concurrent.futures.Future`, which
  both threads and any event loop can wait on).
- **Compare-and-clear.** A caller whose request was rejected with bearer *B* asks for a new
  bearer *passing B*. Only when *B* is still the current bearer does it start a login; if
  someone already replaced it, the caller gets the replacement and no login happens.
- **Bounded re-login.** More than ``max_relogins`` re-logins within ``window`` seconds means
  another consumer of the same user keeps logging this one out; the session then raises
  :class:`~lptpb_ext.SessionContentionError` instead of logging in again (and stealing the
  session back), until the window has passed.

Clients that share a :class:`SessionPool` (by default, every client in the process) share
sessions, so two clients of one user in one process never log each other out.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass

from lptpb_ext._errors import SessionContentionError

__all__ = ["Session", "SessionPool"]

DEFAULT_MAX_RELOGINS = 5
DEFAULT_WINDOW = 60.0


@dataclass(frozen=True)
class _Claim:
    bearer: str | None = None  # a usable bearer: no login needed
    wait: Future[str] | None = None  # someone else's login to wait for
    lead: Future[str] | None = None  # our login to perform and publish


class Session:
    """The bearer of one user on one account, and the login that replaces it."""

    def __init__(
        self,
        account_id: str,
        *,
        bearer: str | None = None,
        max_relogins: int = DEFAULT_MAX_RELOGINS,
        window: float = DEFAULT_WINDOW,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.account_id = account_id
        self._bearer = bearer
        self._inflight: Future[str] | None = None
        self._logins = 1 if bearer is not None else 0
        self._relogins: deque[float] = deque()
        self._max_relogins = max_relogins
        self._window = window
        self._clock = clock
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        state = "active" if self._bearer else "logged out"
        return f"Session(account_id={self.account_id!r}, {state}, logins={self._logins})"

    @property
    def bearer(self) -> str | None:
        """The current bearer, or None before the first login and while a login runs."""
        return self._bearer

    @property
    def logins(self) -> int:
        """How many logins this session started (including a failed one)."""
        return self._logins

    def _claim(self, stale: str | None) -> _Claim:
        with self._lock:
            if self._bearer is not None and self._bearer != stale:
                return _Claim(bearer=self._bearer)
            if self._inflight is not None:
                return _Claim(wait=self._inflight)
            if self._logins:
                now = self._clock()
                while self._relogins and now - self._relogins[0] > self._window:
                    self._relogins.popleft()
                if len(self._relogins) >= self._max_relogins:
                    raise SessionContentionError(self.account_id, len(self._relogins), self._window)
                self._relogins.append(now)
            self._logins += 1
            self._bearer = None
            future: Future[str] = Future()
            self._inflight = future
            return _Claim(lead=future)

    def _publish(self, future: Future[str], bearer: str | None, exc: BaseException | None) -> None:
        with self._lock:
            self._inflight = None
            self._bearer = bearer
        if future.cancelled():
            return
        if exc is not None:
            future.set_exception(exc)
        else:
            assert bearer is not None  # noqa: S101 - invariant: a login without error has a bearer
            future.set_result(bearer)

    def get(self, login: Callable[[], str], stale: str | None = None, timeout: float = 60.0) -> str:
        """A bearer other than ``stale``: the current one, or one from a (single) login."""
        current = self._bearer  # one read needs no lock: it is what _claim would return
        if current is not None and current != stale:
            return current
        claim = self._claim(stale)
        if claim.bearer is not None:
            return claim.bearer
        if claim.wait is not None:
            try:
                return claim.wait.result(timeout=timeout)
            except FutureTimeout:
                raise TimeoutError("timed out waiting for another caller's login") from None
        assert claim.lead is not None  # noqa: S101 - _claim returns exactly one of the three
        try:
            bearer = login()
        except BaseException as exc:
            self._publish(claim.lead, None, exc)
            raise
        self._publish(claim.lead, bearer, None)
        return bearer

    async def aget(
        self, login: Callable[[], Awaitable[str]], stale: str | None = None, timeout: float = 60.0
    ) -> str:
        """The asyncio form of :meth:`get`; waits without blocking the event loop."""
        current = self._bearer
        if current is not None and current != stale:
            return current
        claim = self._claim(stale)
        if claim.bearer is not None:
            return claim.bearer
        if claim.wait is not None:
            try:
                # shield: a waiter that gives up must not cancel the leader's login
                return await asyncio.wait_for(
                    asyncio.shield(asyncio.wrap_future(claim.wait)), timeout
                )
            except TimeoutError:
                raise TimeoutError("timed out waiting for another caller's login") from None
        assert claim.lead is not None  # noqa: S101 - _claim returns exactly one of the three
        try:
            bearer = await login()
        except BaseException as exc:
            self._publish(claim.lead, None, exc)
            raise
        self._publish(claim.lead, bearer, None)
        return bearer


class SessionPool:
    """Sessions by (scope, account, user); the clients set the scope (see ``ClientBase``).
    Share one pool to share sessions."""

    def __init__(self) -> None:
        self._sessions: dict[tuple[str, str, str], Session] = {}
        self._lock = threading.Lock()

    def session(
        self,
        key: tuple[str, str, str],
        factory: Callable[[], Session],
    ) -> Session:
        with self._lock:
            found = self._sessions.get(key)
            if found is None:
                found = self._sessions[key] = factory()
            return found


DEFAULT_POOL = SessionPool()
