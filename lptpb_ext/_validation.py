"""Validation before anything is sent: the contract's schema, then the limits it cannot state.

:func:`validate_body` takes a request body as a model or as a plain mapping and returns the
validated pydantic model, or raises :class:`~lptpb_ext.RequestValidationError` naming the first
problem by its JSON path in the API's spelling (``messages[2].structuredContent.elements[0]
.title``) and the broken rule (``maxLength``, ``maxSerializedBytes``...).

What it checks, beyond pydantic's generated models:

- **Strict types.** pydantic's lax mode turns ``"5"`` into ``5`` and ``1`` into ``True``; the
  contract refuses both, so bodies are validated in strict mode.
- **JSON values only.** NaN, infinity, a string with a lone surrogate or a Python object that is
  not JSON (in an open ``metadata`` item, say) cannot be sent as written.
- **Orders JSON Schema states with ``prefixItems``/``contains``** that the models do not: a
  list's buttons are ``[submitButton(, button)]`` and a section's items ``[(text, )checklist]``.
- **x-lptpb-limits:** structured content at most 15000 bytes of compact UTF-8 JSON, and
  ``encodedMetadata`` valid base64 of at most 5120 bytes (see :mod:`lptpb_ext._limits`).

A model that :func:`validate_body` returned, or that the builder built, is remembered by
identity (weakly), so validating it again right before sending costs nothing. pydantic models
are mutable: one changed in place after it was validated is not checked again. Build a new one
instead (the builder makes that cheap) or pass ``model.model_dump(by_alias=True,
exclude_unset=True)``, which is always checked in full.

A body given to a client as data (a dict) is sent as that data: :func:`wire_body` checks it
in full (the same schema and rules), then sends pydantic's JSON of the dict itself instead of
dumping the model made from it, which is as valid and several times faster to write; its
limits are measured on those very bytes. The only differences from the model's dump: the
dict's key order, and an integer in a number field stays ``1`` where the model writes ``1.0``.

Such a send-messages body is first checked without making any model (:func:`_sent_unmodelled`):
validators built from the models' own core schemas that return plain data
(:mod:`lptpb_ext._plain`), then the limits on the bytes to send, written once, with each
structured content measured inside them (:func:`_contents_within_limit`). Making the ~80
models of a 15 kB carousel and writing its content a second time to measure it were most of
the cost: ``wire_body`` of ``make bench``'s 15 kB body went from 217 to 94 µs. Only a body
with a problem, or anything unusual (a model among the data), goes on to the models, which
name the problem; ``tests/test_quick_path.py`` proves both ways give the same verdict.
"""

from __future__ import annotations

import functools
import math
import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError
from pydantic_core import PydanticSerializationError, SchemaValidator

from lptpb_ext._errors import RequestValidationError
from lptpb_ext._limits import (
    MAX_STRUCTURED_CONTENT_BYTES,
    TTL_MIN,
    encoded_metadata_ok,
    ttl_problem,
)
from lptpb_ext._paths import Key, format_path, problems
from lptpb_ext._plain import plain_validator
from lptpb_ext._wire import (
    check_json,
    check_message,
    check_orders,
    has_list,
    quick_json,
    wire_json,
)
from lptpb_models import (
    MessageContent,
    MessageContext,
    MessageItem,
    PauseMessage,
    PlainTextMessage,
    PrivateTextMessage,
    QuickRepliesContent,
    SendMessagesRequest,
    StructuredContent,
    StructuredContentMessage,
)

__all__ = [
    "adopt",
    "is_verified",
    "remember",
    "strict_model",
    "validate_body",
    "validate_data",
    "validate_ttl",
    "wire_body",
]

M = TypeVar("M", bound=BaseModel)

_VERIFIED: dict[int, weakref.ref[BaseModel]] = {}
_PURGE_AT = [4096]


def remember(model: M) -> M:
    """Mark ``model`` as checked in full, for as long as it lives (a weak reference)."""
    _VERIFIED[id(model)] = weakref.ref(model)
    if len(_VERIFIED) > _PURGE_AT[0]:
        for key, ref in list(_VERIFIED.items()):
            if ref() is None:
                _VERIFIED.pop(key, None)
        _PURGE_AT[0] = max(4096, 2 * len(_VERIFIED))
    return model


def is_verified(obj: object) -> bool:
    """True when ``obj`` itself was checked in full by this package."""
    ref = _VERIFIED.get(id(obj))
    return ref is not None and ref() is obj


def raise_first(found: list[RequestValidationError], prefix: tuple[Key, ...] = ()) -> None:
    """Raise the first problem; its message names the others too (up to three), so that a
    misspelt key (``msgs``) shows beside the missing one it was meant to be (``messages``)."""
    if found:
        first, rest = found[0], found[1:]
        more = ""
        if rest:
            shown = "; ".join(f"{e.path or '<body>'}: {e.detail} [{e.rule}]" for e in rest[:3])
            more = f" (and {len(rest)} more: {shown}{'; …' if len(rest) > 3 else ''})"
        raise RequestValidationError(first.path, first.rule, first.detail + more)


def _error(
    prefix: tuple[Key, ...], keys: tuple[Key, ...], rule: str, message: str
) -> RequestValidationError:
    return RequestValidationError(format_path((*prefix, *keys)), rule, message)


def _dump(model: BaseModel) -> object:
    """A model's data in the API's spelling, to validate again from scratch."""
    try:
        return model.model_dump(by_alias=True, exclude_unset=True, warnings=False)
    except PydanticSerializationError as exc:
        raise RequestValidationError("", "type", f"cannot be serialised: {exc}") from exc


def adopt(value: object) -> object:
    """A constructor's argument: a model checked here stays, any other model becomes its data.

    pydantic takes a model inside data as it is, unchecked; a model made elsewhere (perhaps by
    ``model_construct``) is turned back into data so that it is validated like any input.
    """
    if isinstance(value, BaseModel):
        return value if is_verified(value) else _dump(value)
    if isinstance(value, list) and any(
        isinstance(v, BaseModel) and not is_verified(v) for v in value
    ):
        return [adopt(v) for v in value]
    return value


def _with_tuple(data: object, keys: tuple[Key, ...]) -> object:
    """A copy of ``data`` whose list at ``keys`` is a tuple (strict mode's form of a tuple)."""
    if not keys:
        return tuple(data) if isinstance(data, list) else data
    head, rest = keys[0], keys[1:]
    if isinstance(data, Mapping):
        return {**data, head: _with_tuple(data[head], rest)}
    if isinstance(data, (list, tuple)) and isinstance(head, int):
        items = list(data)
        items[head] = _with_tuple(items[head], rest)
        return items if isinstance(data, list) else tuple(items)
    return data


def strict_model(model_type: type[M], data: object, prefix: tuple[Key, ...] = ()) -> M:
    """``data`` validated in strict mode as ``model_type``, or the first problem raised.

    Strict mode wants a Python tuple where the schema has a fixed-length array (a list
    element's ``[text, sectionList, buttonList]``); such lists are converted and retried.
    """
    for _ in range(8):
        try:
            return model_type.model_validate(data, strict=True)
        except ValidationError as exc:
            found = problems(model_type, data, exc.errors(include_url=False))
        tuples = [p.keys for p in found if p.error_type == "tuple_type"]
        if not tuples or len(tuples) != len(found):
            real = [p for p in found if p.error_type != "tuple_type"] or found
            raise_first([_error(prefix, p.keys, p.rule, p.message) for p in real])
        for keys in tuples:
            data = _with_tuple(data, keys)
    raise AssertionError("unreachable: tuple conversion did not converge")  # pragma: no cover


def validate_body(model_type: type[M], body: M | Mapping[str, Any]) -> M:
    """Validate a request body before it is sent; return it as ``model_type``.

    ``body`` is a model instance or a plain mapping in the API's JSON spelling. Raises
    :class:`~lptpb_ext.RequestValidationError` with the JSON path and the rule on the first
    problem. A model this function (or the builder) returned before is accepted at once.
    """
    if isinstance(body, model_type) and is_verified(body):
        return body
    if not isinstance(body, (BaseModel, Mapping)):
        raise RequestValidationError(
            "", "type", f"must be an object or a {model_type.__name__}, not {type(body).__name__}"
        )
    data: object = body
    if isinstance(body, BaseModel):
        data = _dump(body)
    elif not isinstance(body, dict):
        data = dict(body)  # a Mapping that is not a dict; strict mode wants a dict
    return validate_data(model_type, data)


def validate_data(model_type: type[M], data: object) -> M:
    """``data`` (plain JSON-like data) checked in full as ``model_type``: schema, then limits."""
    model = _model(model_type, data)
    _limits(model, data)
    return remember(model)


def _model(model_type: type[M], data: object) -> M:
    model: M | None = None
    if model_type is SendMessagesRequest and data.__class__ is dict:
        model = _send_messages(data)  # type: ignore[assignment]
    if model is None:
        model = strict_model(model_type, data)
    return model


def wire_body(model_type: type[M], body: M | Mapping[str, Any]) -> bytes:
    """The JSON to send for ``body``, checked in full as ``model_type`` first.

    A model goes out as its dump (by alias, only the fields that were set), after
    :func:`validate_body`. A dict goes out as pydantic's JSON of the dict itself, with every
    limit measured on those bytes (see the module's docstring). A send-messages body is checked
    without making models when it is valid (:func:`_sent_unmodelled`); only a body with a
    problem (or anything unusual) is validated into models, which name the problem.
    """
    if body.__class__ is not dict:
        return _dump_json(validate_body(model_type, body))
    if model_type is SendMessagesRequest:
        wire = _texts_only(body)
        if wire is None:
            wire = _sent_unmodelled(body)
        if wire is not None:
            return wire
    model = _model(model_type, body)
    wire = _limits(model, body, sent=True)
    return wire if wire is not None else _dump_json(model)


def _dump_json(model: BaseModel) -> bytes:
    """``model_dump_json(by_alias=True, exclude_unset=True)``, as bytes without a round trip
    through ``str``."""
    return model.__pydantic_serializer__.to_json(model, by_alias=True, exclude_unset=True)


@dataclass(frozen=True)
class _Validators:
    """The validators ``_send_messages`` uses, fetched once the models are built (they are
    built on first use: until then a model's ``__pydantic_validator__`` is a stand-in)."""

    by_key: tuple[tuple[str, SchemaValidator], ...]
    structured: SchemaValidator
    rich: SchemaValidator
    quick: SchemaValidator
    plain: SchemaValidator
    context: SchemaValidator
    request: SchemaValidator


def _built(model: type[BaseModel]) -> SchemaValidator:
    model.model_rebuild()  # no-op once built
    validator = model.__pydantic_validator__
    assert isinstance(validator, SchemaValidator)  # noqa: S101 - built just above
    return validator


@functools.cache
def _validators() -> _Validators:
    return _Validators(
        by_key=(
            ("delay", _built(PauseMessage)),
            ("messageAudience", _built(PrivateTextMessage)),
        ),
        structured=_built(StructuredContentMessage),
        rich=_built(StructuredContent),
        quick=_built(QuickRepliesContent),
        plain=_built(PlainTextMessage),
        context=_built(MessageContext),
        request=_built(SendMessagesRequest),
    )


def _send_messages(body: dict[str, Any]) -> SendMessagesRequest | None:
    """A send-messages body validated message by message, or None to do it the general way.

    The four kinds of message forbid each other's keys, so a message that validates as the
    kind its keys name is one the ``MessageItem`` union would have given the same result for;
    validating it as that kind skips the union's trial of every branch (about an eighth of the
    time). Anything unusual, and every error, goes the general way, which names the problem.
    """
    raw_messages = body.get("messages")
    if raw_messages.__class__ is not list or not body.keys() <= {"messages", "context"}:
        return None
    items: list[object] = []
    found = _validators()
    try:
        for raw in raw_messages:
            if raw.__class__ is str:
                items.append(found.plain.validate_python(raw, strict=True))
                continue
            if raw.__class__ is not dict:
                return None
            if "structuredContent" in raw:
                items.append(_structured(found, raw))
                continue
            for key, validator in found.by_key:
                if key in raw:
                    items.append(validator.validate_python(raw, strict=True))
                    break
            else:
                return None
        fields: dict[str, object] = {"messages": items}
        if "context" in body:
            fields["context"] = found.context.validate_python(body["context"], strict=True)
        request: SendMessagesRequest = found.request.validate_python(fields, strict=True)
    except ValidationError:
        return None
    return request


def _structured(found: _Validators, raw: dict[str, Any]) -> object:
    """A structured message, its content validated first as the variant its shape names.

    ``MessageContent`` lists quick replies and every rich-content element side by side, with no
    tag common to all, so pydantic tries each of the fifteen in full (about seven times the
    cost). Content with a ``type`` is rich content, validated through ``StructuredContent``'s
    discriminator; content without one can only be quick replies. The message is then
    validated with that model in place, which the union takes at once. A content that fails
    its own variant fails the union too, so the caller goes the general way for the error.
    """
    content = raw["structuredContent"]
    if content.__class__ is not dict:
        return found.structured.validate_python(raw, strict=True)
    if "type" in content:
        model = found.rich.validate_python(content, strict=True).root
    else:
        model = found.quick.validate_python(content, strict=True)
    return found.structured.validate_python({**raw, "structuredContent": model}, strict=True)


@dataclass(frozen=True)
class _PlainValidators:
    """The models' rules on plain data, for :func:`_valid_unmodelled` (see
    :mod:`lptpb_ext._plain`). ``request`` and ``structured`` leave the messages and the content
    to the others, as ``_send_messages`` does."""

    text: SchemaValidator
    by_key: tuple[tuple[str, SchemaValidator], ...]
    structured: SchemaValidator
    rich: SchemaValidator
    quick: SchemaValidator
    request: SchemaValidator


@functools.cache
def _plain_validators() -> _PlainValidators:
    return _PlainValidators(
        text=plain_validator(PlainTextMessage),
        by_key=(
            ("delay", plain_validator(PauseMessage)),
            ("messageAudience", plain_validator(PrivateTextMessage)),
        ),
        structured=plain_validator(StructuredContentMessage, frozenset({MessageContent})),
        rich=plain_validator(StructuredContent),
        quick=plain_validator(QuickRepliesContent),
        request=plain_validator(SendMessagesRequest, frozenset({MessageItem})),
    )


def _valid_unmodelled(body: dict[str, Any]) -> bool:
    """True when the models accept the send-messages ``body`` (False: they may not, ask them).

    :func:`_send_messages`'s way (each message as the kind its keys name, structured content as
    the variant its shape names) with validators that build no model (about 60 µs for a 15 kB
    carousel, against 150 µs); a model instance among the data is refused here (it is no dict)
    and left to the models.
    """
    found = _plain_validators()
    try:
        found.request.validate_python(body, strict=True)  # keys, list, context; not the items
        for raw in body["messages"]:
            if raw.__class__ is str:
                found.text.validate_python(raw, strict=True)
                continue
            if raw.__class__ is not dict:
                return False
            if "structuredContent" in raw:
                found.structured.validate_python(raw, strict=True)  # all but the content
                content = raw["structuredContent"]
                if content.__class__ is not dict:
                    return False
                rules = found.rich if "type" in content else found.quick
                rules.validate_python(content, strict=True)
                continue
            for key, validator in found.by_key:
                if key in raw:
                    validator.validate_python(raw, strict=True)
                    break
            else:
                return False
    except ValidationError:
        return False
    return True


def _sent_unmodelled(body: dict[str, Any]) -> bytes | None:
    """The wire bytes of a send-messages ``body`` that is valid and plainly within every limit,
    found without making a model; None otherwise (the full way decides, and names the problem).
    """
    if not _valid_unmodelled(body):
        return None
    wire = wire_json(body)
    return wire if _whole_as_sent(body, len(body["messages"]), wire) else None


@functools.cache
def _texts_adapter() -> TypeAdapter[list[str]]:
    """A list of plain texts as ``SendMessagesRequest.messages`` takes it, built from the
    models' own constraints (the list's and ``PlainTextMessage``'s), so it cannot drift."""
    _built(SendMessagesRequest)  # its fields' types are complete once it is built
    _built(PlainTextMessage)
    messages = SendMessagesRequest.model_fields["messages"]
    text = PlainTextMessage.model_fields["root"]
    item = Annotated[str, *text.metadata] if text.metadata else str
    whole: Any = list[item]  # type: ignore[valid-type]
    if messages.metadata:
        whole = Annotated[whole, *messages.metadata]
    return TypeAdapter(whole, config=ConfigDict(strict=True))


def _texts_only(body: dict[str, Any]) -> bytes | None:
    """The wire bytes of ``{"messages": [text, ...]}`` when it is valid, checked in one call
    (a text is valid as a message exactly when it is valid as ``PlainTextMessage``: the other
    kinds are objects); None for any other body, or any problem (the full way names it)."""
    messages = body.get("messages")
    if len(body) != 1 or messages.__class__ is not list:
        return None
    for text in messages:
        if text.__class__ is not str:
            return None
    try:
        _texts_adapter().validate_python(messages)
    except ValidationError:
        return None
    return wire_json(body)  # None for a lone surrogate, which UTF-8 cannot carry


def _plain_json(raw: object) -> bool:
    """Written by pydantic's serialiser without error, NaN or infinity (so every value is
    sendable), in under half of 15000 bytes (so is any structured content in it, see
    ``check_structured``), and with no list element (so there is no order to check)."""
    encoded = quick_json(raw)
    return (
        encoded is not None
        and 2 * len(encoded) <= MAX_STRUCTURED_CONTENT_BYTES
        and not has_list(encoded)
    )


def _plain_encoded_metadata(raw: dict[str, Any]) -> bool:
    """A message's ``encodedMetadata`` is absent, or text that is base64 within the limit."""
    text = raw.get("encodedMetadata")
    return text is None or (text.__class__ is str and encoded_metadata_ok(text))


def _quick_message(raw: object) -> bool:
    """True when one valid message's data plainly meets every limit (False: look closer).

    The data has passed strict validation, so its shape is known; structured content goes
    through pydantic's serialiser once (:func:`_plain_json`).
    """
    if isinstance(raw, str):
        return raw.isascii()
    if not isinstance(raw, dict):
        return False  # a model among the data: the exact way
    if "structuredContent" in raw:
        return _plain_json(raw) and _plain_encoded_metadata(raw)
    if "delay" in raw:
        return True  # a pause: an int and perhaps a bool
    text = raw.get("text")
    return isinstance(text, str) and text.isascii()  # a private text


def _quick_values(raw: object) -> bool:
    """True when a flat object's values are all plainly sendable (ASCII text, finite numbers)."""
    if not isinstance(raw, dict):
        return False
    for value in raw.values():
        if isinstance(value, str):
            if not value.isascii():
                return False
        elif isinstance(value, float):
            if not math.isfinite(value):
                return False
        elif not isinstance(value, int):
            return False
    return True


def _whole_is_plain(data: dict[str, Any], count: int) -> bool:
    """True when the whole body plainly meets every limit (False: look message by message).

    One pass of pydantic's serialiser (:func:`_plain_json`); then only each
    ``encodedMetadata`` is left to look at.
    """
    if not _plain_json(data):
        return False
    raw_messages = data.get("messages")
    if raw_messages.__class__ is not list or len(raw_messages) != count:
        return False
    for raw in raw_messages:
        if raw.__class__ is dict:
            if not _plain_encoded_metadata(raw):
                return False
        elif raw.__class__ is not str:
            return False  # a model among the data: the exact way
    return True


def _whole_as_sent(data: dict[str, Any], count: int, wire: bytes | None) -> bool:
    """:func:`_whole_is_plain` for a body sent as its data, ``wire`` being those bytes: every
    value sendable (``wire`` is not None), each ``encodedMetadata`` plainly valid, and each
    structured content within 15000 bytes (:func:`_contents_within_limit`) and in its list
    orders, measured as it is sent. False: look message by message, the exact way."""
    raw_messages = data.get("messages")
    if wire is None or raw_messages.__class__ is not list or len(raw_messages) != count:
        return False
    contents = _plain_contents(raw_messages)
    if contents is None:
        return False
    if len(wire) > MAX_STRUCTURED_CONTENT_BYTES and not _contents_within_limit(
        data, raw_messages, contents, len(wire)
    ):
        return False
    if has_list(wire):
        try:
            for index, content in contents:
                check_orders(("messages", index, "structuredContent"), content)
        except RequestValidationError:
            return False
    return True


def _plain_contents(raw_messages: list[Any]) -> list[tuple[int, dict[str, Any]]] | None:
    """Each structured content of the messages with its index; None when a message is neither
    a text nor a dict, when a content is no dict (a model among the data: the exact way), or
    when an ``encodedMetadata`` is not plainly valid."""
    contents: list[tuple[int, dict[str, Any]]] = []
    for index, raw in enumerate(raw_messages):
        if raw.__class__ is str:
            continue
        if raw.__class__ is not dict or not _plain_encoded_metadata(raw):
            return None
        if "structuredContent" in raw:
            content = raw["structuredContent"]
            if content.__class__ is not dict:
                return None
            contents.append((index, content))
    return contents


def _contents_within_limit(
    data: dict[str, Any],
    raw_messages: list[Any],
    contents: list[tuple[int, dict[str, Any]]],
    size: int,
) -> bool:
    """Whether each structured content of a body of ``size`` bytes is within 15000 bytes.

    The body's JSON holds each content's JSON once, as pydantic writes it alone: the body
    written again with each content as ``0`` (a few bytes) gives their sum, which settles it
    when within the limit (each is at most the sum). Otherwise each is measured on its own.
    """
    if not contents:
        return True
    stand_in = list(raw_messages)
    for index, _ in contents:
        stand_in[index] = {**raw_messages[index], "structuredContent": 0}
    rest = wire_json({**data, "messages": stand_in})
    if rest is None:
        return False
    if size - len(rest) + len(contents) <= MAX_STRUCTURED_CONTENT_BYTES:
        return True
    if len(contents) == 1:
        return False  # that one is over the limit: the exact way names it
    for _, content in contents:
        encoded = wire_json(content)
        if encoded is None or len(encoded) > MAX_STRUCTURED_CONTENT_BYTES:
            return False
    return True


def _limits(model: BaseModel, data: object, *, sent: bool = False) -> bytes | None:
    """The limits beyond the schema, on a body already valid against it (``data`` its input).

    The whole body gets one quick look (:func:`_whole_is_plain`), which settles nearly every
    real one; otherwise each message gets its own (:func:`_quick_message`), and any message
    that does not pass it goes the exact way, which also finds the path and the rule.

    With ``sent``, ``data`` (a dict) is what goes out: the limits are measured on its
    :func:`~lptpb_ext._wire.wire_json`, which is returned (None: send the model's dump).
    """
    wire = wire_json(data) if sent and data.__class__ is dict else None
    messages = getattr(model, "messages", None)
    if messages is None or not (data.__class__ is dict or isinstance(data, Mapping)):
        check_json((), model.model_dump(by_alias=True, exclude_unset=True, warnings=False))
        return wire
    if data.__class__ is dict:
        if sent and _whole_as_sent(data, len(messages), wire):
            return wire
        if not sent and _whole_is_plain(data, len(messages)):
            return None
    raw_messages = data.get("messages")
    if not isinstance(raw_messages, list) or len(raw_messages) != len(messages):
        raw_messages = [None] * len(messages)
    exact = sent and wire is not None  # each structured content measured as it is sent
    for index, item in enumerate(messages):
        raw = raw_messages[index]
        if exact and raw.__class__ is dict and "structuredContent" in raw:
            check_message(("messages", index), item, raw, sent=True)  # one pass, exact
        elif raw is None or not _quick_message(raw):
            check_message(("messages", index), item, raw, sent=exact)
    context = data.get("context")
    if context is not None and not _quick_values(context):
        check_json(("context",), context)
    return wire


def validate_ttl(ttl: object) -> int:
    """``ttl`` if it is a whole number of seconds from 10 to 120, else RequestValidationError."""
    problem = ttl_problem(ttl)
    if problem is None and isinstance(ttl, int):
        return ttl
    if isinstance(ttl, bool) or not isinstance(ttl, int):
        rule = "type"
    else:
        rule = "minimum" if ttl < TTL_MIN else "maximum"
    raise RequestValidationError("ttl", rule, problem or "is not an acceptable ttl")
