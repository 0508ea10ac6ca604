"""Per-message checks that pydantic's models cannot make: JSON-ness, sizes and orders.

Used by :func:`~lptpb_ext._validation.validate_body` and by the builder on every message, so a
message is checked the same way however it was made.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticSerializationError, SchemaSerializer, core_schema, to_json

from lptpb_ext._errors import RequestValidationError
from lptpb_ext._limits import MAX_STRUCTURED_CONTENT_BYTES, compact_json, encoded_metadata_problem
from lptpb_ext._paths import Key, format_path
from lptpb_models import (
    ExternalIdMetadata,
    MessageItem,
    PauseMessage,
    PlainTextMessage,
    PrivateTextMessage,
    StructuredContentMessage,
)

__all__ = [
    "check_encoded_metadata",
    "check_json",
    "check_message",
    "check_orders",
    "check_structured",
    "check_text",
    "has_list",
    "quick_json",
    "wire_json",
]

_LIST_MARK = b'"type":"list"'
_ORDERS = {
    "sectionList": ("section", [["checklist"], ["text", "checklist"]]),
    "buttonList": ("buttonList", [["submitButton"], ["submitButton", "button"]]),
}


def _fail(keys: tuple[Key, ...], rule: str, message: str) -> RequestValidationError:
    return RequestValidationError(format_path(keys), rule, message)


def _not_json(  # noqa: PLR0911 - one verdict per kind of JSON value
    value: object, keys: tuple[Key, ...]
) -> tuple[tuple[Key, ...], str] | None:
    """Where ``value`` stops being sendable JSON, and why (the rule of :func:`check_json`)."""
    if value is None or isinstance(value, (bool, int)):
        return None
    if isinstance(value, float):
        return None if math.isfinite(value) else (keys, "NaN and infinity are not JSON numbers")
    if isinstance(value, str):
        try:
            value.encode()
        except UnicodeEncodeError:
            return keys, "contains a lone surrogate, which cannot be sent as UTF-8"
        return None
    if isinstance(value, Mapping):
        for k, v in value.items():
            if not isinstance(k, (str, int, float, bool)) and k is not None:
                return keys, f"has a key {k!r} that is not a string"
            found = _not_json(v, (*keys, str(k) if not isinstance(k, str) else k))
            if found:
                return found
        return None
    if isinstance(value, (list, tuple, set, frozenset)):
        for i, v in enumerate(value):
            found = _not_json(v, (*keys, i))
            if found:
                return found
        return None
    if quick_json(value) is None:
        return keys, f"is a {type(value).__name__}, which has no JSON form"
    return None


def _may_hold_nan_or_infinity(encoded: bytes) -> bool:
    """Whether pydantic's JSON ``encoded`` may hold ``NaN``, ``Infinity`` or ``-Infinity``
    (the serialiser's spelling of them), perhaps only inside a string.

    A search for one byte (memchr, well under 1 µs in 15 kB) first: a search for a word costs
    5-10 µs there (half of writing the JSON), and is needed only when its first letter is
    there. The serialiser writes infinity as ``Infinity``, so that is the word sought: ``Inf``
    was sought before, twice as slow and found in more strings.
    """
    return (b"N" in encoded and b"NaN" in encoded) or (b"I" in encoded and b"Infinity" in encoded)


def quick_json(raw: object) -> bytes | None:
    """``raw`` as JSON by pydantic's serialiser (Rust, fast), or None where it may not be JSON.

    None when it fails (a lone surrogate, an object with no JSON form) or when its output holds
    ``NaN`` or ``Infinity`` anywhere (perhaps only inside a string): those go the exact way.
    """
    try:
        encoded = to_json(raw, by_alias=True)
    except (PydanticSerializationError, ValueError, TypeError, RecursionError):
        return None
    if _may_hold_nan_or_infinity(encoded):
        return None
    return encoded


# Any value as pydantic writes it (a model inside by alias, only its fields that were set), with
# NaN and infinity written as such, so they can be told from null and refused.
_WIRE = SchemaSerializer(
    core_schema.any_schema(), core_schema.CoreConfig(ser_json_inf_nan="constants")
)


def wire_json(raw: object) -> bytes | None:
    """``raw`` as the JSON the client sends for it, or None when it cannot be sent as it is.

    Compact UTF-8 JSON by pydantic's serialiser: what a request body given as data goes out
    as, so its limits are measured on exactly these bytes. None for NaN, infinity, a lone
    surrogate or an object with no JSON form (the exact checks then find and name it).
    """
    try:
        encoded = _WIRE.to_json(raw, by_alias=True, exclude_unset=True)
    except (PydanticSerializationError, ValueError, TypeError, RecursionError):
        return None
    if _may_hold_nan_or_infinity(encoded):  # perhaps only in a string
        try:
            if _not_json(raw, ()) is not None:
                return None
        except RecursionError:
            return None
    return encoded


def check_json(keys: tuple[Key, ...], value: object) -> None:
    """RequestValidationError where ``value`` cannot be sent as JSON.

    The rule is the one the client sends by: pydantic's serialiser, which writes a tuple or a
    set as an array and a date, UUID or Decimal as text, except that NaN, infinity (which it
    would write as ``null``) and lone surrogates (which UTF-8 cannot carry) are refused, as is
    any object with no JSON form.
    """
    if quick_json(value) is not None:
        return
    try:
        found = _not_json(value, keys)
    except RecursionError:
        found = keys, "is nested too deeply (or contains itself)"
    if found:
        raise _fail(found[0], "type", found[1])


def check_text(keys: tuple[Key, ...], text: str) -> None:
    """Text UTF-8 can carry (no lone surrogate)."""
    if not text.isascii():
        try:
            text.encode()
        except UnicodeEncodeError:
            raise _fail(
                keys, "type", "contains a lone surrogate, which cannot be sent as UTF-8"
            ) from None


def has_list(encoded: bytes) -> bool:
    """Whether JSON ``encoded`` may hold a list element (whose orders need checking)."""
    return _LIST_MARK in encoded


def check_encoded_metadata(keys: tuple[Key, ...], text: str) -> None:
    """The message at ``keys`` has acceptable ``encodedMetadata`` (base64, at most 5120 bytes)."""
    problem = encoded_metadata_problem(text)
    if problem is not None:
        rule = "contentEncoding" if "base64" in problem else "maxEncodedBytes"
        raise _fail((*keys, "encodedMetadata"), rule, problem)


def check_orders(keys: tuple[Key, ...], value: object) -> None:
    """Fixed orders the models do not enforce: list sections and list buttons."""
    if isinstance(value, BaseModel):  # a model among data: its data
        value = value.model_dump(by_alias=True, exclude_unset=True, warnings=False)
    if isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            check_orders((*keys, i), item)
        return
    if not isinstance(value, dict):
        return
    kind = value.get("type")
    if (
        isinstance(kind, str)
        and kind in _ORDERS
        and isinstance(value.get("elements"), list | tuple)
    ):
        owner, allowed = _ORDERS[kind]
        holders = value["elements"] if kind == "sectionList" else [value]
        for index, holder in enumerate(holders):
            where = (*keys, "elements", index) if kind == "sectionList" else keys
            types = [e.get("type") for e in holder.get("elements", ()) if isinstance(e, dict)]
            if types not in allowed:
                shapes = " or ".join("[" + ", ".join(a) + "]" for a in allowed)
                raise _fail((*where, "elements"), "prefixItems", f"a {owner} holds {shapes}")
    for k, v in value.items():
        if isinstance(v, (list, tuple, dict, BaseModel)):
            check_orders((*keys, k), v)


def _too_large(keys: tuple[Key, ...], size: int) -> RequestValidationError:
    return _fail(
        keys,
        "maxSerializedBytes",
        f"is {size} bytes of compact UTF-8 JSON; "
        f"at most {MAX_STRUCTURED_CONTENT_BYTES} are allowed",
    )


def check_structured(
    keys: tuple[Key, ...],
    content: BaseModel,
    raw: object = None,
    *,
    sent: bool = False,
) -> None:
    """Sendable JSON, the list orders and the 15000-byte limit, on exactly what will be sent.

    ``content`` is the model of a structured message's ``structuredContent`` (quick replies or
    one of the rich-content elements).

    With ``sent``, ``raw`` (the data ``content`` was validated from) is what goes out, as
    :func:`wire_json` writes it, and is measured as such. Otherwise the model is sent:

    The size is that of compact UTF-8 JSON of the model's dump (``serialized_size``). ``raw``,
    the data it was validated from, is a shortcut: strict validation changes nothing but int to
    float in number fields (``1`` to ``1.0``), and pydantic's serialiser writes a float at most
    a character shorter than Python's (``1e-7`` for ``1e-07``), so raw data whose JSON is under
    half the limit is under it. Values in open metadata (click and layout ``metadata`` items)
    that JSON has no type for but pydantic serialises (a set as a list, a date as ISO text) are
    sent as pydantic writes them; the shortcut measures them that way too.
    """
    if sent and raw is not None and not isinstance(raw, BaseModel):
        wire = wire_json(raw)
        if wire is not None:
            if len(wire) > MAX_STRUCTURED_CONTENT_BYTES:
                raise _too_large(keys, len(wire))
            if has_list(wire):
                check_orders(keys, raw)
            return
    encoded = None
    if raw is not None and not isinstance(raw, BaseModel):
        encoded = quick_json(raw)
    value: Any = None
    if encoded is None or 2 * len(encoded) > MAX_STRUCTURED_CONTENT_BYTES:
        value = content.model_dump(by_alias=True, exclude_unset=True, warnings=False)
        check_json(keys, value)
        encoded = compact_json(
            content.model_dump(mode="json", by_alias=True, exclude_unset=True, warnings=False)
        )
        if len(encoded) > MAX_STRUCTURED_CONTENT_BYTES:
            raise _too_large(keys, len(encoded))
    if has_list(encoded):
        if value is None:
            value = content.model_dump(by_alias=True, exclude_unset=True, warnings=False)
        check_orders(keys, value)


def check_message(
    keys: tuple[Key, ...],
    item: MessageItem
    | PlainTextMessage
    | PauseMessage
    | PrivateTextMessage
    | StructuredContentMessage,
    raw: object = None,
    *,
    sent: bool = False,
) -> None:
    """Every limit of one message (``keys`` is where it sits, e.g. ``('messages', 2)``); with
    ``sent``, ``raw`` is what goes out (see :func:`check_structured`)."""
    message = item.root if isinstance(item, MessageItem) else item
    if isinstance(message, PlainTextMessage):
        check_text(keys, message.root)
    elif isinstance(message, PrivateTextMessage):
        check_text((*keys, "text"), message.text)
    elif isinstance(message, StructuredContentMessage):
        raw_content = raw.get("structuredContent") if isinstance(raw, Mapping) else None
        check_structured(
            (*keys, "structuredContent"), message.structuredContent.root, raw_content, sent=sent
        )
        if message.encodedMetadata is not None:
            check_encoded_metadata(keys, message.encodedMetadata.root)
        for index, meta in enumerate(message.metadata or ()):
            where = (*keys, "metadata", index)
            if isinstance(meta.root, ExternalIdMetadata):
                check_text((*where, "id"), meta.root.id)
            else:
                check_json(where, meta.root.model_dump(by_alias=True, exclude_unset=True))
