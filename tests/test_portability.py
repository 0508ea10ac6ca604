"""`make portability`: the TypeScript check fails when the contract's types stop matching use."""

from __future__ import annotations

import copy
import functools
import importlib.util
import json
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests import spec as oas


@functools.cache
def portability() -> ModuleType:
    path = oas.ROOT / "scripts" / "portability" / "check.py"
    loaded = importlib.util.spec_from_file_location("lptpb_portability", path)
    assert loaded is not None
    assert loaded.loader is not None
    module = importlib.util.module_from_spec(loaded)
    sys.modules[loaded.name] = module
    loaded.loader.exec_module(module)
    return module


def test_a_widened_enum_fails_the_typescript_check(tmp_path: Path) -> None:
    """With `CUSTOM` back in TtrType, usage.ts's `@ts-expect-error` goes unused and tsc fails."""
    doc = copy.deepcopy(oas.spec())
    doc["components"]["schemas"]["TtrType"]["enum"].append("CUSTOM")
    spec = tmp_path / "openapi.yaml"
    spec.write_text(json.dumps(doc), encoding="utf-8")
    problems = portability().check(spec, tmp_path / "out")
    assert len(problems) == 1, problems
    assert "tsc --strict failed" in problems[0]
    assert "TS2578" in problems[0]  # Unused '@ts-expect-error' directive
    assert (tmp_path / "out" / "openapi.d.ts").exists()


def test_a_spec_the_generator_cannot_read_fails_the_check(tmp_path: Path) -> None:
    """A dangling `$ref` stops openapi-typescript, and the check reports its failure."""
    doc = copy.deepcopy(oas.spec())
    ttr = doc["components"]["schemas"]["SetTtrRequest"]["properties"]["ttrType"]
    ttr["$ref"] = "#/components/schemas/NoSuchSchema"
    spec = tmp_path / "openapi.yaml"
    spec.write_text(json.dumps(doc), encoding="utf-8")
    problems = portability().check(spec, tmp_path / "out")
    assert problems, "a dangling $ref must not pass"
    assert "openapi-typescript" in problems[0]


def test_the_fixed_query_values_are_the_contracts_consts() -> None:
    """The matrix asks each client for the `const` query values the contract declares."""
    found = portability().matrix.fixed_params(oas.spec())
    assert found["login"] == {"v": "1.3"}
    assert found["legacyLogin"] == {"v": "1.3"}
    assert found["getServiceDomain"] == {"version": "1.0"}
    assert found["listServiceDomains"] == {"version": "1.0"}
    assert set(portability().matrix.FIXED_CALLS) <= set(found)


def test_a_python_client_without_autoset_constants_fails_the_matrix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without `autosetConstants` the python client refuses a login without `v`: a failure."""
    matrix = portability().matrix
    if matrix.generator_jar() is None or shutil.which("java") is None:
        pytest.skip("openapi-generator-cli or java missing (make portability-tools)")
    languages = matrix.languages

    def without_autoset() -> dict[str, object]:
        found = languages()
        del found["python"].options["autosetConstants"]
        return found

    monkeypatch.setattr(matrix, "languages", without_autoset)
    problems, report = matrix.check(oas.ROOT / "openapi.yaml", tmp_path, only=["python"])
    assert report["python"]["fixed_values_unaided"] == 0
    assert any(p.startswith("python: fixed:login: refuses") for p in problems), problems
    assert any(p.startswith("python: fixed:getServiceDomain: refuses") for p in problems)
