"""Per-message checks that pydantic's models cannot make: JSON-ness, sizes and orders.

Used by :func:`~lptpb_ext._validation.validate_body` and by the builder on every message, so a
message is checked the same way however it was made.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from lptpb_ext._errors import RequestValidationError
from lptpb_ext._limits import MAX_STRUCTURED_CONTENT_BYTES, compact_json, encoded_metadata_problem
from lptpb_ext._paths import Key, format_path
from lptpb_models import (
    ExternalIdMetadata,
    MessageItem,
    PauseMessage,
    PlainTextMessage,
    PrivateTextMessage,
    QuickRepliesContent,
    StructuredContent,
    StructuredContentMessage,
)

__all__ = ["check_json", "check_message", "check_structured", "check_text"]

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
    """Where ``value`` stops being sendable JSON, and why."""
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
            if not isinstance(k, str):
                return keys, f"has a key {k!r} that is not a string"
            found = _not_json(v, (*keys, k))
            if found:
                return found
        return None
    if isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            found = _not_json(v, (*keys, i))
            if found:
                return found
        return None
    return keys, f"is a {type(value).__name__}, which is not a JSON value"


def check_json(keys: tuple[Key, ...], value: object) -> bytes:
    """``value`` as compact UTF-8 JSON; RequestValidationError where it is not sendable JSON."""
    try:
        return compact_json(value)
    except (TypeError, ValueError, UnicodeEncodeError, RecursionError) as exc:
        found = _not_json(value, keys)
        where, why = found if found else (keys, f"cannot be serialised as JSON: {exc}")
        raise _fail(where, "type", why) from None


def check_text(keys: tuple[Key, ...], text: str) -> None:
    if not text.isascii():
        check_json(keys, text)


def _check_orders(keys: tuple[Key, ...], value: object) -> None:
    """Fixed orders the models do not enforce: list sections and list buttons."""
    if isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            _check_orders((*keys, i), item)
        return
    if not isinstance(value, dict):
        return
    kind = value.get("type")
    if kind in _ORDERS and isinstance(value.get("elements"), (list, tuple)):
        owner, allowed = _ORDERS[kind]
        holders = value["elements"] if kind == "sectionList" else [value]
        for index, holder in enumerate(holders):
            where = (*keys, "elements", index) if kind == "sectionList" else keys
            types = [e.get("type") for e in holder.get("elements", ()) if isinstance(e, dict)]
            if types not in allowed:
                shapes = " or ".join("[" + ", ".join(a) + "]" for a in allowed)
                raise _fail((*where, "elements"), "prefixItems", f"a {owner} holds {shapes}")
    for k, v in value.items():
        if isinstance(v, (list, tuple, dict)):
            _check_orders((*keys, k), v)


def check_structured(
    keys: tuple[Key, ...], content: StructuredContent | QuickRepliesContent, raw: object = None
) -> None:
    """Sendable JSON, the list orders and the 15000-byte limit, on exactly what will be sent.

    The size is measured on the model's dump. ``raw``, the data it was validated from, is a
    shortcut: strict validation changes nothing but int to float in number fields (``1`` to
    ``1.0``), which at most doubles the size, so raw data under half the limit is under it.
    """
    encoded = None
    if raw is not None and not isinstance(raw, BaseModel):
        try:
            encoded = compact_json(raw)
        except (TypeError, ValueError, UnicodeEncodeError, RecursionError):
            encoded = None
    value: Any = None
    if encoded is None or 2 * len(encoded) > MAX_STRUCTURED_CONTENT_BYTES:
        value = content.model_dump(by_alias=True, exclude_unset=True, warnings=False)
        encoded = check_json(keys, value)
        if len(encoded) > MAX_STRUCTURED_CONTENT_BYTES:
            raise _fail(
                keys,
                "maxSerializedBytes",
                f"is {len(encoded)} bytes of compact UTF-8 JSON; "
                f"at most {MAX_STRUCTURED_CONTENT_BYTES} are allowed",
            )
    if _LIST_MARK in encoded:
        if value is None:
            value = content.model_dump(by_alias=True, exclude_unset=True, warnings=False)
        _check_orders(keys, value)


def check_message(
    keys: tuple[Key, ...],
    item: MessageItem
    | PlainTextMessage
    | PauseMessage
    | PrivateTextMessage
    | StructuredContentMessage,
    raw: object = None,
) -> None:
    """Every limit of one message (``keys`` is where it sits, e.g. ``('messages', 2)``)."""
    message = item.root if isinstance(item, MessageItem) else item
    if isinstance(message, PlainTextMessage):
        check_text(keys, message.root)
    elif isinstance(message, PrivateTextMessage):
        check_text((*keys, "text"), message.text)
    elif isinstance(message, StructuredContentMessage):
        raw_content = raw.get("structuredContent") if isinstance(raw, Mapping) else None
        check_structured((*keys, "structuredContent"), message.structuredContent, raw_content)
        if message.encodedMetadata is not None:
            problem = encoded_metadata_problem(message.encodedMetadata.root)
            if problem is not None:
                rule = "contentEncoding" if "base64" in problem else "maxEncodedBytes"
                raise _fail((*keys, "encodedMetadata"), rule, problem)
        for index, meta in enumerate(message.metadata or ()):
            where = (*keys, "metadata", index)
            if isinstance(meta.root, ExternalIdMetadata):
                check_text((*where, "id"), meta.root.id)
            else:
                check_json(where, meta.root.model_dump(by_alias=True, exclude_unset=True))
