#!/usr/bin/env python3
"""Generate ``generated/`` from the OpenAPI contract, or check that it is up to date.

Usage (normally through ``make generate`` / ``make check-generated``)::

    python scripts/generate.py [--spec openapi.yaml]          # regenerate generated/
    python scripts/generate.py [--spec openapi.yaml] --check  # diff a fresh run against it

Run it with the project's ``.venv`` interpreter: the generators and ruff are taken from
that interpreter's ``bin`` directory, so their versions are the ones pinned in ``uv.lock``.

Output (everything under ``generated/`` is written by this script, nothing by hand):

* ``lptpb_client/`` - httpx/attrs client from openapi-python-client (+ ``py.typed``)
* ``lptpb_models/`` - pydantic v2 models from datamodel-code-generator (+ ``py.typed``)
* ``README.md`` and ``PROVENANCE.json`` (spec hash, tool versions, command lines)

Generation happens in a scratch directory; ``generated/`` is only swapped in once every
step has succeeded, so a failed run leaves the previous tree untouched.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import hashlib
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GENERATED = REPO / "generated"
OPC_CONFIG = REPO / "scripts" / "openapi-python-client.yaml"
VENV_BIN = Path(sys.executable).parent
SCRATCH_PREFIX = ".generated-tmp-"

CLIENT_PKG = "lptpb_client"
MODELS_PKG = "lptpb_models"

# Distributions whose versions determine the output byte-for-byte.
TOOLS = ("openapi-python-client", "datamodel-code-generator", "ruff")

# Extra environment for every generator process: a fixed hash seed removes one source of
# set/dict-order nondeterminism, NO_COLOR keeps error output readable in CI logs.
TOOL_ENV = {"PYTHONHASHSEED": "0", "NO_COLOR": "1"}

# Files that appear in generated/ through normal use (importing it) and are not output.
IGNORED_NAMES = frozenset({"__pycache__", ".mypy_cache", ".pytest_cache"})
IGNORED_SUFFIXES = (".pyc", ".pyo")

DMCG_OPTIONS = (
    "--input-file-type", "openapi",
    "--output-model-type", "pydantic_v2.BaseModel",
    "--target-python-version", "3.11",
    "--use-annotated",
    "--field-constraints",
    "--disable-timestamp",
    "--strict-nullable",
    "--use-schema-description",
    "--use-field-description",
    "--enum-field-as-literal", "all",
    "--use-double-quotes",
    # `format: password` would become pydantic.SecretStr, which dumps as "**********" in
    # JSON mode: a request model would silently send a masked password. Keep plain str.
    "--type-mappings", "password=string",
    # Explicit formatter: the implicit default (black+isort) is announced to change.
    "--formatters", "ruff-format",
)  # fmt: skip

# Same post-processing as the client's post_hooks (scripts/openapi-python-client.yaml):
# --isolated so neither the repository's ruff config nor a user-level one applies.
RUFF_POST = (
    ("ruff", "check", "--isolated", "--no-cache", "--fix-only", "--quiet",
     "--select", "F401,I", "."),
    ("ruff", "format", "--isolated", "--no-cache", "--quiet", "."),
)  # fmt: skip

# datamodel-codegen runs `ruff format -` with the config found from its output location.
# This file is placed at the scratch root for the run (and deleted after) so that the
# repository's ruff settings (line length, excludes) never leak into the models.
SCRATCH_RUFF_TOML = (
    "# Written by scripts/generate.py for the duration of a run.\nline-length = 88\n"
)

README = """\
# generated/ - DO NOT EDIT

Everything in this directory is produced by `make generate` (`scripts/generate.py`) from
the OpenAPI contract `{spec}`. Manual edits are overwritten and fail `make check-generated`
(part of `make test`), which regenerates into a scratch directory and compares byte for byte.

To change the code here, change the contract (or the generator settings in `scripts/`),
then run `make generate` and commit the result together with the contract change.

- `lptpb_models` (datamodel-code-generator): pydantic v2 models of the schemas in
  `components/schemas`. **Public**: the models users build, validate and read; `lptpb_ext`
  exports these and only these.
- `lptpb_client` (openapi-python-client): the raw httpx client. `Client` /
  `AuthenticatedClient`, one module per operation under `api/<tag>/` (each with `sync`,
  `sync_detailed`, `asyncio`, `asyncio_detailed`) and attrs models under `models/`.
  **Wire format**: for teams that want the bare generated client. `lptpb_ext` does not call
  through it: it sends and reads with the pydantic models and takes only the routes, as a
  table that `tests/test_routes.py` holds to this client. Apps do not import it.

Exactly one family is public per schema. The tests check that every documented payload
survives both families unchanged.

Both are importable as top-level packages (the project's editable install puts this
directory on `sys.path`; the wheel ships them at top level). The hand-written layer is
`lptpb_ext/` at the repository root.

`PROVENANCE.json` records the contract's SHA-256, the generator versions and the exact
command lines used (`generated` stands for the output directory).
"""


DEFER_NOTE = (
    "(scripts/generate.py defer_builds) every model gets defer_build=True in its model_config, "
    "RootModel[T] bases become RootModel (root: T stays), and the trailing model_rebuild() "
    "calls go: pydantic builds a model's validator and serializer on its first use, not at "
    "import"
)


def defer_builds(source: str) -> str:
    """The models' module with every model built on first use instead of at import.

    Each top-level class gets ``defer_build=True`` in its ``model_config`` (its own config
    kept: pydantic merges a class's config with its bases'), added after its docstring when it
    has none; ``RootModel[T]`` bases become ``RootModel`` (the class's ``root: T`` says what
    it holds; a parametrised base is a class of its own, built at once); and the module-level
    ``X.model_rebuild()`` calls that datamodel-code-generator writes for forward references go
    (they would build those models at import; a deferred model resolves its references from
    the module when it is first built). Deterministic and idempotent, so
    ``make check-generated`` stays byte for byte.
    """
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    edits: list[tuple[int, int, str]] = []  # (first line, last line, replacement), 1-based
    for node in tree.body:
        if isinstance(node, ast.Expr) and _is_rebuild(node.value):
            edits.append((node.lineno, node.end_lineno or node.lineno, ""))
        if not isinstance(node, ast.ClassDef):
            continue
        header_end = node.body[0].lineno - 1  # the docstring or first statement follows it
        if _is_parametrised_root(node):  # RootModel[T]: built at once, whatever the config
            edits.append((node.lineno, header_end, f"class {node.name}(RootModel):\n"))
        config = next(
            (
                stmt
                for stmt in node.body
                if isinstance(stmt, ast.Assign)
                and [ast.unparse(t) for t in stmt.targets] == ["model_config"]
            ),
            None,
        )
        if config is not None:
            call = config.value
            if not isinstance(call, ast.Call) or ast.unparse(call.func) != "ConfigDict":
                raise SystemExit(f"generate: {node.name}.model_config is not a ConfigDict(...)")
            if any(k.arg == "defer_build" for k in call.keywords):
                continue
            keywords = [ast.unparse(k) for k in call.keywords] + ["defer_build=True"]
            text = f"    model_config = ConfigDict({', '.join(keywords)})\n"
            edits.append((config.lineno, config.end_lineno or config.lineno, text))
            continue
        first = node.body[0]
        docstring = (
            isinstance(first, ast.Expr)
            and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)
        )
        # after the docstring, else before the first statement (a class header may span lines)
        at = (first.end_lineno or first.lineno) + 1 if docstring else first.lineno
        if not docstring and len(node.body) == 1 and isinstance(first, ast.Pass):
            edits.append((first.lineno, first.lineno, ""))  # the pass gives way to the config
        edits.append((at, at - 1, "    model_config = ConfigDict(defer_build=True)\n"))
    for start, end, text in sorted(edits, reverse=True):
        lines[start - 1 : end] = [text] if text else []
    out = "".join(lines)
    if "ConfigDict" not in source.split("class ", 1)[0]:
        raise SystemExit("generate: the models' module does not import ConfigDict")
    return out


def _is_parametrised_root(node: ast.ClassDef) -> bool:
    """``class X(RootModel[T])``: pydantic makes and builds the class ``RootModel[T]`` at
    once, and with it every model ``T`` names; ``class X(RootModel)`` with its ``root: T``
    annotation is the same model, built when first used."""
    if len(node.bases) != 1 or node.keywords or node.decorator_list:
        return False
    base = node.bases[0]
    return (
        isinstance(base, ast.Subscript)
        and isinstance(base.value, ast.Name)
        and base.value.id == "RootModel"
    )


def _is_rebuild(call: ast.expr) -> bool:
    return (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == "model_rebuild"
        and not call.args
        and not call.keywords
    )


def spec_display(spec: Path) -> str:
    """The spec path as written into provenance: repo-relative when inside the repo."""
    try:
        return spec.relative_to(REPO).as_posix()
    except ValueError:
        return spec.as_posix()


def opc_argv(spec: str, out: str) -> list[str]:
    return [
        "openapi-python-client", "generate",
        "--path", spec,
        "--meta", "none",
        "--output-path", f"{out}/{CLIENT_PKG}",
        "--overwrite",
        "--fail-on-warning",
        "--config", OPC_CONFIG.relative_to(REPO).as_posix(),
    ]  # fmt: skip


def dmcg_argv(spec: str, out: str) -> list[str]:
    return [
        "datamodel-codegen",
        "--input",
        spec,
        "--output",
        f"{out}/{MODELS_PKG}/__init__.py",
        *DMCG_OPTIONS,
    ]


def tool_versions() -> dict[str, str]:
    return {name: metadata.version(name) for name in TOOLS}


def run(argv: Sequence[str], cwd: Path) -> None:
    """Run a generator from the venv; fail loudly with its output on error."""
    exe = VENV_BIN / argv[0]
    if not exe.exists():
        sys.exit(f"generate: {exe} not found - run `make sync` (or `uv sync`) first")
    env = {**os.environ, **TOOL_ENV, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    proc = subprocess.run(
        [str(exe), *argv[1:]], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        sys.exit(f"generate: `{shlex.join(argv)}` failed with exit code {proc.returncode}")


def generate_into(stage: Path, spec: Path) -> None:
    """Write the complete generated/ tree into the empty directory ``stage``."""
    spec_text = spec_display(spec)
    (stage / "ruff.toml").write_text(SCRATCH_RUFF_TOML, encoding="utf-8")

    # Paths on the command line are relative to the repo root (our cwd) where possible.
    out_arg = os.path.relpath(stage, REPO)
    spec_arg = spec_text if not Path(spec_text).is_absolute() else str(spec)
    run(opc_argv(spec_arg, out_arg), cwd=REPO)

    (stage / MODELS_PKG).mkdir()
    run(dmcg_argv(spec_arg, out_arg), cwd=REPO)
    models = stage / MODELS_PKG / "__init__.py"
    models.write_text(defer_builds(models.read_text(encoding="utf-8")), encoding="utf-8")
    for argv in RUFF_POST:
        run(argv, cwd=stage / MODELS_PKG)
    (stage / "ruff.toml").unlink()

    for pkg in (CLIENT_PKG, MODELS_PKG):
        (stage / pkg / "py.typed").write_bytes(b"")

    shown_out = "generated"
    provenance = {
        "spec": {
            "path": spec_text,
            "sha256": hashlib.sha256(spec.read_bytes()).hexdigest(),
        },
        "tools": tool_versions(),
        "environment": TOOL_ENV,
        "commands": {
            CLIENT_PKG: [
                shlex.join(opc_argv(spec_text, shown_out)),
                *(f"(post_hooks, cwd {shown_out}/{CLIENT_PKG}) {shlex.join(a)}" for a in RUFF_POST),
            ],
            MODELS_PKG: [
                shlex.join(dmcg_argv(spec_text, shown_out)),
                DEFER_NOTE,
                *(f"(cwd {shown_out}/{MODELS_PKG}) {shlex.join(a)}" for a in RUFF_POST),
            ],
        },
        "generator_config": {
            OPC_CONFIG.relative_to(REPO).as_posix(): hashlib.sha256(
                OPC_CONFIG.read_bytes()
            ).hexdigest(),
        },
        "regenerate": "make generate",
    }
    (stage / "PROVENANCE.json").write_text(
        json.dumps(provenance, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    (stage / "README.md").write_text(README.format(spec=spec_text), encoding="utf-8")


@contextmanager
def scratch_dir() -> Iterator[Path]:
    """A scratch directory inside the repo (same filesystem, so the final swap is a rename)."""
    path = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX, dir=REPO))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def swap_in(stage: Path) -> None:
    """Replace generated/ by ``stage`` with two renames (old tree kept until the new is in)."""
    old = None
    if GENERATED.exists():
        old = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX + "old-", dir=REPO))
        old.rmdir()
        GENERATED.rename(old)
    try:
        stage.rename(GENERATED)
    except OSError:
        if old is not None:
            old.rename(GENERATED)
        raise
    if old is not None:
        shutil.rmtree(old)


def _ignored(rel: Path) -> bool:
    return any(part in IGNORED_NAMES for part in rel.parts) or rel.name.endswith(IGNORED_SUFFIXES)


def tree_files(root: Path) -> dict[str, Path]:
    if not root.is_dir():
        return {}
    return {
        p.relative_to(root).as_posix(): p
        for p in sorted(root.rglob("*"))
        if p.is_file() and not _ignored(p.relative_to(root))
    }


def compare_trees(expected_root: Path, actual_root: Path, max_diff_lines: int = 40) -> list[str]:
    """Human-readable differences between a fresh generation and generated/ (empty: same)."""
    expected, actual = tree_files(expected_root), tree_files(actual_root)
    problems: list[str] = []
    for name in sorted(expected.keys() - actual.keys()):
        problems.append(f"missing from generated/: {name}")
    for name in sorted(actual.keys() - expected.keys()):
        problems.append(f"extra file in generated/ (not produced by the generator): {name}")
    for name in sorted(expected.keys() & actual.keys()):
        want, have = expected[name].read_bytes(), actual[name].read_bytes()
        if want == have:
            continue
        problems.append(f"differs: {name}")
        diff = list(
            difflib.unified_diff(
                have.decode("utf-8", "replace").splitlines(),
                want.decode("utf-8", "replace").splitlines(),
                f"generated/{name} (committed)",
                f"generated/{name} (fresh)",
                lineterm="",
            )
        )
        shown = diff[:max_diff_lines]
        problems.extend(f"    {line}" for line in shown)
        if len(diff) > len(shown):
            problems.append(f"    ... {len(diff) - len(shown)} more diff lines")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--spec",
        type=Path,
        default=Path(os.environ.get("SPEC") or REPO / "openapi.yaml"),
        help="OpenAPI document (default: $SPEC or openapi.yaml)",
    )
    parser.add_argument(
        "--check", action="store_true", help="regenerate into a scratch dir and diff"
    )
    args = parser.parse_args(argv)
    spec: Path = args.spec.resolve()
    if not spec.is_file():
        print(f"generate: spec not found: {spec}", file=sys.stderr)
        return 2

    with scratch_dir() as scratch:
        stage = scratch / "generated"
        stage.mkdir()
        generate_into(stage, spec)
        if args.check:
            problems = compare_trees(stage, GENERATED)
            if problems:
                print("check-generated: generated/ is out of date:", file=sys.stderr)
                for line in problems:
                    print(f"  {line}", file=sys.stderr)
                print(
                    f"check-generated: {sum(not p.startswith(' ') for p in problems)} "
                    "difference(s); run `make generate` and commit the result.",
                    file=sys.stderr,
                )
                return 1
            print(f"check-generated: generated/ matches {spec_display(spec)} (byte for byte)")
            return 0
        swap_in(stage)
    print(f"generate: wrote generated/ from {spec_display(spec)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
