"""The asyncio client: the same surface as :class:`~lptpb_ext.Client`, with ``await``.

>>> user = UserPassword("bot-api", "...")
>>> async with AsyncClient("12345678", user, zone="z1") as client:  # doctest: +SKIP
...     accepted = await client.send_messages(conversation_id, {"messages": ["Hello!"]})
...     outcome = await client.wait_for_command(conversation_id, accepted.commandId)
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from types import TracebackType
from typing import Self, Unpack

import httpx
from pydantic import BaseModel

from lptpb_ext import _operations as ops
from lptpb_ext._base import ClientBase, ClientOptions
from lptpb_ext._credentials import Credentials
from lptpb_ext._domain import AsyncDomainResolver
from lptpb_ext._engine import AsyncEngine
from lptpb_ext._errors import NotFoundError, Reconciliation
from lptpb_ext._retry import RetryPolicy
from lptpb_ext._tracking import FETCH, CommandOutcome, Fetch, ListCheck, Pause, Step, Waiter
from lptpb_models import Command, CommandAccepted, SendMessagesRequest, ServiceDomain

__all__ = ["AsyncClient"]

_ASYNCIO_SLEEP = asyncio.sleep


def _wake(future: asyncio.Future[None]) -> None:
    if not future.done():  # not cancelled meanwhile
        future.set_result(None)


class AsyncClient(ClientBase):
    """An asyncio client of one account, logged in as one Public API user.

    Keyword arguments: ``base_url`` or ``zone`` (else the Domain API is asked; a host named by
    ``zone`` or the Domain API must be LivePerson's unless ``allow_any_host=True``), ``http_client``
    (an ``httpx.AsyncClient`` of yours: its transport, proxies and TLS settings are used, and our
    auth, retry and timeouts still apply), ``timeout`` (per attempt; default 5 s connect, 30 s
    read), ``deadline`` (per call, across attempts and re-login; default 60 s), ``retry``
    (:class:`~lptpb_ext.RetryPolicy`), ``on_retry`` / ``on_relogin`` hooks, ``max_relogins`` /
    ``relogin_window`` (contention limit), and ``clock`` / ``sleep`` / ``wall_clock`` /
    ``rand`` for tests.

    Sessions: clients of the same host, account, user and credentials share one session (one
    bearer, one login in flight) through ``session_pool`` (default: one pool per process). A
    client given its own ``http_client`` gets sessions scoped to that HTTP client, so tests
    against separate simulators never share bearers. ``session=other.session`` shares one
    explicitly, for example between a sync and an async client. ``session_store`` (default:
    the store ``LPTPB_SESSION_STORE`` names, else this process's memory) is where the bearer
    lives: give every process of one user the same :class:`~lptpb_ext.FileSessionStore` or
    :class:`~lptpb_ext.RedisSessionStore` and they share one LivePerson session.
    """

    _http: httpx.AsyncClient
    _resolver: AsyncDomainResolver | None

    def __init__(
        self,
        account_id: str,
        credentials: Credentials,
        *,
        http_client: httpx.AsyncClient | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        **options: Unpack[ClientOptions],
    ) -> None:
        super().__init__(account_id, credentials, **options)
        self._http_injected = http_client is not None
        self._http = http_client if http_client is not None else httpx.AsyncClient()
        self._sleep = sleep
        self._resolver = None
        if self._static is None:
            self._resolver = AsyncDomainResolver(
                self._http,
                csds_domain=self._csds_domain,
                clock=self._clock,
                allow_any_host=self._allow_any_host,
            )
        self._engine = AsyncEngine(http=self._http, **self._engine_options())
        self._engine.resolve = self._resolve
        self._engine.sleep = sleep

    async def _resolve(self) -> None:
        if self._resolver is not None:
            self._location.base_url = (await self._resolver.resolve(self.account_id)).base_url

    async def _send(self, call: ops.Call) -> httpx.Response:
        return await self._engine.send(call)

    def with_options(
        self,
        *,
        timeout: httpx.Timeout | float | None = None,
        deadline: float | None = None,
        retry: RetryPolicy | None = None,
    ) -> Self:
        """A copy for per-call overrides, sharing this client's HTTP client and session.

        >>> client.with_options(deadline=5, retry=RetryPolicy(max_attempts=1))  # doctest: +SKIP
        """
        options = self._options_with(timeout, deadline, retry)
        twin = self._twin(options)
        twin._engine = self._engine.with_options(options)
        return twin

    # ------------------------------------------------------------------ session
    async def login(self) -> None:
        """Log in now (otherwise the first call does). Raises on rejected credentials."""
        await self._resolve()
        await self._engine.bearer()

    # ------------------------------------------------------------------ commands
    async def send_messages(
        self,
        conversation_id: str,
        messages: SendMessagesRequest | ops.Body,
        *,
        ttl: int | None = None,
    ) -> CommandAccepted:
        """Send a batch of messages (build it with :class:`~lptpb_ext.Messages` or pass a dict)."""
        call = ops.send_messages(conversation_id, messages, ttl)
        return ops.accepted(call, await self._send(call))

    async def transfer(
        self,
        conversation_id: str,
        skill: str,
        *,
        agent_id: str | None = None,
        ttl: int | None = None,
    ) -> CommandAccepted:
        """Transfer the conversation to a skill (by its case-sensitive name), or to one agent."""
        call = ops.transfer(conversation_id, skill, agent_id, ttl)
        return ops.accepted(call, await self._send(call))

    async def close_conversation(
        self, conversation_id: str, *, ttl: int | None = None
    ) -> CommandAccepted:
        """Close the conversation."""
        call = ops.close_conversation(conversation_id, ttl)
        return ops.accepted(call, await self._send(call))

    async def set_sdes(
        self,
        conversation_id: str,
        sdes: Sequence[BaseModel | ops.Body],
        *,
        shark_visitor_id: str,
        shark_session_id: str,
        ttl: int | None = None,
    ) -> CommandAccepted:
        """Set engagement attributes (SDEs) for the consumer's visitor and session.

        ``sdes`` are models from :mod:`lptpb_ext.sde` (or generated) or dicts in the API's spelling.
        """
        call = ops.set_sdes(conversation_id, sdes, shark_visitor_id, shark_session_id, ttl)
        return ops.accepted(call, await self._send(call))

    async def set_ttr(
        self, conversation_id: str, ttr_type: ops.TtrType, *, ttl: int | None = None
    ) -> CommandAccepted:
        """Set the time to response: ``URGENT``, ``NORMAL`` or ``PRIORITIZED`` (messaging only)."""
        call = ops.set_ttr(conversation_id, ttr_type, ttl)
        return ops.accepted(call, await self._send(call))

    async def join_conversation(
        self, conversation_id: str, agent_id: str, *, agent_message: str | None = None
    ) -> CommandAccepted:
        """Add a Third-Party Bots bot to the conversation (needs agent-manager permission)."""
        call = ops.join_conversation(conversation_id, agent_id, agent_message)
        return ops.accepted(call, await self._send(call))

    async def remove_agent(
        self, conversation_id: str, agent_id: str, *, agent_message: str | None = None
    ) -> CommandAccepted:
        """Remove a bot from the conversation, optionally after a last message."""
        call = ops.remove_agent(conversation_id, agent_id, agent_message)
        return ops.accepted(call, await self._send(call))

    # ------------------------------------------------------------------ reading commands
    async def list_commands(self, conversation_id: str) -> list[Command]:
        """The conversation's commands, newest first (at most the bot's last 200)."""
        call = ops.list_commands(conversation_id)
        return ops.commands(call, await self._send(call))

    async def get_command(self, conversation_id: str, command_id: str) -> Command:
        """One command, with its state and result."""
        call = ops.get_command(conversation_id, command_id)
        return ops.command(call, await self._send(call))

    async def wait_for_command(
        self,
        conversation_id: str,
        command_id: str,
        *,
        ttl: int | None = None,
        timeout: float | None = None,
    ) -> CommandOutcome:
        """Poll until the command leaves ``waiting``; see :class:`~lptpb_ext.CommandOutcome`."""
        waiter = Waiter(
            command_id, ttl=ttl, timeout=timeout, clock=self._clock, wall_clock=self._wall_clock
        )
        step: Step | CommandOutcome = FETCH
        while True:  # nothing but the waiter and the step is held through a pause
            if isinstance(step, Fetch):
                try:
                    step = waiter.fetched(await self.get_command(conversation_id, command_id))
                except NotFoundError as exc:
                    step = waiter.fetched(exc)
            elif isinstance(step, ListCheck):
                try:
                    step = waiter.listed(await self.list_commands(conversation_id))
                except NotFoundError as exc:
                    step = waiter.listed(exc)
            elif isinstance(step, Pause):
                if self._sleep is _ASYNCIO_SLEEP:
                    # what asyncio.sleep does, without its coroutine: thousands of commands
                    # waiting at once each hold one frame fewer
                    woken = asyncio.get_running_loop().create_future()
                    timer = woken.get_loop().call_later(step.seconds, _wake, woken)
                    step = FETCH  # the Pause is not held through it
                    try:
                        await woken
                    finally:
                        timer.cancel()
                    del woken, timer
                else:
                    await self._sleep(step.seconds)
                step = waiter.paused()
            else:
                return step

    async def reconcile(self, reconciliation: Reconciliation) -> list[Command]:
        """Commands that an uncertain call (:class:`~lptpb_ext.OutcomeUnknownError`) may have
        created: those of the conversation whose ``ttl`` window began at or after it was sent."""
        return ops.candidates(
            reconciliation, await self.list_commands(reconciliation.conversation_id)
        )

    # ------------------------------------------------------------------ Domain API
    async def get_service_domain(self, service_name: str) -> ServiceDomain:
        """The Domain API's entry for one of the account's services (no login needed).

        Raises :class:`~lptpb_ext.ServiceNotFoundError` (a ``NotFoundError``) when the account
        has no entry for ``service_name``: a 404, or a 200 that names only other services,
        whether as one bare entry or inside ``baseURIs``.
        """
        call = ops.service_domain(service_name)
        return ops.one_service_domain(call, await self._send(call))

    async def list_service_domains(self) -> list[ServiceDomain]:
        """The Domain API's hosts for all of the account's services (no login needed)."""
        call = ops.list_service_domains()
        return ops.service_domains(call, await self._send(call))

    # ------------------------------------------------------------------ lifecycle
    async def aclose(self) -> None:
        """Close the HTTP client if this client created it."""
        if not self._http_injected:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
