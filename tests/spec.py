"""Read `openapi.yaml` once and validate instances against its schemas with `jsonschema`.

OpenAPI 3.1 schemas are JSON Schema 2020-12, so the document itself is registered as a resource
and every component is validated through a `$ref` into it; `discriminator` is an annotation and
plays no part in validation, which is what makes these checks independent of both generators.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi.yaml"
SHARED = ROOT.parent / "shared"
SPEC_URI = "urn:lptpb:openapi"


@functools.cache
def spec() -> dict[str, Any]:
    with SPEC_PATH.open(encoding="utf-8") as f:
        loaded: dict[str, Any] = yaml.safe_load(f)
    return loaded


@functools.cache
def _registry() -> Registry:
    return Registry().with_resource(SPEC_URI, Resource(spec(), specification=DRAFT202012))


def ref(pointer: str) -> dict[str, Any]:
    """A schema that refers to `pointer` (`#/components/schemas/X` style) inside the spec."""
    return {"$ref": f"{SPEC_URI}{pointer}"}


def _discriminated_one_of(
    validator: Any, one_of: list[Any], instance: Any, schema: dict[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    """`oneOf` that follows OpenAPI's `discriminator` to the one branch the tag names.

    jsonschema's own `oneOf` evaluates every branch in full to report errors, which is
    exponential in the nesting depth of structured content (a Pollock list took 13 s). Every
    variant requires its own `const` tag (`test_contract` checks it), so only the mapped branch
    can match and checking it alone gives the same verdict. Without a known tag, the standard
    `oneOf` runs and reports as usual.
    """
    discriminator = schema.get("discriminator")
    if discriminator and isinstance(instance, dict):
        target = discriminator.get("mapping", {}).get(instance.get(discriminator["propertyName"]))
        if isinstance(target, str):
            yield from validator.descend(instance, {"$ref": f"{SPEC_URI}{target}"})
            return
    yield from _DRAFT_ONE_OF(validator, one_of, instance, schema)


_DRAFT_ONE_OF = jsonschema.Draft202012Validator.VALIDATORS["oneOf"]
_Validator = jsonschema.validators.extend(
    jsonschema.Draft202012Validator, {"oneOf": _discriminated_one_of}
)


@functools.cache
def validator_for_pointer(pointer: str) -> jsonschema.protocols.Validator:
    validator: jsonschema.protocols.Validator = _Validator(
        ref(pointer),
        registry=_registry(),
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )
    return validator


def validator(component: str) -> jsonschema.protocols.Validator:
    return validator_for_pointer(f"#/components/schemas/{component}")


def errors(component: str, instance: Any) -> list[str]:
    """Readable validation errors of `instance` against a component schema (empty when valid)."""
    return [f"{e.json_path}: {e.message[:200]}" for e in validator(component).iter_errors(instance)]


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follow local `$ref`s of a response, example or request body to the object itself."""
    while "$ref" in node:
        target: Any = spec()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def media_examples() -> Iterator[tuple[str, str, dict[str, Any], Any]]:
    """(where, schema pointer, schema, example value) for every example of every JSON body."""
    for item in spec()["paths"].values():
        for op in item.values():
            if not isinstance(op, dict) or "operationId" not in op:
                continue
            bodies = []
            if "requestBody" in op:
                bodies.append(("request", resolve(op["requestBody"])))
            for status, response in op["responses"].items():
                bodies.append((status, resolve(response)))
            for label, body in bodies:
                media = body.get("content", {}).get("application/json")
                if not media or "examples" not in media:
                    continue
                for name, example in media["examples"].items():
                    where = f"{op['operationId']} {label} {name}"
                    yield where, media["schema"]["$ref"], media["schema"], resolve(example)["value"]


def same_json(a: Any, b: Any) -> bool:
    """JSON equality: numbers compare by value (1 == 1.0), but a bool is never a number."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_json(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_json(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def component_name(pointer: str) -> str:
    return pointer.removeprefix("#/components/schemas/")


def pollock_examples() -> list[Path]:
    """LivePerson's structured-content examples, read in place beside the clone."""
    folder = SHARED / "conformance" / "json-pollock" / "examples"
    return sorted(folder.rglob("*.json"))


def pollock_missing_reason() -> str:
    return f"LivePerson's json-pollock examples are not at {SHARED / 'conformance'} (CI has them)"
