#!/usr/bin/env python3
"""Spec gates for ``make lint-spec``: the OpenAPI contract must pass both with zero findings.

1. ``openapi-spec-validator`` (pinned in uv.lock) - structural validity against the
   OpenAPI 3.1 meta-schema.
2. Redocly CLI ``lint`` (pinned in scripts/node/package-lock.json) with
   ``scripts/redocly.yaml``. Any problem fails the gate, whatever its severity, and so do
   problems silenced through a Redocly ignore file.
3. Spectral CLI (pinned in scripts/node) with the OWASP API Security ruleset
   (``@stoplight/spectral-owasp-ruleset``), configured in ``scripts/spectral-owasp.cjs``: every
   rule switched off there carries its reason. Any finding, whatever its severity, fails.

Usage: ``python scripts/lint_spec.py [--spec openapi.yaml]`` (default: $SPEC or openapi.yaml).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
REDOCLY = REPO / "scripts" / "node" / "node_modules" / ".bin" / "redocly"
REDOCLY_CONFIG = REPO / "scripts" / "redocly.yaml"
SPECTRAL = REPO / "scripts" / "node" / "node_modules" / ".bin" / "spectral"
SPECTRAL_RULESET = REPO / "scripts" / "spectral-owasp.cjs"
# No telemetry or update checks: CI reaches no network but the package registries.
REDOCLY_ENV = {"REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"}


def validate(spec: Path) -> bool:
    exe = VENV_BIN / "openapi-spec-validator"
    proc = subprocess.run([str(exe), str(spec)], check=False, capture_output=True, text=True)
    sys.stdout.write(proc.stdout)
    sys.stderr.write(proc.stderr)
    ok = proc.returncode == 0
    print(f"lint-spec: openapi-spec-validator {'OK' if ok else 'FAILED'}")
    return ok


def redocly(spec: Path, fmt: str) -> subprocess.CompletedProcess[str]:
    argv = [
        str(REDOCLY), "lint",
        "--config", str(REDOCLY_CONFIG),
        "--lint-config", "error",
        "--format", fmt,
        "--max-problems", "1000",
        str(spec),
    ]  # fmt: skip
    return subprocess.run(
        argv, check=False, capture_output=True, text=True, env={**os.environ, **REDOCLY_ENV}
    )


def redocly_lint(spec: Path) -> bool:
    if not REDOCLY.exists():
        print(f"lint-spec: {REDOCLY} missing - run `make node` first", file=sys.stderr)
        return False
    proc = redocly(spec, "json")
    try:
        totals = json.loads(proc.stdout)["totals"]
        findings = int(totals["errors"]) + int(totals["warnings"]) + int(totals["ignored"])
    except (ValueError, KeyError, TypeError):
        sys.stderr.write(proc.stdout + proc.stderr)
        print("lint-spec: could not read Redocly's JSON report", file=sys.stderr)
        return False
    if findings == 0 and proc.returncode == 0:
        print("lint-spec: redocly lint OK (0 errors, 0 warnings, 0 ignored)")
        return True
    shown = redocly(spec, "codeframe")  # human-readable rerun of the same lint
    sys.stdout.write(shown.stdout)
    sys.stderr.write(shown.stderr)
    print(
        f"lint-spec: redocly lint FAILED ({totals['errors']} errors, {totals['warnings']} "
        f"warnings, {totals['ignored']} ignored; zero findings are required)",
        file=sys.stderr,
    )
    return False


def spectral_owasp(spec: Path) -> bool:
    if not SPECTRAL.exists():
        print(f"lint-spec: {SPECTRAL} missing - run `make node` first", file=sys.stderr)
        return False
    argv = [str(SPECTRAL), "lint", "--ruleset", str(SPECTRAL_RULESET), "--format", "json",
            "--quiet", str(spec)]  # fmt: skip
    proc = subprocess.run(
        argv, check=False, capture_output=True, text=True, cwd=SPECTRAL_RULESET.parent
    )
    try:
        findings = json.loads(proc.stdout or "[]")
    except ValueError:
        sys.stderr.write(proc.stdout + proc.stderr)
        print("lint-spec: could not read Spectral's JSON report", file=sys.stderr)
        return False
    if not findings and proc.returncode == 0:
        print("lint-spec: spectral (OWASP API Security ruleset) OK (0 findings)")
        return True
    for found in findings:
        where = "/".join(str(part) for part in found.get("path", []))
        print(f"  {found.get('code')}: {found.get('message')} at {where}")
    print(f"lint-spec: spectral OWASP FAILED ({len(findings)} findings; zero are required)",
          file=sys.stderr)  # fmt: skip
    return False


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="OpenAPI spec gates")
    parser.add_argument(
        "--spec", type=Path, default=Path(os.environ.get("SPEC") or REPO / "openapi.yaml")
    )
    spec: Path = parser.parse_args(argv).spec.resolve()
    if not spec.is_file():
        print(f"lint-spec: spec not found: {spec}", file=sys.stderr)
        return 2
    results = [validate(spec), redocly_lint(spec), spectral_owasp(spec)]  # run all, report all
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
