"""The seed: the accounts, users, bots and conversations a simulator starts with.

A seed is a YAML or JSON file (YAML is read, so JSON works too) or the same mapping in Python.
``default_seed.yaml`` beside this module is the default and documents every field; only
``accounts[].id`` and, per user, ``username`` plus one credential are required::

    settings:            # all optional
      processingDelay: 0.5   # seconds from a command's creation to its run (default 0.5)
      executionTime: 0.2     # seconds a command takes to run (default 0.2)
      retention: 200         # commands kept per bot (default 200)
      transcriptLimit: 10000 # messages (and SDEs) kept per conversation, newest (default 10000)
    accounts:
      - id: "12345678"
        zone: 1              # 1 Americas, 2 EMEA, 3 APAC (default 1)
        skills: [human_skill]        # transferable skill names, case-sensitive (default none)
        agents: ["4129463410"]       # human agent ids a transfer may name (default none)
        users:
          - {id: "5000000001", username: someuser, password: "123456"}
          - username: someusername   # id defaults to a number derived from the position
            apiKey: {appKey: ..., secret: ..., accessToken: ..., accessTokenSecret: ...}
        bots:                # Third-Party Bots bots; `user` is the user the bot runs as
          - {id: tpb-bot-1, user: bot_runner, running: true}   # running defaults to true
        conversations:       # channel: messaging (default) or chat; bot: the first bot
          - {id: 2312ed0e-662e-4c94-9022-f0991058b4a4, channel: messaging, bot: tpb-bot-1}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

import yaml

from lptpb_ext.simulator._schema import LOADER

__all__ = [
    "DEFAULT_SEED_PATH",
    "ApiKey",
    "Seed",
    "SeedAccount",
    "SeedBot",
    "SeedConversation",
    "SeedError",
    "SeedUser",
    "Settings",
    "load_seed",
]

DEFAULT_SEED_PATH = Path(__file__).with_name("default_seed.yaml")
CHANNELS = ("messaging", "chat")
T = TypeVar("T")


class SeedError(ValueError):
    """The seed is malformed; the message names the field."""


@dataclass(frozen=True)
class ApiKey:
    """The four OAuth 1 values of an API-key user."""

    app_key: str
    secret: str
    access_token: str
    access_token_secret: str


@dataclass(frozen=True)
class SeedUser:
    """A LivePerson user that can log in with a password or with API keys (not both)."""

    id: str
    username: str
    password: str | None = None
    api_key: ApiKey | None = None
    enabled: bool = True

    def __repr__(self) -> str:  # never show credentials
        return f"SeedUser(id={self.id!r}, username={self.username!r})"

    @property
    def auth_type(self) -> str:
        """The login method: ``USER_PASS`` or ``API_KEY``."""
        return "USER_PASS" if self.password is not None else "API_KEY"


@dataclass(frozen=True)
class SeedBot:
    """A Third-Party Bots bot, running as ``user``."""

    id: str
    user: str
    running: bool = True


@dataclass(frozen=True)
class SeedConversation:
    """An active conversation held by ``bot``."""

    id: str
    bot: str
    channel: str = "messaging"


@dataclass(frozen=True)
class SeedAccount:
    id: str
    zone: int = 1
    skills: tuple[str, ...] = ()
    agents: tuple[str, ...] = ()
    users: tuple[SeedUser, ...] = ()
    bots: tuple[SeedBot, ...] = ()
    conversations: tuple[SeedConversation, ...] = ()


@dataclass(frozen=True)
class Settings:
    processing_delay: float = 0.5
    execution_time: float = 0.2
    retention: int = 200
    transcript_limit: int = 10_000


@dataclass(frozen=True)
class Seed:
    accounts: tuple[SeedAccount, ...]
    settings: Settings = field(default_factory=Settings)


def _get(node: dict[str, Any], key: str, kind: type[T], where: str, default: T | None = None) -> T:
    """``node[key]`` as ``kind`` (numbers are accepted for text and whole numbers for floats)."""
    value = node.get(key, default)
    if value is None:
        raise SeedError(f"{where}.{key} is required")
    if not isinstance(value, bool) and isinstance(value, int) and kind in (str, float):
        value = str(value) if kind is str else float(value)
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise SeedError(f"{where}.{key} must be of type {kind.__name__}")
    return value


def _user(node: dict[str, Any], where: str, index: int) -> SeedUser:
    password = node.get("password")
    key = node.get("apiKey")
    if (password is None) == (key is None):
        raise SeedError(f"{where} needs exactly one of password and apiKey")
    api_key = None
    if key is not None:
        names = ("appKey", "secret", "accessToken", "accessTokenSecret")
        api_key = ApiKey(*(_get(key, n, str, f"{where}.apiKey") for n in names))
    return SeedUser(
        id=_get(node, "id", str, where, str(5_000_000_001 + index)),
        username=_get(node, "username", str, where),
        password=None if password is None else _get(node, "password", str, where),
        api_key=api_key,
        enabled=_get(node, "enabled", bool, where, True),
    )


def _account(node: dict[str, Any], where: str) -> SeedAccount:
    account_id = _get(node, "id", str, where)
    zone = _get(node, "zone", int, where, 1)
    if zone not in (1, 2, 3):
        raise SeedError(f"{where}.zone must be 1, 2 or 3")
    users = tuple(_user(u, f"{where}.users[{i}]", i) for i, u in enumerate(node.get("users") or []))
    names = {u.username for u in users}
    bots = []
    for i, b in enumerate(node.get("bots") or []):
        bot = SeedBot(
            _get(b, "id", str, f"{where}.bots[{i}]"),
            _get(b, "user", str, f"{where}.bots[{i}]"),
            _get(b, "running", bool, f"{where}.bots[{i}]", True),
        )
        if bot.user not in names:
            raise SeedError(f"{where}.bots[{i}].user names no user of the account")
        bots.append(bot)
    conversations = []
    for i, c in enumerate(node.get("conversations") or []):
        at = f"{where}.conversations[{i}]"
        if not bots and "bot" not in c:
            raise SeedError(f"{at}.bot is required when the account has no bot")
        conversation = SeedConversation(
            _get(c, "id", str, at),
            _get(c, "bot", str, at, bots[0].id if bots else None),
            _get(c, "channel", str, at, "messaging"),
        )
        if conversation.channel not in CHANNELS:
            raise SeedError(f"{at}.channel must be one of {CHANNELS}")
        if conversation.bot not in {b.id for b in bots}:
            raise SeedError(f"{at}.bot names no bot of the account")
        conversations.append(conversation)
    return SeedAccount(
        id=account_id,
        zone=zone,
        skills=tuple(str(s) for s in node.get("skills") or []),
        agents=tuple(str(a) for a in node.get("agents") or []),
        users=users,
        bots=tuple(bots),
        conversations=tuple(conversations),
    )


def parse_seed(data: dict[str, Any]) -> Seed:
    """A :class:`Seed` from its mapping form; :class:`SeedError` names what is wrong."""
    if not isinstance(data, dict) or not isinstance(data.get("accounts"), list):
        raise SeedError("a seed is a mapping with an 'accounts' list")
    raw = data.get("settings") or {}
    settings = Settings(
        processing_delay=_get(raw, "processingDelay", float, "settings", 0.5),
        execution_time=_get(raw, "executionTime", float, "settings", 0.2),
        retention=_get(raw, "retention", int, "settings", 200),
        transcript_limit=_get(raw, "transcriptLimit", int, "settings", 10_000),
    )
    if (
        settings.retention < 1
        or settings.transcript_limit < 1
        or settings.processing_delay < 0
        or settings.execution_time < 0
    ):
        raise SeedError(
            "settings: retention and transcriptLimit must be positive and times not negative"
        )
    accounts = tuple(_account(a, f"accounts[{i}]") for i, a in enumerate(data["accounts"]))
    if len({a.id for a in accounts}) != len(accounts):
        raise SeedError("accounts: ids must be unique")
    return Seed(accounts, settings)


def load_seed(source: str | Path | dict[str, Any] | Seed | None = None) -> Seed:
    """A seed from a file path, a mapping, a :class:`Seed`, or None for the default seed."""
    if isinstance(source, Seed):
        return source
    if isinstance(source, dict):
        return parse_seed(source)
    path = DEFAULT_SEED_PATH if source is None else Path(source)
    with path.open(encoding="utf-8") as f:
        data = yaml.load(f, Loader=LOADER)  # noqa: S506 - a safe loader (libyaml's when built)
        return parse_seed(cast("dict[str, Any]", data))
