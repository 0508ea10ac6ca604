"""Every documented payload survives both generated model families unchanged.

`lptpb_models` (pydantic) is what users see; `lptpb_client` (attrs) is the raw client's wire
format. A payload that changes on the way through either would change what reaches a customer.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import json
import re
import typing
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pydantic
import pytest

import lptpb_client
import lptpb_client.models
import lptpb_models
from tests import spec as oas

EXAMPLES = [pytest.param(*e, id=e[0]) for e in oas.media_examples()]


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def api_module(operation_id: str) -> ModuleType:
    for item in oas.spec()["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and op.get("operationId") == operation_id:
                tag = snake(op["tags"][0])
                return importlib.import_module(f"lptpb_client.api.{tag}.{snake(operation_id)}")
    raise LookupError(operation_id)


@functools.cache
def _adapter(component: str) -> pydantic.TypeAdapter[Any]:
    return pydantic.TypeAdapter(getattr(lptpb_models, component))


def pydantic_roundtrip(component: str, value: Any) -> Any:
    adapter = _adapter(component)
    return adapter.dump_python(
        adapter.validate_python(value), mode="json", by_alias=True, exclude_unset=True
    )


def attrs_class(component: str, value: Any) -> Any:
    """The raw client's attrs class for a body; a union body's tag names the variant's class."""
    schema = oas.spec()["components"]["schemas"][component]
    if "discriminator" in schema:
        target = schema["discriminator"]["mapping"][value[schema["discriminator"]["propertyName"]]]
        component = oas.component_name(target)
    return getattr(lptpb_client.models, component)


def attrs_roundtrip(component: str, value: Any) -> Any:
    """from_dict -> to_dict through the raw client's classes (arrays item by item)."""
    schema = oas.spec()["components"]["schemas"][component]
    if schema.get("type") == "array":
        item = oas.component_name(schema["items"]["$ref"])
        return [attrs_roundtrip(item, v) for v in value]
    return attrs_class(component, value).from_dict(value).to_dict()


def to_wire(parsed: Any) -> Any:
    if isinstance(parsed, list):
        return [to_wire(p) for p in parsed]
    return parsed.to_dict()


@pytest.mark.parametrize(("where", "pointer", "schema", "value"), EXAMPLES)
def test_example_roundtrips_through_pydantic(
    where: str, pointer: str, schema: Any, value: Any
) -> None:
    assert oas.same_json(pydantic_roundtrip(oas.component_name(pointer), value), value), where


@pytest.mark.parametrize(("where", "pointer", "schema", "value"), EXAMPLES)
def test_example_roundtrips_through_the_raw_client(
    where: str, pointer: str, schema: Any, value: Any
) -> None:
    operation_id, label, _ = where.split(" ")
    module = api_module(operation_id)
    if label == "request":
        body = attrs_class(oas.component_name(pointer), value).from_dict(value)
        kwargs = module._get_kwargs(*path_args(module), body=body, **constants(module))
        sent = kwargs["json"]
        assert oas.same_json(sent, value), where
    else:
        response = httpx.Response(
            int(label),
            content=json.dumps(value).encode(),
            headers={"content-type": "application/json"},
        )
        client = lptpb_client.Client(base_url="http://127.0.0.1")
        parsed = module._build_response(client=client, response=response).parsed
        assert oas.same_json(to_wire(parsed), value), where


def constants(module: ModuleType) -> dict[str, Any]:
    """The fixed query values (``v``, ``version``): required, typed ``Literal`` of one value."""
    hints = typing.get_type_hints(module._get_kwargs)
    found = {}
    for name, param in inspect.signature(module._get_kwargs).parameters.items():
        if param.kind is param.KEYWORD_ONLY and param.default is param.empty and name != "body":
            (value,) = typing.get_args(hints[name])
            found[name] = value
    return found


def path_args(module: ModuleType) -> list[str]:
    """Placeholder values for the path parameters, which come first and positionally."""
    code = module._get_kwargs.__code__
    return ["1"] * code.co_argcount


@pytest.mark.skipif(not oas.pollock_examples(), reason=oas.pollock_missing_reason())
@pytest.mark.parametrize("path", oas.pollock_examples(), ids=lambda p: p.name)
def test_pollock_examples_roundtrip_through_both_families(path: Path) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    assert not oas.errors("StructuredContent", document)
    assert oas.same_json(pydantic_roundtrip("StructuredContent", document), document)
    message = {"structuredContent": document}
    wire = lptpb_client.models.StructuredContentMessage.from_dict(message).to_dict()
    assert oas.same_json(wire, message)
