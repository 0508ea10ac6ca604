"""The simulated service's records: accounts, bots, conversations, and the refusal they raise.

Plain data, imported by both :mod:`._state` (the rules) and :mod:`._engine` (the commands), so
neither needs the other's module to name them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lptpb_ext.simulator._seed import SeedUser

__all__ = ["Account", "ApiProblem", "Bot", "Conversation"]


class ApiProblem(Exception):  # noqa: N818 - an answer, not a failure of the simulator
    """A request the service refuses: ``status`` and a message safe to show."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Bot:
    id: str
    user: str
    running: bool


@dataclass
class Conversation:
    """A conversation and what the commands did to it."""

    id: str
    account_id: str
    channel: str
    participants: list[str]  # bot ids; the first holds the conversation
    source: str | None = None  # the consumer's channel (facebook, sms...), for channel rules
    open: bool = True
    skill: str | None = None
    agent_id: str | None = None
    ttr: str | None = None
    sdes: list[Any] = field(default_factory=list)
    transcript: list[Any] = field(default_factory=list)

    @property
    def held(self) -> bool:
        """Active and held by a Third-Party Bots bot: the only state the API answers for."""
        return self.open and bool(self.participants)


@dataclass
class Account:
    id: str
    zone: int
    skills: set[str]
    agents: set[str]
    users: dict[str, SeedUser]
    bots: dict[str, Bot]
    conversations: dict[str, Conversation]

    def bot_of_user(self, username: str) -> Bot | None:
        return next((b for b in self.bots.values() if b.user == username), None)

    def bot_with_agent(self, agent_id: str) -> Bot | None:
        user = next((u for u in self.users.values() if u.id == agent_id), None)
        return None if user is None else self.bot_of_user(user.username)
