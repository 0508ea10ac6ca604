"""Run the sync and async clients through one synchronous surface, so one suite tests both.

``Driven(client, portal)`` forwards ``driven.send_messages(...)`` to the client; for an
``AsyncClient`` the coroutine runs on the portal's event loop (one loop per test module).
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable
from typing import Any

import httpx
from anyio.from_thread import BlockingPortal

from lptpb_ext import AsyncClient, Client, SessionPool, UserPassword
from tests.fakes import ACCOUNT, BASE_URL, FakeApi, FakeClock

USER = UserPassword("bot-api", "s3cret-pass")


class Driven:
    def __init__(self, client: Client | AsyncClient, portal: BlockingPortal | None) -> None:
        self.client = client
        self._portal = portal

    def __getattr__(self, name: str) -> Callable[..., Any]:
        method = getattr(self.client, name)
        if self._portal is None:
            return method
        portal = self._portal

        def run(*args: Any, **kwargs: Any) -> Any:
            return portal.call(functools.partial(method, *args, **kwargs))

        return run

    def close(self) -> None:
        if isinstance(self.client, AsyncClient):
            assert self._portal is not None
            self._portal.call(self.client.aclose)
        else:
            self.client.close()


def make(
    mode: str,
    fake: FakeApi,
    portal: BlockingPortal,
    clock: FakeClock | None = None,
    *,
    credentials: Any = USER,
    pool: SessionPool | None = None,
    **options: Any,
) -> Driven:
    """A client of ``mode`` ("sync" or "async") talking to ``fake`` with a fake clock."""
    clock = clock or FakeClock()
    options.setdefault("base_url", BASE_URL)
    options.setdefault("rand", random.Random(7))  # noqa: S311 - seeded jitter for repeatable tests
    common: dict[str, Any] = {
        "session_pool": pool if pool is not None else SessionPool(),
        "clock": clock,
        **options,
    }
    if mode == "sync":
        http = httpx.Client(transport=fake.transport())
        return Driven(
            Client(ACCOUNT, credentials, http_client=http, sleep=clock.sleep, **common), None
        )
    ahttp = httpx.AsyncClient(transport=fake.transport())
    client = AsyncClient(ACCOUNT, credentials, http_client=ahttp, sleep=clock.asleep, **common)
    return Driven(client, portal)
