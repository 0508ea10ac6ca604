"""What the engine needs beyond ``httpx.send``: a deadline at the socket, admission, capped reads.

**One deadline per call, down to the socket.** httpx's timeouts bound each read, not an
exchange: a server that trickles one byte a second never trips a 5 s read timeout. So:

- the async engine runs each attempt inside ``asyncio.timeout_at`` (cancellation reaches every
  await in httpcore, the login and the Domain API lookup included);
- the sync engine sets :data:`DEADLINE` (a monotonic time) for the duration of a call, and the
  HTTP clients it makes read through :class:`DeadlineBackend`, whose every connect, read and
  write waits at most until that time. An injected ``httpx.Client`` whose transport is a plain
  ``httpx.HTTPTransport`` gets the same network layer (inert outside this SDK's calls, since it
  only acts while :data:`DEADLINE` is set); with any other transport the sync engine still
  checks the deadline between body chunks, but a server trickling *headers* is bounded only by
  that transport's own timeouts;
- bodies are read in chunks with the clock checked between them (:func:`read_capped`).

**Admission.** When thousands of callers are released at once (the first login, a re-login)
into httpcore's pool, its bookkeeping does work proportional to waiting requests times
connections for each event, and callers time out in the queue. :class:`Admission` lets at most
as many requests into the pool as it has connections, so the pool's work stays linear. Shared
per HTTP client (weakly), so clients and ``with_options`` copies on one HTTP client share it.

**Capped reads.** A response body is read up to a limit (:data:`MAX_RESPONSE_BYTES` for
successes, :data:`MAX_ERROR_BYTES` for error statuses, whose excerpt is all an error keeps);
past it the connection is closed and :class:`ResponseTooLarge` raised, so a hostile or broken
server cannot make the process hold hundreds of megabytes.
"""

from __future__ import annotations

import asyncio
import contextvars
import ssl
import threading
import time
import weakref
from collections.abc import Iterable, Iterator
from typing import Any

import httpcore
import httpx

__all__ = [
    "DEADLINE",
    "MAX_ERROR_BYTES",
    "MAX_RESPONSE_BYTES",
    "Admission",
    "DeadlineBackend",
    "ResponseTooLarge",
    "admission_for",
    "deadline_client",
    "guard_transport",
    "read_capped",
]

#: The monotonic time (``time.monotonic``) the current sync call must end by, or None.
DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "lptpb_deadline", default=None
)
#: The largest success body read (a full ``listCommands`` of 200 commands with 15 kB payloads
#: is about 4 MB).
MAX_RESPONSE_BYTES = 16 * 1024 * 1024
#: The most of an error body read; an error keeps a 300-character redacted excerpt of it.
MAX_ERROR_BYTES = 64 * 1024


class ResponseTooLarge(Exception):  # noqa: N818 - internal signal, turned into a typed error
    """The body went past ``limit`` bytes; the connection was closed."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(f"the response body is larger than {limit} bytes")


def _left(timeout: float | None, exc: type[Exception]) -> float | None:
    at = DEADLINE.get()
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        raise exc("the call's deadline has passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(
            ssl_context, server_hostname, _left(timeout, httpcore.ConnectTimeout)
        )
        return _DeadlineStream(inner)

    def get_extra_info(self, info: str) -> Any:  # noqa: ANN401 - httpcore's signature
        return self._inner.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's network backend, with every wait cut at :data:`DEADLINE`."""

    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(
            host, port, _left(timeout, httpcore.ConnectTimeout), local_address, socket_options
        )
        return _DeadlineStream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_unix_socket(
            path, _left(timeout, httpcore.ConnectTimeout), socket_options
        )
        return _DeadlineStream(stream)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def guard_transport(transport: httpx.BaseTransport) -> bool:
    """Give a plain ``httpx.HTTPTransport`` the deadline-aware network layer; True if it has it."""
    pool = getattr(transport, "_pool", None) if type(transport) is httpx.HTTPTransport else None
    backend = getattr(pool, "_network_backend", None)
    if backend is None:
        return False
    if not isinstance(backend, DeadlineBackend):
        pool._network_backend = DeadlineBackend(backend)  # type: ignore[union-attr]
    return True


def deadline_client() -> httpx.Client:
    """The ``httpx.Client`` a sync client makes for itself."""
    transport = httpx.HTTPTransport()
    guard_transport(transport)
    return httpx.Client(transport=transport)


# ---------------------------------------------------------------- admission
def _pool_size(http: httpx.Client | httpx.AsyncClient) -> int | None:
    """The connection limit of the client's pool, or None when it has no pool we know."""
    transport = getattr(http, "_transport", None)
    if type(transport) not in (httpx.HTTPTransport, httpx.AsyncHTTPTransport):
        return None
    size = getattr(getattr(transport, "_pool", None), "_max_connections", None)
    return size if isinstance(size, int) and size > 0 else None


class Admission:
    """At most ``size`` requests of one HTTP client inside its pool at once (None: no limit)."""

    def __init__(self, size: int | None) -> None:
        self.size = size
        self._threads = threading.BoundedSemaphore(size) if size else None
        self._loops: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
            weakref.WeakKeyDictionary()
        )
        self._lock = threading.Lock()

    def enter(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for a place; False when none came."""
        if self._threads is None:
            return True
        return self._threads.acquire(timeout=max(timeout, 0.0))

    def leave(self) -> None:
        if self._threads is not None:
            self._threads.release()

    def semaphore(self) -> asyncio.Semaphore | None:
        """This event loop's semaphore (an asyncio one belongs to a single loop)."""
        if self.size is None:
            return None
        loop = asyncio.get_running_loop()
        with self._lock:
            found = self._loops.get(loop)
            if found is None:
                found = self._loops[loop] = asyncio.Semaphore(self.size)
            return found


_ADMISSIONS: weakref.WeakKeyDictionary[httpx.Client | httpx.AsyncClient, Admission] = (
    weakref.WeakKeyDictionary()
)
_ADMISSIONS_LOCK = threading.Lock()


def admission_for(http: httpx.Client | httpx.AsyncClient) -> Admission:
    """The admission shared by everything that sends through ``http``."""
    with _ADMISSIONS_LOCK:
        found = _ADMISSIONS.get(http)
        if found is None:
            found = _ADMISSIONS[http] = Admission(_pool_size(http))
        return found


# ---------------------------------------------------------------- capped reads
def _limit(response: httpx.Response, limit: int) -> int:
    declared = response.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise ResponseTooLarge(limit)
    return limit


def _join(chunks: Iterator[bytes], limit: int, deadline: float | None) -> bytes:
    parts: list[bytes] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > limit:
            raise ResponseTooLarge(limit)
        parts.append(chunk)
        if deadline is not None and time.monotonic() >= deadline:
            raise httpx.ReadTimeout("the call's deadline passed while reading the body")
    return b"".join(parts)


def _unbind(response: httpx.Response, content: bytes) -> None:
    """Keep ``content`` as the body and let go of the stream httpx bound to the response.

    That stream refers back to the response: a reference cycle, which only the garbage
    collector frees, so under load every response read lived on until a collection came.
    """
    response._content = content  # what httpx's own read() sets
    response.stream = httpx.ByteStream(content)


def read_capped(response: httpx.Response, limit: int, deadline: float | None) -> None:
    """Read the body of a streamed ``response`` (decoded) up to ``limit`` bytes, then close it.

    Afterwards ``response.content`` holds the body, as after ``response.read()``.
    """
    content = b""
    try:
        content = _join(response.iter_bytes(), _limit(response, limit), deadline)
    finally:
        response.close()
        _unbind(response, content)


async def aread_capped(response: httpx.Response, limit: int) -> None:
    """:func:`read_capped` for async responses; the deadline is the caller's ``timeout_at``."""
    parts: list[bytes] = []
    try:
        size = 0
        _limit(response, limit)
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > limit:
                raise ResponseTooLarge(limit)
            parts.append(chunk)
    finally:
        await response.aclose()
        _unbind(response, b"".join(parts))
