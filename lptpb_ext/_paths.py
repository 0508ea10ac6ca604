"""Turn pydantic's validation errors into the API's JSON paths, one error per real mistake.

pydantic reports ``('messages', 4, 'StructuredContentMessage', 'structuredContent',
'StructuredContent', 'vertical', 'elements', 0, 'button', 'title')``: union branch names and
union tags mixed with field names, and for an untagged union one error per branch. This module
walks such a location together with the model types and the input data and gives back
``messages[4].structuredContent.elements[0].title``. At an untagged union it works out from
the data's shape which branch was meant (its ``type`` tag, else the required fields it has) and
drops the errors of the other branches; a ``type`` tag that no branch has is one
``discriminator`` problem at the tag, as in a tagged union; when no branch fits, one ``oneOf``
problem remains.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, RootModel
from pydantic_core import ErrorDetails

__all__ = ["Problem", "format_path", "problems"]

Key = str | int


@dataclass(frozen=True)
class Problem:
    """One contract violation: where (API spelling and raw keys), which rule, and why."""

    path: str
    keys: tuple[Key, ...]
    rule: str
    message: str
    error_type: str = ""


def format_path(keys: Sequence[Key]) -> str:
    """``('messages', 2, 'text')`` -> ``messages[2].text``."""
    out = ""
    for key in keys:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else key)
    return out


# ---- types ---------------------------------------------------------------------------------
Shape = tuple[str, Any]  # the second item depends on the kind; see _shape


@functools.cache
def _shape(tp: Hashable, discriminator: str | None = None) -> Shape:  # noqa: PLR0911 - one return per kind
    """Classify a type: ('model', cls), ('list', item), ('tuple', items), ('union', (branches,
    discriminator)) or ('leaf', tp). RootModels are transparent, as they are in pydantic's loc."""
    origin = get_origin(tp)
    if origin is typing.Annotated:
        return _shape(get_args(tp)[0], discriminator)
    if origin in (Union, types.UnionType):
        branches = tuple(a for a in get_args(tp) if a is not type(None))
        if len(branches) == 1:
            return _shape(branches[0], discriminator)
        return ("union", (branches, discriminator))
    if origin is list:
        return ("list", get_args(tp)[0])
    if origin is tuple:
        return ("tuple", get_args(tp))
    if isinstance(tp, type) and issubclass(tp, RootModel):
        root = _complete(tp).model_fields["root"]
        return _shape(
            typing.cast(Hashable, root.annotation), _discriminator_name(root.discriminator)
        )
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return ("model", tp)
    return ("leaf", tp)


def _complete(model: type[BaseModel]) -> type[BaseModel]:
    """``model``, built: the models are built on first use, and until then a field whose type
    is defined further down the module is not fully known (no discriminator, say)."""
    model.model_rebuild()  # no-op once built
    return model


def _discriminator_name(value: object) -> str | None:
    return value if isinstance(value, str) else None


@functools.cache
def _fields(model: type[BaseModel]) -> dict[str, tuple[Hashable, str | None]]:
    """alias -> (annotation, discriminator) of a model's fields."""
    return {
        (info.alias or name): (
            typing.cast(Hashable, info.annotation),
            _discriminator_name(info.discriminator),
        )
        for name, info in _complete(model).model_fields.items()
    }


@functools.cache
def _tags(tp: Hashable, prop: str) -> frozenset[object]:
    """The values of tag ``prop`` that a type accepts (via Literal fields, through unions)."""
    kind, info = _shape(tp)
    if kind == "model":
        field = _fields(info).get(prop)
        if field and get_origin(field[0]) is Literal:
            return frozenset(get_args(field[0]))
        return frozenset()
    if kind == "union":
        return frozenset().union(*(_tags(b, prop) for b in info[0]))
    return frozenset()


@functools.cache
def _required(tp: Hashable) -> frozenset[str]:
    kind, info = _shape(tp)
    if kind != "model":
        return frozenset()
    return frozenset(
        (f.alias or n)
        for n, f in _complete(typing.cast(type[BaseModel], info)).model_fields.items()
        if f.is_required()
    )


@functools.cache
def _leaf_types(tp: Hashable) -> frozenset[type]:
    kind, info = _shape(tp)
    if kind != "leaf":
        return frozenset({dict}) if kind == "model" else frozenset()
    origin: object = get_origin(info)
    if origin is Literal:
        return frozenset(type(v) for v in get_args(info))
    if info is float:
        return frozenset({float, int})
    return frozenset({info}) if isinstance(info, type) else frozenset()


def _name(tp: object) -> str:
    return getattr(tp, "__name__", str(tp))


def intended_branch(branches: tuple[Hashable, ...], data: object) -> Hashable | None:
    """The branch of an untagged union that ``data`` was meant for, or None when unclear."""
    if isinstance(data, Mapping):
        tag = data.get("type")
        by_tag = [b for b in branches if tag is not None and tag in _tags(b, "type")]
        if len(by_tag) == 1:
            return by_tag[0]
        tagged = [b for b in branches if _tags(b, "type")]
        if "type" in data and len(tagged) == 1:
            return tagged[0]
        scores = [(len(_required(b) & data.keys()), b) for b in branches]
        best = max(score for score, _ in scores)
        winners = [b for score, b in scores if score == best]
        if best > 0:
            return winners[0] if len(winners) == 1 else None
        return tagged[0] if len(tagged) == 1 else None
    fits = [b for b in branches if type(data) in _leaf_types(b)]
    return fits[0] if len(fits) == 1 else None


def unknown_tag(branches: tuple[Hashable, ...], data: object) -> bool:
    """``data`` has a ``type`` tag that none of the union's tagged branches accepts."""
    if not isinstance(data, Mapping) or "type" not in data:
        return False
    tags = frozenset().union(*(_tags(b, "type") for b in branches))
    return bool(tags) and data["type"] not in tags


# ---- errors --------------------------------------------------------------------------------
_RULES = {
    "missing": "required",
    "extra_forbidden": "additionalProperties",
    "string_too_long": "maxLength",
    "string_too_short": "minLength",
    "too_long": "maxItems",
    "too_short": "minItems",
    "greater_than_equal": "minimum",
    "less_than_equal": "maximum",
    "greater_than": "exclusiveMinimum",
    "less_than": "exclusiveMaximum",
    "string_pattern_mismatch": "pattern",
    "union_tag_invalid": "discriminator",
    "union_tag_not_found": "required",
    "finite_number": "type",
    "string_unicode": "type",
}


def _rule(error: ErrorDetails) -> str:
    kind = error["type"]
    if kind == "literal_error":
        return "const" if error["loc"] and error["loc"][-1] == "type" else "enum"
    return _RULES.get(kind, "type" if kind.endswith(("_type", "_parsing")) else kind)


def _locate(
    root: Hashable, data: object, loc: tuple[Key, ...]
) -> tuple[list[Key], str, tuple[Hashable, ...]]:
    """Walk ``loc``; returns (data keys, verdict, extra). Verdict: 'ok', 'noise' (an error of a
    branch the data was not meant for), 'tag' (a ``type`` tag no branch has) or 'oneof' (no
    branch fits); for the last two, extra = the branches."""
    tp: Any = root
    disc: str | None = None
    node: object = data
    keys: list[Key] = []
    i = 0
    while i < len(loc):
        el = loc[i]
        shape: Shape = _shape(tp, disc) if tp is not None else ("leaf", None)
        kind, info = shape
        disc = None
        if kind == "union":
            branches, tag_name = info
            if tag_name is not None:
                match = [b for b in branches if el in _tags(b, tag_name)]
                if match:
                    tp, i = match[0], i + 1
                    continue
            else:
                named = [b for b in branches if _name(b) == el]
                if named:
                    meant = intended_branch(branches, node)
                    if meant is None and unknown_tag(branches, node):
                        return keys, "tag", branches
                    if meant is None:
                        return keys, "oneof", branches
                    if meant is not named[0]:
                        return keys, "noise", ()
                    tp, i = named[0], i + 1
                    continue
        if isinstance(el, int) and kind in ("list", "tuple"):
            tp = info if kind == "list" else (info[el] if el < len(info) else None)
        elif kind == "model" and isinstance(el, str):
            tp, disc = _fields(info).get(el, (None, None))
        else:
            tp = None
        keys.append(el)
        node = _child(node, el)
        i += 1
    return keys, "ok", ()


def _child(node: object, key: Key) -> object:
    if isinstance(key, str) and isinstance(node, Mapping):
        return node.get(key)
    if isinstance(key, int) and isinstance(node, Sequence) and not isinstance(node, str):
        return node[key] if -len(node) <= key < len(node) else None
    if isinstance(node, BaseModel) and isinstance(key, str):
        return getattr(node, key, None)
    return None


def _hint(branches: tuple[Hashable, ...]) -> str:
    names = {_name(b) for b in branches}
    if "PauseMessage" in names:
        return (
            "is not a message: expected a text string, {delay[, typing]}, "
            "{text, messageAudience} or {structuredContent[, metadata, encodedMetadata]}"
        )
    if "QuickRepliesContent" in names:
        return "is neither structured content (an element with a known type) nor quick replies"
    return "matches none of: " + ", ".join(sorted(names))


def problems(root: Hashable, data: object, errors: list[ErrorDetails]) -> list[Problem]:
    """The real problems among pydantic's ``errors`` for ``data`` validated as ``root``."""
    out: list[Problem] = []
    seen: set[tuple[Key, ...]] = set()
    for error in errors:
        keys, verdict, extra = _locate(root, data, tuple(error["loc"]))
        if verdict == "noise":
            continue
        if verdict == "tag":
            keys = [*keys, "type"]
            if tuple(keys) not in seen:
                seen.add(tuple(keys))
                tags = sorted(str(t) for b in extra for t in _tags(b, "type"))
                message = f"is not a known tag; expected one of: {', '.join(tags)}"
                out.append(Problem(format_path(keys), tuple(keys), "discriminator", message))
            continue
        if verdict == "oneof":
            if tuple(keys) not in seen:
                seen.add(tuple(keys))
                out.append(Problem(format_path(keys), tuple(keys), "oneOf", _hint(extra), "oneOf"))
            continue
        rule, message = _rule(error), error["msg"]
        if error["type"] in ("union_tag_invalid", "union_tag_not_found"):
            tag = str(error.get("ctx", {}).get("discriminator", "type")).strip("'")
            keys = [*keys, tag]
        out.append(Problem(format_path(keys), tuple(keys), rule, message, error["type"]))
    return out
