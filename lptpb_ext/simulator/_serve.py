"""Serve a simulator over real HTTP with uvicorn, in a background thread or in the foreground.

The server uses uvicorn's h11 protocol with one addition: each request's scope carries an
``lptpb.abort`` extension that closes the connection at once, so injected connection drops
are real. Over HTTP a client cannot tell a drop before processing from one after it: both
surface as ``httpx.RemoteProtocolError`` ("Server disconnected without sending a response")
or, when unread request bytes make the kernel reset the connection, ``httpx.ReadError``. Only
the simulator's state shows whether the request was processed, as with a real network.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.server import ServerState

from lptpb_ext.simulator._http import Receive, Scope, Send
from lptpb_ext.simulator._simulator import Simulator

__all__ = ["base_url", "bind", "serve", "server_for"]

STARTUP_TIMEOUT = 10.0
BACKLOG = 128
#: Seconds an idle connection stays open. Longer than a client keeps one idle (httpx: 5 s):
#: with uvicorn's default, also 5 s, the server closed connections just as clients reused
#: them, and a request sent on one failed with ``httpx.ReadError``.
KEEP_ALIVE = 75


class _AbortableH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, plus a scope extension that drops the connection."""

    def __init__(
        self,
        config: uvicorn.Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        app = self.app

        async def with_abort(scope: Scope, receive: Receive, send: Send) -> None:
            extensions = scope.get("extensions") or {}
            scope["extensions"] = {**extensions, "lptpb.abort": self._abort}
            await app(scope, receive, send)

        self.app = with_abort

    def _abort(self) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.abort()


def server_for(sim: Simulator, sock: socket.socket, log_level: str = "warning") -> uvicorn.Server:
    """A uvicorn server for ``sim`` on an already bound socket."""
    config = uvicorn.Config(
        sim.app,
        http=_AbortableH11Protocol,
        lifespan="off",
        log_level=log_level,
        access_log=False,
        timeout_keep_alive=KEEP_ALIVE,
        timeout_graceful_shutdown=1,
    )
    return uvicorn.Server(config)


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (port 0 picks a free one).

    It listens at once, so a client that connects before uvicorn has started waits in the
    backlog instead of being refused.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named, not 0: asyncio sets TCP_NODELAY only on sockets whose proto says TCP,
    # and without it every answer waited ~40 ms for the client's delayed ACK (Nagle).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(BACKLOG)
    return sock


def base_url(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


@contextlib.contextmanager
def serve(sim: Simulator, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Run ``sim`` on ``host:port`` in a daemon thread; yield its base URL; stop on exit.

    >>> with serve(Simulator()) as url:  # doctest: +SKIP
    ...     httpx.get(f"{url}/api/account/12345678/service/baseURI.json?version=1.0")
    """
    sock = bind(host, port)
    server = server_for(sim, sock)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="lptpb-sim-server", daemon=True
    )
    thread.start()
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the simulator's server did not start")
            time.sleep(0.01)
        yield base_url(sock)
    finally:
        server.should_exit = True
        thread.join(timeout=STARTUP_TIMEOUT)
        sock.close()
