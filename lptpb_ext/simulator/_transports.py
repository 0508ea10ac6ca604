"""httpx transports that call the simulator in process, for sync and async clients.

Both wrap ``httpx.ASGITransport`` and turn the simulator's connection faults into the
exceptions a real network gives: a drop before processing raises ``httpx.ConnectError`` (the
request provably never landed), a drop after processing ``httpx.RemoteProtocolError`` (it did),
and an injected latency longer than the request's read timeout ``httpx.ReadTimeout``.

httpx's ASGI transport is async only, so the sync transport runs the app on an event loop in
its own daemon thread, started on first use and stopped by ``close()`` (``Client.close()``).

Both mark each request's scope with the :data:`IN_PROCESS` extension: no network carried it,
so the control API's loopback ``Host`` check does not apply (its base URL is often
``https://sim``). The origin and token checks still do.
"""

from __future__ import annotations

import asyncio
import threading

import httpx

from lptpb_ext.simulator._faultware import READ_TIMEOUT, ConnectionDropped, ReadTimedOut
from lptpb_ext.simulator._http import IN_PROCESS, ASGIApp, Receive, Scope, Send

__all__ = ["SimulatorAsyncTransport", "SimulatorTransport"]


def _in_process(app: ASGIApp) -> ASGIApp:
    async def marked(scope: Scope, receive: Receive, send: Send) -> None:
        scope["extensions"] = {**(scope.get("extensions") or {}), IN_PROCESS: True}
        await app(scope, receive, send)

    return marked


async def _call(inner: httpx.ASGITransport, request: httpx.Request) -> httpx.Response:
    timeout = request.extensions.get("timeout", {}).get("read")
    token = READ_TIMEOUT.set(timeout)
    try:
        return await inner.handle_async_request(request)
    except ConnectionDropped as exc:
        if exc.processed:
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a response.", request=request
            ) from None
        raise httpx.ConnectError(
            "simulated: the connection dropped before the request was sent", request=request
        ) from None
    except ReadTimedOut as exc:
        raise httpx.ReadTimeout(f"simulated: {exc}", request=request) from None
    finally:
        READ_TIMEOUT.reset(token)


class SimulatorAsyncTransport(httpx.AsyncBaseTransport):
    """In-process transport for ``httpx.AsyncClient``."""

    def __init__(self, app: ASGIApp) -> None:
        self._inner = httpx.ASGITransport(app=_in_process(app))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await _call(self._inner, request)


class SimulatorTransport(httpx.BaseTransport):
    """In-process transport for ``httpx.Client``."""

    def __init__(self, app: ASGIApp) -> None:
        self._inner = httpx.ASGITransport(app=_in_process(app))
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    def _running_loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                thread = threading.Thread(
                    target=loop.run_forever, name="lptpb-sim-transport", daemon=True
                )
                thread.start()
                self._loop, self._thread = loop, thread
            return self._loop

    async def _exchange(self, request: httpx.Request) -> httpx.Response:
        response = await _call(self._inner, request)
        content = await response.aread()
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            content=content,
            extensions=response.extensions,
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        future = asyncio.run_coroutine_threadsafe(self._exchange(request), self._running_loop())
        return future.result()

    def close(self) -> None:
        with self._lock:
            loop, thread = self._loop, self._thread
            self._loop = self._thread = None
        if loop is not None and thread is not None:
            loop.call_soon_threadsafe(loop.stop)
            thread.join()
            loop.close()
