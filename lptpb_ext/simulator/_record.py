"""Record every exchange the simulator answers, for checking them against the contract.

With the environment variable :data:`RECORD_ENV` (``LPTPB_SIM_RECORD``) set to a file path when a
:class:`~lptpb_ext.simulator.Simulator` is made, each request it answers and its answer are
appended to that file as one JSON line: ``method``, ``path``, ``query`` (the raw query
string), the request's ``request_headers`` (lower-cased names; an ``Authorization`` value is
written as ``Bearer ***``, which is all a check of the contract's security needs) and
``body``, then ``status``, the answer's ``headers`` and ``response_body``; bodies are UTF-8
text (binary bodies are kept as Latin-1, byte for byte). An exchange cut short (a connection
fault) has no answer and is not written. ``scripts/portability/openapi_core_check.py``
validates the file with openapi-core, which ``make portability`` runs over the demo and the
simulator tests.

Off unless the variable is set; the file holds the bodies as sent, login passwords included
(the simulator's seed users), so point it at a build directory, never at a shared one.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any

from lptpb_ext.simulator._http import ASGIApp, Message, Receive, Scope, Send

__all__ = ["RECORD_ENV", "Recorder", "recording"]

RECORD_ENV = "LPTPB_SIM_RECORD"
_LOCK = threading.Lock()


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


class Recorder:
    """ASGI middleware that appends each answered HTTP exchange to ``path`` (JSON lines)."""

    def __init__(self, app: ASGIApp, path: Path) -> None:
        self.app = app
        self.path = path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = bytearray()
        answer: dict[str, Any] = {}
        body = bytearray()

        async def tapped_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                request.extend(message.get("body", b""))
            return message

        async def tapped_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                answer["status"] = message["status"]
                answer["headers"] = {
                    k.decode("latin-1").lower(): v.decode("latin-1")
                    for k, v in message.get("headers", [])
                }
            elif message["type"] == "http.response.body":
                body.extend(message.get("body", b""))
            await send(message)

        await self.app(scope, tapped_receive, tapped_send)
        if "status" not in answer:
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        line = {
            "method": scope["method"],
            "path": scope["path"],
            "query": _text(scope.get("query_string", b"")),
            "request_headers": {
                name: ("Bearer ***" if name == "authorization" and value else value)
                for name, value in headers.items()
            },
            "body": _text(bytes(request)),
            "status": answer["status"],
            "headers": answer["headers"],
            "response_body": _text(bytes(body)),
        }
        text = json.dumps(line, ensure_ascii=False) + "\n"
        with _LOCK, self.path.open("a", encoding="utf-8") as out:
            out.write(text)


def recording(app: ASGIApp) -> ASGIApp:
    """``app`` wrapped in a :class:`Recorder` when :data:`RECORD_ENV` names a file, else itself."""
    target = os.environ.get(RECORD_ENV)
    if not target:
        return app
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    return Recorder(app, path)
