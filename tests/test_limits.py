"""The limit constants of ``lptpb_ext._limits`` are the numbers ``openapi.yaml`` states."""

from __future__ import annotations

import pytest

from lptpb_ext import _limits
from tests import spec as oas


def _schema(name: str) -> dict:
    return oas.spec()["components"]["schemas"][name]


def test_structured_content_limit_is_the_specs():
    """MAX_STRUCTURED_CONTENT_BYTES is StructuredContentMessage's x-lptpb-limits figure."""
    prop = _schema("StructuredContentMessage")["properties"]["structuredContent"]
    assert prop["x-lptpb-limits"]["maxSerializedBytes"] == _limits.MAX_STRUCTURED_CONTENT_BYTES


def test_encoded_metadata_limit_is_the_specs():
    """MAX_ENCODED_METADATA_BYTES equals EncodedMetadata's maxEncodedBytes and its maxLength."""
    schema = _schema("EncodedMetadata")
    assert schema["x-lptpb-limits"]["maxEncodedBytes"] == _limits.MAX_ENCODED_METADATA_BYTES
    assert schema["maxLength"] == _limits.MAX_ENCODED_METADATA_BYTES


def test_quick_reply_title_limit_is_the_specs():
    """MAX_QUICK_REPLY_TITLE is the maxLength of QuickReply.title."""
    assert (
        _schema("QuickReply")["properties"]["title"]["maxLength"] == _limits.MAX_QUICK_REPLY_TITLE
    )


def test_ttl_bounds_are_the_specs():
    """TTL_MIN/TTL_MAX/TTL_DEFAULT are the ttl parameter's minimum, maximum and default."""
    ttl = oas.spec()["components"]["parameters"]["Ttl"]["schema"]
    assert (
        ttl["minimum"],
        ttl["maximum"],
        ttl["default"],
    ) == (_limits.TTL_MIN, _limits.TTL_MAX, _limits.TTL_DEFAULT)


@pytest.mark.parametrize(
    ("value", "expected"),
    [({"type": "text", "text": "é"}, 27), ("€", 5), ([1, 2.5, None, True], 17)],
)
def test_serialized_size_counts_compact_utf8(value, expected):
    """serialized_size counts compact JSON bytes in UTF-8 (non-ASCII unescaped)."""
    assert _limits.serialized_size(value) == expected


def test_compact_json_refuses_what_json_cannot_carry():
    """NaN, non-JSON objects and lone surrogates raise instead of producing bad bytes."""
    with pytest.raises(ValueError, match="JSON compliant"):
        _limits.compact_json(float("nan"))
    with pytest.raises(TypeError):
        _limits.compact_json(object())
    with pytest.raises(UnicodeEncodeError):
        _limits.compact_json("\ud800")
