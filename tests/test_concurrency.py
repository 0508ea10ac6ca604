"""Many callers hitting a stolen session at once: one login, every command delivered once.

The fake holds every send until all of them are in flight, then another consumer logs in as
the same user, so every request is answered 401 at the same moment.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import httpx

from lptpb_ext import AsyncClient, Client, ReloginEvent, SessionPool
from tests.clients import USER
from tests.fakes import ACCOUNT, BASE_URL, CONVERSATION, FakeApi, Gate

THREADS = 200
TASKS = 2000


def _our_logins(fake: FakeApi) -> int:
    return sum(1 for r in fake.requests if r.url.path.endswith("/login"))


def test_200_threads_on_a_401_cause_exactly_one_login() -> None:
    """200 threads get 401 together: one re-login, 200 replays, each message delivered once."""
    fake = FakeApi()
    gate = Gate(THREADS, on_open=lambda: (fake.steal(), gate.open()))

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/messages"):
            gate.wait_sync()
        return fake.handle(request)

    relogins: list[ReloginEvent] = []
    http = httpx.Client(transport=httpx.MockTransport(handler))
    client = Client(
        ACCOUNT,
        USER,
        base_url=BASE_URL,
        http_client=http,
        session_pool=SessionPool(),
        on_relogin=relogins.append,
    )
    client.login()
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(
            pool.map(
                lambda i: client.send_messages(CONVERSATION, {"messages": [f"m{i}"]}),
                range(THREADS),
            )
        )
    delivered = fake.delivered()
    assert _our_logins(fake) == 2  # the first login and exactly one re-login
    assert len(relogins) == 1
    assert len({r.commandId for r in results}) == THREADS
    assert sorted(delivered.values()) == [1] * THREADS
    assert set(delivered) == {f"m{i}" for i in range(THREADS)}
    print(f"threads={THREADS} logins={_our_logins(fake)} delivered={sum(delivered.values())}")


def test_2000_tasks_on_a_401_cause_exactly_one_login() -> None:
    """2000 asyncio tasks get 401 together: one re-login, each message delivered once."""
    fake = FakeApi()
    gate = Gate(TASKS, on_open=lambda: (fake.steal(), gate.open()))

    async def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/messages"):
            await gate.wait_async()
        return fake.handle(request)

    async def main() -> list[str]:
        relogins: list[ReloginEvent] = []
        http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
        async with AsyncClient(
            ACCOUNT,
            USER,
            base_url=BASE_URL,
            http_client=http,
            session_pool=SessionPool(),
            on_relogin=relogins.append,
        ) as client:
            await client.login()
            accepted = await asyncio.gather(
                *(client.send_messages(CONVERSATION, {"messages": [f"m{i}"]}) for i in range(TASKS))
            )
        assert len(relogins) == 1
        return [a.commandId for a in accepted]

    ids = asyncio.run(main())
    delivered = fake.delivered()
    assert _our_logins(fake) == 2
    assert len(set(ids)) == TASKS
    assert sorted(delivered.values()) == [1] * TASKS
    print(f"tasks={TASKS} logins={_our_logins(fake)} delivered={sum(delivered.values())}")


def test_threads_and_tasks_share_one_login_in_flight() -> None:
    """Sync threads and asyncio tasks of one session wait for the same single login."""
    fake = FakeApi()
    pool = SessionPool()
    http = httpx.Client(transport=fake.transport())
    ahttp = httpx.AsyncClient(transport=fake.transport())
    sync_client = Client(ACCOUNT, USER, base_url=BASE_URL, http_client=http, session_pool=pool)
    async_client = AsyncClient(
        ACCOUNT, USER, base_url=BASE_URL, http_client=ahttp, session=sync_client.session
    )

    async def tasks() -> None:
        await asyncio.gather(
            *(async_client.send_messages(CONVERSATION, {"messages": [f"a{i}"]}) for i in range(50))
        )

    with ThreadPoolExecutor(max_workers=20) as executor:
        futures = [
            executor.submit(sync_client.send_messages, CONVERSATION, {"messages": [f"s{i}"]})
            for i in range(50)
        ]
        asyncio.run(tasks())
        for future in futures:
            future.result()
    assert _our_logins(fake) == 1
    assert sum(fake.delivered().values()) == 100
