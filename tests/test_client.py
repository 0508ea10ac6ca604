"""The client's behaviour against a fake server at the transport, sync and async alike."""

from __future__ import annotations

import gc
import json
import weakref
from collections.abc import Iterator

import httpx
import pytest
from anyio.from_thread import BlockingPortal, start_blocking_portal

from lptpb_ext import (
    ApiError,
    ApiKey,
    AsyncClient,
    AuthenticationError,
    BadRequestError,
    Bearer,
    BotUserConflictError,
    Client,
    DeadlineExceededError,
    ForbiddenError,
    InvalidResponseError,
    LegacyUserPassword,
    NotFoundError,
    OutcomeUnknownError,
    RateLimitError,
    ReloginEvent,
    RequestValidationError,
    RetryEvent,
    RetryPolicy,
    ServerError,
    SessionContentionError,
    SessionPool,
    TransportError,
    UnexpectedStatusError,
)
from tests.clients import USER, Driven, make
from tests.fakes import BASE_URL, CONVERSATION, FakeApi, FakeClock, Fault

BATCH = {"messages": ["Hello from the test"]}


@pytest.fixture(scope="module")
def portal() -> Iterator[BlockingPortal]:
    with start_blocking_portal() as running:
        yield running


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def fake() -> FakeApi:
    return FakeApi()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def api(mode: str, fake: FakeApi, portal: BlockingPortal, clock: FakeClock) -> Iterator[Driven]:
    driven = make(mode, fake, portal, clock)
    yield driven
    driven.close()


def _respond(status: int, text: str = "", **headers: str) -> Fault:
    return Fault("before", lambda _r: httpx.Response(status, text=text, headers=headers))


# ---------------------------------------------------------------------------- sessions
def test_one_login_serves_every_command(api: Driven, fake: FakeApi) -> None:
    """A bearer from one login is reused for all later commands."""
    for _ in range(5):
        api.send_messages(CONVERSATION, BATCH)
    assert fake.logins["bot-api"] == 1
    assert fake.delivered()["Hello from the test"] == 5


def test_rejected_bearer_relogs_in_and_replays_once(mode, fake, portal, clock) -> None:
    """After the session is stolen, a 401 leads to one login and one replay: delivered once."""
    events: list[ReloginEvent] = []
    api = make(mode, fake, portal, clock, on_relogin=events.append)
    api.send_messages(CONVERSATION, BATCH)
    fake.steal()
    api.send_messages(CONVERSATION, {"messages": ["second"]})
    assert fake.logins["bot-api"] == 3  # ours, the thief's, ours again
    assert fake.delivered()["second"] == 1
    assert [e.operation for e in events] == ["sendMessages"]


def test_login_409_is_typed_and_never_retried(mode, fake, portal, clock) -> None:
    """A user attached to a running bot gets BotUserConflictError after exactly one login."""
    fake.bot_users.add("bot-api")
    api = make(mode, fake, portal, clock)
    with pytest.raises(BotUserConflictError, match="running Third-Party Bots bot"):
        api.send_messages(CONVERSATION, BATCH)
    assert fake.logins["bot-api"] == 1
    assert fake.commands == {}


def test_bad_credentials_raise_authentication_error_once(mode, fake, portal, clock) -> None:
    """Wrong credentials: one login attempt, AuthenticationError naming the login operation."""
    api = make(mode, fake, portal, clock, credentials=type(USER)("bot-api", "wrong"))
    with pytest.raises(AuthenticationError) as caught:
        api.send_messages(CONVERSATION, BATCH)
    assert caught.value.operation == "login"
    assert fake.logins["bot-api"] == 1


def test_api_key_and_legacy_logins_send_their_documented_bodies(mode, fake, portal) -> None:
    """API_KEY logs in at /api/v1 with the four values; legacy login posts the flat body."""
    api = make(mode, fake, portal, credentials=ApiKey("bot-api", "k", "s", "t", "ts"))
    with pytest.raises(AuthenticationError):
        api.login()
    body = json.loads(fake.requests[-1].content)
    assert body == {
        "authType": "API_KEY",
        "credentials": {
            "username": "bot-api",
            "appKey": "k",
            "secret": "s",
            "accessToken": "t",
            "accessTokenSecret": "ts",
        },
    }
    assert fake.requests[-1].url.path == "/api/v1/account/12345678/login"
    assert fake.requests[-1].url.params["v"] == "1.3"
    legacy = make(mode, fake, portal, credentials=LegacyUserPassword("bot-api", "s3cret-pass"))
    legacy.login()
    assert fake.requests[-1].url.path == "/api/account/12345678/login"
    assert json.loads(fake.requests[-1].content) == {
        "username": "bot-api",
        "password": "s3cret-pass",
    }


def test_ready_bearer_is_used_until_rejected(mode, fake, portal) -> None:
    """A Bearer credential skips login; once rejected it fails clearly, with nothing to retry."""
    fake.steal()
    token = fake.bearer_of("bot-api")
    api = make(mode, fake, portal, credentials=Bearer(token))
    api.send_messages(CONVERSATION, BATCH)
    assert fake.logins["bot-api"] == 1  # only the login that minted the token
    fake.steal()
    with pytest.raises(AuthenticationError, match="no credentials"):
        api.send_messages(CONVERSATION, BATCH)
    assert fake.delivered()["Hello from the test"] == 1


def test_two_clients_of_one_user_end_in_contention_not_a_loop(mode, fake, portal, clock) -> None:
    """Two consumers with separate sessions keep logging each other out; both stop, typed."""
    first = make(mode, fake, portal, clock, pool=SessionPool(), max_relogins=3)
    second = make(mode, fake, portal, clock, pool=SessionPool(), max_relogins=3)
    errors = []
    for _ in range(10):
        for client in (first, second):
            try:
                client.send_messages(CONVERSATION, BATCH)
            except SessionContentionError as exc:
                errors.append(exc)
    assert errors, "contention was never reported"
    assert "another consumer of the same user" in str(errors[0])
    # each session starts one login plus at most max_relogins re-logins within the window
    assert fake.logins["bot-api"] <= 2 * (1 + 3)


def test_shared_pool_means_two_clients_share_one_session(mode, fake, portal, clock) -> None:
    """Clients sharing a SessionPool and an HTTP client share one bearer: one login in all."""
    pool = SessionPool()
    first = make(mode, fake, portal, clock, pool=pool)
    second = Driven(
        type(first.client)(
            "12345678",
            USER,
            http_client=first.client._http,
            base_url=first.client.base_url,
            session_pool=pool,
        ),
        first._portal,
    )
    first.send_messages(CONVERSATION, BATCH)
    second.send_messages(CONVERSATION, BATCH)
    assert fake.logins["bot-api"] == 1


def test_a_new_http_client_with_a_dead_ones_id_gets_a_new_session() -> None:
    """Sessions are scoped by the injected HTTP client itself (weakly), never by its ``id()``.

    CPython hands a freed object's address to the next object of its size, so a pool keyed by
    ``id(http_client)`` gave a new client the old one's session, bearer and all. Here each round
    logs in with its own bearer; a round that inherited a session would start with a bearer.
    The pool also lets go of a dead client's session.
    """
    pool = SessionPool()
    seen: set[int] = set()
    reused = 0
    for round_ in range(50):
        bearer = f"bearer-of-round-{round_}"

        def answer(request: httpx.Request, bearer: str = bearer) -> httpx.Response:
            assert request.url.path.endswith("/login")
            return httpx.Response(200, json={"bearer": bearer})

        http = httpx.Client(transport=httpx.MockTransport(answer))
        client = Client("12345678", USER, base_url=BASE_URL, http_client=http, session_pool=pool)
        assert client.session.bearer is None, f"round {round_} inherited a session"
        client.login()
        assert client.session.bearer == bearer
        reused += id(http) in seen
        seen.add(id(http))
        session = weakref.ref(client.session)
        http.close()
        del client, http
        gc.collect()
        assert session() is None, "the pool kept the session of a client that is gone"
    assert reused, "no id was reused in 50 rounds, so this test checked nothing"


# ---------------------------------------------------------------------------- retries
def test_connect_error_is_retried_and_delivered_once(mode, fake, portal, clock) -> None:
    """A POST that never connected is re-sent after backoff; the customer gets it once."""
    events: list[RetryEvent] = []
    api = make(mode, fake, portal, clock, on_retry=events.append)
    fake.add_fault(Fault("before", lambda r: httpx.ConnectError("refused", request=r), "messages"))
    api.send_messages(CONVERSATION, BATCH)
    assert fake.delivered()["Hello from the test"] == 1
    assert len(events) == 1
    assert events[0].attempt == 1
    assert "not sent" in events[0].reason
    assert clock.sleeps == [pytest.approx(events[0].delay)]


def test_reset_after_sending_is_never_resent(api: Driven, fake: FakeApi) -> None:
    """A connection reset after the server processed the POST: OutcomeUnknownError, no resend."""
    fake.add_fault(Fault("after", lambda r: httpx.ReadError("reset", request=r), "messages"))
    with pytest.raises(OutcomeUnknownError) as caught:
        api.send_messages(CONVERSATION, BATCH)
    assert fake.delivered()["Hello from the test"] == 1
    sends = [r for r in fake.requests if r.url.path.endswith("/messages")]
    assert len(sends) == 1
    found = api.reconcile(caught.value.reconciliation)
    assert [c.data.type for c in found] == ["messages"]


def test_read_timeout_on_post_is_outcome_unknown(api: Driven, fake: FakeApi) -> None:
    """A read timeout after sending is not retried for commands."""
    fake.add_fault(Fault("after", lambda r: httpx.ReadTimeout("slow", request=r), "close"))
    with pytest.raises(OutcomeUnknownError, match="may or may not have been created"):
        api.close_conversation(CONVERSATION)
    assert fake.delivered()["close"] == 1


def test_read_timeout_on_get_is_retried(api: Driven, fake: FakeApi) -> None:
    """GETs are safe to repeat: a read timeout is retried and the call succeeds."""
    fake.add_fault(Fault("before", lambda r: httpx.ReadTimeout("slow", request=r), "command"))
    assert api.list_commands(CONVERSATION) == []
    assert len([r for r in fake.requests if r.url.path.endswith("/command")]) == 2


def test_429_with_retry_after_within_ttl_is_retried(api: Driven, fake: FakeApi, clock) -> None:
    """A 429 with a Retry-After hint that fits the ttl is waited out and re-sent once."""
    fake.add_fault(
        Fault("before", lambda _r: httpx.Response(429, headers={"Retry-After": "2"}), "messages")
    )
    api.send_messages(CONVERSATION, BATCH, ttl=30)
    assert clock.sleeps == [2.0]
    assert fake.delivered()["Hello from the test"] == 1


@pytest.mark.parametrize(
    "case",
    [
        (429, {}, RateLimitError),  # no hint: the request may be re-sent only by the caller
        (503, {"Retry-After": "45"}, ServerError),  # hint longer than the command's ttl
        (500, {"Retry-After": "1"}, ServerError),  # a 500 may have processed the command
    ],
)
def test_commands_without_a_usable_hint_are_not_retried(api, fake, clock, case) -> None:
    """Commands are not re-sent after 429 without a hint, a hint beyond ttl, or a 500."""
    status, headers, error = case
    fake.add_fault(Fault("before", lambda _r: httpx.Response(status, headers=headers), "messages"))
    with pytest.raises(error):
        api.send_messages(CONVERSATION, BATCH, ttl=30)
    assert clock.sleeps == []


def test_a_command_without_ttl_waits_only_for_hints_within_the_default_ttl(
    api: Driven, fake: FakeApi, clock
) -> None:
    """No ttl means the server's 30 s: a 503 asking for 45 s is not waited out nor re-sent."""
    api.login()
    fake.add_fault(_respond(503, **{"Retry-After": "45"}))
    with pytest.raises(ServerError):
        api.send_messages(CONVERSATION, BATCH)
    assert clock.sleeps == []
    assert len([r for r in fake.requests if r.url.path.endswith("/messages")]) == 1


@pytest.mark.parametrize("value", ["soon", "nan", "inf", "-3", "1e400", "99999999999"])
@pytest.mark.parametrize("status", [400, 404, 429, 500, 503])
def test_a_retry_after_the_server_gets_wrong_is_ignored(api, fake, clock, status, value) -> None:
    """A nonsense Retry-After on an error answer is treated as absent: the typed error, no wait."""
    headers = {"Retry-After": value}
    for _ in range(2):
        fake.add_fault(
            Fault("before", lambda _r: httpx.Response(status, headers=headers), "messages")
        )
    with pytest.raises(ApiError) as caught:
        api.send_messages(CONVERSATION, BATCH)
    assert caught.value.status == status
    assert clock.sleeps == []


@pytest.mark.parametrize("value", ["nan", "-3", "soon"])
@pytest.mark.parametrize("header", ["Retry-After", "retry-after-ms"])
def test_a_read_with_a_nonsense_hint_backs_off_as_without_one(
    api, fake, clock, header, value
) -> None:
    """A GET answered 503 with a nonsense hint is retried after the ordinary backoff."""
    api.login()
    fake.add_fault(_respond(503, **{header: value}))
    assert api.list_commands(CONVERSATION) == []
    assert len(clock.sleeps) == 1
    assert 0.375 <= clock.sleeps[0] <= 0.5


def test_gets_back_off_exponentially_and_honour_retry_after(
    api: Driven, fake: FakeApi, clock
) -> None:
    """GET retries: backoff between 0.375 and 0.5 s first, then the server's Retry-After."""
    fake.add_fault(_respond(503))
    fake.add_fault(_respond(500, **{"Retry-After": "3"}))
    assert api.list_commands(CONVERSATION) == []
    assert 0.375 <= clock.sleeps[0] <= 0.5
    assert clock.sleeps[1] == 3.0


def test_retries_stop_at_max_attempts(api: Driven, fake: FakeApi) -> None:
    """Three attempts by default, then the typed error of the last answer."""
    for _ in range(5):
        fake.add_fault(_respond(502, "bad gateway"))
    with pytest.raises(ServerError) as caught:
        api.list_commands(CONVERSATION)
    assert caught.value.status == 502
    assert len(fake.faults) == 2


def test_per_call_retry_override(api: Driven, fake: FakeApi) -> None:
    """with_options(retry=...) changes the policy for calls made through the copy only."""
    fake.add_fault(_respond(503))
    once = Driven(api.client.with_options(retry=RetryPolicy(max_attempts=1)), api._portal)
    with pytest.raises(ServerError):
        once.list_commands(CONVERSATION)
    fake.add_fault(_respond(503))
    assert api.list_commands(CONVERSATION) == []


def test_one_deadline_spans_attempts(api: Driven, fake: FakeApi, clock) -> None:
    """Retry-After hints that would outlast the call's deadline end the call instead."""
    short = Driven(api.client.with_options(deadline=4.0), api._portal)
    fake.add_fault(_respond(503, **{"Retry-After": "3"}))
    fake.add_fault(_respond(503, **{"Retry-After": "3"}))
    with pytest.raises(ServerError):
        short.list_commands(CONVERSATION)
    assert clock.sleeps == [3.0]  # the second wait would pass the 4 s deadline


def test_deadline_exceeded_is_typed(api: Driven, fake: FakeApi, clock) -> None:
    """When the deadline is already spent before an attempt, DeadlineExceededError says so."""
    short = Driven(api.client.with_options(deadline=1.0), api._portal)

    def slow(request: httpx.Request) -> httpx.Response:
        clock.now += 5
        return httpx.Response(503)

    fake.add_fault(Fault("before", slow))
    with pytest.raises((DeadlineExceededError, ServerError)):
        short.list_commands(CONVERSATION)


# ---------------------------------------------------------------------------- errors
@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, ForbiddenError),
        (404, NotFoundError),
        (409, BotUserConflictError),
        (418, UnexpectedStatusError),
        (500, ServerError),
    ],
)
def test_every_documented_status_maps_to_its_error(api, fake, status, error) -> None:
    """Each status gives its error type with operation, status, request id and body excerpt."""
    api.login()
    headers = {"x-request-id": "req-42"}
    for _ in range(4):  # enough for retries and a 401's replay
        fake.add_fault(
            Fault(
                "before",
                lambda _r: httpx.Response(status, text="nope", headers=headers),
                "transfer",
            )
        )
    with pytest.raises(error) as caught:
        api.transfer(CONVERSATION, "human_skill", ttl=20)
    assert caught.value.operation == "transferConversation"
    assert caught.value.status == status
    assert caught.value.request_id == "req-42"
    assert caught.value.body == "nope"


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (100, UnexpectedStatusError),
        (201, UnexpectedStatusError),
        (204, UnexpectedStatusError),
        (301, UnexpectedStatusError),
        (302, UnexpectedStatusError),
        (304, UnexpectedStatusError),
        (307, UnexpectedStatusError),
        (308, UnexpectedStatusError),
        (501, ServerError),
        (599, ServerError),
        (600, UnexpectedStatusError),
        (999, UnexpectedStatusError),
    ],
)
def test_only_200_is_success(api: Driven, fake: FakeApi, status: int, error) -> None:
    """A 3xx (or 1xx, or undocumented 2xx) with a fitting JSON body is an error, not a
    success; only 500-599 are ServerError."""
    api.login()
    fake.add_fault(
        Fault(
            "before",
            lambda _r: httpx.Response(
                status, json={"commandId": "1"}, headers={"Location": "https://elsewhere.example/x"}
            ),
            "messages",
        )
    )
    with pytest.raises(error) as caught:
        api.send_messages(CONVERSATION, BATCH)
    assert type(caught.value) is error
    assert caught.value.status == status
    if 300 <= status < 400:
        assert "redirects are never followed" in str(caught.value)
        assert "elsewhere.example" in str(caught.value)


def test_waf_403_with_html_page_gets_the_hint(api: Driven, fake: FakeApi) -> None:
    """A WAF page becomes a short text excerpt and a hint naming Reblaze."""
    page = "<html><head><title>Request blocked</title></head><body>Reblaze</body></html>"
    fake.add_fault(Fault("before", lambda _r: httpx.Response(403, html=page), "messages"))
    with pytest.raises(ForbiddenError) as caught:
        api.send_messages(CONVERSATION, BATCH)
    assert "Reblaze" in str(caught.value)
    assert "<html>" not in caught.value.body
    assert caught.value.body.startswith("Request blocked")


def test_empty_and_non_json_bodies_are_handled(api: Driven, fake: FakeApi) -> None:
    """An empty 500 and a 200 that is not the contract's JSON both give typed errors."""
    fake.add_fault(Fault("before", lambda _r: httpx.Response(500), "messages"))
    with pytest.raises(ServerError) as caught:
        api.send_messages(CONVERSATION, BATCH)
    assert caught.value.body == ""
    fake.add_fault(
        Fault("before", lambda _r: httpx.Response(200, text="<html>ok</html>"), "messages")
    )
    with pytest.raises(InvalidResponseError):
        api.send_messages(CONVERSATION, BATCH)


def test_closed_conversation_is_not_found(api: Driven, fake: FakeApi) -> None:
    """Commands on a closed conversation raise NotFoundError (404)."""
    fake.closed.add(CONVERSATION)
    with pytest.raises(NotFoundError, match="closed"):
        api.send_messages(CONVERSATION, BATCH)


def test_transport_failure_on_read_is_typed(api: Driven, fake: FakeApi) -> None:
    """A GET whose connection keeps failing ends in TransportError after its attempts."""
    for _ in range(3):
        fake.add_fault(Fault("before", lambda r: httpx.ConnectError("down", request=r), "command"))
    with pytest.raises(TransportError, match="ConnectError"):
        api.list_commands(CONVERSATION)


# ---------------------------------------------------------------------------- validation
@pytest.mark.parametrize("ttl", [9, 121, 0, "30"])
def test_bad_ttl_is_refused_before_sending(api: Driven, fake: FakeApi, ttl) -> None:
    """ttl outside 10-120 (or not an integer) raises RequestValidationError; nothing is sent."""
    with pytest.raises(RequestValidationError, match="ttl"):
        api.send_messages(CONVERSATION, BATCH, ttl=ttl)
    assert fake.requests == []


def test_bad_body_is_refused_before_sending(api: Driven, fake: FakeApi) -> None:
    """A contract-invalid batch raises RequestValidationError naming the field; nothing is sent."""
    with pytest.raises(RequestValidationError) as caught:
        api.send_messages(CONVERSATION, {"messages": [{"delay": "soon"}]})
    assert caught.value.path.startswith("messages[0]")
    with pytest.raises(RequestValidationError):
        api.set_ttr(CONVERSATION, "CUSTOM")
    assert fake.requests == []


# ---------------------------------------------------------------------------- wire format
def test_requests_carry_the_contract_shape(api: Driven, fake: FakeApi) -> None:
    """Path, method, ttl query, JSON body, bearer header and per-attempt timeouts."""
    api.transfer(CONVERSATION, "human_skill", agent_id="4129463410", ttl=45)
    sent = fake.requests[-1]
    assert sent.method == "POST"
    assert sent.url.path == f"/api/v1/account/12345678/conversation/{CONVERSATION}/transfer"
    assert sent.url.params["ttl"] == "45"
    assert json.loads(sent.content) == {"skill": "human_skill", "agentId": "4129463410"}
    assert sent.headers["authorization"].startswith("Bearer bearer-bot-api-")
    assert sent.headers["content-type"] == "application/json"
    timeout = sent.extensions["timeout"]
    assert timeout["connect"] == 5.0
    assert timeout["read"] == 30.0


def test_every_operation_reaches_its_path(api: Driven, fake: FakeApi) -> None:
    """Each facade method sends its contract operation and returns the parsed model."""
    accepted = [
        api.send_messages(CONVERSATION, BATCH),
        api.transfer(CONVERSATION, "human_skill"),
        api.set_sdes(
            CONVERSATION,
            [{"type": "ctmrinfo", "info": {"cstatus": "cancelled"}}],
            shark_visitor_id="v",
            shark_session_id="s",
        ),
        api.set_ttr(CONVERSATION, "URGENT"),
        api.join_conversation(CONVERSATION, "bot-2", agent_message="hi"),
        api.remove_agent(CONVERSATION, "bot-2"),
        api.close_conversation(CONVERSATION),
    ]
    suffixes = [r.url.path.rsplit("/", 1)[-1] for r in fake.requests if r.method == "POST"][1:]
    assert suffixes == [
        "messages",
        "transfer",
        "sdes",
        "ttr",
        "joinConversation",
        "removeAgent",
        "close",
    ]
    listed = api.list_commands(CONVERSATION)
    assert [c.id for c in listed] == [a.commandId for a in reversed(accepted)]
    assert api.get_command(CONVERSATION, accepted[0].commandId).data.type == "messages"


def test_injected_http_client_keeps_its_settings_and_ours(mode, fake, portal, clock) -> None:
    """A user's httpx client keeps its headers and event hooks; our auth and retries apply."""
    seen = []
    if mode == "sync":
        http = httpx.Client(
            transport=fake.transport(),
            headers={"X-App": "mine"},
            event_hooks={"request": [seen.append]},
        )
        client: object = Client(
            "12345678",
            USER,
            http_client=http,
            base_url="https://x.example",
            session_pool=SessionPool(),
            sleep=clock.sleep,
            clock=clock,
        )
        api = Driven(client, None)  # type: ignore[arg-type]
    else:

        async def hook(request: httpx.Request) -> None:
            seen.append(request)

        ahttp = httpx.AsyncClient(
            transport=fake.transport(), headers={"X-App": "mine"}, event_hooks={"request": [hook]}
        )
        api = Driven(
            AsyncClient(
                "12345678",
                USER,
                http_client=ahttp,
                base_url="https://x.example",
                session_pool=SessionPool(),
                sleep=clock.asleep,
                clock=clock,
            ),
            portal,
        )
    fake.add_fault(Fault("before", lambda r: httpx.ConnectError("refused", request=r), "messages"))
    api.send_messages(CONVERSATION, BATCH)
    assert fake.requests[-1].headers["x-app"] == "mine"
    assert fake.requests[-1].headers["authorization"].startswith("Bearer ")
    assert len(seen) == 3  # login, the refused attempt, the retry
    api.close()
    assert not (http if mode == "sync" else ahttp).is_closed  # injected clients stay open


@pytest.mark.parametrize(
    "case", [(op, status) for op in ("login", "messages") for status in (301, 302, 303, 307, 308)]
)
def test_redirects_are_never_followed_even_by_a_following_client(
    mode, fake, portal, clock, case
) -> None:
    """An injected client with follow_redirects=True still never sends the password (or a
    command) to the host a 3xx points at: the redirect is an UnexpectedStatusError."""
    operation, status = case
    elsewhere: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.host == "elsewhere.example":
            request.read()
            elsewhere.append(request)
            return httpx.Response(200, json={"bearer": "b", "commandId": "1"})
        return fake.handle(request)

    target = f"https://elsewhere.example/catch?status={status}"
    fake.add_fault(
        Fault("before", lambda _r: httpx.Response(status, headers={"Location": target}), operation)
    )
    common = {"base_url": "https://bot-platform-api.fs.liveperson.com", "clock": clock}
    common["session_pool"] = SessionPool()
    if mode == "sync":
        http = httpx.Client(transport=httpx.MockTransport(handle), follow_redirects=True)
        api = Driven(Client("12345678", USER, http_client=http, sleep=clock.sleep, **common), None)
    else:
        ahttp = httpx.AsyncClient(transport=httpx.MockTransport(handle), follow_redirects=True)
        client = AsyncClient("12345678", USER, http_client=ahttp, sleep=clock.asleep, **common)
        api = Driven(client, portal)
    with pytest.raises(UnexpectedStatusError, match="redirects are never followed") as caught:
        api.send_messages(CONVERSATION, BATCH)
    assert caught.value.status == status
    assert "elsewhere.example" in str(caught.value)
    assert "catch" not in str(caught.value)  # the host only: a path or query may hold a token
    assert elsewhere == []
    assert fake.delivered() == {}


def test_capture_responses_gives_headers(api: Driven, fake: FakeApi) -> None:
    """capture_responses() exposes each call's final HTTP response."""
    fake.add_fault(
        Fault(
            "after",
            lambda _r: httpx.Response(
                200, json={"commandId": "77"}, headers={"x-request-id": "r-1"}
            ),
            "messages",
        )
    )
    if api._portal is None:
        with api.client.capture_responses() as responses:
            api.send_messages(CONVERSATION, BATCH)
    else:

        async def run() -> list[httpx.Response]:
            with api.client.capture_responses() as captured:
                await api.client.send_messages(CONVERSATION, BATCH)
            return captured

        responses = api._portal.call(run)
    assert [r.headers.get("x-request-id") for r in responses] == ["r-1"]


# ---------------------------------------------------------------------------- where the API is
def test_account_only_resolves_the_host_through_the_domain_api(mode, fake, portal, clock) -> None:
    """Without base_url or zone, the Domain API names the host; a connect failure re-asks it."""
    lookups = []

    def csds_then_api(request: httpx.Request) -> httpx.Response:
        if request.url.host == "api.liveperson.net":
            lookups.append(request.url.path)
            host = "bot-platform-api.emea.fs.liveperson.com"
            return httpx.Response(
                200, json={"service": "thirdPartyBots", "account": "12345678", "baseURI": host}
            )
        assert request.url.host == "bot-platform-api.emea.fs.liveperson.com"
        return fake.handle(request)

    transport = httpx.MockTransport(csds_then_api)
    if mode == "sync":
        client: Client | AsyncClient = Client(
            "12345678", USER, http_client=httpx.Client(transport=transport),
            session_pool=SessionPool(), clock=clock, sleep=clock.sleep,
        )  # fmt: skip
        api = Driven(client, None)
    else:
        client = AsyncClient(
            "12345678", USER, http_client=httpx.AsyncClient(transport=transport),
            session_pool=SessionPool(), clock=clock, sleep=clock.asleep,
        )  # fmt: skip
        api = Driven(client, portal)
    api.send_messages(CONVERSATION, BATCH)
    api.send_messages(CONVERSATION, BATCH)
    assert lookups == ["/api/account/12345678/service/thirdPartyBots/baseURI.json"]
    assert client.base_url == "https://bot-platform-api.emea.fs.liveperson.com"
    fake.add_fault(Fault("before", lambda r: httpx.ConnectError("down", request=r), "messages"))
    api.send_messages(CONVERSATION, BATCH)
    assert len(lookups) == 2  # the failed connection dropped the cached host
    assert fake.delivered()["Hello from the test"] == 3


def test_zone_and_explicit_base_url(mode, fake, portal) -> None:
    """zone="z3" targets the APAC host; an explicit base_url wins over a zone."""
    api = make(mode, fake, portal, base_url=None, zone="z3")
    assert api.client.base_url == "https://bot-platform-api.apac.fs.liveperson.com"
    both = make(mode, fake, portal, base_url="http://127.0.0.1:9", zone="z3")
    assert both.client.base_url == "http://127.0.0.1:9"
