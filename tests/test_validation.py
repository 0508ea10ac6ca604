"""validate_body and validate_ttl: the contract and its limits checked before anything is sent.

Every limit is shown twice: as the typed error ``validate_body`` raises (path in the API's JSON
spelling, and the rule), and through a real ``Client`` whose transport records requests, to
show that nothing left the process.
"""

from __future__ import annotations

import base64
import copy
import datetime
import json
from typing import Any

import httpx
import pytest

import lptpb_models as models
from lptpb_ext import Bearer, Client, RequestValidationError, validate_body, validate_ttl
from lptpb_ext._limits import (
    MAX_ENCODED_METADATA_BYTES,
    MAX_STRUCTURED_CONTENT_BYTES,
    compact_json,
)
from tests import spec as oas

REQUEST_EXAMPLES = [
    pytest.param(oas.component_name(pointer), value, id=where)
    for where, pointer, _, value in oas.media_examples()
    if " request " in where
]

SEED_003 = next(p.values[1] for p in REQUEST_EXAMPLES if p.id == "sendMessages request everyKind")


def _fails(model: type, body: Any) -> RequestValidationError:
    with pytest.raises(RequestValidationError) as caught:
        validate_body(model, body)
    return caught.value


class Recorder:
    """A Client whose transport records every request and answers 200 with a commandId."""

    def __init__(self) -> None:
        self.sent: list[httpx.Request] = []
        transport = httpx.MockTransport(self._answer)
        self.client = Client(
            "123",
            Bearer("token"),
            http_client=httpx.Client(transport=transport),
            base_url="https://va.bc-intg.liveperson.net",
        )

    def _answer(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        return httpx.Response(200, json={"commandId": "1"})


@pytest.fixture
def recorder():
    rec = Recorder()
    yield rec
    rec.client.close()


def _carousel_of(size: int) -> dict[str, Any]:
    """A carousel whose compact JSON is exactly ``size`` bytes."""
    base = {"type": "carousel", "elements": [{"type": "text", "text": ""}] * 2}
    card_overhead = len(oas_json(base))
    first = size - card_overhead
    value = {
        "type": "carousel",
        "elements": [{"type": "text", "text": "é" * (first // 4) + "x" * (first % 4 // 2)}] * 2,
    }
    pad = size - len(oas_json(value))
    value["elements"] = [
        {"type": "text", "text": value["elements"][0]["text"] + "x" * (pad // 2)},
        {"type": "text", "text": value["elements"][0]["text"] + "x" * (pad - pad // 2)},
    ]
    assert len(oas_json(value)) == size
    return value


def oas_json(value: Any) -> bytes:
    return compact_json(value)


# ---- the limits --------------------------------------------------------------------------
LIMIT_CASES = {
    "structured content over 15000 bytes": (
        {"messages": ["hi", {"structuredContent": _carousel_of(MAX_STRUCTURED_CONTENT_BYTES + 1)}]},
        "messages[1].structuredContent",
        "maxSerializedBytes",
    ),
    "encodedMetadata not base64": (
        {
            "messages": [
                {"structuredContent": {"type": "text", "text": "a"}, "encodedMetadata": "a=b"}
            ]
        },
        "messages[0].encodedMetadata",
        "pattern",
    ),
    "encodedMetadata over 5 KB": (
        {
            "messages": [
                {
                    "structuredContent": {"type": "text", "text": "a"},
                    "encodedMetadata": "A" * (MAX_ENCODED_METADATA_BYTES + 4),
                }
            ]
        },
        "messages[0].encodedMetadata",
        "maxLength",
    ),
    "quick-reply title over 128 characters": (
        {
            "messages": [
                "x",
                "y",
                {
                    "structuredContent": {
                        "quickReplies": {
                            "type": "quickReplies",
                            "itemsPerRow": 2,
                            "replies": [{"type": "button", "title": "t" * 129}],
                        },
                        "message": "pick one",
                    }
                },
            ]
        },
        "messages[2].structuredContent.quickReplies.replies[0].title",
        "maxLength",
    ),
    "structured content title over 128 characters": (
        {
            "messages": [
                "a",
                "b",
                {
                    "structuredContent": {
                        "type": "vertical",
                        "elements": [{"type": "button", "title": "t" * 129}],
                    }
                },
            ]
        },
        "messages[2].structuredContent.elements[0].title",
        "maxLength",
    ),
}


@pytest.mark.parametrize(("body", "path", "rule"), LIMIT_CASES.values(), ids=LIMIT_CASES.keys())
def test_limit_raises_typed_error_and_nothing_is_sent(recorder, body, path, rule):
    """Each limit raises RequestValidationError naming path and rule; the transport sees nothing."""
    error = _fails(models.SendMessagesRequest, body)
    assert (error.path, error.rule) == (path, rule)
    assert str(error).startswith(f"{path}: ")
    with pytest.raises(RequestValidationError) as caught:
        recorder.client.send_messages("conv", body)
    assert (caught.value.path, caught.value.rule) == (path, rule)
    assert recorder.sent == []


@pytest.mark.parametrize(
    ("ttl", "rule"),
    [(9, "minimum"), (121, "maximum"), ("30", "type"), (True, "type"), (30.0, "type")],
)
def test_ttl_out_of_range_is_refused_before_sending(recorder, ttl, rule):
    """ttl outside 10-120 or not an integer raises at path ``ttl``; nothing is sent."""
    with pytest.raises(RequestValidationError) as caught:
        validate_ttl(ttl)
    assert (caught.value.path, caught.value.rule) == ("ttl", rule)
    with pytest.raises(RequestValidationError):
        recorder.client.send_messages("conv", {"messages": ["hi"]}, ttl=ttl)
    assert recorder.sent == []


@pytest.mark.parametrize("ttl", [10, 30, 120])
def test_ttl_in_range_is_returned(ttl):
    """validate_ttl returns an acceptable ttl unchanged."""
    assert validate_ttl(ttl) == ttl


def test_limit_boundaries_are_accepted(recorder):
    """Exactly 15000 bytes, 5120 bytes of base64 and a 128-character title are allowed and sent."""
    body = {
        "messages": [
            {"structuredContent": _carousel_of(MAX_STRUCTURED_CONTENT_BYTES)},
            {
                "structuredContent": {
                    "quickReplies": {
                        "type": "quickReplies",
                        "itemsPerRow": 1,
                        "replies": [{"type": "button", "title": "t" * 128}],
                    },
                    "message": "m",
                },
                "encodedMetadata": base64.b64encode(b"x" * 3840).decode(),
            },
        ]
    }
    assert len(body["messages"][1]["encodedMetadata"]) == MAX_ENCODED_METADATA_BYTES
    validate_body(models.SendMessagesRequest, body)
    recorder.client.send_messages("conv", body)
    assert len(recorder.sent) == 1


def test_size_is_measured_on_what_is_sent():
    """Integers in number fields are sent as floats (1 -> 1.0); the size counts the sent form."""
    row = {"type": "horizontal", "elements": [{"type": "map", "lo": 1, "la": 2}] * 235}
    content = {"type": "vertical", "elements": [row, row]}
    assert len(oas_json(content)) < MAX_STRUCTURED_CONTENT_BYTES  # as given: "lo":1
    sent = validate_body(models.MapElement, {"type": "map", "lo": 1, "la": 2})
    assert sent.model_dump()["lo"] == 1.0  # as sent: "lo":1.0, 4 more bytes per map
    error = _fails(models.SendMessagesRequest, {"messages": [{"structuredContent": content}]})
    assert (error.path, error.rule) == ("messages[0].structuredContent", "maxSerializedBytes")


# ---- strictness --------------------------------------------------------------------------
STRICT_CASES = {
    "a digit string for an integer": ({"delay": "5"}, "messages[0].delay"),
    "a bool for an integer": ({"delay": True}, "messages[0].delay"),
    "an integer for a bool": ({"delay": 1, "typing": 1}, "messages[0].typing"),
    "a string for a bool": ({"delay": 1, "typing": "yes"}, "messages[0].typing"),
}


@pytest.mark.parametrize(("item", "path"), STRICT_CASES.values(), ids=STRICT_CASES.keys())
def test_lax_coercions_do_not_let_invalid_bodies_through(item, path):
    """pydantic's lax coercions ("5" -> 5, 1 -> True) are refused, as the contract refuses them."""
    error = _fails(models.SendMessagesRequest, {"messages": [item]})
    assert (error.path, error.rule) == (path, "type")


@pytest.mark.parametrize(
    ("model", "body", "path"),
    [
        (
            models.SendMessagesRequest,
            {"messages": [{"structuredContent": {"type": "map", "la": float("nan"), "lo": 1}}]},
            "messages[0].structuredContent.la",
        ),
        (
            models.SetSdesRequest,
            {
                "sdes": [{"type": "cart", "total": float("inf"), "numItems": 1}],
                "sharkVisitorId": "v",
                "sharkSessionId": "s",
            },
            "sdes[0].total",
        ),
        (
            models.SendMessagesRequest,
            {"messages": [{"structuredContent": {"type": "text", "text": "a\ud800"}}]},
            "messages[0].structuredContent.text",
        ),
        (
            models.SendMessagesRequest,
            {
                "messages": [
                    {
                        "structuredContent": {"type": "text", "text": "a"},
                        "metadata": [{"type": "BotResponse", "x": object()}],
                    }
                ]
            },
            "messages[0].metadata[0].x",
        ),
    ],
    ids=["NaN", "infinity", "lone surrogate", "an object with no JSON form in open metadata"],
)
def test_values_json_cannot_carry_are_refused(model, body, path):
    """NaN, infinity, lone surrogates and non-JSON objects are refused where they are."""
    error = _fails(model, body)
    assert (error.path, error.rule) == (path, "type")


def test_open_metadata_values_are_sent_as_pydantic_writes_them():
    """A set or a date in open metadata has a JSON form in pydantic, the client's serialiser."""
    body = {
        "messages": [
            {
                "structuredContent": {"type": "text", "text": "a"},
                "metadata": [{"type": "BotResponse", "x": {1, 2}, "on": datetime.date(2026, 1, 2)}],
            }
        ]
    }
    model = validate_body(models.SendMessagesRequest, body)
    sent = json.loads(model.model_dump_json(by_alias=True, exclude_unset=True))
    assert sent["messages"][0]["metadata"][0] == {
        "type": "BotResponse",
        "x": [1, 2],
        "on": "2026-01-02",
    }


# ---- paths and union dispatch ------------------------------------------------------------
@pytest.mark.parametrize(
    ("item", "path", "rule"),
    [
        ({"text": "private, but no audience"}, "messages[1].messageAudience", "required"),
        ({"text": "x", "messageAudience": "ALL"}, "messages[1].messageAudience", "enum"),
        ({"delay": -1}, "messages[1].delay", "minimum"),
        ({"foo": 1}, "messages[1]", "oneOf"),
        (5, "messages[1]", "oneOf"),
        ("", "messages[1]", "minLength"),
        (
            {"structuredContent": {"type": "nope"}},
            "messages[1].structuredContent.type",
            "discriminator",
        ),
        (
            {"structuredContent": {"text": "no type"}},
            "messages[1].structuredContent.type",
            "required",
        ),
        (
            {
                "structuredContent": {
                    "quickReplies": {"type": "quickReplies", "replies": []},
                    "message": "m",
                }
            },
            "messages[1].structuredContent.quickReplies.itemsPerRow",
            "required",
        ),
        (
            {"structuredContent": {"type": "text", "text": "t"}, "extra": 1},
            "messages[1].extra",
            "additionalProperties",
        ),
        (
            {"structuredContent": {"type": "image", "url": "u", "style": {"background-color": 5}}},
            "messages[1].structuredContent.style.background-color",
            "type",
        ),
    ],
)
def test_error_names_the_real_branch_in_api_spelling(item, path, rule):
    """One error at the JSON path of the branch the data meant; no pydantic union noise."""
    error = _fails(models.SendMessagesRequest, {"messages": ["first", item]})
    assert (error.path, error.rule) == (path, rule)
    for noise in ("root", "StructuredContentMessage", "PauseMessage", "QuickRepliesContent"):
        assert noise not in error.path


def test_discriminated_bodies_name_their_tag():
    """A login with an unknown authType, or an SDE missing fields, gets a path in the body."""
    error = _fails(models.LoginRequest, {"authType": "PASSWORD"})
    assert (error.path, error.rule) == ("authType", "discriminator")
    error = _fails(models.LoginRequest, {"authType": "USER_PASS", "credentials": {"username": "u"}})
    assert (error.path, error.rule) == ("credentials.password", "required")
    sdes = {"sdes": [{"type": "personal", "personal": {"gender": 7}}], "sharkVisitorId": "v"}
    error = _fails(models.SetSdesRequest, {**sdes, "sharkSessionId": "s"})
    assert (error.path, error.rule) == ("sdes[0].personal.gender", "enum")


def _list(buttons: list[str], section: list[str]) -> dict[str, Any]:
    click = {"actions": []}
    items = {
        "text": {"type": "text", "text": "t"},
        "checklist": {
            "type": "checklist",
            "elements": [{"type": "checkbox", "text": "a", "click": click}] * 2,
        },
        "submitButton": {"type": "submitButton", "title": "go", "click": click},
        "button": {"type": "button", "title": "b"},
    }
    return {
        "type": "list",
        "elements": [
            {"type": "text", "text": "header"},
            {
                "type": "sectionList",
                "elements": [
                    {"type": "section", "sectionID": "s", "elements": [items[k] for k in section]}
                ],
            },
            {"type": "buttonList", "elements": [items[k] for k in buttons]},
        ],
    }


@pytest.mark.parametrize(
    ("buttons", "section", "path"),
    [
        (["button"], ["checklist"], "elements[2].elements"),
        (["button", "submitButton"], ["checklist"], "elements[2].elements"),
        (["submitButton"], ["checklist", "text"], "elements[1].elements[0].elements"),
        (["submitButton"], ["text"], "elements[1].elements[0].elements"),
    ],
)
def test_list_orders_the_models_do_not_check(buttons, section, path):
    """A list's [submitButton(, button)] and a section's [(text, )checklist] orders are enforced."""
    body = {
        "messages": [
            {"structuredContent": {"type": "vertical", "elements": [_list(buttons, section)]}}
        ]
    }
    error = _fails(models.SendMessagesRequest, body)
    assert (error.path, error.rule) == (
        f"messages[0].structuredContent.elements[0].{path}",
        "prefixItems",
    )


@pytest.mark.parametrize(
    ("buttons", "section"), [(["submitButton", "button"], ["text", "checklist"])]
)
def test_valid_list_passes_and_keeps_its_shape(buttons, section):
    """A well-ordered list validates, and its fixed-length elements come back unchanged."""
    content = _list(buttons, section)
    model = validate_body(
        models.SendMessagesRequest, {"messages": [{"structuredContent": content}]}
    )
    dumped = model.model_dump(mode="json", by_alias=True, exclude_unset=True)
    assert oas.same_json(dumped["messages"][0]["structuredContent"], content)


# ---- every request body ------------------------------------------------------------------
@pytest.mark.parametrize(("component", "value"), REQUEST_EXAMPLES)
def test_every_request_example_validates_unchanged(component, value):
    """Each documented request body validates and dumps back to the same JSON."""
    model = validate_body(getattr(models, component), copy.deepcopy(value))
    dumped = model.model_dump(mode="json", by_alias=True, exclude_unset=True)
    assert oas.same_json(dumped, value)


def test_a_validated_model_is_accepted_at_once():
    """validate_body returns a model it validated as the same object, without checking again."""
    model = validate_body(models.SendMessagesRequest, SEED_003)
    assert validate_body(models.SendMessagesRequest, model) is model


def test_an_unvalidated_model_is_checked_in_full():
    """A model made with model_construct (no validation) is checked from its data."""
    bad = models.SendMessagesRequest.model_construct(
        messages=[
            models.MessageItem.model_construct(root=models.PauseMessage.model_construct(delay=-3))
        ]
    )
    error = _fails(models.SendMessagesRequest, bad)
    assert (error.path, error.rule) == ("messages[0].delay", "minimum")
    good = models.SendMessagesRequest.model_validate(SEED_003)
    assert validate_body(models.SendMessagesRequest, good) == good


def test_a_body_that_is_not_an_object_is_refused():
    """A list or a string is not a request body."""
    error = _fails(models.SendMessagesRequest, ["hi"])
    assert (error.path, error.rule) == ("", "type")


def test_the_order_check_passes_over_an_untyped_type() -> None:
    """Hypothesis drew a contract-valid body holding, deep in an open object, ``{"type": []}``:
    the check of list orders raised TypeError (unhashable) instead of leaving it alone."""
    from lptpb_ext._wire import check_orders  # noqa: PLC0415 - the unit under test

    check_orders(("messages", 0), {"elements": [{"type": []}, {"type": {"a": 1}}, {"type": 3}]})
