"""Property 3: our structured content and LivePerson's JSON Pollock accept the same documents.

Documents drawn from our ``StructuredContent`` schema must pass Pollock's schema, and documents
drawn from Pollock's schema must pass ours, once the intended differences below are applied to
Pollock's schema. Each difference is listed with its reason, and a test shows it is real (a
document Pollock accepts and we refuse), so the list cannot hide an accident.
Pollock's files are read in place from ``../shared/conformance/json-pollock/schema``.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests import spec as oas
from tests.strategies import (
    POLLOCK_SCHEMA,
    pollock_files,
    pollock_validator,
    pollock_values,
    spec_values,
)

pytestmark = pytest.mark.skipif(
    not (POLLOCK_SCHEMA / "rich_content.json").is_file(), reason=oas.pollock_missing_reason()
)

BASIC_WITH_OPTIONAL_TYPE = ("text", "image", "button", "map", "linkPreview", "template")


def _type_required(node: dict[str, Any]) -> dict[str, Any]:
    return {**node, "required": sorted({*node.get("required", []), "type"})}


def _metadata_items_are_objects(node: Any) -> Any:
    if isinstance(node, list):
        return [_metadata_items_are_objects(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: _metadata_items_are_objects(v) for k, v in node.items()}
    meta = (
        out.get("properties", {}).get("metadata")
        if isinstance(out.get("properties"), dict)
        else None
    )
    if isinstance(meta, dict) and meta.get("type") == "array":
        out["properties"] = {**out["properties"], "metadata": {**meta, "items": {"type": "object"}}}
    return out


# (reason, patches to Pollock's schema, a document Pollock accepts and the contract refuses)
INTENDED_DIFFERENCES = {
    "type tag required": (
        "Every element carries its `type` in the contract; Pollock lets text, image, button, map,"
        " linkPreview and template omit it. The tag keeps generated unions unambiguous, and all"
        " of Pollock's own examples carry it.",
        tuple((name, "", _type_required) for name in BASIC_WITH_OPTIONAL_TYPE),
        {"title": "Untagged button"},
    ),
    "metadata items are objects": (
        "Click and layout `metadata` arrays hold objects (LooseMetadataItem) in the contract;"
        " Pollock declares a bare array. Conversation metadata items are objects everywhere"
        " LivePerson documents them.",
        None,  # filled below: it applies to every file
        {"type": "button", "title": "b", "click": {"metadata": [42]}},
    ),
}
INTENDED_DIFFERENCES["metadata items are objects"] = (
    INTENDED_DIFFERENCES["metadata items are objects"][0],
    tuple((name, "", _metadata_items_are_objects) for name in sorted(pollock_files())),
    INTENDED_DIFFERENCES["metadata items are objects"][2],
)
# Not a difference in what is accepted, so not patched: Pollock's `format: uri`/`color`/`text`
# are annotations to both validators; the contract states the URI rule as a pattern, and
# Pollock-side documents are drawn with valid URIs (tests/strategies.py).
PATCHES = tuple(p for _, patches, _ in INTENDED_DIFFERENCES.values() for p in patches)


@pytest.mark.parametrize(
    ("reason", "patches", "document"),
    INTENDED_DIFFERENCES.values(),
    ids=INTENDED_DIFFERENCES.keys(),
)
def test_each_intended_difference_is_real_and_patched(reason, patches, document):
    """Pollock accepts the document, the contract refuses it, and the patched Pollock agrees."""
    assert reason
    assert pollock_validator().is_valid(document)
    assert oas.errors("StructuredContent", document) != []
    assert not pollock_validator(patches).is_valid(document)


def test_pollock_accepts_its_own_examples():
    """The bundled Pollock schema is read correctly: every Pollock example passes it."""
    validator = pollock_validator()
    for path in oas.pollock_examples():
        assert validator.is_valid(json.loads(path.read_text())), path.name


@given(st.deferred(lambda: pollock_values(PATCHES)))  # built only when the test runs
def test_pollock_documents_pass_the_contract(document):
    """A document Pollock's schema admits (intended differences applied) passes ours."""
    assert oas.errors("StructuredContent", document) == []


@given(spec_values("StructuredContent"))
def test_contract_documents_pass_pollock(document):
    """A document our StructuredContent admits passes Pollock's own, unpatched schema."""
    errors = [str(e)[:200] for e in pollock_validator().iter_errors(document)]
    assert errors == []
