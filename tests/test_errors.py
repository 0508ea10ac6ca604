"""The error classes themselves: every one survives pickling (process pools, task queues)."""

from __future__ import annotations

import copy
import pickle
import socket

import httpx
import pytest

import lptpb_ext
from lptpb_ext import (
    ApiError,
    AuthenticationError,
    BadRequestError,
    BotUserConflictError,
    ChannelError,
    ChannelProblem,
    CommandOutcome,
    CommandTrackingError,
    ConfigurationError,
    DeadlineExceededError,
    ForbiddenError,
    InvalidResponseError,
    JobFileError,
    JobProblem,
    JournalError,
    JournalLockedError,
    LptpbError,
    NotFoundError,
    OutcomeUnknownError,
    RateLimitError,
    Reconciliation,
    RequestTimeoutError,
    RequestValidationError,
    ServerError,
    ServiceNotFoundError,
    SessionContentionError,
    SessionStoreError,
    TransportError,
    UnexpectedStatusError,
    check_channel,
)

RECONCILIATION = Reconciliation("12345678", "conv-1", "sendMessages", 1_700_000_000_000, 30)
PROBLEM = ChannelProblem(
    "facebook", "quickReplies.replies", "facebook.quick-replies.count", "error",
    "Facebook Messenger takes at most 13 quick replies", "https://developers.facebook.com/",
)  # fmt: skip
OUTCOME = CommandOutcome("failed", "7", None, error_name="some.error", reason="it broke")

EXAMPLES: list[BaseException] = [
    LptpbError("something went wrong"),
    ConfigurationError("unknown zone 'z9'"),
    RequestValidationError("messages[0].text", "maxLength", "is too long"),
    ChannelError(check_channel({"type": "quickReplies", "replies": [{}] * 14}, "facebook")),
    *(
        cls("sendMessages", status, body="nope", request_id="req-1", hint="a hint")
        for cls, status in [
            (ApiError, 400),
            (BadRequestError, 400),
            (AuthenticationError, 401),
            (ForbiddenError, 403),
            (NotFoundError, 404),
            (BotUserConflictError, 409),
            (RateLimitError, 429),
            (ServerError, 503),
            (UnexpectedStatusError, 302),
            (InvalidResponseError, 200),
        ]
    ),
    ApiError("login", 500),  # the defaults
    ServiceNotFoundError("getServiceDomain", 200, service="thirdPartyBots", listed=("a", "b")),
    SessionContentionError("12345678", 5, 60.0),
    SessionContentionError("12345678", 5, 60.0, shared=True),
    SessionStoreError("redis://:***@cache:6379", "ConnectionError: refused"),
    TransportError("listCommands", "ConnectError: not sent"),
    TransportError("login", "ConnectError on POST http://h/login: refused", "http://h/login"),
    RequestTimeoutError("listCommands", "ReadTimeout: maybe sent"),
    OutcomeUnknownError("sendMessages", "ReadError after the request was sent", RECONCILIATION),
    DeadlineExceededError("sendMessages", 5.0, 2),
    CommandTrackingError("command 7 failed: some.error (it broke)", OUTCOME),
    JobFileError("jobs.jsonl", [JobProblem("line 3", "operation", "unknown operation 'x'")]),
    JournalError("run.journal", "is corrupted (file is not a database); nothing was sent"),
    JournalLockedError("run.journal", "pid 4242 on host-1"),
    ChannelError([PROBLEM]),
]


def test_every_exported_error_class_has_an_example() -> None:
    """The examples cover every exception class the package exports."""
    exported = {
        obj
        for name in lptpb_ext.__all__
        if isinstance(obj := getattr(lptpb_ext, name), type) and issubclass(obj, BaseException)
    }
    assert exported == {type(error) for error in EXAMPLES}


@pytest.mark.parametrize("error", EXAMPLES, ids=lambda e: type(e).__name__)
@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_errors_round_trip_through_pickle(error: BaseException, protocol: int) -> None:
    """Type, message, args and every attribute survive pickle (and copy) unchanged."""
    pickled = pickle.dumps(error, protocol)
    for twin in (pickle.loads(pickled), copy.copy(error)):  # noqa: S301 - our own bytes
        assert type(twin) is type(error)
        assert str(twin) == str(error)
        assert twin.args == error.args
        assert vars(twin) == vars(error)


def test_a_raised_error_round_trips_with_its_notes() -> None:
    """An error that was raised (traceback, notes) still pickles; notes come along."""
    try:
        raise ServerError("getCommand", 502, body="bad gateway")
    except ServerError as exc:
        exc.add_note("while polling")
        twin = pickle.loads(pickle.dumps(exc))  # noqa: S301 - our own bytes
    assert (twin.operation, twin.status, twin.body) == ("getCommand", 502, "bad gateway")
    assert twin.__notes__ == ["while polling"]


def test_a_transport_error_names_the_url_tried_and_keeps_its_cause() -> None:
    """A refused connection says which URL was tried and why, without user info, and chains
    the httpx exception as ``__cause__`` (before: ``login: ConnectError: not sent``)."""
    with socket.socket() as probe:  # a loopback port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    client = lptpb_ext.Client("12345678", lptpb_ext.UserPassword("u", "pw"), base_url=base)
    with client, pytest.raises(TransportError) as caught:
        client.login()
    url = f"{base}/api/v1/account/12345678/login?v=1.3"
    assert caught.value.url == url
    assert isinstance(caught.value.__cause__, httpx.ConnectError)
    assert str(caught.value).startswith(f"login: ConnectError on POST {url}: ")
    assert str(caught.value).endswith("(not sent)")
    assert "refused" in str(caught.value).lower()
