"""Property 2: payloads drawn from openapi.yaml itself round-trip through both model families.

Every request and response body schema of the contract is drawn from (schemathesis's
generator, see ``tests/strategies.py``); each value must pass the contract, come back unchanged
from pydantic (validate -> dump by alias without unset fields) and from the raw client's attrs
classes (``from_dict`` -> ``to_dict``). Request bodies must also pass ``validate_body``: the
SDK's strict checks refuse nothing the contract accepts.
"""

from __future__ import annotations

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

import lptpb_client
import lptpb_client.models
import lptpb_models as models
from lptpb_ext import RequestValidationError, validate_body
from lptpb_ext._limits import MAX_STRUCTURED_CONTENT_BYTES, serialized_size
from tests import spec as oas
from tests.strategies import spec_values
from tests.test_roundtrip import api_module, attrs_roundtrip, pydantic_roundtrip

PARSERS: dict[str, str] = {}  # response component -> operationId whose 200 answers it


def _bodies() -> tuple[list[str], list[str]]:
    requests: set[str] = set()
    responses: set[str] = set()
    for item in oas.spec()["paths"].values():
        for op in item.values():
            if not isinstance(op, dict) or "operationId" not in op:
                continue
            if "requestBody" in op:
                media = oas.resolve(op["requestBody"])["content"]["application/json"]
                requests.add(oas.component_name(media["schema"]["$ref"]))
            for response in op["responses"].values():
                media = oas.resolve(response).get("content", {}).get("application/json")
                if media:
                    responses.add(oas.component_name(media["schema"]["$ref"]))
                    PARSERS.setdefault(
                        oas.component_name(media["schema"]["$ref"]), op["operationId"]
                    )
    return sorted(requests), sorted(responses)


REQUESTS, RESPONSES = _bodies()


def test_every_body_schema_is_covered():
    """All nine request bodies and every JSON response body are drawn from below."""
    assert len(REQUESTS) == 9
    assert {"LoginResponse", "CommandAccepted", "CommandList", "Command"} <= set(RESPONSES)


def _through_attrs(component: str, value: object) -> object:
    """attrs from_dict -> to_dict; a union with no attrs class goes through the raw client's
    own response parser, which picks the variant as it would on the wire."""
    schema = oas.spec()["components"]["schemas"][component]
    if hasattr(lptpb_client.models, component) or "discriminator" in schema or "items" in schema:
        return attrs_roundtrip(component, value)
    parser = api_module(PARSERS[component])._parse_response
    client = lptpb_client.Client(base_url="https://example.invalid")
    parsed = parser(client=client, response=httpx.Response(200, json=value))
    return parsed.to_dict()


def _round_trips(component: str, value: object) -> None:
    assert oas.errors(component, value) == []
    assert oas.same_json(pydantic_roundtrip(component, value), value)
    assert oas.same_json(_through_attrs(component, value), value)


def _over_size_limit(value: object) -> bool:
    """Whether a message's structured content breaks x-lptpb-limits.maxSerializedBytes, the
    one rule JSON Schema cannot state that drawn values can break."""
    messages = value.get("messages", []) if isinstance(value, dict) else []
    return any(
        serialized_size(m["structuredContent"]) > MAX_STRUCTURED_CONTENT_BYTES
        for m in messages
        if isinstance(m, dict) and "structuredContent" in m
    )


@pytest.mark.parametrize("component", REQUESTS)
@given(data=st.data())
def test_request_bodies_round_trip_and_pass_validate_body(component, data):
    """A contract-valid request body round-trips and validate_body accepts it unchanged
    (or, over the 15000-byte limit, refuses it for exactly that)."""
    value = data.draw(spec_values(component), label=component)
    _round_trips(component, value)
    if _over_size_limit(value):
        with pytest.raises(RequestValidationError) as caught:
            validate_body(getattr(models, component), value)
        assert caught.value.rule == "maxSerializedBytes"
        return
    model = validate_body(getattr(models, component), value)
    dumped = model.model_dump(mode="json", by_alias=True, exclude_unset=True)
    assert oas.same_json(dumped, value)


@pytest.mark.parametrize("component", RESPONSES)
@given(data=st.data())
def test_response_bodies_round_trip(component, data):
    """A contract-valid response body round-trips through both model families."""
    _round_trips(component, data.draw(spec_values(component), label=component))
