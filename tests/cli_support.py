"""Fixtures and helpers of the command-line tests: the simulator over HTTP on 127.0.0.1, a
clean environment per test (its own configuration file and session store), and runners for
``lptpb`` in-process and as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lptpb_ext.cli import main

simulator = pytest.importorskip("lptpb_ext.simulator", reason="needs the sim extra")

CONV = simulator.MESSAGING_CONVERSATION
LPTPB = str(Path(sys.executable).with_name("lptpb"))
VARIABLES = (
    "LPTPB_ACCOUNT",
    "LPTPB_BASE_URL",
    "LPTPB_ZONE",
    "LPTPB_USERNAME",
    "LPTPB_PASSWORD",
    "LPTPB_APP_KEY",
    "LPTPB_SECRET",
    "LPTPB_ACCESS_TOKEN",
    "LPTPB_ACCESS_TOKEN_SECRET",
    "LPTPB_BEARER",
    "LPTPB_PROFILE",
    "LPTPB_CONFIG",
    "LPTPB_SESSION_STORE",
    "LPTPB_KEYRING",
)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """``lptpb argv...`` in this process: exit code, stdout, stderr."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv: str) -> tuple[int, object]:
    code, out, _ = run(capsys, *argv, "--json")
    return code, json.loads(out)


def logins(sim, user: str = simulator.PASSWORD_USER) -> int:
    """Logins the simulator accepted for ``user`` of the default account."""
    (account,) = [a for a in sim.snapshot()["accounts"] if a["id"] == simulator.DEFAULT_ACCOUNT]
    return next(u["logins"] for u in account["users"] if u["username"] == user)


def tripwire(sim):
    """A fault any request would consume: while it is pending, nothing reached the simulator."""
    sim.add_fault(simulator.Fault.latency(0))
    return lambda: len(sim.faults.pending()) == 1


def process(*argv: str, stdin: str = "", **kwargs) -> subprocess.CompletedProcess[str]:
    """``lptpb argv...`` as its own process, with this process's environment."""
    return subprocess.run(  # noqa: S603 - our own console script
        [LPTPB, *argv],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ),
        timeout=120,
        **kwargs,
    )
