"""The call loop: one deadline, bounded retries, re-login and one replay after a 401.

A call is planned once, without I/O, by :func:`_plan`, a generator that yields what to do next
(resolve the host, get a bearer, send this request, sleep this long) and receives what
happened. :class:`SyncEngine` and :class:`AsyncEngine` only drive it, so both clients behave
identically by construction.

Re-login is part of the plan: a 401 answer is read and its connection released *before* the
session is asked for a bearer other than the rejected one (compare-and-clear, single flight),
then the request is replayed once. (An ``httpx.Auth`` flow would hold the 401's connection
while the login waits for one, and a pool full of 401s could never log in.)

One deadline bounds the whole call, attempts, backoff, the Domain API lookup, waiting for a
login and the login itself: the async driver runs the call inside ``asyncio.timeout_at``; the
sync driver cuts every socket wait at the deadline (``_transport.DeadlineBackend``) and checks
it between body chunks. Bodies are read capped (``_transport.read_capped``), and redirects are
never followed: a 3xx is an error (:class:`~lptpb_ext.UnexpectedStatusError`), so a login
body or a command never goes to a host the caller did not configure.
"""

from __future__ import annotations

import asyncio
import contextvars
import random
import time
from collections.abc import Awaitable, Callable, Generator
from dataclasses import dataclass, field
from typing import Generic, Self, TypeVar

import httpx
import pydantic

from lptpb_ext import _transport
from lptpb_ext._credentials import Bearer, Credentials, SecretBytes
from lptpb_ext._errors import (
    AuthenticationError,
    DeadlineExceededError,
    InvalidResponseError,
    OutcomeUnknownError,
    Reconciliation,
    RequestTimeoutError,
    TransportError,
    redact,
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
    "shown_url",
]

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
"""Per attempt: 5 s to connect, 30 s to read, write or wait for a pooled connection."""
DEFAULT_DEADLINE = 60.0
USER_AGENT = f"lptpb-python/{__version__}"
_HEADERS = {"Accept": "application/json", "User-Agent": USER_AGENT}
_BODY_HEADERS = {**_HEADERS, "Content-Type": "application/json"}
H = TypeVar("H", httpx.Client, httpx.AsyncClient)

_CAPTURE: contextvars.ContextVar[list[httpx.Response] | None] = contextvars.ContextVar(
    "lptpb_capture", default=None
)
# The deadline of the call in progress in this thread or task, on the engine's clock: a login
# made inside a call (a re-login after a 401) inherits it instead of getting a fresh one.
_CALL_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "lptpb_call_deadline", default=None
)


@dataclass(frozen=True)
class CallOptions:
    """Per-client defaults, overridable per call with ``client.with_options(...)``.

    ``timeout`` bounds each wait of an attempt (connect 5 s, read/write/pool 30 s by default);
    ``deadline`` bounds the whole call, attempts, backoff, login and host lookup included.
    ``max_response_bytes`` caps a success body (error bodies are read up to 64 KiB).
    """

    timeout: httpx.Timeout = field(default_factory=lambda: DEFAULT_TIMEOUT)
    deadline: float = DEFAULT_DEADLINE
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    on_retry: RetryHook | None = None
    on_relogin: ReloginHook | None = None
    max_response_bytes: int = _transport.MAX_RESPONSE_BYTES


@dataclass(slots=True)
class Call:
    """One API call, before any I/O (made once per call: slots, not frozen, for speed)."""

    operation: str
    kind: CallKind
    ids: tuple[str, ...]  # path parameters after the account id
    content: bytes | None = None  # a login body is SecretBytes: its repr hides the password
    ttl: int | None = None
    conversation_id: str = ""
    authenticated: bool = True
    domain_api: bool = False
    raw: tuple[str, str] | None = None  # (method, path and query) of a call off the routes table


@dataclass(slots=True)
class _Send:
    request: httpx.Request


@dataclass(slots=True)
class _Sleep:
    seconds: float


@dataclass(slots=True)
class _Resolve:
    """Make sure the API host is known (a Domain API lookup, cached by the resolver)."""


@dataclass(slots=True)
class _Bearer:
    """A bearer for the next request: other than ``stale`` (the one just rejected), if given."""

    stale: str | None
    remaining: float


_Action = _Send | _Sleep | _Resolve | _Bearer
_Outcome = httpx.Response | httpx.TransportError | str | None


class _Progress:
    """How far a call got, so a deadline that cuts it short is reported truthfully."""

    sending = False  # a request was handed to httpx and may have reached the server


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
        self._admission = _transport.admission_for(http)

    def with_options(self, options: CallOptions) -> Self:
        twin = object.__new__(type(self))
        twin.__dict__.update(self.__dict__)
        twin.options = options
        return twin

    @property
    def session(self) -> Session:
        return self._session()

    def secrets(self) -> tuple[str, ...]:
        return (*self.credentials.secrets, *self._session().secrets)

    def _deadline(self) -> float:
        """This call's deadline on the engine's clock: its own, or the enclosing call's."""
        own = self.clock() + self.options.deadline
        outer = _CALL_DEADLINE.get()
        return own if outer is None else min(own, outer)

    def _request(self, call: Call, remaining: float, bearer: str | None) -> httpx.Request:
        timeout = _timeouts(self.options.timeout, remaining)
        headers = _BODY_HEADERS if call.content is not None else _HEADERS
        if bearer is not None:
            headers = {**headers, "Authorization": f"Bearer {bearer}"}
        if call.raw is not None:  # `lptpb api`: a path of the caller's, on the same host
            method, path = call.raw
            return self.http.build_request(
                method, self._base_url(call.domain_api) + path, content=call.content,
                headers=headers, extensions={"timeout": timeout},
            )  # fmt: skip
        found = route(call.operation)
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

    def _plan(self, call: Call, deadline_at: float) -> Generator[_Action, _Outcome, httpx.Response]:
        options = self.options
        sent_at_ms = int(self.wall_clock() * 1000)
        attempt = 0
        while True:
            attempt += 1
            remaining = deadline_at - self.clock()
            if remaining <= 0:
                raise DeadlineExceededError(call.operation, options.deadline, attempt - 1)
            if self._resolves and not call.domain_api:
                yield _Resolve()
            bearer = None
            if call.authenticated:
                bearer = _text((yield _Bearer(None, deadline_at - self.clock())))
            started = self.clock()
            request = self._request(call, deadline_at - self.clock(), bearer)
            outcome = yield _Send(request)
            if isinstance(outcome, httpx.Response) and outcome.status_code == 401 and bearer:
                # rejected before processing: log in again (unless someone did) and replay once
                bearer = _text((yield _Bearer(bearer, deadline_at - self.clock())))
                request = self._request(call, deadline_at - self.clock(), bearer)
                outcome = yield _Send(request)
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
                    error = self._transport_error(call, request, outcome, failure, sent_at_ms)
                    raise error from outcome
            else:
                assert isinstance(outcome, httpx.Response)  # noqa: S101 - a _Send's answer
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
        self,
        call: Call,
        request: httpx.Request,
        exc: httpx.TransportError,
        failure: Failure,
        sent_at_ms: int,
    ) -> TransportError:
        """The typed error of a request that failed below HTTP: it names the exception, the
        method and URL tried (no user info), the cause's own words (redacted), and whether the
        request can have reached the server."""
        url = shown_url(request.url)
        cause = redact(str(exc), self.secrets()) or "no detail"
        what = f"{type(exc).__name__} on {request.method} {url}: {cause}"
        if call.kind == "command" and failure is Failure.MAYBE_SENT:
            return self._unknown(call, f"{what} (after the request was sent)", sent_at_ms, url)
        if isinstance(exc, httpx.TimeoutException):
            return RequestTimeoutError(call.operation, f"{what} ({failure.value})", url)
        return TransportError(call.operation, f"{what} ({failure.value})", url)

    def _unknown(
        self, call: Call, message: str, sent_at_ms: int, url: str | None = None
    ) -> OutcomeUnknownError:
        return OutcomeUnknownError(
            call.operation,
            message,
            Reconciliation(
                self.account_id, call.conversation_id, call.operation, sent_at_ms, call.ttl
            ),
            url,
        )

    def _out_of_time(self, call: Call, progress: _Progress, sent_at_ms: int) -> Exception:
        """What a call cut short by its deadline raises."""
        if progress.sending and call.kind == "command":
            return self._unknown(call, "the deadline passed while the request was out", sent_at_ms)
        return DeadlineExceededError(call.operation, self.options.deadline, 1)

    def _too_large(self, call: Call, response: httpx.Response, limit: int) -> Exception:
        message = f"the answer is larger than {limit} bytes and was not read"
        if call.kind == "command" and response.status_code == 200:
            return InvalidResponseError(
                call.operation, response.status_code, body=message,
                hint="the command was probably accepted: check the conversation's commands",
            )  # fmt: skip
        return InvalidResponseError(call.operation, response.status_code, body=message)

    def _limit(self, response: httpx.Response) -> int:
        if response.status_code != 200:
            return _transport.MAX_ERROR_BYTES
        return self.options.max_response_bytes

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
            service = call.ids[0] if call.operation == "getServiceDomain" else ""
            raise api_error(call.operation, response, self.secrets(), service=service)
        return response

    def _bearer_of(self, call: Call, response: httpx.Response) -> str:
        return parse(call.operation, LoginResponse, self._finish(call, response)).bearer

    def _relogin_event(self, operation: str) -> None:
        LOGGER.info("%s: bearer rejected; logged in again", operation)
        hook = self.options.on_relogin
        if hook is not None:
            hook(ReloginEvent(operation, self.account_id, self._session().logins))


def shown_url(url: httpx.URL) -> str:
    """``url`` as it may be shown: without user info (a password in a base URL stays hidden).

    >>> shown_url(httpx.URL("http://me:pw@127.0.0.1:8080/api?v=1"))
    'http://127.0.0.1:8080/api?v=1'
    """
    if url.userinfo:
        url = url.copy_with(username=None, password=None)
    return str(url)


def _text(outcome: _Outcome) -> str:
    assert isinstance(outcome, str)  # noqa: S101 - a _Bearer is answered with a bearer
    return outcome


async def _nothing() -> None:
    return None


def _cap(value: float | None, remaining: float) -> float:
    return remaining if value is None else min(value, remaining)


def _timeouts(timeout: httpx.Timeout, remaining: float) -> dict[str, float]:
    """Each of ``timeout``'s limits capped at ``remaining`` seconds, as the request extension
    httpx reads (what ``httpx.Timeout(...).as_dict()`` gives, without building Timeouts)."""
    remaining = max(remaining, 0.001)
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
        deadline_at = self._deadline()
        real_deadline = time.monotonic() + (deadline_at - self.clock())
        outer_real = _transport.DEADLINE.get()
        tokens = (
            _CALL_DEADLINE.set(deadline_at),
            _transport.DEADLINE.set(
                real_deadline if outer_real is None else min(real_deadline, outer_real)
            ),
        )
        try:
            return self._finish(call, self._drive(call, deadline_at, real_deadline))
        finally:
            _transport.DEADLINE.reset(tokens[1])
            _CALL_DEADLINE.reset(tokens[0])

    def _drive(self, call: Call, deadline_at: float, real_deadline: float) -> httpx.Response:
        plan = self._plan(call, deadline_at)
        try:
            action = next(plan)
            while True:
                result: _Outcome = None
                if isinstance(action, _Send):
                    result = self._exchange(call, action.request, real_deadline)
                elif isinstance(action, _Bearer):
                    result = self.bearer(action.stale, call.operation, action.remaining)
                elif isinstance(action, _Sleep):
                    self.sleep(action.seconds)
                else:
                    self.resolve()
                action = plan.send(result)
        except StopIteration as stop:
            response: httpx.Response = stop.value
            return response

    def _exchange(
        self, call: Call, request: httpx.Request, real_deadline: float
    ) -> httpx.Response | httpx.TransportError:
        admission = self._admission
        if not admission.enter(real_deadline - time.monotonic()):
            return httpx.PoolTimeout("no place in the connection pool before the deadline")
        try:
            response = self.http.send(request, auth=None, follow_redirects=False, stream=True)
            try:
                _transport.read_capped(response, self._limit(response), real_deadline)
            except _transport.ResponseTooLarge as exc:
                raise self._too_large(call, response, exc.limit) from None
            return response
        except httpx.TransportError as exc:
            return exc
        finally:
            admission.leave()

    def login(self) -> str:
        call = self._login_call()
        return self._bearer_of(call, self.send(call))

    def bearer(
        self, stale: str | None = None, operation: str = "login", timeout: float | None = None
    ) -> str:
        wait = self.options.deadline if timeout is None else timeout
        if stale is None:
            return self.session.get(self.login, timeout=wait, operation=operation)

        def relogin() -> str:
            bearer = self.login()
            self._relogin_event(operation)
            return bearer

        return self.session.get(relogin, stale=stale, timeout=wait, operation=operation)


class AsyncEngine(_Engine[httpx.AsyncClient]):
    sleep: Callable[[float], Awaitable[None]] = staticmethod(asyncio.sleep)
    resolve: Callable[[], Awaitable[None]] = staticmethod(_nothing)

    async def send(self, call: Call) -> httpx.Response:
        """Run ``call`` to its final response; error statuses raise typed errors."""
        outer = _CALL_DEADLINE.get()
        deadline_at = self._deadline()
        if outer is not None and deadline_at >= outer:  # inside a call: its scope bounds us
            return self._finish(call, await self._drive(call, deadline_at, _Progress()))
        progress = _Progress()
        sent_at_ms = int(self.wall_clock() * 1000)
        loop_deadline = asyncio.get_running_loop().time() + (deadline_at - self.clock())
        try:
            # The timer is armed before the deadline is set: it copies the task's context, and
            # a cancelled timer stays in the loop's heap until the loop purges it; armed after,
            # each copy would keep this call's context (and its deadline) alive that long.
            async with asyncio.timeout_at(loop_deadline):
                token = _CALL_DEADLINE.set(deadline_at)
                try:
                    response = await self._drive(call, deadline_at, progress)
                finally:
                    _CALL_DEADLINE.reset(token)
        except TimeoutError:
            raise self._out_of_time(call, progress, sent_at_ms) from None
        return self._finish(call, response)

    async def _drive(self, call: Call, deadline_at: float, progress: _Progress) -> httpx.Response:
        plan = self._plan(call, deadline_at)
        try:
            action = next(plan)
            while True:
                result: _Outcome = None
                if isinstance(action, _Send):
                    result = await self._exchange(call, action.request, progress)
                elif isinstance(action, _Bearer):
                    # a little past the deadline: the call's own scope ends it first, and says how
                    wait = action.remaining + 1.0
                    result = await self.bearer(action.stale, call.operation, wait)
                elif isinstance(action, _Sleep):
                    await self.sleep(action.seconds)
                else:
                    await self.resolve()
                action = plan.send(result)
        except StopIteration as stop:
            response: httpx.Response = stop.value
            return response

    async def _exchange(
        self, call: Call, request: httpx.Request, progress: _Progress
    ) -> httpx.Response | httpx.TransportError:
        semaphore = self._admission.semaphore()
        if semaphore is not None:
            await semaphore.acquire()
        try:
            progress.sending = True
            response = await self.http.send(request, auth=None, follow_redirects=False, stream=True)
            try:
                await _transport.aread_capped(response, self._limit(response))
            except _transport.ResponseTooLarge as exc:
                raise self._too_large(call, response, exc.limit) from None
            progress.sending = False
            return response
        except httpx.TransportError as exc:
            progress.sending = False
            return exc
        finally:
            if semaphore is not None:
                semaphore.release()

    async def login(self) -> str:
        call = self._login_call()
        return self._bearer_of(call, await self.send(call))

    async def bearer(
        self, stale: str | None = None, operation: str = "login", timeout: float | None = None
    ) -> str:
        wait = self.options.deadline if timeout is None else timeout
        if stale is None:
            return await self.session.aget(self.login, timeout=wait, operation=operation)

        async def relogin() -> str:
            bearer = await self.login()
            self._relogin_event(operation)
            return bearer

        return await self.session.aget(relogin, stale=stale, timeout=wait, operation=operation)


def capture() -> tuple[contextvars.Token[list[httpx.Response] | None], list[httpx.Response]]:
    """Start recording final HTTP responses in this thread or task (see ``capture_responses``)."""
    captured: list[httpx.Response] = []
    return _CAPTURE.set(captured), captured


def end_capture(token: contextvars.Token[list[httpx.Response] | None]) -> None:
    _CAPTURE.reset(token)


def dump(model: pydantic.BaseModel) -> bytes:
    """A request model as the JSON the API receives: by alias, only the fields that were set."""
    return model.__pydantic_serializer__.to_json(model, by_alias=True, exclude_unset=True)
