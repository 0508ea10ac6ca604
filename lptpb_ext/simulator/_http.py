"""HTTP plumbing shared by the contract routes, the control API and the fault layer.

The ASGI type names, and the JSON error answer: ``{"code", "message"}`` (the contract's
``ErrorBody``), with ``errors`` listing each problem as ``<where>: <rule>`` on a 400.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.responses import JSONResponse, Response

__all__ = ["ASGIApp", "Message", "Receive", "Scope", "Send", "error_response"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def error_response(status: int, message: str, errors: list[str] | None = None) -> Response:
    """The simulator's JSON error answer; ``message`` and ``errors`` never hold a value sent."""
    body: dict[str, Any] = {"code": status, "message": message}
    if errors:
        body["errors"] = errors
    return JSONResponse(body, status_code=status)
