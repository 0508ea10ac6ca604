"""The simulated service's records: accounts, bots, conversations, and the refusal they raise.

Plain data, imported by both :mod:`._state` (the rules) and :mod:`._engine` (the commands), so
neither needs the other's module to name them.
"""

from __future__ import annotations

from collections import deque
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


DEFAULT_TRANSCRIPT_LIMIT = 10_000


@dataclass
class Conversation:
    """A conversation and what the commands did to it.

    ``transcript`` (delivered messages) and ``sdes`` keep the newest ``limit`` entries each (the
    seed's ``transcriptLimit``, 10000 by default), so a long run holds at most that many per
    conversation; ``dropped`` counts the messages let go, ``sdes_dropped`` the SDEs.
    """

    id: str
    account_id: str
    channel: str
    participants: list[str]  # bot ids; the first holds the conversation
    open: bool = True
    skill: str | None = None
    agent_id: str | None = None
    ttr: str | None = None
    limit: int = DEFAULT_TRANSCRIPT_LIMIT
    sdes: deque[Any] = field(init=False)
    transcript: deque[Any] = field(init=False)
    dropped: int = 0
    sdes_dropped: int = 0

    def __post_init__(self) -> None:
        self.sdes = deque(maxlen=self.limit)
        self.transcript = deque(maxlen=self.limit)

    def deliver(self, messages: list[Any]) -> None:
        """Add delivered messages, letting the oldest go beyond the limit."""
        self.dropped += max(0, len(self.transcript) + len(messages) - self.limit)
        self.transcript.extend(messages)

    def add_sdes(self, sdes: list[Any]) -> None:
        self.sdes_dropped += max(0, len(self.sdes) + len(sdes) - self.limit)
        self.sdes.extend(sdes)

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
