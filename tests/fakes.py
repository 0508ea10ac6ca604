"""A small stateful fake of the API, mounted at the transport, for the client's own tests.

It keeps what the client's behaviour depends on and lets each test count it: logins per
user (one session per user: a login replaces the bearer), commands created per conversation
(so "delivered exactly once" is checkable), and a fault queue consulted before and after a
request is processed. The full simulator (``lptpb_ext.simulator``) is exercised elsewhere;
this fake stays small so each client test states exactly the server behaviour it relies on.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import threading
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

ACCOUNT = "12345678"
CONVERSATION = "2312ed0e-662e-4c94-9022-f0991058b4a4"
BASE_URL = "https://bot-platform-api.fs.liveperson.com"

_CONVERSATION_OP = re.compile(r"^/api/v1/account/(\w+)/conversation/([^/]+)/(\w+)$")
_COMMAND = re.compile(r"^/api/v1/account/(\w+)/conversation/([^/]+)/command(?:/([^/]+))?$")


@dataclass
class Fault:
    """What to do with the next matching request; ``when`` is "before" or "after" processing."""

    when: str
    make: Callable[[httpx.Request], httpx.Response | Exception | None]  # None: carry on
    operation: str | None = None  # path suffix such as "messages" or "login"; None: any


@dataclass
class FakeApi:
    users: dict[str, str] = field(default_factory=lambda: {"bot-api": "s3cret-pass"})
    bot_users: set[str] = field(default_factory=set)  # users attached to a running bot: 409
    logins: Counter[str] = field(default_factory=Counter)
    requests: list[httpx.Request] = field(default_factory=list)
    commands: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    closed: set[str] = field(default_factory=set)
    faults: deque[Fault] = field(default_factory=deque)
    now_ms: Callable[[], int] = lambda: int(time.time() * 1000)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._command_ids = itertools.count(1)
        self._bearers: dict[str, str] = {}
        self._owner: dict[str, str] = {}

    # ---------------------------------------------------------------- control
    def bearer_of(self, user: str) -> str | None:
        return self._bearers.get(user)

    def steal(self, user: str = "bot-api") -> None:
        """Another consumer logs in as ``user``: the current bearer starts answering 401."""
        with self._lock:
            self.logins[user] += 1
            self._new_bearer(user)

    def delivered(self, conversation: str = CONVERSATION) -> Counter[str]:
        """How many commands carried each message text (or operation name)."""
        out: Counter[str] = Counter()
        for command in self.commands.get(conversation, []):
            out[command["key"]] += 1
        return out

    def add_fault(self, fault: Fault) -> None:
        self.faults.append(fault)

    # ---------------------------------------------------------------- transport
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        request.read()
        with self._lock:
            self.requests.append(request)
        before = self._fault("before", request)
        if isinstance(before, Exception):
            raise before
        if before is not None:
            return before
        response = self.respond(request)
        after = self._fault("after", request)
        if isinstance(after, Exception):
            raise after
        return after if after is not None else response

    def _fault(self, when: str, request: httpx.Request) -> httpx.Response | Exception | None:
        with self._lock:
            for fault in list(self.faults):
                if fault.when == when and (
                    fault.operation is None or request.url.path.endswith(fault.operation)
                ):
                    self.faults.remove(fault)
                    return fault.make(request)
        return None

    def _new_bearer(self, user: str) -> str:
        old = self._bearers.get(user)
        if old is not None:
            self._owner.pop(old, None)
        bearer = f"bearer-{user}-{next(self._ids)}"
        self._bearers[user] = bearer
        self._owner[bearer] = user
        return bearer

    def respond(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.endswith("/login"):
            return self._login(request)
        auth = request.headers.get("authorization", "")
        with self._lock:
            user = self._owner.get(auth.removeprefix("Bearer "))
        if user is None:
            return httpx.Response(401, text="Unauthorized")
        match = _COMMAND.match(path)
        if match and request.method == "GET":
            return self._read(match.group(2), match.group(3))
        match = _CONVERSATION_OP.match(path)
        if match and request.method == "POST":
            return self._command(match.group(2), match.group(3), request)
        return httpx.Response(404, text="Not Found")

    def _login(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        credentials = body.get("credentials", body)
        user = credentials.get("username")
        with self._lock:
            self.logins[user] += 1
            if self.users.get(user) != credentials.get("password"):
                return httpx.Response(401, text="Unauthorized")
            if user in self.bot_users:
                return httpx.Response(409, text="User is used by a running bot")
            return httpx.Response(200, json={"bearer": self._new_bearer(user)})

    def _command(self, conversation: str, operation: str, request: httpx.Request) -> httpx.Response:
        if conversation in self.closed:
            return httpx.Response(404, text="conversation not found")
        body = json.loads(request.content) if request.content else {}
        ttl = int(request.url.params.get("ttl", "30"))
        key = operation
        if operation == "messages":
            key = "|".join(m if isinstance(m, str) else json.dumps(m) for m in body["messages"])
        with self._lock:
            command_id = str(next(self._command_ids))
            self.commands.setdefault(conversation, []).append(
                {
                    "key": key,
                    "id": command_id,
                    "data": {
                        "type": operation,
                        "payload": body,
                        "conversationId": conversation,
                        "timeoutTime": self.now_ms() + ttl * 1000,
                    },
                    "result": None,
                    "state": "waiting",
                }
            )
        return httpx.Response(200, json={"commandId": command_id})

    def _read(self, conversation: str, command_id: str | None) -> httpx.Response:
        if conversation in self.closed:
            return httpx.Response(404, text="conversation not found")
        listed = [
            {k: v for k, v in c.items() if k != "key"}
            for c in reversed(self.commands.get(conversation, []))
        ]
        if command_id is None:
            return httpx.Response(200, json=listed)
        for command in listed:
            if command["id"] == command_id:
                return httpx.Response(200, json=command)
        return httpx.Response(404, text="command not found")

    def settle(self, command_id: str, state: str, error: str | None = None) -> None:
        """Move a command out of ``waiting``, as the service does once it ran."""
        for commands in self.commands.values():
            for command in commands:
                if command["id"] == command_id:
                    now = self.now_ms()
                    command["state"] = state
                    command["result"] = {"startTime": now, "endTime": now, "executionTime": 0}
                    if error:
                        command["result"]["error"] = {"name": error, "trace": []}


class Gate:
    """Holds requests until ``count`` of them are in flight, then lets all through at once.

    Used to put many callers' requests in flight together before the session is stolen, so
    all of them get their 401 at the same moment.
    """

    def __init__(self, count: int, on_open: Callable[[], None]) -> None:
        self._count = count
        self._on_open = on_open
        self._barrier = threading.Barrier(count, action=on_open)
        self._arrived = 0
        self._event: asyncio.Event | None = None
        self.closed = True

    def wait_sync(self) -> None:
        if self.closed:
            self._barrier.wait(timeout=60)

    def open(self) -> None:
        self.closed = False

    async def wait_async(self) -> None:
        if not self.closed:
            return
        if self._event is None:
            self._event = asyncio.Event()
        self._arrived += 1
        if self._arrived == self._count:
            self._on_open()
            self._event.set()
        await asyncio.wait_for(self._event.wait(), 60)


class FakeClock:
    """Monotonic time that moves only when the code under test sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)
