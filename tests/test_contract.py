"""The hand-written contract: what other teams rely on when they take `openapi.yaml` as-is."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest
from openapi_spec_validator import validate as validate_openapi

from tests import spec as oas

# operationId -> (method, path, documented statuses). The seeds are the authority: 001 added 403,
# 003 added 409 (login only); the GETs take no body or query, so they document no 400.
CONVERSATION = "/api/v1/account/{accountId}/conversation/{conversationId}"
#: What a service behind a proxy answers on any operation when it sheds load or fails: declared on
#: every one (the SDK retries them, the simulator's faults send them), Retry-After on 429 and 503.
TRANSIENT = {"429", "500", "502", "503", "504"}
COMMAND_STATUSES = {"200", "400", "401", "403", "404"} | TRANSIENT
OPERATIONS: dict[str, tuple[str, str, set[str]]] = {
    "login": (
        "post",
        "/api/v1/account/{accountId}/login",
        {"200", "400", "401", "403", "409"} | TRANSIENT,
    ),
    "legacyLogin": (
        "post",
        "/api/account/{accountId}/login",
        {"200", "400", "401", "403"} | TRANSIENT,
    ),
    "sendMessages": ("post", f"{CONVERSATION}/messages", COMMAND_STATUSES),
    "transferConversation": ("post", f"{CONVERSATION}/transfer", COMMAND_STATUSES),
    "closeConversation": ("post", f"{CONVERSATION}/close", COMMAND_STATUSES),
    "setSdes": ("post", f"{CONVERSATION}/sdes", COMMAND_STATUSES),
    "setTtr": ("post", f"{CONVERSATION}/ttr", COMMAND_STATUSES),
    "joinConversation": ("post", f"{CONVERSATION}/joinConversation", COMMAND_STATUSES),
    "removeAgent": ("post", f"{CONVERSATION}/removeAgent", COMMAND_STATUSES),
    "listCommands": ("get", f"{CONVERSATION}/command", {"200", "401", "403", "404"} | TRANSIENT),
    "getCommand": (
        "get",
        f"{CONVERSATION}/command/{{commandId}}",
        {"200", "401", "403", "404"} | TRANSIENT,
    ),
    "getServiceDomain": (
        "get",
        "/api/account/{accountId}/service/{serviceName}/baseURI.json",
        {"200", "400", "401"} | TRANSIENT,
    ),
    "listServiceDomains": (
        "get",
        "/api/account/{accountId}/service/baseURI.json",
        {"200", "400", "401"} | TRANSIENT,
    ),
}
WITH_TTL = {"sendMessages", "transferConversation", "closeConversation", "setSdes", "setTtr"}
UNAUTHENTICATED = {"login", "legacyLogin", "getServiceDomain", "listServiceDomains"}


def operations() -> dict[str, tuple[str, str, dict[str, Any], list[dict[str, Any]]]]:
    found = {}
    for path, item in oas.spec()["paths"].items():
        shared = [oas.resolve(p) for p in item.get("parameters", [])]
        for method, op in item.items():
            if method in {"get", "post", "put", "patch", "delete"}:
                params = shared + [oas.resolve(p) for p in op.get("parameters", [])]
                found[op["operationId"]] = (method, path, op, params)
    return found


def test_document_is_valid_openapi_3_1() -> None:
    assert oas.spec()["openapi"].startswith("3.1.")
    validate_openapi(copy.deepcopy(oas.spec()))


def test_every_documented_operation_is_present_with_its_statuses() -> None:
    found = operations()
    assert set(found) == set(OPERATIONS)
    for op_id, (method, path, statuses) in OPERATIONS.items():
        got_method, got_path, op, _ = found[op_id]
        assert (got_method, got_path) == (method, path), op_id
        assert set(op["responses"]) == statuses, op_id


def test_operations_are_described_for_readers_and_generators() -> None:
    tags = {t["name"] for t in oas.spec()["tags"]}
    for op_id, (_, _, op, _) in operations().items():
        assert re.fullmatch(r"[a-z][A-Za-z]+", op_id), op_id
        assert all(op.get(key) for key in ("summary", "description", "tags")), op_id
        assert set(op["tags"]) <= tags, op_id


def test_only_the_legacy_login_is_deprecated() -> None:
    deprecated = {op_id for op_id, (_, _, op, _) in operations().items() if op.get("deprecated")}
    assert deprecated == {"legacyLogin"}


def test_bearer_is_required_everywhere_but_login_and_domain_lookup() -> None:
    assert oas.spec()["security"] == [{"bearerAuth": []}]
    assert oas.spec()["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    open_ops = {op_id for op_id, (_, _, op, _) in operations().items() if op.get("security") == []}
    assert open_ops == UNAUTHENTICATED


def test_ttl_is_10_to_120_default_30_where_documented() -> None:
    for op_id, (_, _, _, params) in operations().items():
        ttl = [p for p in params if p["name"] == "ttl"]
        if op_id not in WITH_TTL:
            assert not ttl, op_id
            continue
        (param,) = ttl
        assert param["in"] == "query"
        assert not param["required"]
        assert param["schema"] == {
            "type": "integer",
            "format": "int32",
            "minimum": 10,
            "maximum": 120,
            "default": 30,
        }


def test_login_requires_version_1_3() -> None:
    for op_id in ("login", "legacyLogin"):
        (v,) = [p for p in operations()[op_id][3] if p["name"] == "v"]
        assert v["required"]
        assert v["in"] == "query"
        assert v["schema"]["const"] == "1.3"
        # No default: a validator must refuse a login without v, as the service does.
        assert "default" not in v["schema"]


def test_domain_api_operations_have_their_own_servers() -> None:
    api_hosts = oas.spec()["servers"][0]["variables"]["botDomain"]["enum"]
    assert api_hosts == [
        "bot-platform-api.fs.liveperson.com",
        "bot-platform-api.emea.fs.liveperson.com",
        "bot-platform-api.apac.fs.liveperson.com",
    ]
    for op_id in ("getServiceDomain", "listServiceDomains"):
        path = operations()[op_id][1]
        servers = oas.spec()["paths"][path]["servers"]
        assert servers[0]["url"] == "https://{csdsDomain}"
        assert "api.liveperson.net" in servers[0]["variables"]["csdsDomain"]["enum"]


def test_every_body_is_a_named_component() -> None:
    """Inline body schemas would give generated classes path-derived names."""
    for op_id, (_, _, op, _) in operations().items():
        bodies = [oas.resolve(r) for r in op["responses"].values()]
        if "requestBody" in op:
            bodies.append(oas.resolve(op["requestBody"]))
        for body in bodies:
            for media_type, media in body.get("content", {}).items():
                assert set(media["schema"]) == {"$ref"}, f"{op_id} {media_type}"


def test_no_inline_object_schemas_in_components() -> None:
    """Every object with properties is a component of its own, so both generators name it."""
    inline: list[str] = []

    def walk(node: Any, where: str, top: bool) -> None:
        if isinstance(node, dict):
            if not top and "properties" in node:
                inline.append(where)
            for key, value in node.items():
                walk(value, f"{where}/{key}", top=False)
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}", top=False)

    for name, schema in oas.spec()["components"]["schemas"].items():
        walk(schema, name, top=True)
    assert not inline


def _tag_values(schema: dict[str, Any], prop: str) -> set[str]:
    tag = schema["properties"][prop]
    return {tag["const"]} if "const" in tag else set(tag["enum"])


def test_every_discriminated_union_has_a_complete_mapping_and_required_tags() -> None:
    schemas = oas.spec()["components"]["schemas"]
    unions = {n: s for n, s in schemas.items() if "discriminator" in s}
    assert {"LoginRequest", "MessageMetadata", "Sde", "StructuredContent", "Card", "Action"} <= set(
        unions
    )
    for name, union in unions.items():
        prop = union["discriminator"]["propertyName"]
        mapping = union["discriminator"]["mapping"]
        variants = {v["$ref"] for v in union["oneOf"]}
        assert set(mapping.values()) == variants, name
        for value, target in mapping.items():
            variant = oas.resolve({"$ref": target})
            assert prop in variant["required"], f"{name}: {target}"
            assert value in _tag_values(variant, prop), f"{name}: {value}"
        claimed = [
            v for target in variants for v in _tag_values(oas.resolve({"$ref": target}), prop)
        ]
        assert sorted(claimed) == sorted(mapping), name


def test_limits_json_schema_cannot_express_are_machine_readable() -> None:
    schemas = oas.spec()["components"]["schemas"]
    sc = schemas["StructuredContentMessage"]["properties"]["structuredContent"]
    assert sc["x-lptpb-limits"]["maxSerializedBytes"] == 15000
    assert "15000" in sc["description"]
    encoded = schemas["EncodedMetadata"]
    assert encoded["x-lptpb-limits"]["maxEncodedBytes"] == encoded["maxLength"] == 5120
    assert encoded["contentEncoding"] == "base64"
    assert "5120" in encoded["description"]


@pytest.mark.parametrize(
    ("where", "pointer", "value"),
    [pytest.param(w, p, v, id=w) for w, p, _, v in oas.media_examples()],
)
def test_every_example_is_valid_against_its_schema(where: str, pointer: str, value: Any) -> None:
    assert not list(oas.validator_for_pointer(pointer).iter_errors(value)), where


def test_every_body_that_has_a_schema_has_an_example() -> None:
    named = {w.rsplit(" ", 1)[0] for w, *_ in oas.media_examples()}
    for op_id, (_, _, op, _) in operations().items():
        if "requestBody" in op:
            assert f"{op_id} request" in named
        assert f"{op_id} 200" in named


def _seed_send() -> dict[str, Any]:
    return copy.deepcopy(
        oas.resolve({"$ref": "#/components/examples/SendMessagesEveryKind"})["value"]
    )


def _quick_replies(body: dict[str, Any]) -> dict[str, Any]:
    qr: dict[str, Any] = body["messages"][2]["structuredContent"]["quickReplies"]
    return qr


def _with(mutate: Any) -> dict[str, Any]:
    body = _seed_send()
    mutate(body)
    return body


# Payloads the seeds rule out. Each must be rejected by the schema named beside it.
REJECTED: list[tuple[str, str, Any]] = [
    (
        "authType is case-sensitive",
        "LoginRequest",
        {"authType": "user_pass", "credentials": {"username": "u", "password": "p"}},
    ),
    (
        "credentials must match authType",
        "LoginRequest",
        {"authType": "API_KEY", "credentials": {"username": "u", "password": "p"}},
    ),
    (
        "API key login needs all four keys",
        "LoginRequest",
        {
            "authType": "API_KEY",
            "credentials": {"username": "u", "appKey": "a", "secret": "s", "accessToken": "t"},
        },
    ),
    (
        "legacy login is flat",
        "LegacyLoginRequest",
        {"authType": "USER_PASS", "credentials": {"username": "u", "password": "p"}},
    ),
    ("messages are required", "SendMessagesRequest", {"context": {"intentId": "x"}}),
    ("an empty message list", "SendMessagesRequest", {"messages": []}),
    ("an empty text", "SendMessagesRequest", {"messages": [""]}),
    (
        "messageAudience is case-sensitive",
        "SendMessagesRequest",
        {"messages": [{"text": "x", "messageAudience": "agents_and_managers"}]},
    ),
    ("private text needs its audience", "SendMessagesRequest", {"messages": [{"text": "x"}]}),
    ("a pause needs its delay", "SendMessagesRequest", {"messages": [{"typing": True}]}),
    (
        "confidence is at most 1",
        "SendMessagesRequest",
        {"context": {"confidenceScore": 2}, "messages": ["x"]},
    ),
    (
        "25 quick replies",
        "SendMessagesRequest",
        _with(
            lambda b: _quick_replies(b).update(
                replies=_quick_replies(b)["replies"] * 12 + _quick_replies(b)["replies"][:1]
            )
        ),
    ),
    (
        "no quick replies",
        "SendMessagesRequest",
        _with(lambda b: _quick_replies(b).update(replies=[])),
    ),
    (
        "a 129-character chip title",
        "SendMessagesRequest",
        _with(lambda b: _quick_replies(b)["replies"][0].update(title="x" * 129)),
    ),
    (
        "encodedMetadata is base64",
        "SendMessagesRequest",
        _with(lambda b: b["messages"][2].update(encodedMetadata="not base64!")),
    ),
    (
        "encodedMetadata over 5120 bytes",
        "SendMessagesRequest",
        _with(lambda b: b["messages"][2].update(encodedMetadata="QUFB" * 1281)),
    ),
    (
        "metadata type is case-sensitive",
        "SendMessagesRequest",
        _with(lambda b: b["messages"][2]["metadata"][0].update(type="externalId")),
    ),
    (
        "an ExternalId over 64 characters",
        "SendMessagesRequest",
        _with(lambda b: b["messages"][2]["metadata"][0].update(id="x" * 65)),
    ),
    (
        "an unknown field on a message",
        "SendMessagesRequest",
        _with(lambda b: b["messages"][1].update(delayy=3)),
    ),
    ("transfer needs a skill", "TransferRequest", {"agentId": "4129463410"}),
    ("ttrType is case-sensitive", "SetTtrRequest", {"ttrType": "urgent"}),
    (
        "CUSTOM TTR was removed (seed 000's example)",
        "SetTtrRequest",
        {"ttrType": "CUSTOM", "value": "10"},
    ),
    (
        "SDEs need the visitor",
        "SetSdesRequest",
        {"sdes": [{"type": "personal", "personal": {}}], "sharkSessionId": "s"},
    ),
    (
        "SDEs need the session",
        "SetSdesRequest",
        {"sdes": [{"type": "personal", "personal": {}}], "sharkVisitorId": "v"},
    ),
    (
        "at least one SDE",
        "SetSdesRequest",
        {"sdes": [], "sharkVisitorId": "v", "sharkSessionId": "s"},
    ),
    (
        "an unknown SDE type",
        "SetSdesRequest",
        {
            "sdes": [{"type": "Personal", "personal": {}}],
            "sharkVisitorId": "v",
            "sharkSessionId": "s",
        },
    ),
    (
        "a misspelt SDE field",
        "SetSdesRequest",
        {
            "sdes": [{"type": "personal", "personal": {"firstName": "A"}}],
            "sharkVisitorId": "v",
            "sharkSessionId": "s",
        },
    ),
    ("a cart needs its total", "Sde", {"type": "cart", "numItems": 1}),
    ("join needs the agent", "JoinConversationRequest", {"agentMessage": "hi"}),
    ("close takes no fields", "CloseConversationRequest", {"reason": "done"}),
    (
        "an unknown command state",
        "Command",
        {"id": "1", "data": {"type": "sdes", "payload": {}}, "result": None, "state": "WAITING"},
    ),
    ("a domain answer of neither shape", "ServiceDomainLookup", {"service": "s", "account": "1"}),
    (
        "a domain answer of both shapes",
        "ServiceDomainLookup",
        {"service": "s", "account": "1", "baseURI": "h", "baseURIs": []},
    ),
    ("quick replies with a type tag", "MessageContent", {"type": "quickReplies", "message": "m"}),
]


@pytest.mark.parametrize(("why", "component", "payload"), REJECTED, ids=[r[0] for r in REJECTED])
def test_payloads_the_seeds_rule_out_are_rejected(why: str, component: str, payload: Any) -> None:
    assert oas.errors(component, payload), why


ACCEPTED: list[tuple[str, str, Any]] = [
    ("gender as a code", "Sde", {"type": "personal", "personal": {"gender": 1}}),
    ("gender in the history's case", "Sde", {"type": "personal", "personal": {"gender": "Male"}}),
    ("marketing channel as a digit string", "Sde", {"type": "mrktInfo", "info": {"channel": "1"}}),
    ("a pause without typing", "SendMessagesRequest", {"messages": [{"delay": 2}]}),
    (
        "a chip title past the 25-character rendering guideline",
        "SendMessagesRequest",
        _with(lambda b: _quick_replies(b)["replies"][0].update(title="x" * 26)),
    ),
    (
        "nine chips per row (1 to 8 is a rendering guideline)",
        "SendMessagesRequest",
        _with(lambda b: _quick_replies(b).update(itemsPerRow=9)),
    ),
    (
        "24 quick replies",
        "SendMessagesRequest",
        _with(lambda b: _quick_replies(b).update(replies=_quick_replies(b)["replies"] * 12)),
    ),
    (
        "an encodedMetadata of exactly 5120 bytes",
        "SendMessagesRequest",
        _with(lambda b: b["messages"][2].update(encodedMetadata="QUFB" * 1280)),
    ),
    (
        "a channel metadata type with any fields",
        "SendMessagesRequest",
        _with(
            lambda b: b["messages"][2]["metadata"].append(
                {"type": "BusinessEvent", "timing": {"x": 1}}
            )
        ),
    ),
    (
        "a command list item with extra fields",
        "Command",
        {
            "id": "1",
            "data": {"type": "close", "payload": None, "extra": 1},
            "result": {"startTime": 1, "error": {"name": "e"}},
            "state": "failed",
            "new": True,
        },
    ),
    ("an empty close body", "CloseConversationRequest", {}),
    (
        "the single-service domain answer",
        "ServiceDomainLookup",
        {"service": "thirdPartyBots", "account": "1", "baseURI": "h"},
    ),
    (
        "the wrapped domain answer",
        "ServiceDomainLookup",
        {"baseURIs": [{"service": "thirdPartyBots", "account": "1", "baseURI": "h"}]},
    ),
]


@pytest.mark.parametrize(("why", "component", "payload"), ACCEPTED, ids=[a[0] for a in ACCEPTED])
def test_documented_variants_are_accepted(why: str, component: str, payload: Any) -> None:
    assert not oas.errors(component, payload), why
