"""Ids ``.`` and ``..`` are dot-segments: httpx (as any URL library must) removes them, so
``conversation ".."`` would become ``POST /api/v1/account/{id}/messages`` and
``get_command("..", "..")`` ``GET /api/v1/account/{id}``. The contract's id pattern refuses
them, the SDK refuses them before sending, and the simulator answers 400.

Every other id keeps its meaning once quoted: ``/`` and ``%`` are percent-encoded by the
routes (``%2e%2e`` is sent as ``%252e%252e``), ``...`` is no dot-segment, and an empty id is
refused already.
"""

from __future__ import annotations

import re
from typing import Any

import anyio
import httpx
import pydantic
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lptpb_ext import (
    AsyncClient,
    AsyncDomainResolver,
    Bearer,
    Client,
    ConfigurationError,
    DomainResolver,
    RequestValidationError,
    SessionPool,
)
from lptpb_ext._operations import check_id
from lptpb_ext._routes import ID_PATTERN, route
from lptpb_ext.simulator import (
    AGENT_ID,
    DEFAULT_ACCOUNT,
    MESSAGING_CONVERSATION,
    SKILL,
    ManualClock,
    Simulator,
)
from lptpb_ext.simulator._schema import ecma_regex
from tests.spec import spec
from tests.test_simulator_rules import BASE, Api

ACCOUNT = "12345678"
CONVERSATION = "2312ed0e-662e-4c94-9022-f0991058b4a4"
DOTS = (".", "..")
SDE = {"type": "ctmrinfo", "info": {"cstatus": "gold"}}
CHANGED_BY_HTTPX = {".": "conversation/messages", "..": "/api/v1/account/12345678/messages"}


# ---------------------------------------------------------------- what httpx does with them
@pytest.mark.parametrize("dots", DOTS)
def test_httpx_removes_dot_segments_which_is_why_they_are_refused(dots):
    """The premise: quoted by the route table, a dot id still vanishes from the URL."""
    path = route("sendMessages").path(ACCOUNT, dots)
    sent = httpx.Request("POST", BASE + path).url.path
    assert sent != path
    assert sent.endswith(CHANGED_BY_HTTPX[dots])


@pytest.mark.parametrize("value", ["...", "%2e%2e", "%2E.", "a/..", "..%2f", ". .", "\u2025"])
def test_other_dotty_ids_keep_their_segment(value):
    """Ids that only look like dot-segments stay one segment of their own after quoting."""
    path = route("sendMessages").path(ACCOUNT, value)
    sent = httpx.Request("POST", BASE + path).url.raw_path.decode()
    assert sent.split("?")[0] == path
    assert sent.count("/") == path.count("/") == 7


# ---------------------------------------------------------------- the SDK refuses them
def _calls(dots: str) -> dict[str, tuple[str, tuple[Any, ...], dict[str, Any], str]]:
    """name: (method, args, kwargs, the field the error must name)."""
    batch = {"messages": ["Hello"]}
    return {
        "send_messages": ("send_messages", (dots, batch), {}, "conversationId"),
        "transfer": ("transfer", (dots, SKILL), {}, "conversationId"),
        "transfer agentId": ("transfer", (CONVERSATION, SKILL), {"agent_id": dots}, "agentId"),
        "close_conversation": ("close_conversation", (dots,), {}, "conversationId"),
        "set_sdes": (
            "set_sdes",
            (dots, [SDE]),
            {"shark_visitor_id": "v", "shark_session_id": "s"},
            "conversationId",
        ),
        "set_ttr": ("set_ttr", (dots, "URGENT"), {}, "conversationId"),
        "join_conversation": ("join_conversation", (dots, AGENT_ID), {}, "conversationId"),
        "join agentId": ("join_conversation", (CONVERSATION, dots), {}, "agentId"),
        "remove_agent": ("remove_agent", (dots, AGENT_ID), {}, "conversationId"),
        "remove agentId": ("remove_agent", (CONVERSATION, dots), {}, "agentId"),
        "list_commands": ("list_commands", (dots,), {}, "conversationId"),
        "get_command conversation": ("get_command", (dots, "21"), {}, "conversationId"),
        "get_command command": ("get_command", (CONVERSATION, dots), {}, "commandId"),
        "wait_for_command": ("wait_for_command", (CONVERSATION, dots), {}, "commandId"),
        "get_service_domain": ("get_service_domain", (dots,), {}, "serviceName"),
    }


CALL_NAMES = list(_calls("."))


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("dots", DOTS)
@pytest.mark.parametrize("name", CALL_NAMES)
def test_dot_ids_are_refused_before_sending(name, dots, mode):
    """Each id field: RequestValidationError naming the field, rule ``pattern``, nothing sent."""
    method, args, kwargs, field = _calls(dots)[name]
    sent: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(500)

    transport = httpx.MockTransport(record)
    options: dict[str, Any] = {"base_url": BASE, "session_pool": SessionPool()}

    async def call_async() -> None:
        http = httpx.AsyncClient(transport=transport)
        client = AsyncClient(ACCOUNT, Bearer("tok"), http_client=http, **options)
        await getattr(client, method)(*args, **kwargs)

    def call() -> None:
        if mode == "async":
            anyio.run(call_async)
            return
        http = httpx.Client(transport=transport)
        getattr(Client(ACCOUNT, Bearer("tok"), http_client=http, **options), method)(
            *args, **kwargs
        )

    with pytest.raises(RequestValidationError) as caught:
        call()
    assert (caught.value.path, caught.value.rule) == (field, "pattern")
    assert sent == []


@pytest.mark.parametrize("kind", [Client, AsyncClient])
@pytest.mark.parametrize("account", ["", ".", ".."])
def test_dot_account_ids_are_refused_by_the_constructor(kind, account):
    """The account id is in every URL: ``.`` or ``..`` is a ConfigurationError up front."""
    with pytest.raises(ConfigurationError, match="account_id"):
        kind(account, Bearer("tok"), base_url=BASE)


@pytest.mark.parametrize("kind", [DomainResolver, AsyncDomainResolver])
@pytest.mark.parametrize("account", DOTS)
def test_dot_account_ids_are_refused_by_the_resolvers(kind, account):
    """The resolvers refuse them too, before asking."""
    sent: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda r: sent.append(r) or httpx.Response(500))

    async def main() -> None:
        if kind is DomainResolver:
            DomainResolver(httpx.Client(transport=transport)).resolve(account)
        else:
            await AsyncDomainResolver(httpx.AsyncClient(transport=transport)).resolve(account)

    with pytest.raises(ConfigurationError, match="account id"):
        anyio.run(main)
    assert sent == []


# ---------------------------------------------------------------- the contract says so
def _id_schemas() -> dict[str, dict[str, Any]]:
    """Every id the contract takes from a consumer: path parameters and agentId properties."""
    document = spec()
    found = {
        name: param["schema"]
        for name, param in document["components"]["parameters"].items()
        if param["in"] == "path"
    }
    for name in ("TransferRequest", "JoinConversationRequest", "RemoveAgentRequest"):
        found[f"{name}.agentId"] = document["components"]["schemas"][name]["properties"]["agentId"]
    return found


def test_every_id_in_the_contract_has_the_pattern():
    """accountId, conversationId, commandId, serviceName and agentId share one pattern."""
    schemas = _id_schemas()
    assert {"AccountId", "ConversationId", "CommandId", "ServiceName"} <= set(schemas)
    patterns = {name: schema.get("pattern") for name, schema in schemas.items()}
    assert patterns == dict.fromkeys(schemas, ID_PATTERN)


class _Probe(pydantic.BaseModel):
    """pydantic-core compiles ``pattern`` with Rust's regex (no lookaround, as RE2)."""

    value: str = pydantic.Field(pattern=ID_PATTERN)


def _rust_verdict(value: str) -> str | None:
    try:
        return _Probe(value=value).value
    except pydantic.ValidationError:
        return None


def test_the_pattern_needs_no_lookaround():
    """RE2 (Go) and Rust's regex have no lookaround or backreferences; the pattern uses none."""
    assert not re.search(r"\(\?[=!<]|\\[1-9]", ID_PATTERN)
    assert _rust_verdict("21") == "21"  # Rust's regex compiles it (it refuses lookaround)


SAMPLES = ["", ".", "..", "...", "....", "a", ".a", "..a", "a..", ".\n", "..\n", "\n", "..\r"]


@pytest.mark.parametrize("value", SAMPLES)
def test_the_pattern_refuses_exactly_empty_dot_and_dot_dot(value):
    """Python's re, the simulator's ECMA-262 reading and Rust's regex all agree."""
    refused = value in ("", ".", "..")
    assert (re.search(ID_PATTERN, value) is None) is refused
    assert (ecma_regex(ID_PATTERN).search(value) is None) is refused
    assert (_rust_verdict(value) is None) is refused


@given(st.text(max_size=8, alphabet=st.sampled_from(".a/\n%é")) | st.text(max_size=6))
def test_the_sdk_check_and_the_pattern_agree(value):
    """check_id accepts a string iff the contract's pattern matches it."""
    matches = re.search(ID_PATTERN, value) is not None
    try:
        check_id("conversationId", value)
    except RequestValidationError:
        assert not matches
    else:
        assert matches


# ---------------------------------------------------------------- the simulator refuses them
@pytest.fixture
def sim_api():
    sim = Simulator(clock=ManualClock(start=1_700_000_000.0))
    with httpx.Client(transport=sim.transport(), base_url=BASE) as client:
        api = Api(client)
        yield api, {"Authorization": f"Bearer {api.bearer()}"}


ACCOUNT_PATH = f"/api/v1/account/{DEFAULT_ACCOUNT}"
COMMAND_PATH = f"{ACCOUNT_PATH}/conversation/{MESSAGING_CONVERSATION}/command"
DOMAIN_PATH = "/api/account/{0}/service/{1}/baseURI.json?version=1.0"
LOGIN_BODY = {"authType": "USER_PASS", "credentials": {"username": "u", "password": "p"}}
MESSAGES = {"messages": ["x"]}
RAW = {
    "conversationId %2E%2E": ("POST", f"{ACCOUNT_PATH}/conversation/%2E%2E/messages", MESSAGES),
    "conversationId %2E": ("POST", f"{ACCOUNT_PATH}/conversation/%2E/close", {}),
    "commandId": ("GET", f"{COMMAND_PATH}/%2E%2E", None),
    "accountId (login)": ("POST", "/api/v1/account/%2E%2E/login?v=1.3", LOGIN_BODY),
    "accountId (Domain API)": ("GET", DOMAIN_PATH.format("%2E", "thirdPartyBots"), None),
    "serviceName": ("GET", DOMAIN_PATH.format(DEFAULT_ACCOUNT, "%2E%2E"), None),
}


@pytest.mark.parametrize(("method", "path", "body"), RAW.values(), ids=RAW.keys())
def test_the_simulator_answers_400_for_dot_ids(sim_api, request, method, path, body):
    """Percent-encoded dots reach the routes as ``.``/``..``: the pattern refuses them."""
    api, headers = sim_api
    response = api.client.request(method, path, json=body, headers=headers)
    assert response.status_code == 400, response.text
    assert request.node.callspec.id.split()[0] in response.text
    assert "pattern" in response.text


@pytest.mark.parametrize(
    ("tail", "body"),
    [("transfer", {"skill": SKILL, "agentId": ".."}), ("joinConversation", {"agentId": "."})],
)
def test_the_simulator_answers_400_for_dot_agent_ids(sim_api, tail, body):
    """agentId in a body follows the same pattern."""
    api, headers = sim_api
    response = api.post(headers["Authorization"].removeprefix("Bearer "), tail, body)
    assert response.status_code == 400, response.text
    assert "agentId" in response.text
