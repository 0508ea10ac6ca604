"""A small misbehaving HTTP server on 127.0.0.1, for what the simulator will not do.

``HostileServer(handler)`` runs an asyncio server in a thread. For each request it reads the
head and the body, then calls ``handler(request, writer)``, which writes whatever it likes:
a trickle, an endless body, nothing at all. ``LoopbackBackend`` makes an ``httpx`` transport
connect every host (``https://api.liveperson.net`` included, TLS skipped) to that server, so
a client's own Domain API lookup and its real host names can be tested over real sockets.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import httpcore
import httpx


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


Handler = Callable[[Request, asyncio.StreamWriter], Awaitable[None]]


class HostileServer:
    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[Request] = []
        self.written: dict[str, int] = {}  # path -> bytes the handler managed to write
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: asyncio.Server | None = None
        self.port = 0

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                method, path, _ = lines[0].split(" ", 2)
                headers = {
                    k.strip().lower(): v.strip()
                    for k, _, v in (line.partition(":") for line in lines[1:] if line)
                }
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                request = Request(method, path, headers, body)
                self.requests.append(request)
                await self.handler(request, writer)
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()

    def __enter__(self) -> HostileServer:
        self._thread.start()

        async def start() -> asyncio.Server:
            return await asyncio.start_server(self._serve, "127.0.0.1", 0)

        self._server = asyncio.run_coroutine_threadsafe(start(), self._loop).result(10)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    def __exit__(self, *exc: object) -> None:
        async def stop() -> None:
            assert self._server is not None
            self._server.close()
            for task in asyncio.all_tasks():
                if task is not asyncio.current_task():
                    task.cancel()

        asyncio.run_coroutine_threadsafe(stop(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def logins(self) -> int:
        return sum(1 for r in self.requests if r.path.split("?")[0].endswith("/login"))


async def respond(writer: asyncio.StreamWriter, status: int, body: bytes, **headers: str) -> None:
    lines = [f"HTTP/1.1 {status} X", f"Content-Length: {len(body)}"]
    lines += [f"{k.replace('_', '-')}: {v}" for k, v in headers.items()]
    if "content_type" not in headers:
        lines.append("Content-Type: application/json")
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
    await writer.drain()


async def trickle(writer: asyncio.StreamWriter, data: bytes, every: float) -> None:
    for i in range(len(data)):
        writer.write(data[i : i + 1])
        await writer.drain()
        await asyncio.sleep(every)


class _Plain(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, timeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, timeout)

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, *args: Any, **kwargs: Any) -> httpcore.NetworkStream:
        return self  # the test server speaks plain HTTP whatever the URL says

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class LoopbackBackend(httpcore.NetworkBackend):
    """Connects every host to 127.0.0.1:``port``, plain HTTP."""

    def __init__(self, port: int) -> None:
        self._port = port
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        return _Plain(self._inner.connect_tcp("127.0.0.1", self._port, timeout))


def loopback_client(port: int) -> httpx.Client:
    """An ``httpx.Client`` whose every connection goes to 127.0.0.1:``port``."""
    transport = httpx.HTTPTransport()
    transport._pool._network_backend = LoopbackBackend(port)
    return httpx.Client(transport=transport)


@contextlib.contextmanager
def hostile(handler: Handler) -> Iterator[HostileServer]:
    with HostileServer(handler) as server:
        yield server


class _RewriteAsync(httpx.AsyncBaseTransport):
    def __init__(self, port: int) -> None:
        self._port = port
        self._inner = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        request.url = request.url.copy_with(scheme="http", host="127.0.0.1", port=self._port)
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


def loopback_async_client(port: int) -> httpx.AsyncClient:
    """An ``httpx.AsyncClient`` whose every request goes to 127.0.0.1:``port``."""
    return httpx.AsyncClient(transport=_RewriteAsync(port))
