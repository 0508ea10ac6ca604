#!/usr/bin/env python3
"""Portability check for ``make portability``: generate TypeScript from the contract and compile it.

Our own generators (datamodel-code-generator, openapi-python-client) are not the only ones other
teams use. This check runs a generator from another ecosystem, openapi-typescript (pinned in
scripts/node/package-lock.json), and type-checks its output with TypeScript's ``tsc`` in strict
mode together with ``usage.ts``, a hand-written file that builds a send-messages body, reads a
Command exhaustively, and states with ``@ts-expect-error`` what the contract refuses. So a
construct that only our Python generators accept, a type that comes out too loose, or a name
that moves, fails here.

openapi-typescript runs with ``--default-non-nullable false``: a property with a ``default`` may
be omitted from a request, which is what the contract means (its default, ``true``, makes such
properties required, as suits responses read back from a server that fills defaults in).

Output goes to ``build/portability/`` (git-ignored): ``openapi.d.ts`` and copies of
``usage.ts`` and ``tsconfig.json`` (strict, plus ``exactOptionalPropertyTypes`` and
``noUncheckedIndexedAccess``). Any warning from the generator fails the check as well.

Then the openapi-generator matrix (``matrix.py``): python, typescript-fetch, go and java
clients, each generated with no unexplained warning, compiled, and made to decode and re-encode
every example of the contract and of the seeds, and asked to send the fixed query values
(``v=1.3``, ``version=1.0``) unaided. Its report is ``build/portability/matrix.json``.

Last, openapi-core (``openapi_core_pairs``): the demo (``scripts/demo.py``) and the simulator
tests run with the simulator recording every exchange it answers, and openapi-core 0.23 (in the
tool venv) validates each recorded response, and each request the simulator accepted, against
the contract (``openapi_core_check.py``); any finding fails the check. The recordings are
``build/portability/pairs/*.jsonl``.

Usage: ``python scripts/portability/check.py [--spec openapi.yaml] [--out build/portability]
[--skip-matrix] [--skip-pairs]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # matrix.py beside this file
import matrix

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
NODE_BIN = REPO / "scripts" / "node" / "node_modules" / ".bin"
GENERATOR = NODE_BIN / "openapi-typescript"
TSC = NODE_BIN / "tsc"
USAGE = HERE / "usage.ts"
# Strict, plus the checks that catch index-signature and optional-property looseness.
TSCONFIG = HERE / "tsconfig.json"
DEFAULT_OUT = REPO / "build" / "portability"
# openapi-typescript runs Redocly's resolver: no telemetry, no update check.
NODE_ENV = {"REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true", "NO_COLOR": "1"}


def run(argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv, cwd=cwd, check=False, capture_output=True, text=True, env={**os.environ, **NODE_ENV}
    )


def generate(spec: Path, out: Path) -> list[str]:
    """openapi-typescript into ``out/openapi.d.ts``; problems it reported, if any."""
    proc = run([str(GENERATOR), str(spec.resolve()), "-o", "openapi.d.ts",
                "--default-non-nullable", "false"], out)  # fmt: skip
    output = proc.stdout + proc.stderr
    warnings = [ln for ln in output.splitlines() if "⚠" in ln or "warn" in ln.lower()]
    if proc.returncode != 0 or not (out / "openapi.d.ts").exists():
        return [f"openapi-typescript failed (exit {proc.returncode}):\n{output}"]
    return [f"openapi-typescript: {w.strip()}" for w in warnings]


def typecheck(out: Path) -> list[str]:
    """``tsc --strict`` (tsconfig.json) on the generated types and the usage file."""
    proc = run([str(TSC), "--project", "tsconfig.json"], out)
    if proc.returncode == 0:
        return []
    return [f"tsc --strict failed (exit {proc.returncode}):\n{proc.stdout}{proc.stderr}"]


def check(spec: Path, out: Path) -> list[str]:
    """Generate and type-check; every problem found, empty when the contract travels."""
    for tool in (GENERATOR, TSC):
        if not tool.exists():
            return [f"{tool} missing - run `make node` first"]
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    problems = generate(spec, out)
    if problems and not (out / "openapi.d.ts").exists():
        return problems
    shutil.copyfile(USAGE, out / "usage.ts")
    shutil.copyfile(TSCONFIG, out / "tsconfig.json")
    return problems + typecheck(out)


PAIR_SOURCES = {
    "demo": ["scripts/demo.py"],
    "simulator-tests": [
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "tests/test_simulator_*.py",
    ],
}
TOOLS_PYTHON = REPO / ".tools" / "portability" / "bin" / "python"


def openapi_core_pairs(spec: Path, out: Path) -> list[str]:
    """Record the demo's and the simulator tests' exchanges, then validate them with openapi-core.

    The simulator writes every exchange it answers to ``out/<source>.jsonl``
    (``LPTPB_SIM_RECORD``, see ``lptpb_ext/simulator/_record.py``); ``openapi_core_check.py``
    runs in the tool venv. Problems as text, empty when every pair conforms.
    """
    if not TOOLS_PYTHON.exists():
        return ["openapi-core: tool venv missing - run `make portability-tools`"]
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for name, argv in PAIR_SOURCES.items():
        target = out / f"{name}.jsonl"
        target.unlink(missing_ok=True)
        expanded = [
            a
            for arg in argv
            for a in (
                sorted(str(p.relative_to(REPO)) for p in REPO.glob(arg)) if "*" in arg else [arg]
            )
        ]
        proc = subprocess.run(
            [sys.executable, *expanded], cwd=REPO, check=False, capture_output=True, text=True,
            env={**os.environ, "LPTPB_SIM_RECORD": str(target)},
        )  # fmt: skip
        if proc.returncode != 0:
            return [
                f"openapi-core: recording {name} failed:\n{(proc.stdout + proc.stderr)[-3000:]}"
            ]
        files.append(str(target))
    proc = subprocess.run(
        [str(TOOLS_PYTHON), str(HERE / "openapi_core_check.py"), "--spec", str(spec), *files],
        cwd=REPO, check=False, capture_output=True, text=True,
    )  # fmt: skip
    for line in proc.stdout.splitlines():
        print(f"portability: {line}")
    if proc.returncode != 0:
        return [line for line in proc.stderr.splitlines() if line.strip()] or [
            f"openapi-core check exit {proc.returncode}"
        ]
    return []


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--spec", type=Path, default=REPO / "openapi.yaml")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--skip-matrix", action="store_true", help="no openapi-generator matrix")
    parser.add_argument(
        "--skip-pairs", action="store_true", help="no openapi-core check of recorded exchanges"
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    problems = check(args.spec, args.out)
    if not args.skip_matrix:
        found, report = matrix.check(args.spec, args.out / "matrix")
        problems += found
        for name, entry in report.items():
            print(
                f"portability: openapi-generator {name}: "
                f"{len(entry['warnings_unexplained'])} unexplained warning(s); "
                f"compile {entry['compile']}; round trip {entry.get('roundtrip', '-')}"
                f"; fixed query values sent unaided "
                f"{entry.get('fixed_values_unaided', '-')}/{len(matrix.FIXED_CALLS)}"
                f"; {len(entry.get('known_failures', {}))} known generator failure(s)"
                f" ({entry['seconds']} s)"
            )
    if not args.skip_pairs:
        problems += openapi_core_pairs(args.spec, args.out / "pairs")
    took = time.monotonic() - started
    if problems:
        for problem in problems:
            print(f"portability: {problem}", file=sys.stderr)
        print(f"portability: FAILED ({took:.1f} s)", file=sys.stderr)
        return 1
    generated = args.out / "openapi.d.ts"
    lines = generated.read_text(encoding="utf-8").count("\n")
    print(
        f"portability: OK ({took:.1f} s): openapi-typescript wrote {generated} ({lines} lines); "
        "tsc --strict accepts it with usage.ts"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
