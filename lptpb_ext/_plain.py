"""pydantic's verdict on plain data, without building a model of every object in it.

Validating a 15 kB carousel as ``StructuredContent`` costs about 130 µs, most of it making
some 80 model instances that a body given as a dict never uses: the dict itself is what is sent
(see :mod:`lptpb_ext._validation`). :func:`plain_validator` builds, from a model's own core
schema, a validator that checks the same rules and returns plain data: every ``model`` node
becomes a ``typed-dict`` of the same fields (same aliases, the same required fields, the same
``extra`` behaviour), a root model becomes its root's schema, and everything else (constraints,
strictness, tagged and untagged unions, definitions and references) stays as it is. The
carousel then takes about 50 µs.

An optional field's default is left out (the field is simply not required) unless the model
validates it (``validate_default``, as ``LinkAction.target`` does): a default that is not
validated cannot change the verdict, and leaving it out spares filling every default into the
output, which is thrown away.

The transform knows the kinds of schema node the generated models use and refuses any other
kind or model setting (a validator function, another config key...) rather than guess what it
would mean.

What it does not give: a model instance inside the data (pydantic takes one as it is) is not a
dict, so the plain validator refuses it; and its errors name ``dict_type`` where pydantic's
name ``model_type``. Callers take "valid" as final and anything else as "ask the models", which
names the problem (``tests/test_quick_path.py`` holds the proof that verdicts and error
locations agree).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic_core import SchemaValidator

__all__ = ["UnsupportedSchemaError", "plain_schema", "plain_validator"]

# The model settings the transform keeps or may drop; any other one is refused.
_MODEL_KEYS = {"type", "cls", "schema", "config", "ref", "metadata", "custom_init", "root_model"}
_CONFIG_KEYS = {"title", "extra_fields_behavior"}
_FIELDS_KEYS = {"type", "fields", "model_name", "computed_fields"}
_FIELD_KEYS = {"type", "schema", "validation_alias", "serialization_alias", "metadata"}
# The other kinds of schema node the models use, kept as they are: none of them makes a model
# or calls back into Python.
_KINDS = {
    *("any", "bool", "int", "float", "str", "literal", "list", "tuple", "nullable", "default"),
    *("union", "tagged-union", "definitions", "definition-ref"),
}


class UnsupportedSchemaError(ValueError):
    """A model uses a setting the transform does not know the plain equivalent of."""


def _unsupported(where: str, what: object) -> UnsupportedSchemaError:
    return UnsupportedSchemaError(f"{where}: cannot validate {what} without the model")


def _model_names(node: object, names: dict[str, str]) -> dict[str, str]:
    """Each model's ref and class name, anywhere in a core schema."""
    if isinstance(node, Mapping):
        if node.get("type") == "model" and "ref" in node:
            names[node["ref"]] = node["cls"].__name__
        for key, value in node.items():
            if key != "metadata":
                _model_names(value, names)
    elif isinstance(node, (list, tuple)):
        for item in node:
            _model_names(item, names)
    return names


@dataclass(frozen=True)
class _Transform:
    """One core schema's transform: ``names`` maps each model's ref to its class name (to label
    a union's choices in errors as pydantic does); a model in ``opaque`` becomes ``any``."""

    names: Mapping[str, str]
    opaque: frozenset[type[BaseModel]]

    def schema(self, schema: Mapping[str, Any]) -> dict[str, Any]:
        kind = schema["type"]
        if kind == "model":
            return self.model(schema)
        if kind not in _KINDS:
            raise _unsupported("schema", kind)
        out = {key: value for key, value in schema.items() if key != "metadata"}
        if "schema" in out:  # nullable, default, definitions
            out["schema"] = self.schema(out["schema"])
        if "definitions" in out:
            out["definitions"] = [self.schema(item) for item in out["definitions"]]
        items = out.get("items_schema")
        if isinstance(items, Mapping):  # a list's
            out["items_schema"] = self.schema(items)
        elif items is not None:  # a tuple's, one per position
            out["items_schema"] = [self.schema(item) for item in items]
        choices = out.get("choices")
        if isinstance(choices, Mapping):  # a tagged union's, by tag
            out["choices"] = {tag: self.schema(choice) for tag, choice in choices.items()}
        elif choices is not None:  # an untagged union's: schemas, or (schema, label) pairs
            out["choices"] = [
                (self.schema(c[0]), c[1]) if isinstance(c, tuple) else self.labelled(c)
                for c in choices
            ]
        return out

    def labelled(self, choice: Mapping[str, Any]) -> dict[str, Any] | tuple[dict[str, Any], str]:
        """A union's choice, labelled as pydantic labels a model in errors (its class name)."""
        plain = self.schema(choice)
        if choice["type"] == "model":
            return plain, choice["cls"].__name__
        if choice["type"] == "definition-ref" and choice["schema_ref"] in self.names:
            return plain, self.names[choice["schema_ref"]]
        return plain

    def model(self, node: Mapping[str, Any]) -> dict[str, Any]:
        """A ``model`` node as the equivalent ``typed-dict`` (or, for a root model, its root)."""
        if extra := node.keys() - _MODEL_KEYS:
            raise _unsupported("model", sorted(extra))
        config = node.get("config") or {}
        if extra := config.keys() - _CONFIG_KEYS:
            raise _unsupported("model config", sorted(extra))
        if node.get("custom_init"):
            raise _unsupported("model", "a custom __init__")
        out: dict[str, Any]
        if node["cls"] in self.opaque:
            out = {"type": "any"}
        elif node.get("root_model"):
            out = self.schema(node["schema"])
            if "ref" in out:
                raise _unsupported("root model", "a root with a ref of its own")
        else:
            out = self.fields(node["schema"], config.get("extra_fields_behavior", "ignore"))
        if "ref" in node:
            out["ref"] = node["ref"]
        return out

    def fields(self, fields: Mapping[str, Any], extra: str) -> dict[str, Any]:
        if fields.get("type") != "model-fields" or (bad := fields.keys() - _FIELDS_KEYS):
            raise _unsupported("model fields", sorted(bad) if bad else fields.get("type"))
        if fields.get("computed_fields"):
            raise _unsupported("model fields", "computed fields")
        out: dict[str, Any] = {}
        for name, field in fields["fields"].items():
            if field.get("type") != "model-field" or (bad := field.keys() - _FIELD_KEYS):
                raise _unsupported(f"field {name}", sorted(bad) if bad else field.get("type"))
            schema = field["schema"]
            required = schema["type"] != "default"
            if not required and not schema.get("validate_default"):
                schema = schema["schema"]  # its default is neither validated nor needed
            plain: dict[str, Any] = {
                "type": "typed-dict-field",
                "schema": self.schema(schema),
                "required": required,
            }
            if "validation_alias" in field:
                plain["validation_alias"] = field["validation_alias"]
            out[name] = plain
        return {"type": "typed-dict", "fields": out, "extra_behavior": extra}


def plain_schema(
    schema: Mapping[str, Any], opaque: frozenset[type[BaseModel]] = frozenset()
) -> dict[str, Any]:
    """A core schema with every model replaced by its plain-data equivalent, and every model
    in ``opaque`` by ``any`` (for a part the caller validates on its own)."""
    return _Transform(_model_names(schema, {}), opaque).schema(schema)


@functools.cache
def plain_validator(
    model: type[BaseModel], opaque: frozenset[type[BaseModel]] = frozenset()
) -> SchemaValidator:
    """A validator of ``model``'s rules that returns plain data (see the module's docstring);
    the models in ``opaque`` are taken as they are (``any``).

    Call it with ``strict=True``, as the models are called. Raises
    :class:`UnsupportedSchemaError` for a model it cannot mirror.
    """
    for built in (model, *opaque):
        built.model_rebuild()  # no-op once built; the models are built on first use
    return SchemaValidator(plain_schema(model.__pydantic_core_schema__, opaque))
