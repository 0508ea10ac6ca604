"""The call loop: one deadline, bounded retries, re-login through an ``httpx.Auth`` flow.

A call is planned once, without I/O, by :func:`_plan`, a generator that yields what to do next
(send this request, sleep this long) and receives what happened. :class:`SyncEngine` and
:class:`AsyncEngine` only drive it, so both clients behave identically by construction.

Re-login lives in :class:`_BearerAuth`, an ``httpx.Auth`` flow handed to ``send`` per request:
it puts the session's bearer on the request and, on a 401, asks the session for a bearer other
than the rejected one (compare-and-clear, single flight) and replays the request once. Passing
the auth per request means an httpx client the user injects keeps its own settings while still
getting ours. Redirects are never followed, whatever the client's ``follow_redirects``: a 3xx
is an error (:class:`~lptpb_ext.UnexpectedStatusError`), so a login body or a command never
goes to a host the caller did not configure.
"""

from __future__ import annotations

import asyncio
import contextvars
import random
import time
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator
from dataclasses import dataclass, field
from typing import Generic, Self, TypeVar

import httpx
import pydantic

from lptpb_ext._credentials import Bearer, Credentials, SecretBytes
from lptpb_ext._errors import (
    AuthenticationError,
    DeadlineExceededError,
    OutcomeUnknownError,
    Reconciliation,
    RequestTimeoutError,
    TransportError,
)
from lptpb_ext._events import LOGGER, ReloginEvent, ReloginHook, RetryEvent, RetryHook
from lptpb_ext._responses import api_error, parse
from lptpb_ext._retry import CallKind, Failure, RetryPolicy, decide, failure_of, retry_after
from lptpb_ext._routes import route
from lptpb_ext._session import Session
from lptpb_ext._version import __version__
from lptpb_models import LoginResponse

__all__ = [
    "DEFAULT_TIMEOUT",
    "AsyncEngine",
    "Call",
    "CallOptions",
    "SyncEngine",
    "capture",
    "dump",
    "end_capture",
]

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
DEFAULT_DEADLINE = 60.0
USER_AGENT = f"lptpb-python/{__version__}"
_HEADERS = {"Accept": "application/json", "User-Agent": USER_AGENT}
_BODY_HEADERS = {**_HEADERS, "Content-Type": "application/json"}
H = TypeVar("H", httpx.Client, httpx.AsyncClient)

_CAPTURE: contextvars.ContextVar[list[httpx.Response] | None] = contextvars.ContextVar(
    "lptpb_capture", default=None
)


@dataclass(frozen=True)
class CallOptions:
    """Per-client defaults, overridable per call with ``client.with_options(...)``.

    ``timeout`` bounds each attempt (connect 5 s, read/write/pool 30 s by default); ``deadline``
    bounds the whole call, attempts, backoff and re-login included.
    """

    timeout: httpx.Timeout = field(default_factory=lambda: DEFAULT_TIMEOUT)
    deadline: float = DEFAULT_DEADLINE
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    on_retry: RetryHook | None = None
    on_relogin: ReloginHook | None = None


@dataclass(frozen=True)
class Call:
    """One API call, before any I/O."""

    operation: str
    kind: CallKind
    ids: tuple[str, ...]  # path parameters after the account id
    content: bytes | None = None  # a login body is SecretBytes: its repr hides the password
    ttl: int | None = None
    conversation_id: str = ""
    authenticated: bool = True
    domain_api: bool = False


@dataclass(frozen=True)
class _Send:
    request: httpx.Request


@dataclass(frozen=True)
class _Sleep:
    seconds: float


@dataclass(frozen=True)
class _Resolve:
    """Make sure the API host is known (a Domain API lookup, cached by the resolver)."""


_Action = _Send | _Sleep | _Resolve
_Outcome = httpx.Response | httpx.TransportError | None


class _Engine(Generic[H]):
    """Everything both drivers share: configuration, request building, the plan."""

    http: H

    def __init__(
        self,
        *,
        http: H,
        account_id: str,
        credentials: Credentials,
        session: Callable[[], Session],
        base_url: Callable[[bool], str],
        options: CallOptions,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        rand: random.Random | None = None,
        on_connect_failure: Callable[[], None] | None = None,
        resolves: bool = False,
    ) -> None:
        self.http = http
        self.account_id = account_id
        self.credentials = credentials
        self._session = session
        self._base_url = base_url
        self.options = options
        self.clock = clock
        self.wall_clock = wall_clock
        self.rand = rand
        self._on_connect_failure = on_connect_failure
        self._resolves = resolves

    def with_options(self, options: CallOptions) -> Self:
        twin = object.__new__(type(self))
        twin.__dict__.update(self.__dict__)
        twin.options = options
        return twin

    @property
    def session(self) -> Session:
        return self._session()

    def secrets(self) -> tuple[str, ...]:
        session: Session = self._session()
        current: str | None = session.bearer
        return (*self.credentials.secrets, *((current,) if current else ()))

    def _request(self, call: Call, remaining: float) -> httpx.Request:
        found = route(call.operation)
        timeout = _timeouts(self.options.timeout, remaining)
        headers = _BODY_HEADERS if call.content is not None else _HEADERS
        url = self._base_url(call.domain_api) + found.path(self.account_id, *call.ids)
        params = None
        if self.http.params:  # the caller's client has query defaults: let httpx merge them
            params = found.query_params(call.ttl)
        else:  # the query goes into the URL string, so httpx parses the URL once, not twice
            url += found.query(call.ttl)
        return self.http.build_request(
            found.method, url, params=params, content=call.content, headers=headers,
            extensions={"timeout": timeout},
        )  # fmt: skip

    def _plan(self, call: Call) -> Generator[_Action, _Outcome, httpx.Response]:
        options = self.options
        deadline_at = self.clock() + options.deadline
        sent_at_ms = int(self.wall_clock() * 1000)
        attempt = 0
        while True:
            attempt += 1
            remaining = deadline_at - self.clock()
            if remaining <= 0:
                raise DeadlineExceededError(call.operation, options.deadline, attempt - 1)
            if self._resolves and not call.domain_api:
                yield _Resolve()
            started = self.clock()
            outcome = yield _Send(self._request(call, remaining))
            latency_ms = (self.clock() - started) * 1000
            remaining = deadline_at - self.clock()
            if isinstance(outcome, httpx.TransportError):
                failure = failure_of(outcome)
                LOGGER.debug(
                    "%s attempt=%d failed: %s (%s) latency_ms=%.1f",
                    call.operation, attempt, type(outcome).__name__, failure.value, latency_ms,
                )  # fmt: skip
                if failure is Failure.NOT_SENT and self._on_connect_failure is not None:
                    self._on_connect_failure()
                decision = decide(
                    call.kind, attempt=attempt, policy=options.retry, remaining=remaining,
                    ttl=call.ttl, failure=failure, rand=self.rand,
                )  # fmt: skip
                if not decision.retry:
                    raise self._transport_error(call, outcome, failure, sent_at_ms)
            else:
                assert outcome is not None  # noqa: S101 - a _Send is answered with an outcome
                LOGGER.debug(
                    "%s attempt=%d status=%d latency_ms=%.1f",
                    call.operation, attempt, outcome.status_code, latency_ms,
                )  # fmt: skip
                if outcome.status_code == 200:  # the contract's only success; 3xx are errors
                    return outcome
                hint = retry_after(outcome.headers, self.wall_clock())
                decision = decide(
                    call.kind, attempt=attempt, policy=options.retry, remaining=remaining,
                    ttl=call.ttl, status=outcome.status_code, hint=hint, rand=self.rand,
                )  # fmt: skip
                if not decision.retry:
                    return outcome
            LOGGER.info(
                "%s attempt=%d retrying in %.3fs: %s",
                call.operation, attempt, decision.delay, decision.reason,
            )  # fmt: skip
            if options.on_retry is not None:
                options.on_retry(
                    RetryEvent(call.operation, attempt, decision.delay, decision.reason)
                )
            yield _Sleep(decision.delay)

    def _transport_error(
        self, call: Call, exc: httpx.TransportError, failure: Failure, sent_at_ms: int
    ) -> TransportError:
        name = type(exc).__name__
        if call.kind == "command" and failure is Failure.MAYBE_SENT:
            return OutcomeUnknownError(
                call.operation,
                f"{name} after the request was sent",
                Reconciliation(
                    self.account_id, call.conversation_id, call.operation, sent_at_ms, call.ttl
                ),
            )
        if isinstance(exc, httpx.TimeoutException):
            return RequestTimeoutError(call.operation, f"{name}: {failure.value}")
        return TransportError(call.operation, f"{name}: {failure.value}")

    def _login_call(self) -> Call:
        credentials = self.credentials
        if isinstance(credentials, Bearer):
            raise AuthenticationError(
                "login",
                401,
                hint="the bearer given to the client was rejected and it has no credentials "
                "to log in again",
            )
        # One expression: neither the body model nor its bytes sit in a local of this frame.
        content = SecretBytes(dump(credentials.login_body()))
        return Call(credentials.operation, "login", (), content, authenticated=False)

    def _finish(self, call: Call, response: httpx.Response) -> httpx.Response:
        captured = _CAPTURE.get()
        if captured is not None and call.kind != "login":
            captured.append(response)
        if response.status_code != 200:
            raise api_error(call.operation, response, self.secrets())
        return response

    def _bearer_of(self, call: Call, response: httpx.Response) -> str:
        return parse(call.operation, LoginResponse, self._finish(call, response)).bearer

    def _relogin_event(self, operation: str) -> None:
        LOGGER.info("%s: bearer rejected; logged in again", operation)
        hook = self.options.on_relogin
        if hook is not None:
            hook(ReloginEvent(operation, self.account_id, self._session().logins))


async def _nothing() -> None:
    return None


def _cap(value: float | None, remaining: float) -> float:
    return remaining if value is None else min(value, remaining)


def _timeouts(timeout: httpx.Timeout, remaining: float) -> dict[str, float]:
    """Each of ``timeout``'s limits capped at ``remaining`` seconds, as the request extension
    httpx reads (what ``httpx.Timeout(...).as_dict()`` gives, without building Timeouts)."""
    connect, read, write, pool = timeout.connect, timeout.read, timeout.write, timeout.pool
    if (
        connect is not None and read is not None and write is not None and pool is not None
        and remaining >= max(connect, read, write, pool)
    ):  # fmt: skip
        return {"connect": connect, "read": read, "write": write, "pool": pool}
    return {
        "connect": _cap(connect, remaining),
        "read": _cap(read, remaining),
        "write": _cap(write, remaining),
        "pool": _cap(pool, remaining),
    }


class SyncEngine(_Engine[httpx.Client]):
    sleep: Callable[[float], None] = staticmethod(time.sleep)
    resolve: Callable[[], None] = staticmethod(lambda: None)

    def send(self, call: Call) -> httpx.Response:
        """Run ``call`` to its final response; error statuses raise typed errors."""
        auth = _BearerAuth(self, call.operation) if call.authenticated else None
        plan = self._plan(call)
        try:
            action = next(plan)
            while True:
                if isinstance(action, _Sleep | _Resolve):
                    self.sleep(action.seconds) if isinstance(action, _Sleep) else self.resolve()
                    action = plan.send(None)
                    continue
                result: _Outcome
                try:
                    result = self.http.send(action.request, auth=auth, follow_redirects=False)
                except httpx.TransportError as exc:
                    result = exc
                action = plan.send(result)
        except StopIteration as stop:
            response: httpx.Response = stop.value
        return self._finish(call, response)

    def login(self) -> str:
        call = self._login_call()
        return self._bearer_of(call, self.send(call))

    def bearer(self, stale: str | None = None, operation: str = "login") -> str:
        if stale is None:
            return self.session.get(self.login, timeout=self.options.deadline)

        def relogin() -> str:
            bearer = self.login()
            self._relogin_event(operation)
            return bearer

        return self.session.get(relogin, stale=stale, timeout=self.options.deadline)


class AsyncEngine(_Engine[httpx.AsyncClient]):
    sleep: Callable[[float], Awaitable[None]] = staticmethod(asyncio.sleep)
    resolve: Callable[[], Awaitable[None]] = staticmethod(_nothing)

    async def send(self, call: Call) -> httpx.Response:
        """Run ``call`` to its final response; error statuses raise typed errors."""
        auth = _BearerAuth(self, call.operation) if call.authenticated else None
        plan = self._plan(call)
        try:
            action = next(plan)
            while True:
                if isinstance(action, _Sleep | _Resolve):
                    await (
                        self.sleep(action.seconds) if isinstance(action, _Sleep) else self.resolve()
                    )
                    action = plan.send(None)
                    continue
                result: _Outcome
                try:
                    result = await self.http.send(action.request, auth=auth, follow_redirects=False)
                except httpx.TransportError as exc:
                    result = exc
                action = plan.send(result)
        except StopIteration as stop:
            response: httpx.Response = stop.value
        return self._finish(call, response)

    async def login(self) -> str:
        call = self._login_call()
        return self._bearer_of(call, await self.send(call))

    async def bearer(self, stale: str | None = None, operation: str = "login") -> str:
        if stale is None:
            return await self.session.aget(self.login, timeout=self.options.deadline)

        async def relogin() -> str:
            bearer = await self.login()
            self._relogin_event(operation)
            return bearer

        return await self.session.aget(relogin, stale=stale, timeout=self.options.deadline)


class _BearerAuth(httpx.Auth):
    """Sends the session's bearer; on a 401, gets a newer one and replays the request once."""

    def __init__(self, engine: SyncEngine | AsyncEngine, operation: str) -> None:
        self._engine = engine
        self._operation = operation

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response]:
        engine = self._engine
        assert isinstance(engine, SyncEngine)  # noqa: S101 - httpx calls the flow of its kind
        bearer = engine.bearer()
        request.headers["Authorization"] = f"Bearer {bearer}"
        response = yield request
        if response.status_code == 401:
            renewed = engine.bearer(stale=bearer, operation=self._operation)
            request.headers["Authorization"] = f"Bearer {renewed}"
            yield request

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        engine = self._engine
        assert isinstance(engine, AsyncEngine)  # noqa: S101 - httpx calls the flow of its kind
        bearer = await engine.bearer()
        request.headers["Authorization"] = f"Bearer {bearer}"
        response = yield request
        if response.status_code == 401:
            renewed = await engine.bearer(stale=bearer, operation=self._operation)
            request.headers["Authorization"] = f"Bearer {renewed}"
            yield request


def capture() -> tuple[contextvars.Token[list[httpx.Response] | None], list[httpx.Response]]:
    """Start recording final HTTP responses in this thread or task (see ``capture_responses``)."""
    captured: list[httpx.Response] = []
    return _CAPTURE.set(captured), captured


def end_capture(token: contextvars.Token[list[httpx.Response] | None]) -> None:
    _CAPTURE.reset(token)


def dump(model: pydantic.BaseModel) -> bytes:
    """A request model as the JSON the API receives: by alias, only the fields that were set."""
    return model.model_dump_json(by_alias=True, exclude_unset=True).encode()
