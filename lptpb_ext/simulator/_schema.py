"""The contract at run time: locate ``openapi.yaml``, validate requests against it.

OpenAPI 3.1 schemas are JSON Schema 2020-12, so the whole document is registered as one
resource and each component is validated through a ``$ref`` into it. ``oneOf`` follows the
OpenAPI ``discriminator`` to the single branch its tag names: jsonschema's own ``oneOf`` checks
every branch in full, which is exponential in the nesting depth of structured content. Every
tagged variant requires its own tag value, so the verdict is the same.

Error messages name the JSON path and the rule, never the offending value: a login body's
password must not come back in a 400.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, cast

import jsonschema  # type: ignore[import-untyped]  # jsonschema ships no type information
import yaml
from referencing import Registry
from referencing.jsonschema import DRAFT202012

__all__ = [
    "SPEC_URI",
    "Operation",
    "Parameter",
    "describe",
    "operation_for",
    "operations",
    "problems",
    "resolve",
    "spec",
    "spec_path",
    "validator_for",
]

SPEC_URI = "urn:lptpb:openapi"
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml parses the spec 10x faster
Validator = Any  # jsonschema.protocols.Validator; jsonschema has no type information
MAX_REPORTED = 5


def spec_path() -> Path:
    """``openapi.yaml``: inside the installed package (wheel), else at the source tree's root."""
    packaged = resources.files("lptpb_ext") / "openapi.yaml"
    if packaged.is_file():
        return Path(str(packaged))
    root = Path(__file__).resolve().parents[2] / "openapi.yaml"
    if root.is_file():
        return root
    raise FileNotFoundError("openapi.yaml is neither in the lptpb_ext package nor beside it")


@functools.cache
def spec() -> dict[str, Any]:
    """The parsed contract (read once)."""
    with spec_path().open(encoding="utf-8") as f:
        return cast("dict[str, Any]", yaml.load(f, Loader=LOADER))  # noqa: S506 - a safe loader


@functools.cache
def _registry() -> Registry[Any]:
    registry: Registry[Any] = Registry().with_resource(
        SPEC_URI, DRAFT202012.create_resource(spec())
    )
    return registry


def _discriminated_one_of(
    validator: Validator, one_of: list[object], instance: object, schema: dict[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    """``oneOf`` that follows ``discriminator`` to the one branch the tag names."""
    discriminator = schema.get("discriminator")
    if discriminator and isinstance(instance, dict):
        tag = instance.get(discriminator["propertyName"])
        target = discriminator.get("mapping", {}).get(tag) if isinstance(tag, str) else None
        if isinstance(target, str):
            yield from validator.descend(instance, {"$ref": f"{SPEC_URI}{target}"})
            return
    elif isinstance(instance, dict) and isinstance(instance.get("type"), str):
        branch = _const_tagged(one_of, instance["type"])
        if branch is not None:
            yield from validator.descend(instance, branch)
            return
    yield from _DRAFT_ONE_OF(validator, one_of, instance, schema)


def _const_tagged(one_of: list[object], tag: str) -> dict[str, Any] | None:
    """The branch of an untagged ``oneOf`` whose ``type`` is the ``const`` ``tag``, when every
    other branch refuses that object: each either has ``type`` as another ``const`` or is a
    closed object without a ``type`` property (``MessageContent``: quick replies beside the
    rich-content elements). None when the union is not of that form."""
    found = None
    for raw in one_of:
        branch = resolve(raw) if isinstance(raw, dict) else None
        if not isinstance(branch, dict):
            return None
        prop = (branch.get("properties") or {}).get("type")
        if isinstance(prop, dict) and "const" in prop and "type" in branch.get("required", ()):
            if prop["const"] == tag:
                found = raw
        elif prop is not None or branch.get("additionalProperties") is not False:
            return None
    return found if isinstance(found, dict) else None


# ECMA-262 classes, which JSON Schema patterns use; Python's are Unicode-wide or differ.
_ECMA_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_ECMA_CLASSES = {"s": _ECMA_SPACE, "d": "0-9", "w": "A-Za-z0-9_"}


@functools.cache
def ecma_regex(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled with ECMA-262 meaning for ``\\s``, ``\\d``, ``\\w`` and ``$``.

    Python's ``$`` also matches before a final newline and its ``\\s`` includes
    ``\\x1c``-``\\x1f``; JSON Schema means the ECMA-262 dialect, so translate those.
    """
    out, in_class, i = [], False, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            code = pattern[i + 1]
            chars = _ECMA_CLASSES.get(code.lower())
            if chars is None:
                out.append(pattern[i : i + 2])
            elif in_class and code.islower():
                out.append(chars)
            elif not in_class:
                out.append(f"[{'^' if code.isupper() else ''}{chars}]")
            else:
                out.append(pattern[i : i + 2])
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append("\\Z" if char == "$" and not in_class else char)
        i += 1
    return re.compile("".join(out))


def _ecma_pattern(
    validator: Validator, pattern: str, instance: object, schema: dict[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    if isinstance(instance, str) and not ecma_regex(pattern).search(instance):
        yield jsonschema.ValidationError(f"does not match {pattern!r}")


_DRAFT_ONE_OF = jsonschema.Draft202012Validator.VALIDATORS["oneOf"]
_Validator = jsonschema.validators.extend(
    jsonschema.Draft202012Validator, {"oneOf": _discriminated_one_of, "pattern": _ecma_pattern}
)


@functools.cache
def validator_for(pointer: str) -> Validator:
    """A validator of ``#/components/...`` style ``pointer`` (or an inline schema's JSON)."""
    return _Validator(
        {"$ref": f"{SPEC_URI}{pointer}"},
        registry=_registry(),
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )


def _closest(errors: list[jsonschema.ValidationError]) -> jsonschema.ValidationError | None:
    """The error of the branch that got furthest: deepest errors first, then fewest errors."""
    branches: dict[Any, list[jsonschema.ValidationError]] = {}
    for error in errors:
        branch = error.relative_schema_path[0] if error.relative_schema_path else None
        branches.setdefault(branch, []).append(error)
    if not branches:
        return None
    best = max(branches.values(), key=lambda es: (max(len(e.path) for e in es), -len(es)))
    return max(best, key=lambda e: len(e.path))


def _rule(error: jsonschema.ValidationError) -> str:
    """The broken rule in words, built from the schema only (never from the value)."""
    keyword, expected = error.validator, error.validator_value
    instance = error.instance
    if keyword == "required" and isinstance(instance, dict):
        missing = [name for name in expected if name not in instance]
        return f"is missing the required field(s) {', '.join(map(repr, missing))}"
    if keyword == "additionalProperties" and isinstance(instance, dict):
        known = set(error.schema.get("properties", {}))
        extra = sorted(repr(str(k)[:40]) for k in instance if k not in known)
        return f"has field(s) the contract does not allow: {', '.join(extra[:5])}"
    if keyword in ("oneOf", "anyOf"):
        closest = _closest(error.context or [])
        hint = f" (closest: {describe(closest)})" if closest is not None else ""
        return f"matches none of the allowed shapes{hint}"
    words = {
        "type": "must be of type {}",
        "const": "must be exactly {!r}",
        "enum": "must be one of {}",
        "minLength": "must be at least {} characters long",
        "maxLength": "must be at most {} characters long",
        "minimum": "must be at least {}",
        "maximum": "must be at most {}",
        "exclusiveMinimum": "must be more than {}",
        "exclusiveMaximum": "must be less than {}",
        "minItems": "must have at least {} item(s)",
        "maxItems": "must have at most {} item(s)",
        "pattern": "must match the pattern {}",
        "format": "must be a valid {}",
        "minProperties": "must have at least {} field(s)",
        "maxProperties": "must have at most {} field(s)",
        "uniqueItems": "must not repeat items",
    }
    template = words.get(str(keyword))
    return template.format(expected) if template else f"breaks the rule {keyword!r}"


def describe(error: jsonschema.ValidationError) -> str:
    """``<json path>: <rule>`` for one validation error."""
    return f"{error.json_path}: {_rule(error)}"


def problems(validator: Validator, instance: object, prefix: str = "$") -> list[str]:
    """The first few readable problems of ``instance``, paths rooted at ``prefix``."""
    found = sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.path)))
    return [prefix + describe(e).removeprefix("$") for e in found[:MAX_REPORTED]]


@dataclass(frozen=True)
class Parameter:
    """One path or query parameter of an operation."""

    name: str
    location: str
    required: bool
    schema: dict[str, Any]

    def __hash__(self) -> int:
        return hash((self.name, self.location))

    def problems(self, raw: list[str]) -> tuple[Any, list[str]]:
        """Convert the raw text values and check them: (value or None, problems)."""
        where = f"{self.location} parameter {self.name!r}"
        if not raw:
            return None, ([f"{where}: is required"] if self.required else [])
        if len(raw) > 1:
            return None, [f"{where}: must be given once"]
        value: Any = raw[0]
        if self.schema.get("type") == "integer":
            if not re.fullmatch(r"-?\d{1,18}", value):
                return None, [f"{where}: must be an integer"]
            value = int(value)
        found = [f"{where}: {_rule(e)}" for e in _param_validator(self).iter_errors(value)]
        return (None, found) if found else (value, [])


@functools.cache
def _param_validator(parameter: Parameter) -> Validator:
    return jsonschema.Draft202012Validator(parameter.schema)


@dataclass(frozen=True)
class Operation:
    """What the simulator needs to know about one contract operation."""

    operation_id: str
    method: str
    path: str
    parameters: tuple[Parameter, ...]
    body_pointer: str | None
    body_required: bool
    secured: bool

    def __hash__(self) -> int:
        return hash(self.operation_id)


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follow local ``$ref``s (a response, example or request body) to the object itself."""
    while "$ref" in node:
        target: Any = spec()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _parameter(node: dict[str, Any]) -> Parameter:
    node = resolve(node)
    return Parameter(node["name"], node["in"], bool(node.get("required")), node["schema"])


@functools.cache
def operations() -> tuple[Operation, ...]:
    """Every operation of the contract, in document order."""
    document = spec()
    secured_default = bool(document.get("security"))
    found = []
    for path, item in document["paths"].items():
        shared = [_parameter(p) for p in item.get("parameters", [])]
        for method, op in item.items():
            if not isinstance(op, dict) or "operationId" not in op:
                continue
            own = [_parameter(p) for p in op.get("parameters", [])]
            body = resolve(op["requestBody"]) if "requestBody" in op else None
            pointer = body["content"]["application/json"]["schema"]["$ref"] if body else None
            security = op.get("security")
            secured = secured_default if security is None else bool(security)
            params = tuple({p.name: p for p in shared + own}.values())
            found.append(
                Operation(
                    op["operationId"],
                    method.upper(),
                    path,
                    params,
                    pointer,
                    bool(body and body.get("required")),
                    secured,
                )
            )
    return tuple(found)


@functools.cache
def _path_patterns() -> tuple[tuple[re.Pattern[str], Operation], ...]:
    found = []
    for op in operations():
        parts = re.split(r"(\{[^}]+\})", op.path)
        regex = "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts)
        found.append((re.compile(f"^{regex}$"), op))
    return tuple(found)


def operation_for(method: str, path: str) -> Operation | None:
    """The contract operation a request's method and path address, if any."""
    method = "GET" if method.upper() == "HEAD" else method.upper()
    for pattern, op in _path_patterns():
        if op.method == method and pattern.match(path):
            return op
    return None
