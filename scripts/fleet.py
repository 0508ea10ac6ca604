"""One LivePerson session for a fleet of processes, shown against the simulator over HTTP.

    python scripts/fleet.py [--processes 8] [--sends 40] [--takeovers 3] [--store file:|redis://…]

Starts the simulator on 127.0.0.1, then ``--processes`` worker processes (real ones, each its own
Python, with a ``Client`` driven by 4 threads and an ``AsyncClient`` driven by asyncio tasks)
that send ``--sends`` messages each, all logged in as the same
user and sharing the session store that ``LPTPB_SESSION_STORE`` names (a fresh file store in a
temporary directory unless ``--store`` says otherwise). Meanwhile an operator runs the
``lptpb send`` command line with the same variable, and the user's session is taken over from
outside ``--takeovers`` times, each time just before every process sends again (so all of
them meet the rejected bearer at once). It prints what happened and exits 1 unless: 0 failed
sends, at most 1 + takeovers logins by the app, 0 logins by the command line, every message
delivered exactly once. ``tests/test_fleet.py`` runs it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lptpb_ext.simulator import Simulator

REPO = Path(__file__).resolve().parent.parent
Worker = subprocess.Popen[str]
CONVERSATION_TEXT = "fleet"


def worker(url: str, index: int, sends: int, phases: int) -> int:
    """One process of the fleet: after a line on stdin, send its part of the messages (half from
    4 threads through a ``Client``, half from asyncio tasks through an ``AsyncClient``, one
    session between them), say "phase"; ``phases`` times; then report as one JSON line."""
    from lptpb_ext import AsyncClient, Client, LptpbError, UserPassword  # noqa: PLC0415
    from lptpb_ext.simulator import (  # noqa: PLC0415 - the child's imports
        DEFAULT_ACCOUNT,
        MESSAGING_CONVERSATION,
        PASSWORD,
        PASSWORD_USER,
    )

    user = UserPassword(PASSWORD_USER, PASSWORD)
    client = Client(DEFAULT_ACCOUNT, user, base_url=url)
    failed: Counter[str] = Counter()

    def send(text: str) -> None:
        try:
            client.send_messages(MESSAGING_CONVERSATION, {"messages": [text]})
        except LptpbError as exc:
            failed[type(exc).__name__] += 1

    async def send_all(texts: list[str]) -> None:
        async with AsyncClient(DEFAULT_ACCOUNT, user, base_url=url) as aclient:

            async def one(text: str) -> None:
                try:
                    await aclient.send_messages(MESSAGING_CONVERSATION, {"messages": [text]})
                except LptpbError as exc:
                    failed[type(exc).__name__] += 1

            await asyncio.gather(*(one(text) for text in texts))

    print("ready", flush=True)
    for phase in range(phases):
        sys.stdin.readline()
        texts = [
            f"p{index}-{i}" for i in range(phase * sends // phases, (phase + 1) * sends // phases)
        ]
        half = len(texts) // 2
        with ThreadPoolExecutor(4) as pool:
            list(pool.map(send, texts[:half]))
        asyncio.run(send_all(texts[half:]))
        print("phase", flush=True)
    print(json.dumps({"failed": failed, "logins": client.session.logins}), flush=True)
    client.close()
    return 0


def _spawn(url: str, index: int, options: list[str], env: dict[str, str]) -> Worker:
    command = [sys.executable, __file__, "--worker", str(index), "--url", url, *options]
    return subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
    )


def _cli(url: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    from lptpb_ext.simulator import (  # noqa: PLC0415
        DEFAULT_ACCOUNT,
        MESSAGING_CONVERSATION,
        PASSWORD,
        PASSWORD_USER,
    )

    cli_env = {
        **env,
        "LPTPB_ACCOUNT": DEFAULT_ACCOUNT,
        "LPTPB_USERNAME": PASSWORD_USER,
        "LPTPB_PASSWORD": PASSWORD,
        "LPTPB_BASE_URL": url,
    }
    command = [sys.executable, "-m", "lptpb_ext.cli", "send", MESSAGING_CONVERSATION]
    command.append("operator note")
    return subprocess.run(
        command, env=cli_env, capture_output=True, text=True, timeout=120, check=False
    )


def run(processes: int, sends: int, takeovers: int, store: str) -> dict[str, Any]:
    """The whole scenario; returns the counts it checks."""
    from lptpb_ext.simulator import (  # noqa: PLC0415
        MESSAGING_CONVERSATION,
        PASSWORD_USER,
        Simulator,
        serve,
    )

    sim = Simulator()
    env = {**os.environ, "LPTPB_SESSION_STORE": store}
    with serve(sim) as url:
        options = ["--sends", str(sends), "--phases", str(takeovers + 1)]
        workers = [_spawn(url, i, options, env) for i in range(processes)]
        _expect(workers, "ready")
        _tell(workers)  # phase 0: the fleet logs in once and sends ...
        while _logins(sim) < 1:
            time.sleep(0.01)
        cli = _cli(url, env)  # ... while an operator runs the command line beside it
        logins_before_cli = _logins(sim)
        _expect(workers, "phase")
        for _ in range(takeovers):
            sim.steal_session(PASSWORD_USER)  # someone outside the store logs the user in
            _tell(workers)  # every process sends into the rejected session at once
            _expect(workers, "phase")
        reports = []
        for proc in workers:  # (readline, not communicate(): the pipe's reader buffers ahead)
            assert proc.stdout is not None  # noqa: S101 - opened with PIPE
            assert proc.stdin is not None  # noqa: S101 - opened with PIPE
            reports.append(json.loads(proc.stdout.readline()))
            proc.stdin.close()
            proc.wait(timeout=60)
        time.sleep(1.0)  # let the last commands complete (0.7 s on the simulator)
        delivered: Counter[str] = Counter()
        for message in sim.conversation_state(MESSAGING_CONVERSATION)["messages"]:
            delivered[json.dumps(message, sort_keys=True)] += 1
        total_logins = _logins(sim)
    app_logins = sum(r["logins"] for r in reports)
    failed: Counter[str] = Counter()
    for report in reports:
        failed.update(report["failed"])
    expected = processes * sends + (1 if cli.returncode == 0 else 0)
    return {
        "processes": processes,
        "sends": processes * sends,
        "takeovers": takeovers,
        "failed": sum(failed.values()),
        "failures": dict(failed),
        "app_logins": app_logins,
        "cli_logins": total_logins - app_logins,
        "cli_exit": cli.returncode,
        "cli_stderr": cli.stderr.strip()[-300:],
        "logins_before_cli": logins_before_cli,
        "delivered": sum(delivered.values()),
        "expected": expected,
        "duplicates": sum(n - 1 for n in delivered.values() if n > 1),
    }


def _tell(workers: list[Worker]) -> None:
    for proc in workers:
        assert proc.stdin is not None  # noqa: S101 - opened with PIPE
        proc.stdin.write("go\n")
        proc.stdin.flush()


def _expect(workers: list[Worker], line: str) -> None:
    for proc in workers:
        assert proc.stdout is not None  # noqa: S101 - opened with PIPE
        if proc.stdout.readline().strip() != line:
            raise SystemExit(f"fleet: a worker did not say {line!r}")


def _logins(sim: Simulator) -> int:
    return sum(u["logins"] for a in sim.snapshot()["accounts"] for u in a["users"])


def verdict(result: dict[str, Any]) -> list[str]:
    """What went wrong, if anything."""
    problems = []
    if result["failed"]:
        problems.append(f"{result['failed']} sends failed: {result['failures']}")
    if result["app_logins"] > 1 + result["takeovers"]:
        problems.append(f"the app logged in {result['app_logins']} times")
    if result["cli_logins"] or result["cli_exit"]:
        problems.append(
            f"the CLI logged in {result['cli_logins']} times, exit {result['cli_exit']}: "
            f"{result['cli_stderr']}"
        )
    if result["duplicates"] or result["delivered"] != result["expected"]:
        problems.append(
            f"delivered {result['delivered']} of {result['expected']}, "
            f"{result['duplicates']} duplicates"
        )
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--sends", type=int, default=40)
    parser.add_argument("--takeovers", type=int, default=3)
    parser.add_argument("--store", help="a session store URL (default: a fresh file store)")
    parser.add_argument("--phases", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        return worker(args.url, args.worker, args.sends, args.phases)
    with tempfile.TemporaryDirectory() as scratch:
        store = args.store or f"file://{scratch}/sessions.json"
        result = run(args.processes, args.sends, args.takeovers, store)
    print(json.dumps(result, indent=2))
    problems = verdict(result)
    for problem in problems:
        print(f"fleet: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
