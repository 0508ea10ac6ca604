"""Read `openapi.yaml` once and validate instances against its schemas with `jsonschema`.

OpenAPI 3.1 schemas are JSON Schema 2020-12; the validator is the simulator's
(`lptpb_ext.simulator._schema`), which registers the document as a resource and validates each
component through a `$ref` into it. Neither generator is involved, which is what makes these
checks independent of both.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lptpb_ext.simulator._schema import resolve, spec, spec_path
from lptpb_ext.simulator._schema import validator_for as validator_for_pointer

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi.yaml"
SHARED = ROOT.parent / "shared"
assert spec_path() == SPEC_PATH, "the simulator must validate against this tree's contract"

# `validator_for_pointer` is the simulator's validator, so tests and simulator agree. It follows
# OpenAPI's `discriminator` in `oneOf` (jsonschema's own `oneOf` is exponential on nested
# structured content: 13 s on Pollock's list example, 0.18 s this way) and reads `pattern` with
# ECMA-262 semantics, as JSON Schema specifies.


def validator(component: str) -> Any:
    return validator_for_pointer(f"#/components/schemas/{component}")


def errors(component: str, instance: Any) -> list[str]:
    """Readable validation errors of `instance` against a component schema (empty when valid)."""
    return [f"{e.json_path}: {e.message[:200]}" for e in validator(component).iter_errors(instance)]


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
