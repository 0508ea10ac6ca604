"""The generated packages exist, import, match the spec they were generated from, and cover it."""

from __future__ import annotations

import hashlib
import json
import re

import pydantic

import lptpb_client
import lptpb_client.models
import lptpb_ext
import lptpb_models
from tests import spec as oas
from tests.test_roundtrip import api_module

GENERATED = oas.ROOT / "generated"


def test_provenance_names_the_spec_it_was_generated_from() -> None:
    provenance = json.loads((GENERATED / "PROVENANCE.json").read_text(encoding="utf-8"))
    spec_hash = hashlib.sha256(oas.SPEC_PATH.read_bytes()).hexdigest()
    assert spec_hash in json.dumps(provenance)
    text = json.dumps(provenance)
    assert "openapi-python-client" in text
    assert "datamodel-code-generator" in text


def test_generated_folder_says_it_is_generated() -> None:
    readme = (GENERATED / "README.md").read_text(encoding="utf-8").lower()
    assert "make generate" in readme
    assert "do not edit" in readme


def test_every_operation_has_sync_and_async_functions_in_the_raw_client() -> None:
    for item in oas.spec()["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and "operationId" in op:
                module = api_module(op["operationId"])
                for fn in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
                    assert callable(getattr(module, fn)), f"{op['operationId']}.{fn}"


def test_every_object_schema_has_a_pydantic_model_of_the_same_name() -> None:
    for name, schema in oas.spec()["components"]["schemas"].items():
        if schema.get("type") == "object":
            model = getattr(lptpb_models, name)
            assert issubclass(model, pydantic.BaseModel), name


def test_every_object_schema_has_an_attrs_model_of_the_same_name() -> None:
    for name, schema in oas.spec()["components"]["schemas"].items():
        if schema.get("type") == "object":
            model = getattr(lptpb_client.models, name)
            assert all(callable(getattr(model, fn)) for fn in ("from_dict", "to_dict")), name


def test_every_generated_class_is_named_by_the_spec() -> None:
    """A class name the spec does not give means an inline object schema slipped in.

    The raw client may add only literal aliases for inline enums (`SdeContactPhoneType`), which
    are not classes.
    """
    components = set(oas.spec()["components"]["schemas"])
    extra = [n for n in lptpb_client.models.__all__ if n not in components]
    assert not [n for n in extra if isinstance(getattr(lptpb_client.models, n), type)], extra
    own = {
        n
        for n, v in vars(lptpb_models).items()
        # pydantic also registers parametrised generics such as `RootModel[Literal[...]]` here
        if n.isidentifier() and isinstance(v, type) and v.__module__ == "lptpb_models"
    }
    assert own - components <= {"BusinessCase", "RespItem"}  # constrained string array items


def test_the_hand_written_package_is_versioned_and_typed() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", lptpb_ext.__version__)
    assert (oas.ROOT / "lptpb_ext" / "py.typed").is_file()
