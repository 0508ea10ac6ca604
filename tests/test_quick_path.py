"""The quick looks at limits agree with the exact check, on every body either can see.

``validate_body`` settles most bodies with one pass of pydantic's serialiser over the whole
body (``lptpb_ext._validation._whole_is_plain``), then message by message (``_quick_message``),
and sends only the rest through the exact, path-finding checks. These properties run every
way on the same bodies and require the same verdict: accepted by all, or refused by all with
the same path and rule.

A send-messages dict is first checked without models at all (``_sent_unmodelled``, with the
plain validators of ``lptpb_ext._plain``); the properties at the end hold those validators to
the models' verdicts and errors, and ``wire_body`` to the same bytes or problem either way.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

import lptpb_models as models
from lptpb_ext import RequestValidationError, _validation, validate_body
from lptpb_ext._limits import MAX_STRUCTURED_CONTENT_BYTES, compact_json
from lptpb_ext._plain import plain_validator
from lptpb_ext._wire import wire_json
from tests import spec as oas
from tests.strategies import POLLOCK_SCHEMA, built_requests, pollock_values, spec_values


def _verdict(body: Any) -> tuple[str, str] | None:
    try:
        validate_body(models.SendMessagesRequest, body)
    except RequestValidationError as exc:
        return exc.path, exc.rule
    return None


def _both(body: Any) -> tuple[object, object]:
    """The verdict with every quick look, with only the per-message one, and with none."""
    quick = _verdict(body)
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(_validation, "_whole_is_plain", lambda data, count: False)
        per_message = _verdict(body)
        patched.setattr(_validation, "_quick_message", lambda raw: False)
        patched.setattr(_validation, "_quick_values", lambda raw: False)
        exact = _verdict(body)
    assert per_message == exact
    return quick, exact


_sizes = st.integers(min_value=0, max_value=4200)
_chars = st.sampled_from(["a", "é", "\u20ac", "\U0001f600", '"', "\x01"])
_odd_floats = st.sampled_from([math.nan, math.inf, -math.inf, 1e-7, 1.0, 2.5])


@st.composite
def _bodies_near_limits(draw: Any) -> dict[str, Any]:
    """Carousels from empty to over 15000 bytes, metadata good and bad, odd floats."""
    cards = [
        {"type": "text", "text": draw(_chars) * draw(_sizes)}
        for _ in range(draw(st.integers(2, 4)))
    ]
    content: dict[str, Any] = {"type": "carousel", "elements": cards}
    if draw(st.booleans()):
        content["padding"] = draw(_odd_floats)
    message: dict[str, Any] = {"structuredContent": content}
    if draw(st.booleans()):
        message["encodedMetadata"] = draw(
            st.sampled_from(["SGVsbG8gV29ybGQh", "not base64!", "QQ==" * 1281, "QQ=="])
        )
    if draw(st.booleans()):
        message["metadata"] = [{"type": "BotResponse", "x": draw(_odd_floats)}]
    body: dict[str, Any] = {"messages": [draw(st.sampled_from(["hi", "h\u00e9", "NaN"])), message]}
    if draw(st.booleans()):
        body["context"] = {"intentId": draw(_chars) * 3, "confidenceScore": draw(_odd_floats)}
    return body


@given(body=_bodies_near_limits())
def test_quick_and_exact_agree_near_the_limits(body):
    """Same verdict, path and rule, for bodies around 7500 and 15000 bytes and odd values."""
    quick, exact = _both(body)
    assert quick == exact


@given(body=spec_values("SendMessagesRequest"))
def test_quick_and_exact_agree_on_contract_bodies(body):
    """Same verdict on bodies drawn from openapi.yaml itself."""
    quick, exact = _both(body)
    assert quick == exact


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(_json)
def test_compact_json_is_pythons_compact_json(value):
    """compact_json writes exactly what json.dumps writes with the same options."""
    try:
        expected = json.dumps(
            value, ensure_ascii=False, separators=(",", ":"), allow_nan=False
        ).encode()
    except (ValueError, UnicodeEncodeError) as exc:
        with pytest.raises(type(exc)):
            compact_json(value)
        return
    assert compact_json(value) == expected


def _general(body: Any) -> models.SendMessagesRequest | None:
    try:
        return models.SendMessagesRequest.model_validate(body, strict=True)
    except ValidationError:
        return None


def _same_model(body: Any) -> None:
    quick = _validation._send_messages(body) if isinstance(body, dict) else None
    general = _general(body)
    if quick is None:
        return
    assert general is not None, "the quick way accepted what the union refuses"
    assert quick == general
    assert quick.model_fields_set == general.model_fields_set
    dump = {"by_alias": True, "exclude_unset": True}
    assert quick.model_dump_json(**dump) == general.model_dump_json(**dump)


@given(body=spec_values("SendMessagesRequest"))
def test_message_by_message_validation_gives_the_unions_model(body):
    """Validating each message as the kind its keys name gives the model the union gives."""
    _same_model(body)


@given(
    body=st.fixed_dictionaries(
        {
            "messages": st.lists(
                spec_values("MessageItem") | st.just({"delay": 1, "text": "x"}),
                min_size=1,
                max_size=4,
            )
        }
    )
)
def test_message_by_message_validation_never_accepts_more(body):
    """Mixed and odd messages: the quick way accepts only what the union accepts, identically."""
    _same_model(body)


# ---- a body given as data is sent as that data ---------------------------------------------


def _sent(body: Any) -> bytes | tuple[str, str]:
    try:
        return _validation.wire_body(models.SendMessagesRequest, body)
    except RequestValidationError as exc:
        return exc.path, exc.rule


def _contents(body: Any) -> list[Any]:
    messages = body.get("messages") if isinstance(body, dict) else None
    return [
        m["structuredContent"]
        for m in messages or ()
        if isinstance(m, dict) and "structuredContent" in m
    ]


def _sent_as_data_agrees(body: Any) -> None:
    """Sent as data: the model's verdict but for the size, which counts the bytes sent; and
    what is sent is the model's data (as JSON values: 1 == 1.0, keys in any order)."""
    sent, checked = _sent(body), _verdict(body)
    if isinstance(sent, bytes):
        assert checked is None or checked[1] == "maxSerializedBytes", checked
        dumped = validate_body(models.SendMessagesRequest, json.loads(sent))
        assert json.loads(sent) == dumped.model_dump(mode="json", by_alias=True, exclude_unset=True)
        for content in _contents(body):
            assert len(wire_json(content) or b"") <= MAX_STRUCTURED_CONTENT_BYTES
        return
    if sent[1] == "maxSerializedBytes":
        sizes = [len(wire_json(c) or b"") for c in _contents(body)]
        assert max(sizes) > MAX_STRUCTURED_CONTENT_BYTES
        return
    assert sent == checked


@given(body=_bodies_near_limits())
def test_a_body_sent_as_data_is_checked_on_the_bytes_sent(body):
    """Near the limits and with odd values: the verdict of the model, sizes as sent."""
    _sent_as_data_agrees(body)


@given(body=spec_values("SendMessagesRequest"))
def test_a_contract_body_sent_as_data_is_checked_like_the_model(body):
    """Bodies drawn from openapi.yaml: sent as data, checked as the model is."""
    _sent_as_data_agrees(body)


_texts = st.lists(
    st.sampled_from(["hi", "", "h\u00e9", "\ud800", "x" * 5000, "x" * 5001, "NaN", "Info"]),
    max_size=60,
)


@given(messages=_texts)
def test_a_body_of_texts_is_checked_in_one_call_with_the_same_verdict(messages):
    """Texts only: one check against the models' own constraints, no model per text; the
    same verdict as the full way, and the same bytes."""
    body = {"messages": messages}
    quick = _validation._texts_only(body)
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(_validation, "_texts_only", lambda body: None)
        full = _sent(body)
    if quick is not None:
        assert quick == full
    else:
        assert not isinstance(full, bytes), "the one-call check refused a body the full way sends"


def test_an_integer_in_a_number_field_is_sent_and_measured_as_given():
    """A dict is sent as it is: ``"lo":1`` stays ``1`` and is measured so; the same content as
    a model is sent as the model writes it (``1.0``) and measured so (see test_validation)."""
    row = {"type": "horizontal", "elements": [{"type": "map", "lo": 1, "la": 2}] * 235}
    content = {"type": "vertical", "elements": [row, row]}
    body = {"messages": [{"structuredContent": content}]}
    sent = _validation.wire_body(models.SendMessagesRequest, body)
    assert b'"lo":1,' in sent
    assert len(wire_json(content) or b"") <= MAX_STRUCTURED_CONTENT_BYTES
    assert _verdict(body) == ("messages[0].structuredContent", "maxSerializedBytes")


# ---- validation without models (lptpb_ext._plain) ------------------------------------------
# A plain validator is the model's core schema with each model made a typed dict. It must give
# the model's verdict and, on a refusal, the same errors at the same locations: the one
# difference allowed is the error's name for "not an object" (a typed dict says ``dict_type``
# where a model says ``model_type``).

_PLAIN_MODELS = (
    models.SendMessagesRequest,
    models.StructuredContentMessage,
    models.MessageContent,
    models.StructuredContent,
    models.QuickRepliesContent,
)


def _errors(validate: Any, value: Any) -> list[tuple[str, tuple[Any, ...]]] | None:
    try:
        validate(value, strict=True)
    except ValidationError as exc:
        return [
            ("dict_type" if e["type"] == "model_type" else e["type"], e["loc"])
            for e in exc.errors(include_url=False)
        ]
    return None


def _plain_agrees(model: type[Any], value: Any) -> None:
    expected = _errors(model.model_validate, value)
    assert _errors(plain_validator(model).validate_python, value) == expected


_leaf = st.none() | st.booleans() | st.integers(-3, 3) | st.sampled_from(["", "x", "text", 1.5])


@st.composite
def _mutated(draw: Any, values: st.SearchStrategy[Any]) -> Any:
    """A drawn value, perhaps with one change deep inside it: a key added, dropped or given
    another value, a list item replaced or removed. Mostly invalid, near the valid ones."""
    value = json.loads(json.dumps(draw(values)))
    if draw(st.integers(0, 3)) == 0:
        return value  # a quarter unchanged
    node = value
    for _ in range(draw(st.integers(0, 8))):
        children = list(node.items()) if isinstance(node, dict) else list(enumerate(node))
        children = [(k, v) for k, v in children if isinstance(v, (dict, list)) and v]
        if not isinstance(node, (dict, list)) or not children:
            break
        node = draw(st.sampled_from(children))[1]
    if isinstance(node, dict):
        choice = draw(st.integers(0, 2))
        if choice == 0 or not node:
            node[draw(st.sampled_from(["type", "x", "elements", "title", "text"]))] = draw(_leaf)
        elif choice == 1:
            del node[draw(st.sampled_from(sorted(node)))]
        else:
            node[draw(st.sampled_from(sorted(node)))] = draw(_leaf)
    elif isinstance(node, list) and node:
        index = draw(st.integers(0, len(node) - 1))
        if draw(st.booleans()):
            node[index] = draw(_leaf | st.just({}))
        else:
            del node[index]
    return value


_content_values = spec_values("StructuredContent") | spec_values("QuickRepliesContent")
if (POLLOCK_SCHEMA / "rich_content.json").is_file():  # Pollock's documents, some not ours
    _content_values |= st.deferred(lambda: pollock_values())  # noqa: PLW0108 - built when drawn


@given(content=_mutated(_content_values))
def test_plain_validators_give_the_models_verdict_and_errors_on_content(content):
    """Structured content from the contract and from Pollock, valid and broken: the plain
    validators of every model that holds it give the model's verdict, errors and locations."""
    for model in (models.MessageContent, models.StructuredContent, models.QuickRepliesContent):
        _plain_agrees(model, content)
    _plain_agrees(models.StructuredContentMessage, {"structuredContent": content})


@given(body=_mutated(spec_values("SendMessagesRequest") | _bodies_near_limits()))
def test_plain_validators_give_the_models_verdict_and_errors_on_bodies(body):
    """Whole bodies, valid and broken: the same verdict, errors and locations."""
    _plain_agrees(models.SendMessagesRequest, body)


def _examples() -> list[Any]:
    """Every example of openapi.yaml (with its component's model) and of Pollock."""
    found = [
        pytest.param(getattr(models, oas.component_name(pointer)), value, id=where)
        for where, pointer, _, value in oas.media_examples()
    ]
    found += [
        pytest.param(models.StructuredContent, json.loads(path.read_text()), id=path.name)
        for path in oas.pollock_examples()
    ]
    return found


@pytest.mark.parametrize(("model", "value"), _examples())
def test_plain_validators_agree_on_every_example(model, value):
    """Each example of the contract (25) and of LivePerson's Pollock (15), as its model."""
    _plain_agrees(model, value)
    if model is models.StructuredContent:
        _plain_agrees(models.StructuredContentMessage, {"structuredContent": value})


def test_plain_validators_refuse_a_model_among_the_data():
    """pydantic takes a model inside data as it is; the plain way refuses it (no dict), and
    the body goes the model way, which accepts it."""
    text = models.TextElement(type="text", text="hi")
    body = {"messages": [{"structuredContent": text}]}
    assert not _validation._valid_unmodelled(body)
    assert _validation._send_messages(body) is not None
    assert isinstance(_validation.wire_body(models.SendMessagesRequest, body), bytes)


_any_bodies = _mutated(
    spec_values("SendMessagesRequest")
    | _bodies_near_limits()
    | st.builds(lambda m: m.model_dump(by_alias=True, exclude_unset=True), built_requests())
)


@given(body=_any_bodies)
def test_the_unmodelled_way_accepts_what_the_models_accept(body):
    """Message by message without models: valid exactly when the model is (strict mode), and
    whenever ``_send_messages``'s models are."""
    unmodelled = _validation._valid_unmodelled(body)
    assert unmodelled == (_general(body) is not None)
    if _validation._send_messages(body) is not None:
        assert unmodelled


@given(body=_any_bodies)
def test_a_body_sent_without_models_is_sent_and_refused_as_with_them(body):
    """``wire_body`` with and without the unmodelled way: the same bytes, or the same path and
    rule (the unmodelled way only ever settles a body the full way would send as it is)."""
    quick = _sent(body)
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(_validation, "_sent_unmodelled", lambda body: None)
        full = _sent(body)
    assert quick == full
    if _validation._sent_unmodelled(body) is not None:
        assert isinstance(full, bytes)
