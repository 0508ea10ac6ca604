"""One bearer per user and API host, shared by every thread, task and (with a shared store) process.

LivePerson keeps one session per user: a new login logs the previous one out. So nothing that
uses the same user may log in when it need not. :class:`Session` guarantees, in one process:

- **Single flight.** At most one login per session is in flight. Threads and tasks that need a
  bearer meanwhile wait for it (a :class:`concurrent.futures.Future`, which threads and any
  event loop can wait on). A waiter that runs out of time gets
  :class:`~lptpb_ext.DeadlineExceededError`; a leader that is cancelled or interrupted hands
  the login on to one of the waiters instead of failing them all.
- **Compare-and-clear.** A caller whose request was rejected with bearer *B* asks for a bearer
  *other than B*. Only when *B* is still the current bearer does a login start; otherwise the
  caller gets the replacement and no login happens.

and across processes, through its :class:`~lptpb_ext.SessionStore` (see ``_stores.py``):

- the bearer is read from the store at start-up and after a 401, never on the hot path;
- a login happens under the store's login lock (a lease, with a fencing token), after checking
  that nobody replaced the rejected bearer meanwhile; everyone else adopts the stored result;
- **bounded re-login**: more than ``max_relogins`` re-logins logged in the store within
  ``window`` seconds means a consumer *outside* the store keeps logging the user in; the
  session then raises :class:`~lptpb_ext.SessionContentionError` instead of stealing the
  session back. A refused login (wrong password) is not a re-login: it raises
  :class:`~lptpb_ext.AuthenticationError` every time.

Sessions are keyed by everything that makes them different: the API host, the account, the
user and a fingerprint of the credentials (so a client with a wrong password, or one pointed at
another host, never receives another's bearer). :class:`SessionPool` holds the sessions of one
process, weakly scoped by the HTTP client when one was injected.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import secrets
import threading
import time
import weakref
from collections import deque
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from dataclasses import dataclass

from lptpb_ext._errors import DeadlineExceededError, SessionContentionError
from lptpb_ext._stores import MemoryStore, SessionStore, StoredSession

__all__ = ["Session", "SessionPool", "fingerprint"]

DEFAULT_MAX_RELOGINS = 5
DEFAULT_WINDOW = 60.0
#: Seconds a login lock is held at most: a process killed while holding it blocks the others
#: this long at most. A login normally takes well under a second.
DEFAULT_LEASE = 10.0
_RETIRED = 8  # rejected bearers remembered, so error messages mask them too
_POLL_FIRST, _POLL_MAX = 0.02, 0.25


@dataclass(frozen=True)
class _Claim:
    bearer: str | None = None  # a usable bearer: no login needed
    wait: Future[str | None] | None = None  # someone else's login (None result: take over)
    lead: Future[str | None] | None = None  # our login to perform and publish
    rejected: int = 0  # the fence of the rejected bearer (0: none was rejected)


@dataclass(frozen=True)
class _Need:
    """What a leader needs a bearer for."""

    stale: str | None  # the bearer just rejected, or None for a first login
    rejected: int  # its fence (0: none, or unknown)
    deadline: float  # time.monotonic() by which to give up
    operation: str
    timeout: float

    def late(self) -> DeadlineExceededError:
        return DeadlineExceededError(self.operation, self.timeout, 0)


class Session:
    """The bearer of one user on one account and host, and the login that replaces it."""

    def __init__(
        self,
        account_id: str,
        *,
        key: str | None = None,
        store: SessionStore | None = None,
        bearer: str | None = None,
        max_relogins: int = DEFAULT_MAX_RELOGINS,
        window: float = DEFAULT_WINDOW,
        lease: float = DEFAULT_LEASE,
    ) -> None:
        self.account_id = account_id
        self.key = key if key is not None else f"account:{account_id}"
        self.store: SessionStore = store if store is not None else MemoryStore()
        self._bearer = bearer
        self._fence = 0
        self._retired: deque[str] = deque(maxlen=_RETIRED)
        self._inflight: Future[str | None] | None = None
        self._logins = 0
        self._max_relogins = max_relogins
        self._window = window
        self._lease = lease
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
        """How many logins this process made for this session (refused ones included)."""
        return self._logins

    @property
    def secrets(self) -> tuple[str, ...]:
        """The current bearer and the last few rejected ones: what error messages must mask."""
        current = self._bearer
        return (*self._retired, current) if current else tuple(self._retired)

    # ---------------------------------------------------------------- in-process single flight
    def _claim(self, stale: str | None) -> _Claim:
        with self._lock:
            if self._bearer is not None and self._bearer != stale:
                return _Claim(bearer=self._bearer)
            if self._inflight is not None:
                return _Claim(wait=self._inflight)
            rejected = 0
            if self._bearer is not None:  # == stale: it was rejected
                rejected = self._fence
                self._retired.append(self._bearer)
                self._bearer = None
            future: Future[str | None] = Future()
            self._inflight = future
            return _Claim(lead=future, rejected=rejected)

    def _publish(self, future: Future[str | None], found: StoredSession | None) -> None:
        with self._lock:
            self._inflight = None
            if found is not None:
                self._bearer, self._fence = found.bearer, found.fence
        future.set_result(found.bearer if found is not None else None)

    def _fail(self, future: Future[str | None], exc: BaseException) -> None:
        with self._lock:
            self._inflight = None
        if isinstance(exc, Exception):
            future.set_exception(exc)
        else:  # cancelled or interrupted: hand the login on
            future.set_result(None)

    @staticmethod
    def _stored_for(need: _Need, found: StoredSession | None) -> bool:
        """Whether a stored record may be adopted instead of logging in."""
        return found is not None and found.bearer != need.stale and found.fence > need.rejected

    def _contention(self, relogins: int) -> SessionContentionError | None:
        if relogins < self._max_relogins:
            return None
        shared = not isinstance(self.store, MemoryStore)
        return SessionContentionError(self.account_id, relogins, self._window, shared=shared)

    # ---------------------------------------------------------------- sync
    def get(
        self,
        login: Callable[[], str],
        stale: str | None = None,
        timeout: float = 60.0,
        operation: str = "login",
    ) -> str:
        """A bearer other than ``stale``: the current one, the store's, or one from a login."""
        current = self._bearer  # one read needs no lock: it is what _claim would return
        if current is not None and current != stale:
            return current
        deadline = time.monotonic() + timeout
        while True:
            claim = self._claim(stale)
            if claim.bearer is not None:
                return claim.bearer
            if claim.wait is not None:
                left = deadline - time.monotonic()
                try:
                    bearer = claim.wait.result(timeout=max(left, 0.0))
                except TimeoutError:
                    raise DeadlineExceededError(operation, timeout, 0) from None
                if bearer is not None:
                    return bearer
                continue  # the leader gave up: one of us leads now
            assert claim.lead is not None  # noqa: S101 - _claim returns exactly one of three
            try:
                need = _Need(stale, claim.rejected, deadline, operation, timeout)
                found = self._lead(login, need)
            except BaseException as exc:
                self._fail(claim.lead, exc)
                raise
            self._publish(claim.lead, found)
            return found.bearer

    def _lead(self, login: Callable[[], str], need: _Need) -> StoredSession:
        store, key = self.store, self.key
        pause = _POLL_FIRST
        while True:
            found = store.read(key)
            if self._stored_for(need, found):
                assert found is not None  # noqa: S101 - checked by _stored_for
                return found
            fence = store.acquire(key, self._lease)
            if fence is not None:
                break
            left = need.deadline - time.monotonic()
            if left <= 0:
                raise need.late()
            time.sleep(min(pause, left))  # another process logs in: wait for its bearer
            pause = min(pause * 2, _POLL_MAX)
        relogin = need.stale is not None
        try:
            found = store.read(key)
            if self._stored_for(need, found):
                store.release(key, fence)
                assert found is not None  # noqa: S101 - checked by _stored_for
                return found
            if relogin and (error := self._contention(store.relogins(key, self._window))):
                raise error
            self._logins += 1
            bearer = login()
        except BaseException:
            store.release(key, fence)
            raise
        if store.publish(key, fence, bearer, relogin=relogin):
            return StoredSession(bearer, fence, time.time())
        return store.read(key) or StoredSession(bearer, fence, time.time())

    # ---------------------------------------------------------------- async
    async def aget(
        self,
        login: Callable[[], Awaitable[str]],
        stale: str | None = None,
        timeout: float = 60.0,
        operation: str = "login",
    ) -> str:
        """The asyncio form of :meth:`get`; waits without blocking the event loop."""
        current = self._bearer
        if current is not None and current != stale:
            return current
        deadline = time.monotonic() + timeout
        while True:
            claim = self._claim(stale)
            if claim.bearer is not None:
                return claim.bearer
            if claim.wait is not None:
                bearer = await self._await(claim.wait, deadline, operation, timeout)
                if bearer is not None:
                    return bearer
                continue
            assert claim.lead is not None  # noqa: S101 - _claim returns exactly one of three
            try:
                need = _Need(stale, claim.rejected, deadline, operation, timeout)
                found = await self._alead(login, need)
            except BaseException as exc:
                self._fail(claim.lead, exc)
                raise
            self._publish(claim.lead, found)
            return found.bearer

    async def _await(
        self, future: Future[str | None], deadline: float, operation: str, timeout: float
    ) -> str | None:
        """Wait for another caller's login without an asyncio future of its outcome: such a
        future, abandoned by a waiter that timed out, would print "exception never retrieved"."""
        loop = asyncio.get_running_loop()
        done = asyncio.Event()
        future.add_done_callback(lambda _f: loop.call_soon_threadsafe(done.set))
        try:
            async with asyncio.timeout(max(deadline - time.monotonic(), 0.0)):
                await done.wait()
        except TimeoutError:
            raise DeadlineExceededError(operation, timeout, 0) from None
        return future.result()

    async def _alead(self, login: Callable[[], Awaitable[str]], need: _Need) -> StoredSession:
        store, key = self.store, self.key
        pause = _POLL_FIRST
        while True:
            found = await store.aread(key)
            if self._stored_for(need, found):
                assert found is not None  # noqa: S101 - checked by _stored_for
                return found
            fence = await store.aacquire(key, self._lease)
            if fence is not None:
                break
            left = need.deadline - time.monotonic()
            if left <= 0:
                raise need.late()
            await asyncio.sleep(min(pause, left))
            pause = min(pause * 2, _POLL_MAX)
        relogin = need.stale is not None
        try:
            found = await store.aread(key)
            if self._stored_for(need, found):
                await store.arelease(key, fence)
                assert found is not None  # noqa: S101 - checked by _stored_for
                return found
            if relogin and (error := self._contention(await store.arelogins(key, self._window))):
                raise error
            self._logins += 1
            bearer = await login()
        except BaseException:
            await asyncio.shield(store.arelease(key, fence))
            raise
        if await store.apublish(key, fence, bearer, relogin=relogin):
            return StoredSession(bearer, fence, time.time())
        return await store.aread(key) or StoredSession(bearer, fence, time.time())


# ---------------------------------------------------------------- keys and the pool
_PROCESS_KEY = secrets.token_bytes(32)
_SHARED_FINGERPRINTS: dict[tuple[str, ...], str] = {}
_FINGERPRINT_LOCK = threading.Lock()


def fingerprint(values: tuple[str, ...], *, salt: str, shared: bool) -> str:
    """A short, one-way fingerprint of credentials, for session keys.

    In one process (``shared=False``) an HMAC under a random per-process key: it never leaves
    the process. For a shared store, whose keys other processes read, scrypt (salted with the
    host, account and user), so a key does not make an offline guess of the password cheap.
    """
    secret = "\0".join(values).encode()
    if not shared:
        return hmac.new(_PROCESS_KEY, secret, hashlib.sha256).hexdigest()[:24]
    cache_key = (salt, *values)
    with _FINGERPRINT_LOCK:
        found = _SHARED_FINGERPRINTS.get(cache_key)
    if found is None:
        digest = hashlib.scrypt(secret, salt=salt.encode(), n=2**14, r=8, p=1, dklen=12)
        found = digest.hex()
        with _FINGERPRINT_LOCK:
            _SHARED_FINGERPRINTS[cache_key] = found
    return found


@dataclass
class _Scope:
    """The sessions of one injected HTTP client, and the store they live in by default."""

    store: MemoryStore
    sessions: dict[tuple[int, str], Session]


class SessionPool:
    """The sessions of this process: by store and key, scoped (weakly) by an injected HTTP
    client. Clients that share a pool, a store and a key share one :class:`Session`.

    A scope is keyed by the HTTP client object itself, never by its ``id()`` (which Python
    reuses once the object is gone), and holds nothing once that client is gone. Unless a
    store is named, a scope's sessions live in a :class:`MemoryStore` of its own, so a client
    on another HTTP client (another simulator, another test) never adopts a bearer stored by
    this one; a named store (a file, Redis) is shared on purpose and is used as it is.
    """

    def __init__(self, store: SessionStore | None = None) -> None:
        self.store: SessionStore = store if store is not None else MemoryStore()
        self._own_store = store is None  # scopes get memory of their own instead
        self._sessions: dict[tuple[int, str], Session] = {}
        self._scoped: weakref.WeakKeyDictionary[object, _Scope] = weakref.WeakKeyDictionary()
        self._stores: dict[int, SessionStore] = {}  # keeps each id(store) meaning one store
        self._lock = threading.Lock()

    def _scope(self, scope: object) -> _Scope:
        own = self._scoped.get(scope)
        if own is None:
            own = self._scoped[scope] = _Scope(MemoryStore(), {})
        return own

    def store_for(self, scope: object | None = None) -> SessionStore:
        """Where a session of ``scope`` lives when no store is named."""
        if scope is None or not self._own_store:
            return self.store
        with self._lock:
            return self._scope(scope).store

    def session(
        self,
        key: str,
        factory: Callable[[SessionStore], Session],
        *,
        store: SessionStore | None = None,
        scope: object | None = None,
    ) -> Session:
        """The session for ``key`` in ``store`` (default: :meth:`store_for` the scope), made by
        ``factory``."""
        with self._lock:
            own = self._scope(scope) if scope is not None else None
            table = own.sessions if own is not None else self._sessions
            chosen = store if store is not None else self.store
            if own is not None and store is None and self._own_store:
                chosen = own.store  # lives as long as the scope: not kept in _stores
            else:
                self._stores.setdefault(id(chosen), chosen)
            found = table.get((id(chosen), key))
            if found is None:
                found = table[(id(chosen), key)] = factory(chosen)
            return found


DEFAULT_POOL = SessionPool()
