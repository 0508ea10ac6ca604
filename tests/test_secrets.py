"""Secrets never reach logs, reprs or exception text, whatever their value (Hypothesis)."""

from __future__ import annotations

import json
import logging
import string
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from lptpb_ext import (
    ApiError,
    ApiKey,
    AsyncClient,
    Bearer,
    Client,
    LegacyUserPassword,
    LptpbError,
    RetryPolicy,
    SessionPool,
    UserPassword,
)
from tests.fakes import ACCOUNT, BASE_URL, CONVERSATION

# Long enough that a match can only be the secret itself, never a stray common substring.
secrets = st.text(
    alphabet=string.ascii_letters + string.digits + "!#$%&()*+,-./:;<=>?@[]^_{|}~",
    min_size=12,
    max_size=40,
)


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


def _everything_said(client: Client, error: BaseException, records: _Records) -> str:
    parts = [str(error), repr(error), repr(client), repr(client.credentials), repr(client.session)]
    if isinstance(error, ApiError):
        parts.append(error.body)
    return "\n".join(parts + records.lines)


def _echo(status: int):
    """A server that answers ``status`` with everything it received: body and headers."""

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/login") and status != 401:
            return httpx.Response(200, json={"bearer": handler.bearer})  # type: ignore[attr-defined]
        echoed = {
            "body": request.content.decode(),
            "authorization": request.headers.get("authorization"),
        }
        return httpx.Response(status, text=json.dumps(echoed))

    return handler


@pytest.fixture
def records():
    handler = _Records()
    logger = logging.getLogger("lptpb")
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(old_level)


def _failed_login_says(records: _Records, password: str, kind: str) -> tuple[str, str]:
    """Everything said when a login whose 401 echoes the password fails: (all, logs)."""
    records.lines.clear()
    credentials = (
        UserPassword("bot-api", password)
        if kind == "user"
        else LegacyUserPassword("bot-api", password)
    )
    http = httpx.Client(transport=httpx.MockTransport(_echo(401)))
    client = Client(
        ACCOUNT, credentials, base_url=BASE_URL, http_client=http, session_pool=SessionPool()
    )
    with pytest.raises(ApiError) as caught:
        client.send_messages(CONVERSATION, {"messages": ["private words"]})
    return _everything_said(client, caught.value, records), "\n".join(records.lines)


NEUTRAL = "Zq9!neutral-secret"


@settings(
    max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(password=secrets, kind=st.sampled_from(["user", "legacy"]))
def test_password_echoed_by_a_failed_login_is_masked(records, password, kind) -> None:
    """A 401 body that echoes the password never shows it in errors, reprs or logs."""
    # A "secret" that the SDK's own wording contains anyway (say "UserPassword") proves nothing.
    assume(password not in _failed_login_says(records, NEUTRAL, kind)[0])
    said, logs = _failed_login_says(records, password, kind)
    assert password not in said
    assert "private words" not in logs  # message text stays out of logs


@settings(
    max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(values=st.lists(secrets, min_size=4, max_size=4, unique=True), bearer=secrets)
def test_api_keys_and_bearer_echoed_by_an_error_are_masked(records, values, bearer) -> None:
    """A 400 body echoing the bearer header, after an API-key login, shows neither secret."""

    def says(values: list[str], bearer: str) -> str:
        records.lines.clear()
        handler = _echo(400)
        handler.bearer = bearer  # type: ignore[attr-defined]
        credentials = ApiKey("bot-api", *values)
        http = httpx.Client(transport=httpx.MockTransport(handler))
        client = Client(
            ACCOUNT, credentials, base_url=BASE_URL, http_client=http, session_pool=SessionPool()
        )
        with pytest.raises(ApiError) as caught:
            client.send_messages(CONVERSATION, {"messages": ["hi"]})
        return _everything_said(client, caught.value, records)

    # A "secret" that the SDK's own wording contains anyway (say "sendMessages") proves nothing.
    neutral = says([f"{NEUTRAL}-{i}" for i in range(4)], f"{NEUTRAL}-bearer")
    assume(not any(secret in neutral for secret in [*values, bearer]))
    said = says(values, bearer)
    for secret in [*values, bearer]:
        assert secret not in said


@settings(max_examples=60, deadline=None)
@given(token=secrets)
def test_a_ready_bearer_never_shows_in_its_repr(token) -> None:
    """Bearer credentials hide the token in repr and str."""
    credentials = Bearer(token)
    assert token not in repr(credentials)
    assert token not in str(credentials)
    client = Client(ACCOUNT, credentials, base_url=BASE_URL)
    assert token not in repr(client)
    client.close()


def test_debug_log_lines_carry_metadata_only(records) -> None:
    """One DEBUG line per attempt: operation, status, attempt and latency, nothing else."""
    handler = _echo(200)
    handler.bearer = "tok-123456789"  # type: ignore[attr-defined]

    def ok(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/login"):
            return handler(request)
        return httpx.Response(200, json={"commandId": "5"})

    http = httpx.Client(transport=httpx.MockTransport(ok))
    client = Client(
        ACCOUNT,
        UserPassword("bot-api", "pw-123456789"),
        base_url=BASE_URL,
        http_client=http,
        session_pool=SessionPool(),
    )
    client.send_messages(CONVERSATION, {"messages": ["the customer's words"]})
    assert [line.split(" latency_ms=")[0] for line in records.lines] == [
        "login attempt=1 status=200",
        "sendMessages attempt=1 status=200",
    ]
    joined = "\n".join(records.lines)
    for never in ("customer's words", "pw-123456789", "tok-123456789", CONVERSATION):
        assert never not in joined


# ---------------------------------------------------------------- locals in tracebacks
FRAME_PASSWORD = "pw-Zq7-only-in-the-credentials"  # noqa: S105 - a test value
TESTS_DIR = str(Path(__file__).parent)


def _repr_tree(value: object, depth: int = 0) -> Iterator[str]:
    """``repr(value)``, and the reprs of what a container holds, as error reporters serialise
    locals (Sentry walks mappings and sequences, then ``repr``s everything else)."""
    yield repr(value)
    if depth >= 4:
        return
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _repr_tree(key, depth + 1)
            yield from _repr_tree(item, depth + 1)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _repr_tree(item, depth + 1)


def _locals_said(error: BaseException) -> str:
    """Every local of every frame of ``error``'s traceback (and of the exceptions chained to
    it), as ``pytest -l`` or Sentry would show them; the test's own frames are left out."""
    parts: list[str] = []
    pending: list[BaseException] = [error]
    seen: set[int] = set()
    while pending:
        exc = pending.pop()
        if id(exc) in seen:
            continue
        seen.add(id(exc))
        parts += [str(exc), repr(exc)]
        for frame, _line in traceback.walk_tb(exc.__traceback__):
            if frame.f_code.co_filename.startswith(TESTS_DIR):
                continue
            for name, value in frame.f_locals.items():
                parts.extend(f"{frame.f_code.co_name}.{name}: {said}" for said in _repr_tree(value))
        pending += [e for e in (exc.__cause__, exc.__context__) if e is not None]
    return "\n".join(parts)


def _failing_login(failure: str) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        if failure == "500":
            return httpx.Response(500, text="internal error")
        if failure == "connect":
            raise httpx.ConnectError("refused", request=request)
        raise httpx.ReadError("reset", request=request)

    return handler


@pytest.mark.parametrize("failure", ["500", "connect", "read"])
@pytest.mark.parametrize("kind", ["user", "legacy", "api-key"])
@pytest.mark.parametrize("mode", ["sync", "async"])
def test_no_frame_of_a_failed_login_holds_the_password(mode, kind, failure) -> None:
    """A login that fails (500 or transport error) raises with a traceback whose locals, repr'd
    the way error reporters do, never show the password: the login body is redacted."""
    credentials: UserPassword | LegacyUserPassword | ApiKey
    if kind == "api-key":
        credentials = ApiKey("bot-api", *(f"{FRAME_PASSWORD}-{n}" for n in range(4)))
    else:
        make = UserPassword if kind == "user" else LegacyUserPassword
        credentials = make("bot-api", FRAME_PASSWORD)
    transport = httpx.MockTransport(_failing_login(failure))
    options: dict[str, Any] = {
        "base_url": BASE_URL,
        "session_pool": SessionPool(),
        "retry": RetryPolicy(max_attempts=2, initial_delay=0.0),
    }
    if mode == "sync":
        with (
            Client(
                ACCOUNT, credentials, http_client=httpx.Client(transport=transport), **options
            ) as client,
            pytest.raises(LptpbError) as caught,
        ):
            client.send_messages(CONVERSATION, {"messages": ["hi"]})
        error = caught.value
    else:

        async def run() -> BaseException:
            http = httpx.AsyncClient(transport=transport)
            async with AsyncClient(ACCOUNT, credentials, http_client=http, **options) as client:
                try:
                    await client.send_messages(CONVERSATION, {"messages": ["hi"]})
                except LptpbError as exc:
                    return exc
            raise AssertionError("the login did not fail")

        error = anyio.run(run)
    said = _locals_said(error)
    assert "kind='login'" in said  # the walk did reach the login call's frames
    assert FRAME_PASSWORD not in said
