"""Bad input for bulk runs: every bad line named, every unusable journal refused, nothing sent.

Jobs files and journals are checked before any client is used; where a client is involved it
points at a simulator, which is then asked whether anything reached it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lptpb_ext import (
    Batch,
    Client,
    Job,
    JobFileError,
    JournalError,
    JournalLockedError,
    SessionPool,
    UserPassword,
)
from lptpb_ext._jobs import read_jobs

simulator = pytest.importorskip("lptpb_ext.simulator", reason="needs the sim extra")
ACCOUNT = simulator.DEFAULT_ACCOUNT
CONVERSATION = simulator.MESSAGING_CONVERSATION


def write(path: Path, *lines: object) -> Path:
    path.write_text(
        "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n",
        encoding="utf-8",
    )
    return path


def good(**extra: object) -> dict[str, object]:
    job = {"conversation": CONVERSATION, "operation": "sendMessages", "body": {"messages": ["Hi"]}}
    return {**job, **extra}


def test_every_bad_line_is_listed_with_its_number_and_field(tmp_path):
    source = write(
        tmp_path / "jobs.jsonl",
        good(),
        '{"conversation": "c", "operation": ',  # 2: not JSON
        good(operation="sendMesages"),  # 3
        good(bdy={}),  # 4
        {"operation": "sendMessages"},  # 5
        good(body={"messages": [{"text": 5}]}),  # 6
        good(ttl=500),  # 7
        {"conversation": CONVERSATION, "operation": "joinConversation",
         "body": {"agentId": "a"}, "ttl": 30},  # 8
        "",
        good(id="x"),  # 10
        good(id="x"),  # 11
        good(conversation=".."),  # 12
        good(deadline="tomorrow"),  # 13
        "[1, 2]",  # 14
        good(body={"messages": ["a" * 10]}),  # 15: fine
    )  # fmt: skip
    journal = tmp_path / "j.journal"
    with pytest.raises(JobFileError) as caught:
        Batch.from_file(source, journal, account_id=ACCOUNT)
    shown = [str(problem) for problem in caught.value.problems]
    assert [p.where for p in caught.value.problems] == [
        f"line {n}" for n in (2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 14)
    ]
    assert shown[0].startswith("line 2: is not JSON")
    assert shown[1].startswith("line 3: operation: unknown operation 'sendMesages'")
    assert "did you mean sendMessages?" in shown[1]
    assert shown[2].startswith("line 4: bdy: unknown field(s) 'bdy'")
    assert shown[3] == "line 5: conversation: is required"
    assert shown[4].startswith("line 6: body.messages[0]")
    assert shown[5].startswith("line 7: ttl: must be between 10 and 120")
    assert shown[6].startswith("line 8: ttl: joinConversation takes no ttl")
    assert shown[7] == "line 11: id: 'x' is also the id of line 10"
    assert shown[8].startswith("line 12: conversation:")
    assert shown[9].startswith("line 13: deadline: is not an ISO 8601 time")
    assert shown[10].startswith("line 14: must be a JSON object")
    message = str(caught.value)
    assert message.startswith(f"{source}: 11 bad jobs; nothing was sent\n  line 2:")
    assert not journal.exists()


def test_operations_may_be_named_by_operation_id_or_method(tmp_path):
    source = write(
        tmp_path / "jobs.jsonl",
        {"conversation": "c1", "operation": "transfer", "body": {"skill": "s"}},
        {"conversation": "c1", "operation": "closeConversation"},
        {"conversation": "c1", "operation": "set_ttr", "body": {"ttrType": "URGENT"}, "ttl": 10},
        {"conversation": "c1", "operation": "removeAgent", "body": {"agentId": "7"}},
    )
    jobs = read_jobs(source, 0)
    assert [j.operation for j in jobs] == [
        "transferConversation", "closeConversation", "setTtr", "removeAgent"
    ]  # fmt: skip
    assert jobs[1].body == b"{}"
    assert [j.line for j in jobs] == [1, 2, 3, 4]


def test_the_journal_keeps_the_exact_bytes_and_relative_deadlines(tmp_path):
    source = write(
        tmp_path / "jobs.jsonl", good(deadline=60), good(deadline="2030-01-01T00:00:00Z")
    )
    with Batch.from_file(source, tmp_path / "j", account_id=ACCOUNT) as batch:
        first, second = batch.records()
        assert first.body == b'{"messages":["Hi"]}'
        assert first.deadline_ms == batch.created_ms + 60_000
        assert second.deadline_ms == 1893456000000
        assert batch.meta["source"] == str(source)
        assert len(batch.meta["source_sha256"]) == 64


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "there are no jobs"),
        (b"\n\n", "there are no jobs"),
        (b'{"a": 1}\n\xff\n', "line 2: is not UTF-8"),
    ],
)
def test_empty_or_unreadable_files_are_refused(tmp_path, content, problem):
    source = tmp_path / "jobs.jsonl"
    source.write_bytes(content)
    with pytest.raises(JobFileError, match=problem):
        read_jobs(source, 0)


def test_jobs_given_in_code_are_named_by_position():
    with pytest.raises(JobFileError) as caught:
        Batch.create("/nonexistent/never", [Job("c", "sendMessages", {}), Job("c", "nope")],
                     account_id=ACCOUNT)  # fmt: skip
    assert [str(p).split(":")[0] for p in caught.value.problems] == ["job 1", "job 2"]


# ------------------------------------------------------------------------------ journals


def make(tmp_path: Path, name: str = "j.journal") -> Path:
    path = tmp_path / name
    Batch.create(path, [Job(CONVERSATION, "sendMessages", {"messages": ["Hi"]})],
                 account_id=ACCOUNT).close()  # fmt: skip
    return path


def test_an_existing_journal_is_never_overwritten(tmp_path):
    path = make(tmp_path)
    with pytest.raises(JournalError, match="already exists: resume it"):
        Batch.create(path, [Job(CONVERSATION, "sendMessages", {"messages": ["x"]})],
                     account_id=ACCOUNT)  # fmt: skip
    with Batch.open(path, read_only=True) as batch:
        assert batch.records()[0].body == b'{"messages":["Hi"]}'


def test_the_journal_and_its_lock_are_private_to_the_user(tmp_path):
    path = make(tmp_path)
    assert path.stat().st_mode & 0o777 == 0o600
    assert Path(f"{path}.lock").stat().st_mode & 0o777 == 0o600


def test_a_journal_in_use_is_refused_in_this_process(tmp_path):
    path = make(tmp_path)
    with Batch.open(path):
        with pytest.raises(JournalLockedError, match=f"pid {os.getpid()}"):
            Batch.open(path)
        with Batch.open(path, read_only=True) as reader:  # reports need no lock
            assert reader.counts()["pending"] == 1
    Batch.open(path).close()  # released


def test_a_journal_in_use_by_another_process_is_refused(tmp_path):
    path = make(tmp_path)
    holder = subprocess.Popen(  # noqa: S603 - our interpreter, fixed code
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from lptpb_ext import Batch
            batch = Batch.open({str(path)!r})
            print("held", flush=True)
            sys.stdin.read()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(JournalLockedError) as caught:
            Batch.open(path)
        assert f"pid {holder.pid}" in str(caught.value)
        assert "in use by a running batch" in str(caught.value)
    finally:
        holder.kill()
        holder.wait()
    Batch.open(path).close()  # the kernel dropped the dead process's lock


def corrupt_bytes(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 97):  # every page after the header, scrambled
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


def tamper_body(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute('UPDATE jobs SET body = CAST(\'{"messages":["Ho"]}\' AS BLOB) WHERE seq = 1')


def sending_without_time(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("UPDATE jobs SET state = 'sending' WHERE seq = 1")


def drop_a_job(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM jobs WHERE seq = 1")


def other_version(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'version'")


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda p: p.write_bytes(b"not a database at all, just text" * 200), "is corrupted"),
        (corrupt_bytes, "is corrupted"),
        (tamper_body, "job 1: its definition does not match its checksum"),
        (sending_without_time, "job 1: sending without a send time"),
        (drop_a_job, "it should hold jobs 1 to 1"),
        (other_version, "has format version '99'"),
    ],
    ids=["text", "scrambled", "tampered", "inconsistent", "missing-job", "version"],
)
def test_a_damaged_journal_is_refused_before_anything_is_sent(tmp_path, damage, message):
    path = make(tmp_path)
    damage(path)
    with pytest.raises(JournalError, match=message):
        Batch.open(path)
    with pytest.raises(JournalError, match=message):
        Batch.open(path, read_only=True)


def test_another_database_is_not_taken_for_a_journal(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (a)")
    with pytest.raises(JournalError, match="is not an lptpb bulk journal"):
        Batch.open(path)


def test_a_missing_journal_is_named(tmp_path):
    with pytest.raises(JournalError, match="does not exist"):
        Batch.open(tmp_path / "nope")


def test_a_journal_of_another_account_sends_nothing(tmp_path):
    sim = simulator.Simulator()
    path = tmp_path / "j"
    Batch.create(path, [Job(CONVERSATION, "sendMessages", {"messages": ["Hi"]})],
                 account_id="99999999").close()  # fmt: skip
    user = UserPassword(simulator.PASSWORD_USER, simulator.PASSWORD)
    with simulator.serve(sim) as url:
        with (
            Client(ACCOUNT, user, base_url=url, session_pool=SessionPool()) as client,
            Batch.open(path) as batch,
            pytest.raises(JournalError, match="belongs to account 99999999, not 12345678"),
        ):
            batch.run(client)
        assert sim.commands(CONVERSATION) == []
        assert all(u["logins"] == 0 for u in sim.snapshot()["accounts"][0]["users"])
