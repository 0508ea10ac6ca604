"""Several processes, one user, one LivePerson session: ``scripts/fleet.py`` as users run it.

Each worker is a real process (its own Python) with a ``Client`` driven by threads and an
``AsyncClient`` driven by asyncio tasks; the session is taken over from outside between
rounds, so every process meets the rejected bearer at once; an operator's ``lptpb send`` runs
beside them with the same ``LPTPB_SESSION_STORE``. Counted from the simulator: failed sends,
logins by the app and by the command line, messages delivered and duplicated.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.redis_server import redis_url  # noqa: F401 - the fixture

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "fleet.py"
PROCESSES, SENDS, TAKEOVERS = 4, 16, 2


def _fleet(store: str) -> dict[str, object]:
    command = [sys.executable, str(SCRIPT), "--processes", str(PROCESSES)]
    command += ["--sends", str(SENDS), "--takeovers", str(TAKEOVERS), "--store", store]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)  # noqa: S603 - our own script
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    result: dict[str, object] = json.loads(done.stdout)
    return result


def _check(result: dict[str, object]) -> None:
    assert result["failed"] == 0
    assert result["app_logins"] == 1 + TAKEOVERS  # once at start, once per takeover
    assert result["cli_logins"] == 0
    assert result["duplicates"] == 0
    assert result["delivered"] == PROCESSES * SENDS + 1


def test_a_fleet_on_a_file_store_shares_one_session(tmp_path) -> None:
    _check(_fleet(f"file://{tmp_path}/sessions.json"))


def test_a_fleet_on_redis_shares_one_session(redis_url: str) -> None:  # noqa: F811 - fixture
    _check(_fleet(redis_url))


def test_without_a_shared_store_the_fleet_logs_itself_out(tmp_path) -> None:
    """The failure this fixes, measured the same way: each process its own session."""
    command = [sys.executable, str(SCRIPT), "--processes", str(PROCESSES)]
    command += ["--sends", str(SENDS), "--takeovers", str(TAKEOVERS), "--store", "memory:"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)  # noqa: S603 - our own script
    result = json.loads(done.stdout)
    assert done.returncode == 1
    assert result["app_logins"] > 1 + TAKEOVERS
    assert result["failed"] > 0
