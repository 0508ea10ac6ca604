"""An account's API host from the Domain API: cached, refreshable, one lookup at a time.

:class:`DomainResolver` (threads) and :class:`AsyncDomainResolver` (asyncio or trio, through
anyio) share everything but the sending. What to ask and what the answers mean is the sans-IO
generator :func:`~lptpb_ext._zones.lookup_flow` (like an ``httpx.Auth`` flow: it yields requests
and is sent the responses); the cache and the single-flight bookkeeping live in a common base.

Choices made where the issue is silent:

- **Cache:** per resolver, which has one Domain API host, so per (CSDS domain, account). An
  answer lives ``ttl`` seconds (60, as node-agent-sdk) of an injectable monotonic clock; failed
  lookups are not cached. Concurrent callers for one account share one lookup, its answer and
  its error; if the caller doing the lookup is interrupted (cancelled), a waiting caller takes
  over. ``invalidate(account, base_url)`` drops the entry only while it still holds that base
  URL (compare-and-clear), so a late report about an old host does not discard a newer answer.
- **CSDS host:** ``api.liveperson.net`` (the contract's default) or
  ``adminlogin.liveperson.net``, case-insensitive; ``csds_base_url`` points the lookup
  elsewhere (the simulator, tests) and may be plain http to a loopback host.
- **Trusted answers:** an answer naming a host outside LivePerson's domains
  (:data:`~lptpb_ext._zones.TRUSTED_DOMAINS`, port 443) raises :class:`ConfigurationError`,
  so the password and bearer never go where a tampered answer points; ``allow_any_host=True``
  accepts any well-formed host (tests, private deployments with their own Domain API).
- **HTTP client:** an injected client is used as-is, except that its ``auth`` is not applied
  (the Domain API needs none, and a bearer has no business there) and neither is its
  ``follow_redirects``: a redirect is never followed, it is an ``UnexpectedStatusError``. The
  resolver closes only a client it made itself, which has 5 s connect and 10 s read timeouts.
  Nothing is retried here: that is the caller's retry policy.
- **Account ids** are opaque strings (the contract types them so); empty ones, ones with
  surrounding whitespace, and ``.`` or ``..`` (dot-segments a URL drops) are refused.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Generic, Protocol, Self, TypeVar

import anyio
import httpx

from lptpb_ext._errors import ConfigurationError
from lptpb_ext._routes import DOT_SEGMENTS
from lptpb_ext._zones import (
    LookupCall,
    LookupTarget,
    Resolution,
    ResolutionSource,
    lookup_flow,
    resolution_for,
    transport_error,
)

__all__ = ["CSDS_DOMAINS", "DEFAULT_TTL", "AsyncDomainResolver", "DomainResolver"]

#: The Domain API's public hosts (the contract's ``csdsDomain`` enum); the first is the default.
CSDS_DOMAINS = ("api.liveperson.net", "adminlogin.liveperson.net")
#: Seconds an answer is reused, as node-agent-sdk's CSDS cache.
DEFAULT_TTL = 60.0
_DEFAULT_TIMEOUT = httpx.Timeout(connect=5.0, read=10.0, write=10.0, pool=5.0)


# ---------------------------------------------------------------- cache and single flight
class _Settable(Protocol):
    def set(self) -> None: ...


EventT = TypeVar("EventT", bound=_Settable)


@dataclass(eq=False)
class _Flight(Generic[EventT]):
    done: EventT
    result: Resolution | None = None
    error: Exception | None = None


class _Base(Generic[EventT]):
    """Configuration, cache and single-flight bookkeeping; subclasses only send."""

    def __init__(
        self,
        *,
        csds_domain: str,
        csds_base_url: str | None,
        ttl: float,
        clock: Callable[[], float],
        allow_any_host: bool,
    ) -> None:
        if not ttl >= 0:
            raise ConfigurationError(f"ttl must be 0 or more seconds, not {ttl!r}")
        if csds_base_url is not None:
            found = resolution_for(csds_base_url)
            if found.source is not ResolutionSource.EXPLICIT:
                raise ConfigurationError("csds_base_url must be a URL (https://host[:port])")
            self._csds_base = self._csds_name = found.base_url
        else:
            name = csds_domain.strip().lower()
            if name not in CSDS_DOMAINS:
                raise ConfigurationError(
                    f"unknown Domain API host {csds_domain!r}: use one of "
                    f"{', '.join(CSDS_DOMAINS)}, or csds_base_url= for a simulator"
                )
            self._csds_base, self._csds_name = f"https://{name}", name
        self._ttl = ttl
        self._clock = clock
        self._allow_any_host = allow_any_host
        self._cache: dict[str, Resolution] = {}
        self._flights: dict[str, _Flight[EventT]] = {}
        self._lock = threading.Lock()

    def cached(self, account_id: str) -> Resolution | None:
        """The account's cached resolution while it is fresh, else None; never asks."""
        with self._lock:
            return self._fresh(account_id)

    def invalidate(self, account_id: str, base_url: str | None = None) -> bool:
        """Forget the account's host, so the next call asks again; True if one was dropped.

        Call it after a connection failure. With ``base_url`` (the host that failed), the
        entry is dropped only if it still holds that URL.
        """
        with self._lock:
            entry = self._cache.get(account_id)
            if entry is None or (base_url is not None and entry.base_url != base_url.rstrip("/")):
                return False
            del self._cache[account_id]
            return True

    def _fresh(self, account_id: str) -> Resolution | None:
        entry = self._cache.get(account_id)
        if entry is None or entry.fetched_at is None:
            return None
        return entry if self._clock() - entry.fetched_at < self._ttl else None

    def _flow(self, account_id: str) -> Generator[LookupCall, httpx.Response, Resolution]:
        target = LookupTarget(account_id, self._csds_base, self._csds_name, self._allow_any_host)
        return lookup_flow(target, self._clock)

    def _begin(
        self, account_id: str, force: bool, new_event: Callable[[], EventT]
    ) -> Resolution | tuple[_Flight[EventT], bool]:
        """A fresh answer, or the lookup in flight and whether this caller must make it."""
        if not account_id or account_id != account_id.strip() or account_id in DOT_SEGMENTS:
            raise ConfigurationError(f"malformed account id {account_id!r}")
        with self._lock:
            fresh = None if force else self._fresh(account_id)
            if fresh is not None:
                return fresh
            flight = self._flights.get(account_id)
            if flight is not None:
                return flight, False
            flight = self._flights[account_id] = _Flight(new_event())
            return flight, True

    @contextmanager
    def _leading(self, account_id: str, flight: _Flight[EventT]) -> Iterator[None]:
        """Publish the lookup's outcome (answer, error or neither) to the waiting callers."""
        try:
            yield
        except Exception as exc:
            flight.error = exc
            raise
        finally:
            with self._lock:
                if flight.result is not None:
                    self._cache[account_id] = flight.result
                del self._flights[account_id]
            flight.done.set()


def _waited(flight: _Flight[Any]) -> Resolution | None:
    """What a waiting caller gets: the answer, the shared error, or None to try again."""
    if flight.error is not None:
        raise flight.error
    return flight.result


# ---------------------------------------------------------------- drivers
class DomainResolver(_Base[threading.Event]):
    """An account's API host from the Domain API, cached; safe to share between threads.

    >>> resolver = DomainResolver()  # doctest: +SKIP
    >>> resolver.resolve("12345678").base_url  # doctest: +SKIP
    'https://bot-platform-api.fs.liveperson.com'

    ``client`` is used as-is when given (and not closed); otherwise the resolver makes its own.
    Answers outside LivePerson's domains raise :class:`ConfigurationError` unless
    ``allow_any_host=True``.
    """

    def __init__(
        self,
        client: httpx.Client | None = None,
        *,
        csds_domain: str = CSDS_DOMAINS[0],
        csds_base_url: str | None = None,
        ttl: float = DEFAULT_TTL,
        clock: Callable[[], float] = time.monotonic,
        allow_any_host: bool = False,
    ) -> None:
        super().__init__(
            csds_domain=csds_domain,
            csds_base_url=csds_base_url,
            ttl=ttl,
            clock=clock,
            allow_any_host=allow_any_host,
        )
        self._owns_client = client is None
        self._client = httpx.Client(timeout=_DEFAULT_TIMEOUT) if client is None else client

    def resolve(self, account_id: str) -> Resolution:
        """The account's API host: cached while fresh, else asked (once for all callers)."""
        return self._get(account_id, force=False)

    def refresh(self, account_id: str) -> Resolution:
        """Ask the Domain API again now, whatever the cache holds."""
        return self._get(account_id, force=True)

    def close(self) -> None:
        """Close the HTTP client if the resolver made it."""
        if self._owns_client:
            self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _get(self, account_id: str, *, force: bool) -> Resolution:
        while True:
            begun = self._begin(account_id, force, threading.Event)
            if isinstance(begun, Resolution):
                return begun
            flight, leader = begun
            if leader:
                with self._leading(account_id, flight):
                    result = self._run(self._flow(account_id))
                    flight.result = result
                return result
            flight.done.wait()
            if (shared := _waited(flight)) is not None:
                return shared

    def _run(self, flow: Generator[LookupCall, httpx.Response, Resolution]) -> Resolution:
        call = next(flow)
        while True:
            try:
                response = self._client.request(
                    call.method, call.url, params=call.params, auth=None, follow_redirects=False
                )
            except httpx.RequestError as exc:
                raise transport_error(call, exc) from exc
            try:
                call = flow.send(response)
            except StopIteration as stop:
                return stop.value  # type: ignore[no-any-return]


class AsyncDomainResolver(_Base[anyio.Event]):
    """:class:`DomainResolver` for async code (asyncio or trio); share it within one event loop."""

    def __init__(
        self,
        client: httpx.AsyncClient | None = None,
        *,
        csds_domain: str = CSDS_DOMAINS[0],
        csds_base_url: str | None = None,
        ttl: float = DEFAULT_TTL,
        clock: Callable[[], float] = time.monotonic,
        allow_any_host: bool = False,
    ) -> None:
        super().__init__(
            csds_domain=csds_domain,
            csds_base_url=csds_base_url,
            ttl=ttl,
            clock=clock,
            allow_any_host=allow_any_host,
        )
        self._owns_client = client is None
        self._client = httpx.AsyncClient(timeout=_DEFAULT_TIMEOUT) if client is None else client

    async def resolve(self, account_id: str) -> Resolution:
        """The account's API host: cached while fresh, else asked (once for all tasks)."""
        return await self._get(account_id, force=False)

    async def refresh(self, account_id: str) -> Resolution:
        """Ask the Domain API again now, whatever the cache holds."""
        return await self._get(account_id, force=True)

    async def aclose(self) -> None:
        """Close the HTTP client if the resolver made it."""
        if self._owns_client:
            await self._client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def _get(self, account_id: str, *, force: bool) -> Resolution:
        while True:
            begun = self._begin(account_id, force, anyio.Event)
            if isinstance(begun, Resolution):
                return begun
            flight, leader = begun
            if leader:
                with self._leading(account_id, flight):
                    result = await self._run(self._flow(account_id))
                    flight.result = result
                return result
            await flight.done.wait()
            if (shared := _waited(flight)) is not None:
                return shared

    async def _run(self, flow: Generator[LookupCall, httpx.Response, Resolution]) -> Resolution:
        call = next(flow)
        while True:
            try:
                response = await self._client.request(
                    call.method, call.url, params=call.params, auth=None, follow_redirects=False
                )
            except httpx.RequestError as exc:
                raise transport_error(call, exc) from exc
            try:
                call = flow.send(response)
            except StopIteration as stop:
                return stop.value  # type: ignore[no-any-return]
