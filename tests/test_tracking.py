"""Waiting for commands: the four outcomes told apart, with a fake clock (no real sleeping)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from anyio.from_thread import BlockingPortal, start_blocking_portal

from lptpb_ext import AsyncClient, CommandTrackingError, DeadlineExceededError
from lptpb_ext._session import SessionPool
from tests.clients import USER, Driven, make
from tests.fakes import ACCOUNT, BASE_URL, CONVERSATION, FakeApi, FakeClock, Fault

SKILL_MISSING = (
    "com.liveperson.bot-connectors-worker.error.pipes.messaging-handle-bot-action"
    ".transfer-skill-not-existing"
)
EXECUTION_FAILED = "com.liveperson.bot-connectors-worker.error.public-api.execution-failed"


@pytest.fixture(scope="module")
def portal() -> Iterator[BlockingPortal]:
    with start_blocking_portal() as running:
        yield running


@pytest.fixture(params=["sync", "async"])
def setup(request, portal) -> Iterator[tuple[Driven, FakeApi, FakeClock]]:
    clock = FakeClock()
    fake = FakeApi(now_ms=lambda: int(clock.now * 1000))
    api = make(request.param, fake, portal, clock, wall_clock=clock)
    yield api, fake, clock
    api.close()


def _settle_on_read(fake: FakeApi, reads: int, state: str, error: str | None = None) -> None:
    """Make the command leave ``waiting`` when it is read for the ``reads``-th time."""
    seen = {"n": 0}

    def on_read(request):
        seen["n"] += 1
        if seen["n"] == reads:
            fake.settle(request.url.path.rsplit("/", 1)[-1], state, error)

    for _ in range(reads):
        fake.add_fault(Fault("before", on_read, "/command/1"))


def test_completed_after_polling_with_backoff(setup) -> None:
    """A command that completes on the third read: outcome completed, polls backed off."""
    api, fake, clock = setup
    assert api.transfer(CONVERSATION, "human_skill").commandId == "1"
    _settle_on_read(fake, 3, "completed")
    outcome = api.wait_for_command(CONVERSATION, "1")
    assert outcome.status == "completed"
    assert outcome.ok
    assert outcome.raise_for_outcome().id == "1"
    assert clock.sleeps == [0.2, pytest.approx(0.3)]


def test_failed_carries_the_error_name(setup) -> None:
    """A failed command's error name is reported, and raise_for_outcome raises with it."""
    api, fake, _ = setup
    api.transfer(CONVERSATION, "no_such_skill")
    fake.settle("1", "failed", SKILL_MISSING)
    outcome = api.wait_for_command(CONVERSATION, "1")
    assert outcome.status == "failed"
    assert outcome.error_name == SKILL_MISSING
    with pytest.raises(CommandTrackingError, match="transfer-skill-not-existing"):
        outcome.raise_for_outcome()


def test_execution_failed_is_expired_not_failed(setup) -> None:
    """Failing with public-api.execution-failed means it did not run before its ttl."""
    api, fake, _ = setup
    api.close_conversation(CONVERSATION, ttl=10)
    fake.settle("1", "failed", EXECUTION_FAILED)
    outcome = api.wait_for_command(CONVERSATION, "1")
    assert outcome.status == "expired"


def test_still_waiting_after_its_timeout_time_is_expired(setup) -> None:
    """A command still waiting past data.timeoutTime plus the grace period is expired."""
    api, _, clock = setup
    api.set_ttr(CONVERSATION, "URGENT", ttl=10)
    outcome = api.wait_for_command(CONVERSATION, "1")
    assert outcome.status == "expired"
    assert 10.0 <= sum(clock.sleeps) <= 15.0 + 2.0  # ttl plus the 5 s grace, one poll at most over


def test_closed_conversation_is_not_visible_not_failed(setup) -> None:
    """A 404 on the command and on the list: not visible because the conversation closed."""
    api, fake, _ = setup
    api.send_messages(CONVERSATION, {"messages": ["bye"]})
    fake.closed.add(CONVERSATION)
    outcome = api.wait_for_command(CONVERSATION, "1")
    assert outcome.status == "not_visible"
    assert "closed" in outcome.reason
    assert outcome.conversation_closed


def test_evicted_command_is_not_visible_not_failed(setup) -> None:
    """A 404 on the command while the list answers: evicted from the last 200."""
    api, fake, _ = setup
    api.send_messages(CONVERSATION, {"messages": ["old"]})
    fake.commands[CONVERSATION].clear()
    outcome = api.wait_for_command(CONVERSATION, "1")
    assert outcome.status == "not_visible"
    assert "200" in outcome.reason
    assert not outcome.conversation_closed


def test_caller_timeout_shorter_than_ttl_raises_deadline(setup) -> None:
    """A caller's timeout that ends before the outcome is known raises DeadlineExceededError."""
    api, _, _ = setup
    api.send_messages(CONVERSATION, {"messages": ["slow"]}, ttl=120)
    with pytest.raises(DeadlineExceededError):
        api.wait_for_command(CONVERSATION, "1", timeout=3.0)


def _real_time_client(fake: FakeApi) -> AsyncClient:
    """An async client with the default sleep (asyncio's loop, real time), not a fake one."""
    http = httpx.AsyncClient(transport=fake.transport())
    return AsyncClient(
        ACCOUNT, USER, base_url=BASE_URL, http_client=http, session_pool=SessionPool()
    )


def test_async_default_sleep_pauses_on_the_loop() -> None:
    """Without a sleep of the caller's, the pause between polls is the event loop's timer."""
    fake = FakeApi()
    _settle_on_read(fake, 2, "completed")

    async def main() -> str:
        async with _real_time_client(fake) as client:
            command_id = (await client.send_messages(CONVERSATION, {"messages": ["hi"]})).commandId
            return (await client.wait_for_command(CONVERSATION, command_id)).status

    assert asyncio.run(main()) == "completed"


def test_async_wait_cancelled_during_a_pause() -> None:
    """Cancelling a wait during its pause cancels it cleanly: nothing fires or logs later."""
    fake = FakeApi()
    errors: list[dict[str, Any]] = []

    async def main() -> None:
        asyncio.get_running_loop().set_exception_handler(lambda _, context: errors.append(context))
        async with _real_time_client(fake) as client:
            command_id = (await client.send_messages(CONVERSATION, {"messages": ["hi"]})).commandId
            task = asyncio.create_task(client.wait_for_command(CONVERSATION, command_id))
            while _reads(fake) < 1:  # then it is in its first pause (0.2 s)
                await asyncio.sleep(0.01)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            await asyncio.sleep(0.3)  # past the pause the wait was in

    asyncio.run(main())
    assert errors == []
    assert _reads(fake) == 1


def _reads(fake: FakeApi) -> int:
    return sum(request.method == "GET" and "/command/" in request.url.path
               for request in fake.requests)  # fmt: skip
