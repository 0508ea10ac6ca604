"""The simulator's recorder: every answered exchange as one JSON line, for openapi-core."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import httpx
import pytest

from lptpb_ext.simulator import ManualClock, Simulator
from lptpb_ext.simulator._record import RECORD_ENV
from tests import spec as oas

TOOLS_PYTHON = oas.ROOT / ".tools" / "portability" / "bin" / "python"
CHECK = oas.ROOT / "scripts" / "portability" / "openapi_core_check.py"
LOGIN = "/api/v1/account/12345678/login"


def _record(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    target = tmp_path / "pairs.jsonl"
    monkeypatch.setenv(RECORD_ENV, str(target))
    sim = Simulator(clock=ManualClock())
    with httpx.Client(transport=sim.transport(), base_url="https://sim") as client:
        body = {
            "authType": "USER_PASS",
            "credentials": {"username": "someuser", "password": "123456"},
        }
        bearer = client.post(LOGIN, params={"v": "1.3"}, json=body).json()["bearer"]
        client.get(
            "/api/v1/account/12345678/conversation/nope/command",
            headers={"Authorization": f"Bearer {bearer}"},
        )
    return target


def test_each_answered_exchange_is_one_line_with_the_bearer_hidden(monkeypatch, tmp_path):
    """Method, path, query, headers (Authorization as ``Bearer ***``), bodies and status."""
    lines = [json.loads(line) for line in _record(monkeypatch, tmp_path).read_text().splitlines()]
    assert [(x["method"], x["path"], x["query"], x["status"]) for x in lines] == [
        ("POST", LOGIN, "v=1.3", 200),
        ("GET", "/api/v1/account/12345678/conversation/nope/command", "", 404),
    ]
    assert "bearer" in json.loads(lines[0]["response_body"])
    assert lines[1]["request_headers"]["authorization"] == "Bearer ***"


def test_nothing_is_recorded_without_the_variable(monkeypatch, tmp_path):
    monkeypatch.delenv(RECORD_ENV, raising=False)
    sim = Simulator(clock=ManualClock())
    assert type(sim.app).__name__ != "Recorder"


@pytest.mark.skipif(not TOOLS_PYTHON.exists(), reason="run `make portability-tools` first")
def test_openapi_core_passes_real_pairs_and_reports_broken_ones(monkeypatch, tmp_path):
    """The recorded pairs conform; a login without v and an undocumented status are findings."""
    good = _record(monkeypatch, tmp_path)
    lines = [json.loads(line) for line in good.read_text().splitlines()]
    bad = tmp_path / "bad.jsonl"
    broken = [{**lines[0], "query": ""}, {**lines[1], "status": 418}]
    bad.write_text("".join(json.dumps(x) + "\n" for x in broken))
    argv = [str(TOOLS_PYTHON), str(CHECK), "--spec", str(oas.ROOT / "openapi.yaml")]
    ok = subprocess.run([*argv, str(good)], capture_output=True, text=True, check=False)  # noqa: S603
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "0 finding(s); 2 pairs, 1 requests validated, 2 responses validated" in ok.stdout
    failed = subprocess.run([*argv, str(bad)], capture_output=True, text=True, check=False)  # noqa: S603
    assert failed.returncode == 1
    assert "Missing required query parameter: v" in failed.stderr
    assert "Unknown response http status: 418" in failed.stderr
