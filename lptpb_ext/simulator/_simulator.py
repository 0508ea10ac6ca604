""":class:`Simulator`: the state, the ASGI app, the transports and the control methods."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
from starlette.applications import Starlette

from lptpb_ext.simulator._api import contract_routes
from lptpb_ext.simulator._clock import Clock, SystemClock
from lptpb_ext.simulator._control import check_token, control_routes
from lptpb_ext.simulator._faults import Fault, FaultQueue
from lptpb_ext.simulator._faultware import FaultMiddleware
from lptpb_ext.simulator._http import BodyLimit
from lptpb_ext.simulator._seed import ApiKey, Seed, load_seed
from lptpb_ext.simulator._state import World
from lptpb_ext.simulator._transports import SimulatorAsyncTransport, SimulatorTransport

__all__ = ["Simulator"]


class Simulator:
    """A stateful local Third-Party Bots API, seeded from ``seed`` (default: the shipped seed).

    ``clock`` defaults to the wall clock; pass a :class:`ManualClock` for deterministic tests.
    ``account`` arguments default to the seed's first account (``"12345678"`` by default).
    With ``control_token`` (printable ASCII, no spaces), every request to the HTTP control API
    under ``/_sim`` must send it as ``X-Lptpb-Sim-Token``; the Python methods need nothing.

    >>> sim = Simulator()
    >>> with httpx.Client(transport=sim.transport(), base_url="https://sim") as client:
    ...     client.get("/api/account/12345678/service/baseURI.json?version=1.0").status_code
    200
    """

    def __init__(
        self,
        seed: str | Path | dict[str, Any] | Seed | None = None,
        clock: Clock | None = None,
        *,
        control_token: str | None = None,
    ) -> None:
        token = check_token(control_token)
        self.seed = load_seed(seed)
        self.clock: Clock = clock or SystemClock()
        self.faults = FaultQueue()
        self.world = World(self.seed, self.clock)
        routes = contract_routes(self._world) + control_routes(self, token)
        faulty = FaultMiddleware(Starlette(routes=routes), self.faults, self.clock, self._world)
        self.app = BodyLimit(faulty)

    def _world(self) -> World:
        return self.world

    @property
    def default_account(self) -> str:
        return self.seed.accounts[0].id if self.seed.accounts else ""

    # ------------------------------------------------------------------ transports
    def transport(self) -> httpx.BaseTransport:
        """A transport for a sync ``httpx.Client``; it runs the app on its own loop thread."""
        return SimulatorTransport(self.app)

    def async_transport(self) -> httpx.AsyncBaseTransport:
        """A transport for an ``httpx.AsyncClient``; it runs the app on the caller's loop."""
        return SimulatorAsyncTransport(self.app)

    # ------------------------------------------------------------------ control
    def reset(self) -> None:
        """Back to the seed: sessions, commands and created conversations gone, no faults."""
        self.faults.clear()
        self.world = World(self.seed, self.clock)

    def add_fault(self, fault: Fault) -> None:
        """Queue ``fault`` (see :class:`Fault`)."""
        self.faults.add(fault)

    def clear_faults(self) -> None:
        self.faults.clear()

    def create_conversation(
        self,
        channel: str = "messaging",
        *,
        account: str | None = None,
        bot: str | None = None,
        conversation_id: str | None = None,
    ) -> str:
        """A new active conversation held by ``bot`` (the account's first bot); its id."""
        account = account or self.default_account
        return self.world.create_conversation(account, channel, bot, conversation_id).id

    def close_conversation(self, conversation_id: str, *, account: str | None = None) -> None:
        """End the conversation now: every call on it answers 404 from here on."""
        self.world.close_conversation(account or self.default_account, conversation_id)

    def steal_session(self, username: str, *, account: str | None = None) -> None:
        """Log ``username`` in elsewhere: its current bearer starts answering 401."""
        self.world.steal_session(account or self.default_account, username)

    def set_bot_running(
        self, username: str, running: bool = True, *, account: str | None = None
    ) -> str:
        """Make ``username`` the agent of a bot that runs (login → 409) or not; the bot's id."""
        return self.world.set_bot_running(account or self.default_account, username, running)

    def add_user(
        self,
        username: str,
        password: str | None = None,
        api_key: ApiKey | None = None,
        *,
        account: str | None = None,
    ) -> str:
        """A new dedicated user with a password or API keys; its id."""
        user = self.world.add_user(account or self.default_account, username, password, api_key)
        return user.id

    def hold_commands(self) -> None:
        """Commands stay ``waiting`` (and fail once their ttl is up) until released."""
        self.world.engine.hold()

    def release_commands(self) -> None:
        """Held commands run after the processing delay, if that is before their timeout."""
        self.world.engine.release()

    def commands(self, conversation_id: str, *, account: str | None = None) -> list[dict[str, Any]]:
        """The conversation's visible commands, newest first, as the API would list them."""
        conversation = self.world.conversation(account or self.default_account, conversation_id)
        return [c.to_json() for c in self.world.engine.visible(conversation)]

    def conversation_state(
        self, conversation_id: str, *, account: str | None = None
    ) -> dict[str, Any]:
        """What the commands did to a conversation (open, skill, ttr, SDEs, delivered messages).

        ``messages`` and ``sdes`` are the newest ``transcriptLimit`` (seed setting, 10000 by
        default) of each; ``messagesDropped`` and ``sdesDropped`` count those let go before.
        """
        with self.world.lock:
            self.world.engine.settle()
            found = self.world.account(account or self.default_account, 404).conversations
            c = found[conversation_id]
            return {
                "id": c.id,
                "channel": c.channel,
                "open": c.open,
                "bots": list(c.participants),
                "skill": c.skill,
                "agentId": c.agent_id,
                "ttr": c.ttr,
                "sdes": list(c.sdes),
                "messages": list(c.transcript),
                "messagesDropped": c.dropped,
                "sdesDropped": c.sdes_dropped,
            }

    def snapshot(self) -> dict[str, Any]:
        """The whole state without secrets: accounts, users, bots, conversations, faults."""
        with self.world.lock:
            self.world.engine.settle()
            accounts = []
            for a in self.world.accounts.values():
                users = [
                    {
                        "id": u.id,
                        "username": u.username,
                        "authType": u.auth_type,
                        "logins": self.world.logins[(a.id, u.username)],
                    }
                    for u in a.users.values()
                ]
                bots = [{"id": b.id, "user": b.user, "running": b.running} for b in a.bots.values()]
                conversations = [self.conversation_state(c, account=a.id) for c in a.conversations]
                accounts.append(
                    {
                        "id": a.id,
                        "zone": a.zone,
                        "skills": sorted(a.skills),
                        "agents": sorted(a.agents),
                        "users": users,
                        "bots": bots,
                        "conversations": conversations,
                    }
                )
            return {
                "now": self.world.now_ms(),
                "commandsHeld": self.world.engine.held,
                "faults": [f.to_json() for f in self.faults.pending()],
                "accounts": accounts,
            }
