"""Crash test: a bulk run SIGKILLed at five exact points and resumed each time, over real HTTP.

Each seed makes a fresh simulator (served on 127.0.0.1), ``JOBS`` text messages over
``CONVERSATIONS`` conversations (ten each, every text unique), and runs the batch in a child
process (``tests/bulk_child.py``) that kills itself with SIGKILL at the kill point it is given:
between the journal's ``sending`` mark and the request, mid-request, after the ``commandId``
came back but before it was journaled, and mid-tracking (the four kinds rotate over the five
kills). Each resume is a new process, and from the second run on the simulator also injects
faults: a connection dropped after the command was created, a 500 before it was, slow answers,
a 503 on a listing. The session is shared by every process through one ``FileSessionStore``.

At the end the simulator's transcripts are counted against the journal:

- **duplicates**: a text delivered more than once: must be 0;
- **lost**: a job not delivered although the journal says it completed, or left unfinished:
  must be 0; a job the journal says failed, was rejected or skipped must not be delivered;
- **in doubt**: allowed, each with its evidence and delivered at most once;
- one login for the user across all the processes (the session store did its job).

Profiles: the default (``make test``) runs ``QUICK_SEEDS`` seeds of ``QUICK_JOBS`` jobs;
``LPTPB_THOROUGH=1`` runs 20 seeds of 500 jobs over 50 conversations. Run with ``-s`` to see
each seed's kill points and counts.
"""

from __future__ import annotations

import collections
import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from lptpb_ext import Batch
from lptpb_ext._jobs import body_json

simulator = pytest.importorskip("lptpb_ext.simulator", reason="needs the sim extra")

ROOT = Path(__file__).resolve().parent.parent
THOROUGH = os.environ.get("LPTPB_THOROUGH") == "1"
QUICK_SEEDS, QUICK_JOBS, QUICK_CONVERSATIONS = 2, 200, 20
SEEDS = range(20) if THOROUGH else range(QUICK_SEEDS)
JOBS, CONVERSATIONS = (500, 50) if THOROUGH else (QUICK_JOBS, QUICK_CONVERSATIONS)
KILLS = 5
STAGES = ("sending", "request", "accepted", "tracking")
CHILD_TIMEOUT = 180

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and flock are POSIX")


def write_jobs(path: Path, conversations: list[str], seed: int) -> None:
    """Ten messages per conversation, interleaved across conversations, each text unique."""
    per = JOBS // len(conversations)
    lines = []
    for round_ in range(per):
        for index, conversation in enumerate(conversations):
            text = f"s{seed}-c{index}-m{round_}"
            job = {"conversation": conversation, "operation": "sendMessages", "ttl": 60}
            lines.append(json.dumps({**job, "body": {"messages": [text]}, "id": text}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run_child(spec: dict[str, Any]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own interpreter and module, fixed argv
        [sys.executable, "-m", "tests.bulk_child", json.dumps(spec)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT,
        check=False,
    )


def unfinished(journal: Path) -> int:
    with Batch.open(journal, read_only=True) as batch:
        counts = batch.counts()
    return counts["pending"] + counts["sending"]


def add_faults(sim: Any, rng: random.Random) -> None:
    fault = simulator.Fault
    sim.add_fault(fault.drop_after(operation="sendMessages", times=rng.randint(1, 2)))
    sim.add_fault(fault.server_error(500, operation="sendMessages", times=rng.randint(1, 2)))
    sim.add_fault(fault.latency(0.3, operation="sendMessages", times=3))
    sim.add_fault(fault.server_error(503, operation="listCommands"))


def audit(sim: Any, conversations: list[str], journal: Path) -> dict[str, Any]:
    """Count the transcripts against the journal."""
    delivered: collections.Counter[str] = collections.Counter()
    for conversation in conversations:
        for message in sim.conversation_state(conversation)["messages"]:
            delivered[message["payload"]] += 1
    with Batch.open(journal, read_only=True) as batch:
        records = batch.records()
    duplicates = sum(count - 1 for count in delivered.values() if count > 1)
    lost, misreported, doubt, others = [], [], [], []
    for record in records:
        text = body_json(record.body)["messages"][0]
        count = delivered[text]
        if record.state in ("pending", "sending", "accepted") or (
            record.state == "completed" and count != 1
        ):
            lost.append((record.seq, record.state, count))
        elif record.state in ("failed", "expired", "rejected", "skipped") and count:
            misreported.append((record.seq, record.state, count))
        elif record.state not in ("completed", "in_doubt"):
            others.append({"seq": record.seq, "state": record.state, "error": record.error})
        if record.state == "in_doubt":
            reason = (record.evidence or {}).get("reason", "")
            assert reason, f"job {record.seq} is in doubt without evidence"
            doubt.append({"seq": record.seq, "delivered": count, "reason": reason})
    states = collections.Counter(r.state for r in records)
    return {
        "duplicates": duplicates,
        "lost": lost,
        "misreported": misreported,
        "in_doubt": doubt,
        "others": others,
        "states": dict(states),
        "delivered": sum(delivered.values()),
    }


@pytest.mark.parametrize("seed", SEEDS)
def test_a_batch_killed_five_times_delivers_each_job_once_or_says_why_not(seed, tmp_path):
    rng = random.Random(seed)  # noqa: S311 - kill points, not secrets
    sim = simulator.Simulator()
    with simulator.serve(sim) as url:
        conversations = [sim.create_conversation() for _ in range(CONVERSATIONS)]
        jobs_file = tmp_path / "jobs.jsonl"
        write_jobs(jobs_file, conversations, seed)
        journal = tmp_path / "run.journal"
        base = {"url": url, "journal": str(journal), "store": str(tmp_path / "sessions.json")}
        kills = []
        for index in range(KILLS):
            stage = STAGES[(seed + index) % len(STAGES)]
            left = JOBS if index == 0 else unfinished(journal)
            n = rng.randint(1, max(1, left // 3))
            kill = {"stage": stage, "n": n, "delay_ms": rng.uniform(0.0, 3.0)}
            spec = {**base, "kill": kill, "jobs": str(jobs_file) if index == 0 else None}
            sim.clear_faults()  # a killed run leaves its unused faults behind
            if index > 0:
                add_faults(sim, rng)
            done = run_child(spec)
            killed = done.returncode == -9
            assert killed or done.returncode == 0, done.stderr[-3000:]
            kills.append((stage, n, killed))
        final = run_child({**base, "kill": None, "jobs": None})
        assert final.returncode == 0, final.stderr[-3000:]
        sim.clear_faults()
        result = audit(sim, conversations, journal)
        logins = sim.snapshot()["accounts"][0]["users"]
    by_stage = collections.Counter(stage for stage, _, killed in kills if killed)
    print(  # the numbers of the closing note, with -s
        f"\nseed {seed}: kills {dict(by_stage)} (reached {sum(k for *_, k in kills)}/{KILLS}); "
        f"states {result['states']}; delivered {result['delivered']}/{JOBS}; duplicates "
        f"{result['duplicates']}; lost {len(result['lost'])}; in doubt {len(result['in_doubt'])}"
        + "".join(
            f"\n  in doubt: job {d['seq']} delivered {d['delivered']}x: {d['reason']}"
            for d in result["in_doubt"]
        )
        + "".join(f"\n  {o['state']}: job {o['seq']}: {o['error']}" for o in result["others"])
    )
    assert result["duplicates"] == 0
    assert result["lost"] == []
    assert result["misreported"] == []
    assert all(d["delivered"] <= 1 for d in result["in_doubt"])
    assert sum(killed for *_, killed in kills) >= KILLS - 1, kills
    user = next(u for u in logins if u["username"] == simulator.PASSWORD_USER)
    assert user["logins"] == 1, "every process should share the one session"
