"""A bulk runner that SIGKILLs itself at an exact point: the child process of the crash tests.

Run as ``python -m tests.bulk_child '<json spec>'`` from the repository root. The spec names
the simulator's URL, the journal, the jobs file (first run) or nothing (resume), the session
store file, and at most one kill point ``{"stage": ..., "n": ...}``:

``sending``
    the n-th job whose ``sending`` mark is durable, before its request is made;
``request``
    the n-th command request, while it is in flight: handed to the connection, then the
    process dies ``delay_ms`` later, so the server may or may not have processed it;
``accepted``
    the n-th ``commandId`` received, before it is journaled;
``tracking``
    the n-th tracking poll, before its request.

The kill is a real ``SIGKILL`` of this process, sent by itself: no ``finally``, no atexit, no
flush, exactly as the OOM killer or a lost machine would do. The library knows nothing of it:
the hook is the ``on_stage`` callback and an ``httpx`` transport of this script.
"""

from __future__ import annotations

import asyncio
import collections
import json
import os
import signal
import sys
from typing import Any

import httpx

from lptpb_ext import AsyncClient, Batch, FileSessionStore, UserPassword
from lptpb_ext.simulator import DEFAULT_ACCOUNT, PASSWORD, PASSWORD_USER

COMMAND_SUFFIXES = ("/messages", "/transfer", "/close", "/sdes", "/ttr")


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


class Killer:
    def __init__(self, kill: dict[str, Any] | None) -> None:
        self.kill = kill
        self.seen: collections.Counter[str] = collections.Counter()

    def hit(self, stage: str) -> bool:
        self.seen[stage] += 1
        kill = self.kill
        return bool(kill and kill["stage"] == stage and self.seen[stage] == kill["n"])

    def on_stage(self, stage: str, seq: int) -> None:
        name = {"sending": "sending", "accepted": "accepted", "poll": "tracking"}[stage]
        if self.hit(name):
            _die()


class KillingTransport(httpx.AsyncBaseTransport):
    """Passes requests on; dies while the n-th command request is in flight."""

    def __init__(self, killer: Killer, delay: float) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self._killer = killer
        self._delay = delay

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        command = request.method == "POST" and request.url.path.endswith(COMMAND_SUFFIXES)
        if command and self._killer.hit("request"):
            task = asyncio.ensure_future(self._inner.handle_async_request(request))
            await asyncio.sleep(self._delay)
            _die()
            return await task  # pragma: no cover - dead by now
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


async def main(spec: dict[str, Any]) -> dict[str, Any]:
    killer = Killer(spec.get("kill"))
    delay = (spec.get("kill") or {}).get("delay_ms", 1.0) / 1000
    http = httpx.AsyncClient(transport=KillingTransport(killer, delay))
    store = FileSessionStore(spec["store"])
    async with (
        http,
        AsyncClient(
            DEFAULT_ACCOUNT,
            UserPassword(PASSWORD_USER, PASSWORD),
            base_url=spec["url"],
            http_client=http,
            session_store=store,
        ) as client,
    ):
        if spec.get("jobs"):
            batch = Batch.from_file(spec["jobs"], spec["journal"], account_id=DEFAULT_ACCOUNT)
        else:
            batch = Batch.open(spec["journal"])
        with batch:
            summary = await batch.arun(
                client,
                concurrency=spec.get("concurrency", 16),
                in_flight_grace=spec.get("grace", 1.0),
                on_stage=killer.on_stage,
            )
    return {"counts": summary.counts, "requests": summary.requests, "seen": dict(killer.seen)}


if __name__ == "__main__":
    result = asyncio.run(main(json.loads(sys.argv[1])))
    print(json.dumps(result), flush=True)
