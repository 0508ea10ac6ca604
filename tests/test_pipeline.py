"""`make check-generated` catches every kind of drift between generated/ and a fresh run."""

from __future__ import annotations

import functools
import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

from tests import spec as oas


@functools.cache
def generate_script() -> ModuleType:
    path = oas.ROOT / "scripts" / "generate.py"
    loaded = importlib.util.spec_from_file_location("lptpb_generate", path)
    assert loaded is not None
    assert loaded.loader is not None
    module = importlib.util.module_from_spec(loaded)
    loaded.loader.exec_module(module)
    return module


def copy_of_generated(tmp_path: Path) -> Path:
    copy = tmp_path / "generated"
    shutil.copytree(oas.ROOT / "generated", copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_identical_trees_compare_clean(tmp_path: Path) -> None:
    script = generate_script()
    assert script.compare_trees(oas.ROOT / "generated", copy_of_generated(tmp_path)) == []


def test_an_edited_an_added_and_a_deleted_file_are_all_reported(tmp_path: Path) -> None:
    script = generate_script()
    committed = copy_of_generated(tmp_path)
    models = committed / "lptpb_models" / "__init__.py"
    models.write_text(models.read_text(encoding="utf-8").replace("class ", "class  ", 1))
    (committed / "lptpb_client" / "hand_written.py").write_text("x = 1\n")
    (committed / "lptpb_client" / "py.typed").unlink()
    problems = script.compare_trees(oas.ROOT / "generated", committed)
    headlines = [p for p in problems if not p.startswith(" ")]
    assert headlines == [
        "missing from generated/: lptpb_client/py.typed",
        "extra file in generated/ (not produced by the generator): lptpb_client/hand_written.py",
        "differs: lptpb_models/__init__.py",
    ]
    assert any(line.lstrip().startswith("+class ") for line in problems)


def test_bytecode_left_by_imports_is_not_drift(tmp_path: Path) -> None:
    script = generate_script()
    committed = copy_of_generated(tmp_path)
    cache = committed / "lptpb_models" / "__pycache__"
    cache.mkdir()
    (cache / "__init__.cpython-311.pyc").write_bytes(b"\0")
    assert script.compare_trees(oas.ROOT / "generated", committed) == []
