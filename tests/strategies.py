"""Every Hypothesis strategy of the suite, in one module.

- :func:`spec_values` draws JSON values from a component of ``openapi.yaml`` itself, through
  schemathesis's JSON Schema generator (hypothesis-jsonschema is broken with current Hypothesis
  and cannot follow recursion; this one follows ``$ref`` cycles such as layouts in layouts).
- :func:`pollock_values` draws documents from LivePerson's own JSON Pollock schema, read in
  place from ``../shared`` and bundled into one document so its file references resolve.
- :func:`built_requests` drives the public builder: random sequences of steps with typed
  elements, actions, styles, chips, metadata and encoded metadata.
"""

from __future__ import annotations

import functools
import json
import string
from typing import Any

import jsonschema_rs
from hypothesis import strategies as st
from schemathesis.generation.jsonschema.builder import build
from schemathesis.generation.jsonschema.context import Alphabet

import lptpb_models as models
from lptpb_ext import Messages, meta, sc
from tests import spec as oas

POLLOCK_SCHEMA = oas.SHARED / "conformance" / "json-pollock" / "schema"
POLLOCK_URI = "https://pollock.invalid/"

# ---- from the contract ---------------------------------------------------------------------


# U+0085 (NEL) is whitespace to Rust's regex (pydantic's) and Python's ``re`` but not to ECMA-262
# (the contract's dialect, and the generator's), so the link pattern's ``[^\s]`` admits it in
# the contract while the SDK refuses it: an open point on the contract, left out of the draws.
# U+001C-U+001F are likewise whitespace to Python's ``re`` only.
_ALPHABET = Alphabet(exclude_characters="\x1c\x1d\x1e\x1f\x85")


@functools.cache
def spec_values(component: str) -> st.SearchStrategy[Any]:
    """JSON values that ``#/components/schemas/<component>`` of openapi.yaml admits."""
    schemas = oas.spec()["components"]["schemas"]
    document = {"$ref": f"#/components/schemas/{component}", "components": {"schemas": schemas}}
    return build(document, draft=jsonschema_rs.Draft202012, formats={}, alphabet=_ALPHABET)


# ---- from LivePerson's JSON Pollock ----------------------------------------------------------


def _rewrite(node: Any) -> Any:
    """Point Pollock's cross-file ``$ref``s (``card.json``, ``x.json#/definitions/y``) at $defs."""
    if isinstance(node, dict):
        out = {k: _rewrite(v) for k, v in node.items()}
        ref = node.get("$ref")
        if isinstance(ref, str) and ".json" in ref:
            file, _, pointer = ref.partition("#")
            out["$ref"] = f"#/$defs/{file.removesuffix('.json')}{pointer}"
        return out
    if isinstance(node, list):
        return [_rewrite(v) for v in node]
    return node


@functools.cache
def pollock_files() -> dict[str, Any]:
    return {p.stem: json.loads(p.read_text()) for p in sorted(POLLOCK_SCHEMA.glob("*.json"))}


def pollock_bundle(patches: tuple[tuple[str, str, Any], ...] = ()) -> dict[str, Any]:
    """Pollock's schema as one document rooted at rich_content; ``patches`` are applied first.

    A patch is ``(file, JSON pointer, callable(node) -> node)``: how the intended differences
    between Pollock and the contract are stated (see ``tests/test_properties_pollock.py``).
    """
    files = json.loads(json.dumps(pollock_files()))
    for file, pointer, change in patches:
        parent: Any = files[file]
        parts = [p for p in pointer.split("/") if p]
        if not parts:
            files[file] = change(files[file])
            continue
        for part in parts[:-1]:
            parent = parent[int(part)] if isinstance(parent, list) else parent[part]
        last = parts[-1]
        key: Any = int(last) if isinstance(parent, list) else last
        parent[key] = change(parent[key])
    defs = {name: _rewrite(doc) for name, doc in files.items()}
    return {"$ref": "#/$defs/rich_content", "$defs": defs}


@functools.cache
def pollock_validator(patches: tuple[tuple[str, str, Any], ...] = ()) -> Any:
    """A validator of Pollock's schema (``format`` is an annotation, as Pollock's files mix
    draft-7 style (ajv's default) with non-standard formats such as ``color``)."""
    return jsonschema_rs.Draft7Validator(pollock_bundle(patches), validate_formats=False)


URIS = st.builds(
    "{}://{}.example/{}".format,
    st.sampled_from(["https", "http", "tel", "mailto"]),
    st.text(string.ascii_lowercase, min_size=1, max_size=8),
    st.text(string.ascii_letters + string.digits + "-._~/", max_size=12),
)
COLORS = st.sampled_from(["#000", "#E0E0E0", "red", "rgb(1,2,3)"])


@functools.cache
def pollock_values(patches: tuple[tuple[str, str, Any], ...] = ()) -> st.SearchStrategy[Any]:
    """Documents Pollock's (patched) schema admits; ``uri`` and ``color`` formats drawn valid."""
    formats = {"uri": URIS, "color": COLORS}
    return build(pollock_bundle(patches), draft=jsonschema_rs.Draft7, formats=formats)


# ---- through the builder ---------------------------------------------------------------------
# Text the API can carry: no lone surrogates (UTF-8 cannot encode them; validate_body refuses).
def texts(min_size: int = 0, max_size: int = 20) -> st.SearchStrategy[str]:
    return st.text(st.characters(exclude_categories=("Cs",)), min_size=min_size, max_size=max_size)


finite = st.floats(allow_nan=False, allow_infinity=False, width=32)
actions = st.one_of(
    st.builds(sc.publish_text, texts(max_size=40)),
    st.builds(sc.link, URIS, name=st.none() | texts(), target=st.none() | st.just("blank")),
    st.builds(sc.navigate, la=finite, lo=finite, name=st.none() | texts()),
    st.builds(
        lambda items: sc.add_to_cart(*items),
        st.lists(st.tuples(texts(), st.integers()), max_size=3),
    ),
    st.builds(sc.custom, st.none() | st.dictionaries(texts(max_size=10), texts(), max_size=3)),
    st.builds(
        sc.date_picker, st.sampled_from(["single", "range"]), title=st.none() | texts(max_size=40)
    ),
)
clicks = (
    st.none()
    | actions
    | st.lists(actions, max_size=4)
    | st.builds(
        lambda acts, ids: sc.click(*acts, metadata=[meta.external_id(i) for i in ids]),
        st.lists(actions, max_size=4),
        st.lists(texts(max_size=64), max_size=2),
    )
)
styles = st.none() | st.builds(
    sc.style,
    color=st.none() | COLORS,
    bold=st.none() | st.booleans(),
    size=st.none() | st.sampled_from(["small", "medium", "large"]),
    text_alignment=st.none() | st.sampled_from(["leading", "center", "trailing"]),
)
leaves = st.one_of(
    st.builds(sc.text, texts(), style=styles, click=clicks, tooltip=st.none() | texts()),
    st.builds(sc.image, URIS, caption=st.none() | texts(), click=clicks),
    st.builds(
        sc.button,
        texts(max_size=128),
        click=clicks,
        style=styles,
        kind=st.none() | st.just("button"),
    ),
    st.builds(sc.map, la=finite, lo=finite, click=clicks),
    st.builds(sc.link_preview, URIS, title=st.none() | texts()),
)


def _layouts(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    items = st.lists(children, max_size=3)
    return st.one_of(
        st.builds(lambda e, s: sc.vertical(*e, style=s), items, styles),
        st.builds(lambda e, b: sc.horizontal(*e, border_line=b), items, st.none() | st.booleans()),
    )


cards = st.recursive(leaves, _layouts, max_leaves=6)
contents = cards | st.builds(lambda c: sc.carousel(*c), st.lists(cards, min_size=2, max_size=3))
metadata_lists = st.none() | st.lists(
    st.one_of(
        st.builds(meta.external_id, texts(max_size=64)),
        st.builds(meta.action_reason, texts(max_size=64)),
        st.builds(
            meta.bot_response,
            intents=st.lists(
                st.builds(meta.intent, texts(max_size=30), st.floats(0, 1)), max_size=2
            ),
        ),
    ),
    max_size=3,
)
encoded = st.none() | st.binary(min_size=1, max_size=60) | texts(min_size=1, max_size=40)
chips = st.builds(
    sc.chip, texts(min_size=1, max_size=25), tooltip=st.none() | texts(), click=clicks
)


def _step(draw: Any, batch: Messages) -> Messages:
    kind = draw(st.sampled_from(["text", "pause", "private", "structured", "quick_replies"]))
    if kind == "text":
        return batch.text(draw(texts(min_size=1)))
    if kind == "pause":
        return batch.pause(draw(st.integers(0, 30)), typing=draw(st.none() | st.booleans()))
    if kind == "private":
        return batch.private(draw(texts(min_size=1)))
    extras = {"metadata": draw(metadata_lists), "encoded_metadata": draw(encoded)}
    if kind == "structured":
        return batch.structured(draw(contents), **extras)
    replies = draw(st.lists(chips, min_size=1, max_size=5))
    per_row = draw(st.integers(1, 8))
    return batch.quick_replies(draw(texts()), *replies, items_per_row=per_row, **extras)


@st.composite
def built_requests(draw: Any) -> models.SendMessagesRequest:
    """A SendMessagesRequest made by the builder from a random sequence of steps."""
    batch = Messages()
    if draw(st.booleans()):
        batch = batch.context(
            intent_id=draw(st.none() | texts()),
            intent_name=draw(st.none() | texts()),
            confidence=draw(st.none() | st.floats(0, 1)),
        )
    for _ in range(draw(st.integers(1, 4))):
        batch = _step(draw, batch)
    return batch.build()
