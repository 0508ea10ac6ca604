"""Property 1: whatever the builder builds is valid and survives both model families unchanged."""

from __future__ import annotations

from hypothesis import given

import lptpb_client.models
import lptpb_models as models
from lptpb_ext import validate_body
from tests import spec as oas
from tests.strategies import built_requests
from tests.test_roundtrip import pydantic_roundtrip


@given(built_requests())
def test_built_requests_validate_and_round_trip(request_model):
    """Built bodies pass openapi.yaml and come back unchanged from pydantic and from attrs."""
    wire = request_model.model_dump(mode="json", by_alias=True, exclude_unset=True)
    assert oas.errors("SendMessagesRequest", wire) == []
    assert oas.same_json(pydantic_roundtrip("SendMessagesRequest", wire), wire)
    attrs = lptpb_client.models.SendMessagesRequest.from_dict(wire).to_dict()
    assert oas.same_json(attrs, wire)
    assert validate_body(models.SendMessagesRequest, wire) is not request_model
