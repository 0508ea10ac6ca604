"""The ASGI layer that applies injected faults around the contract routes.

A connection drop cannot be expressed as an HTTP answer. Served by :func:`serve` (uvicorn),
the connection is really closed, through an ``lptpb.abort`` scope extension that the server
adds. In process there is no connection, so this layer raises :class:`ConnectionDropped` (or
:class:`ReadTimedOut` when an injected latency outlasts the client's read timeout, which the
transports pass in through :data:`READ_TIMEOUT`), and the simulator's httpx transports turn
those into httpx's own exceptions.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from typing import Any

from lptpb_ext.simulator._clock import Clock
from lptpb_ext.simulator._faults import FAIL_COMMAND_KEY, FaultQueue
from lptpb_ext.simulator._http import ASGIApp, Message, Receive, Scope, Send
from lptpb_ext.simulator._schema import operation_for
from lptpb_ext.simulator._state import World

__all__ = ["READ_TIMEOUT", "ConnectionDropped", "FaultMiddleware", "ReadTimedOut"]

READ_TIMEOUT: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "lptpb_sim_read_timeout", default=None
)

WAF_PAGE = b"""<!DOCTYPE html>
<html><head><title>Access denied</title></head>
<body><h1>Access denied</h1>
<p>This request was blocked by the security rules of the website (Reblaze).</p>
<p>If you believe this is a mistake, contact the site's administrator.</p>
</body></html>
"""


class ConnectionDropped(Exception):  # noqa: N818 - an event, as in httpx's own names
    """The simulated connection closed without an answer; ``processed`` says if it landed."""

    def __init__(self, processed: bool) -> None:
        super().__init__("processed" if processed else "not processed")
        self.processed = processed


class ReadTimedOut(Exception):  # noqa: N818 - an event, as in httpx's own names
    """An injected latency outlasted the client's read timeout; the request was processed."""


async def _respond(send: Send, status: int, media: str, body: bytes, extra: list[Any]) -> None:
    headers = [(b"content-type", media.encode()), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers + extra})
    await send({"type": "http.response.body", "body": body})


async def _discard(message: Message) -> None:
    return None


async def _drop(scope: Scope, receive: Receive, processed: bool) -> None:
    abort = (scope.get("extensions") or {}).get("lptpb.abort")
    if abort is None:
        raise ConnectionDropped(processed)
    abort()
    while (await receive())["type"] != "http.disconnect":
        pass


class FaultMiddleware:
    """Take at most one pending fault per contract request and apply it.

    ``world`` answers the current world (a reset replaces it); a stolen session happens there.
    """

    def __init__(
        self, app: ASGIApp, faults: FaultQueue, clock: Clock, world: Callable[[], World]
    ) -> None:
        self.app = app
        self.faults = faults
        self.clock = clock
        self.world = world

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        op = operation_for(scope["method"], scope["path"]) if scope["type"] == "http" else None
        fault = self.faults.take(op.operation_id) if op is not None else None
        if fault is None:
            await self.app(scope, receive, send)
        elif fault.kind == "status":
            retry = [(b"retry-after", str(fault.retry_after).encode())] if fault.retry_after else []
            text = f"{fault.status} simulated server error".encode()
            await _respond(send, fault.status, "text/plain; charset=utf-8", text, retry)
        elif fault.kind == "waf":
            await _respond(send, 403, "text/html; charset=utf-8", WAF_PAGE, [])
        elif fault.kind == "drop_before":
            await _drop(scope, receive, processed=False)
        elif fault.kind == "drop_after":
            await self.app(scope, receive, _discard)
            await _drop(scope, receive, processed=True)
        elif fault.kind == "steal_session":
            headers = dict(scope.get("headers") or [])
            authorization = headers.get(b"authorization", b"").decode("latin-1")
            self.world().steal_session_of(authorization)
            await self.app(scope, receive, send)
        elif fault.kind == "fail_command":
            scope[FAIL_COMMAND_KEY] = fault.error_name
            await self.app(scope, receive, send)
        else:
            await self._delayed(scope, receive, send, fault.seconds)

    async def _delayed(self, scope: Scope, receive: Receive, send: Send, seconds: float) -> None:
        held: list[Message] = []

        async def hold(message: Message) -> None:
            held.append(message)

        await self.app(scope, receive, hold)
        limit = READ_TIMEOUT.get()
        if limit is not None and seconds >= limit:
            await self.clock.sleep(limit)
            raise ReadTimedOut(f"no answer within {limit} s")
        await self.clock.sleep(seconds)
        for message in held:
            await send(message)
