"""The simulated service's state: accounts, sessions, conversations and their rules.

Everything here is synchronous and guarded by one re-entrant lock, so the ASGI app, the
in-process transports and a uvicorn thread can share one :class:`World`. A rule that refuses a
request raises :class:`ApiProblem` with the status the contract documents; the message says
what is wrong and never repeats a credential or a bearer.
"""

from __future__ import annotations

import base64
import hmac
import json
import secrets
import threading
import uuid
from collections import Counter
from typing import Any

from lptpb_ext.simulator._clock import Clock
from lptpb_ext.simulator._engine import CommandEngine
from lptpb_ext.simulator._model import Account, ApiProblem, Bot, Conversation
from lptpb_ext.simulator._seed import ApiKey, Seed, SeedAccount, SeedUser

__all__ = [
    "CSDS_HOSTS",
    "ZONE_HOSTS",
    "Account",
    "ApiProblem",
    "Bot",
    "Conversation",
    "World",
]

ZONE_HOSTS = {
    1: "bot-platform-api.fs.liveperson.com",
    2: "bot-platform-api.emea.fs.liveperson.com",
    3: "bot-platform-api.apac.fs.liveperson.com",
}
CSDS_HOSTS = frozenset({"api.liveperson.net", "adminlogin.liveperson.net"})
INVALID_BEARER = "invalid bearer token: log in again (a newer login of the user replaces it)"


def _account(seed: SeedAccount, limit: int) -> Account:
    conversations = {
        c.id: Conversation(c.id, seed.id, c.channel, [c.bot], limit=limit)
        for c in seed.conversations
    }
    return Account(
        seed.id,
        seed.zone,
        set(seed.skills),
        set(seed.agents),
        {u.username: u for u in seed.users},
        {b.id: Bot(b.id, b.user, b.running) for b in seed.bots},
        conversations,
    )


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _credentials_match(user: SeedUser, auth_type: str, credentials: dict[str, Any]) -> bool:
    if auth_type == "USER_PASS":
        given = credentials.get("password", "")
        return user.password is not None and hmac.compare_digest(user.password, given)
    key = user.api_key
    if key is None:
        return False
    wanted = ApiKey(
        credentials.get("appKey", ""),
        credentials.get("secret", ""),
        credentials.get("accessToken", ""),
        credentials.get("accessTokenSecret", ""),
    )
    pairs = zip(
        (key.app_key, key.secret, key.access_token, key.access_token_secret),
        (wanted.app_key, wanted.secret, wanted.access_token, wanted.access_token_secret),
        strict=True,
    )
    return all(hmac.compare_digest(a, b) for a, b in pairs)


class World:
    """Accounts, users, sessions and conversations, and the commands acting on them."""

    def __init__(self, seed: Seed, clock: Clock) -> None:
        self.lock = threading.RLock()
        self.clock = clock
        self.transcript_limit = seed.settings.transcript_limit
        self.accounts = {a.id: _account(a, self.transcript_limit) for a in seed.accounts}
        self._sessions: dict[tuple[str, str], str] = {}  # (account, username) -> bearer
        self._bearers: dict[str, tuple[str, str]] = {}
        self.logins: Counter[tuple[str, str]] = Counter()  # accepted logins per (account, user)
        self.engine = CommandEngine(self.lock, self.now_ms, self.accounts, seed.settings)

    def now_ms(self) -> int:
        return int(self.clock.time() * 1000)

    # ------------------------------------------------------------------ accounts and zones
    def account(self, account_id: str, status: int = 401) -> Account:
        account = self.accounts.get(account_id)
        if account is None:
            raise ApiProblem(status, f"unknown account {account_id!r}")
        return account

    def check_zone(self, account: Account, host: str) -> None:
        """A LivePerson zone host only serves its own accounts; other hosts serve all."""
        if host in ZONE_HOSTS.values() and host != ZONE_HOSTS[account.zone]:
            raise ApiProblem(401, f"account {account.id} is not served by {host}")

    def service_domains(self, account_id: str, host: str) -> list[dict[str, str]]:
        """The Domain API entries of the account, as seen from ``host``."""
        account = self.account(account_id)
        own = ZONE_HOSTS[account.zone] if host in CSDS_HOSTS | set(ZONE_HOSTS.values()) else host
        return [
            {"service": "thirdPartyBots", "account": account.id, "baseURI": own},
            {
                "service": "botConnectorsDomain",
                "account": account.id,
                "baseURI": f"z{account.zone}.bot-connectors.liveperson.net",
            },
        ]

    # ------------------------------------------------------------------ sessions
    def _issue(self, account_id: str, user: SeedUser) -> str:
        header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
        claims = {"sub": user.id, "acc": account_id, "iat": self.now_ms() // 1000}
        claims["jti"] = secrets.token_hex(8)
        bearer = f"{header}.{_b64(json.dumps(claims).encode())}.{_b64(secrets.token_bytes(32))}"
        self._end_session(account_id, user.username)
        self._sessions[(account_id, user.username)] = bearer
        self._bearers[bearer] = (account_id, user.username)
        return bearer

    def _end_session(self, account_id: str, username: str) -> None:
        old = self._sessions.pop((account_id, username), None)
        if old is not None:
            self._bearers.pop(old, None)

    def login(self, account_id: str, auth_type: str, credentials: dict[str, Any]) -> str:
        """A new bearer; the user's previous bearer stops working (one session per user)."""
        with self.lock:
            account = self.account(account_id)
            user = account.users.get(credentials.get("username", ""))
            if (
                user is None
                or not user.enabled
                or not _credentials_match(user, auth_type, credentials)
            ):
                raise ApiProblem(401, "the credentials were not accepted")
            bot = account.bot_of_user(user.username)
            if bot is not None and bot.running:
                raise ApiProblem(
                    409, f"the user is the agent of the running bot {bot.id}; use a dedicated user"
                )
            self.logins[(account_id, user.username)] += 1
            return self._issue(account_id, user)

    def authenticate(self, account_id: str, authorization: str | None) -> SeedUser:
        """The user behind ``Authorization: Bearer …`` for this account, or 401."""
        scheme, _, bearer = (authorization or "").strip().partition(" ")
        if scheme.lower() != "bearer" or not bearer.strip():
            raise ApiProblem(401, "missing bearer token: send 'Authorization: Bearer <bearer>'")
        with self.lock:
            owner = self._bearers.get(bearer.strip())
            if owner is None or owner[0] != account_id:
                raise ApiProblem(401, INVALID_BEARER)
            return self.accounts[owner[0]].users[owner[1]]

    def steal_session(self, account_id: str, username: str) -> None:
        """Another login of the user happens elsewhere: its current bearer answers 401."""
        with self.lock:
            account = self.account(account_id, status=404)
            if username not in account.users:
                raise ApiProblem(404, f"unknown user {username!r}")
            self._issue(account_id, account.users[username])

    def steal_session_of(self, authorization: str | None) -> None:
        """:meth:`steal_session` for the user a bearer belongs to (no-op for unknown ones)."""
        bearer = (authorization or "").strip().partition(" ")[2].strip()
        with self.lock:
            owner = self._bearers.get(bearer)
            if owner is not None:
                self.steal_session(*owner)

    def set_bot_running(self, account_id: str, username: str, running: bool) -> str:
        """Make ``username`` the agent of a bot (created if needed) that runs or is stopped.

        A bot that starts running logs its user in, which ends that user's API session.
        """
        with self.lock:
            account = self.account(account_id, status=404)
            if username not in account.users:
                raise ApiProblem(404, f"unknown user {username!r}")
            bot = account.bot_of_user(username)
            if bot is None:
                bot = Bot(f"sim-bot-{len(account.bots) + 1}", username, running)
                account.bots[bot.id] = bot
            bot.running = running
            if running:
                self._end_session(account_id, username)
            return bot.id

    # ------------------------------------------------------------------ conversations
    def conversation(self, account_id: str, conversation_id: str) -> Conversation:
        """An active conversation held by a bot of the account, or 404."""
        with self.lock:
            self.engine.settle()
            found = self.account(account_id, status=404).conversations.get(conversation_id)
            if found is None or not found.held:
                raise ApiProblem(404, f"conversation {conversation_id!r} not found or not active")
            return found

    def create_conversation(
        self,
        account_id: str,
        channel: str = "messaging",
        bot_id: str | None = None,
        conversation_id: str | None = None,
    ) -> Conversation:
        with self.lock:
            account = self.account(account_id, status=404)
            if channel not in ("messaging", "chat"):
                raise ApiProblem(400, "channel must be 'messaging' or 'chat'")
            bot_id = bot_id or next(iter(account.bots), None)
            if bot_id is None or bot_id not in account.bots:
                raise ApiProblem(404, "the conversation needs a bot of the account")
            cid = conversation_id or str(uuid.uuid4())
            if cid in account.conversations:
                raise ApiProblem(409, f"conversation {cid!r} exists")
            conversation = Conversation(
                cid, account_id, channel, [bot_id], limit=self.transcript_limit
            )
            account.conversations[cid] = conversation
            return conversation

    def close_conversation(self, account_id: str, conversation_id: str) -> None:
        """Close at once, as if the consumer or an agent had ended it."""
        with self.lock:
            self.engine.settle()
            found = self.account(account_id, status=404).conversations.get(conversation_id)
            if found is None:
                raise ApiProblem(404, f"unknown conversation {conversation_id!r}")
            found.open = False

    def add_user(
        self, account_id: str, username: str, password: str | None, api_key: ApiKey | None
    ) -> SeedUser:
        with self.lock:
            account = self.account(account_id, status=404)
            if username in account.users:
                raise ApiProblem(409, f"user {username!r} exists")
            if (password is None) == (api_key is None):
                raise ApiProblem(400, "a user needs exactly one of password and apiKey")
            user = SeedUser(str(7_000_000_000 + len(account.users)), username, password, api_key)
            account.users[username] = user
            return user
