"""HTTP plumbing shared by the contract routes, the control API and the fault layer.

The ASGI type names; the JSON error answer, ``{"code", "message"}`` (the contract's
``ErrorBody``) with ``errors`` listing each problem as ``<where>: <rule>`` on a 400; and the
one JSON reader of request bodies, which refuses what the simulator could not hold or answer:

- more than :data:`MAX_JSON_DEPTH` (64) arrays and objects inside one another. Nothing real
  nests that deep (it is some 30 layouts inside one another; the 15000-byte limit of structured
  content would allow about 450), and validating deeper content recurses past Python's limit.
- ``NaN``, ``Infinity`` and numbers too large for a float (``1e400``), which JSON does not
  have and which no answer could carry back.

:class:`BodyLimit`, the outermost layer of the app, caps every request body at
:data:`MAX_BODY_BYTES` (1 MiB): a declared ``Content-Length`` over it is answered 413 before a
byte of the body is read, and a body without one (chunked) is counted as it arrives and
answered 413 the moment it passes the cap. Either way the answer says ``Connection: close``, as
the rest of the body is never read. The API's own limit is 15000 bytes of structured content
per message; 1 MiB leaves room for any real batch.
"""

from __future__ import annotations

import json
import math
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.responses import JSONResponse, Response

__all__ = [
    "IN_PROCESS",
    "MAX_BODY_BYTES",
    "MAX_JSON_DEPTH",
    "ASGIApp",
    "BodyLimit",
    "JsonProblem",
    "Message",
    "Receive",
    "Scope",
    "Send",
    "error_response",
    "parse_json",
]

IN_PROCESS = "lptpb.in_process"  # a scope extension: the request came from an in-process transport
MAX_BODY_BYTES = 1024 * 1024
MAX_JSON_DEPTH = 64
_DEEP = f"nests more than {MAX_JSON_DEPTH} arrays and objects inside one another"

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


class JsonProblem(ValueError):  # noqa: N818 - an answer, as ApiProblem
    """A body the simulator will not read; the message names the rule, never a value."""


def _no_constants(text: str) -> float:
    raise ValueError(f"{text} is not JSON")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise JsonProblem("has a number too large for a 64-bit float")
    return value


def _too_deep(value: object) -> bool:
    """Whether ``value`` nests more than :data:`MAX_JSON_DEPTH` containers; no recursion."""
    if not isinstance(value, dict | list):
        return False
    stack: list[tuple[dict[Any, Any] | list[Any], int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            return True
        children = node.values() if isinstance(node, dict) else node
        stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))
    return False


def parse_json(raw: bytes) -> object:
    """The JSON value of ``raw``, or :class:`JsonProblem` (see the module's rules)."""
    try:
        value = json.loads(raw.decode("utf-8"), parse_constant=_no_constants, parse_float=_finite)
    except JsonProblem:
        raise
    except RecursionError:
        raise JsonProblem(_DEEP) from None
    except (UnicodeDecodeError, ValueError):
        raise JsonProblem("is not valid UTF-8 JSON") from None
    # A value holds no more arrays and objects than the text has brackets: count those first.
    if raw.count(b"[") + raw.count(b"{") > MAX_JSON_DEPTH and _too_deep(value):
        raise JsonProblem(_DEEP)
    return value


def _declared_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers") or ():
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None  # a server refuses it first; the counting below still applies
    return None


class BodyLimit:
    """Read each request's body, at most ``limit`` bytes of it, before ``app`` sees it.

    ``app`` then receives the whole body as one message; past the limit it is never called.
    """

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _declared_length(scope)
        if declared is not None and declared > self.limit:
            await self._refuse(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client left before sending the whole body: nobody to answer
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._refuse(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": b"".join(chunks), "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        message = f"the request body is over {self.limit} bytes, the simulator's limit"
        response = error_response(413, message)
        response.headers["connection"] = "close"
        await response(scope, receive, send)
