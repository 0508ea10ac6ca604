"""The API's limits that JSON Schema cannot state, as numbers and pure functions.

The figures come from ``openapi.yaml`` (``x-lptpb-limits``, ``maxLength``, the ``ttl``
parameter); ``tests/test_limits.py`` pins them to the spec so the two cannot drift. The client's
validation and the simulator both use these functions, so they agree byte for byte.
"""

from __future__ import annotations

import binascii
import json

__all__ = [
    "MAX_ENCODED_METADATA_BYTES",
    "MAX_QUICK_REPLY_TITLE",
    "MAX_STRUCTURED_CONTENT_BYTES",
    "TTL_DEFAULT",
    "TTL_MAX",
    "TTL_MIN",
    "compact_json",
    "encoded_metadata_ok",
    "encoded_metadata_problem",
    "serialized_size",
    "ttl_problem",
]

MAX_STRUCTURED_CONTENT_BYTES = 15000
MAX_ENCODED_METADATA_BYTES = 5120
MAX_QUICK_REPLY_TITLE = 128  # a button title; channels show fewer (see check_channel)
TTL_MIN = 10
TTL_MAX = 120
TTL_DEFAULT = 30


# One encoder built once: ``json.dumps`` with options builds a new encoder on every call.
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def compact_json(value: object) -> bytes:
    """``value`` as compact UTF-8 JSON, the form ``maxSerializedBytes`` measures.

    Raises ``ValueError`` for NaN or infinity, ``TypeError`` for a value JSON cannot hold and
    ``UnicodeEncodeError`` for a string with a lone surrogate.

    >>> compact_json({"a": [1, "é"]})
    b'{"a":[1,"\\xc3\\xa9"]}'
    """
    return _COMPACT.encode(value).encode()


def serialized_size(value: object) -> int:
    """Bytes of ``value`` as compact UTF-8 JSON: the measure of ``maxSerializedBytes``.

    >>> serialized_size({"type": "text", "text": "é"})
    27
    """
    return len(compact_json(value))


def encoded_metadata_ok(text: str) -> bool:
    """The quick yes of :func:`encoded_metadata_problem` (False: ask it why)."""
    if len(text) > MAX_ENCODED_METADATA_BYTES or not text.isascii():
        return False
    try:
        binascii.a2b_base64(text, strict_mode=True)
    except (binascii.Error, ValueError):
        return False
    return True


def encoded_metadata_problem(text: str) -> str | None:
    """Why ``text`` is not acceptable ``encodedMetadata``, or None when it is."""
    if len(text.encode()) > MAX_ENCODED_METADATA_BYTES:
        return f"is {len(text.encode())} bytes; at most {MAX_ENCODED_METADATA_BYTES} are allowed"
    try:
        binascii.a2b_base64(text, strict_mode=True)
    except (binascii.Error, ValueError):
        return "is not valid base64"
    return None


def ttl_problem(ttl: object) -> str | None:
    """Why ``ttl`` is not an acceptable command lifetime, or None when it is."""
    if isinstance(ttl, bool) or not isinstance(ttl, int):
        return f"must be an integer number of seconds, got {type(ttl).__name__}"
    if not TTL_MIN <= ttl <= TTL_MAX:
        return f"must be between {TTL_MIN} and {TTL_MAX} seconds, got {ttl}"
    return None
