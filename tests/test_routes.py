"""The SDK's route table is the generated client's, and importing the SDK loads no attrs model.

``lptpb_ext._routes`` writes every operation's method, path and default query out, so that
``import lptpb_ext`` does not import the generated client (its attrs models are about a third
of the import time). These tests read each route back from the generated ``_get_kwargs`` and
fail on any difference, so the table cannot drift from ``openapi.yaml``.
"""

from __future__ import annotations

import importlib
import inspect
import re
import subprocess
import sys
import typing
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from lptpb_ext._routes import ROUTES, route
from lptpb_ext.simulator._schema import spec


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


OPERATIONS = [
    (operation["operationId"], snake(operation["tags"][0]))
    for path in spec()["paths"].values()
    for operation in path.values()
    if isinstance(operation, dict) and "operationId" in operation
]


class _NoBody:
    def to_dict(self) -> dict[str, Any]:
        return {}


def from_generated(operation: str, tag: str) -> tuple[str, str, dict[str, Any], bool]:
    """Method, path template, default query and whether ``ttl`` is taken, as generated."""
    module = importlib.import_module(f"lptpb_client.api.{tag}.{snake(operation)}")
    signature = inspect.signature(module._get_kwargs)
    positional = [
        name
        for name, parameter in signature.parameters.items()
        if parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    ]
    markers = [f"LPTPBPATHPARAM{index}" for index in range(len(positional))]
    extra: dict[str, Any] = {"body": _NoBody()} if "body" in signature.parameters else {}
    # A fixed query value (`const`, no default) is a required `Literal["1.3"]`: pass its value.
    for name, parameter in signature.parameters.items():
        if (
            parameter.kind is inspect.Parameter.KEYWORD_ONLY
            and name != "body"
            and parameter.default is inspect.Parameter.empty
        ):
            (extra[name],) = typing.get_args(parameter.annotation)
    kwargs = module._get_kwargs(*markers, **extra)
    template = kwargs["url"]
    for index, marker in enumerate(markers):
        template = template.replace(marker, "{" + str(index) + "}")
    params = dict(kwargs.get("params", {}))
    return kwargs["method"].upper(), template, params, "ttl" in signature.parameters


def test_every_contract_operation_has_a_route():
    assert sorted(ROUTES) == sorted(operation for operation, _ in OPERATIONS)


@pytest.mark.parametrize(("operation", "tag"), OPERATIONS)
def test_the_route_is_the_generated_clients(operation, tag):
    found = route(operation)
    assert (found.method, found.template, found.params, found.has_ttl) == from_generated(
        operation, tag
    )


@pytest.mark.parametrize(
    "value",
    ["2312ed0e-662e-4c94-9022-f0991058b4a4", "a b", "a/b", "ü", "~x_y.z-1", "%41", "", "?#&="],
)
def test_path_segments_are_quoted_as_the_generated_client_quotes_them(value):
    assert route("getCommand").path("123", value, value) == (
        f"/api/v1/account/123/conversation/{quote(value, safe='')}/command/{quote(value, safe='')}"
    )


@pytest.mark.parametrize(("operation", "tag"), OPERATIONS)
@pytest.mark.parametrize("ttl", [None, 10, 120])
def test_the_query_is_what_httpx_would_encode_from_params(operation, tag, ttl):
    found = route(operation)
    url = httpx.URL("https://example.invalid/p" + found.query(ttl))
    expected = httpx.Request("GET", "https://example.invalid/p", params=found.query_params(ttl)).url
    assert url == expected
    assert found.query_params(ttl) == {
        **from_generated(operation, tag)[2],
        **({"ttl": ttl} if ttl is not None and found.has_ttl else {}),
    }


def test_importing_the_sdk_loads_no_generated_client():
    code = (
        "import sys, lptpb_ext; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'lptpb_client'))"
    )
    argv = [sys.executable, "-c", code]
    done = subprocess.run(argv, capture_output=True, text=True, check=True, timeout=120)  # noqa: S603 - fixed argv
    assert done.stdout.strip() == "[]"
