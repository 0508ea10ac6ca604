"""``lptpb_ext.cli._bulk``: run, resume and report as functions, against the simulator over HTTP."""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path

import pytest

from lptpb_ext import AsyncClient, Batch, BatchProgress, Client, SessionPool, UserPassword
from lptpb_ext.cli import _bulk

simulator = pytest.importorskip("lptpb_ext.simulator", reason="needs the sim extra")
ACCOUNT = simulator.DEFAULT_ACCOUNT
USER = UserPassword(simulator.PASSWORD_USER, simulator.PASSWORD)


@pytest.fixture
def sim():
    return simulator.Simulator()


@pytest.fixture
def url(sim):
    with simulator.serve(sim) as served:
        yield served


class Factory:
    """Counts the clients it made, so tests can say none was made for bad input."""

    def __init__(self, url: str, kind: type = Client, account: str = ACCOUNT, user=USER):
        self.url, self.kind, self.account, self.user, self.made = url, kind, account, user, 0

    def __call__(self):
        self.made += 1
        return self.kind(self.account, self.user, base_url=self.url, session_pool=SessionPool())


def jobs_file(tmp_path: Path, conversations: list[str], per: int = 2, extra=()) -> Path:
    lines = [
        {"conversation": c, "operation": "sendMessages", "body": {"messages": [f"t{i}-{k}"]}}
        for k in range(per)
        for i, c in enumerate(conversations)
    ]
    path = tmp_path / "notice.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in [*lines, *extra]) + "\n", encoding="utf-8")
    return path


def call(fn, *args, **kwargs):
    out, err = io.StringIO(), io.StringIO()
    code = fn(*args, out=out, err=err, **kwargs)
    return code, out.getvalue(), err.getvalue()


def test_a_bad_file_lists_every_bad_line_and_makes_no_client(tmp_path, sim, url):
    source = jobs_file(tmp_path, [sim.create_conversation()], extra=[
        {"conversation": "c", "operation": "nope"},
        {"conversation": "c", "operation": "sendMessages", "body": {"messages": []}},
    ])  # fmt: skip
    factory = Factory(url)
    code, _, err = call(_bulk.run, str(source), client_factory=factory,
                          journal=str(tmp_path / "j"))  # fmt: skip
    assert code == 2
    assert "2 bad jobs; nothing was sent" in err
    assert "  line 3: operation: unknown operation 'nope'" in err
    assert "  line 4: body.messages:" in err
    assert factory.made == 0
    assert not (tmp_path / "j").exists()


def test_a_dry_run_checks_and_sends_nothing(tmp_path, sim, url):
    conv = sim.create_conversation()
    factory = Factory(url)
    code, out, _ = call(_bulk.run, str(jobs_file(tmp_path, [conv])), client_factory=factory,
                        dry_run=True)  # fmt: skip
    assert code == 0
    assert (
        out
        == "2 jobs over 1 conversations (sendMessages 2); all valid; dry run: nothing was sent\n"
    )
    assert factory.made == 0
    assert list(tmp_path.glob("*.journal")) == []


@pytest.mark.parametrize("kind", [Client, AsyncClient])
def test_a_run_completes_and_says_so(tmp_path, sim, url, kind):
    convs = [sim.create_conversation() for _ in range(3)]
    journal = tmp_path / "run.journal"
    code, out, err = call(_bulk.run, str(jobs_file(tmp_path, convs)), journal=str(journal),
                          client_factory=Factory(url, kind), concurrency=4)  # fmt: skip
    assert code == 0, err
    assert out == "6 jobs: completed 6\n"
    assert f"journal {journal} (6 jobs); if stopped: lptpb bulk resume {journal}" in err
    assert err.rstrip().splitlines()[-1].startswith("bulk: 6/6 done: completed 6 |")
    with Batch.open(journal, read_only=True) as batch:
        assert batch.summary().all_completed


def test_failed_and_in_doubt_jobs_set_the_exit_code_and_are_reported(tmp_path, sim, url):
    conv, other = sim.create_conversation(), sim.create_conversation()
    sim.add_fault(simulator.Fault.server_error(500, operation="sendMessages"))
    source = jobs_file(tmp_path, [conv], per=1, extra=[
        {"conversation": other, "operation": "transferConversation", "body": {"skill": "nope"},
         "id": "move-1"},
    ])  # fmt: skip
    journal = tmp_path / "j"
    code, out, _ = call(_bulk.run, str(source), journal=str(journal), client_factory=Factory(url),
                        progress=False, in_flight_grace=0.2)  # fmt: skip
    assert code == 6
    assert "job 1 (line 1) " in out
    assert "in doubt: no command of the window carries the body" in out
    assert "job 2 (line 2) [move-1]" in out
    assert "failed: com.liveperson" in out

    code, text, _ = call(_bulk.report, str(journal))
    assert code == 6
    assert text.splitlines()[1] == "2 jobs: in doubt 1, failed 1"

    code, raw, _ = call(_bulk.report, str(journal), as_json=True)
    document = json.loads(raw)
    assert document["counts"]["in_doubt"] == 1
    first = document["jobs"][0]
    assert first["state"] == "in_doubt"
    assert first["body"] == {"messages": ["t0-0"]}
    assert first["evidence"]["anchor"] is None
    assert document["batch"]["account"] == ACCOUNT

    code, table, _ = call(_bulk.report, str(journal), as_csv=True)
    rows = list(csv.DictReader(io.StringIO(table)))
    assert [r["state"] for r in rows] == ["in_doubt", "failed"]
    assert rows[0]["reason"].startswith("no command of the window")
    assert rows[1]["id"] == "move-1"
    assert rows[1]["error"].endswith("transfer-skill-not-existing")


def test_a_settled_but_failed_batch_exits_1(tmp_path, sim, url):
    conv = sim.create_conversation()
    source = jobs_file(tmp_path, [conv], per=1, extra=[
        {"conversation": conv, "operation": "transfer", "body": {"skill": "nope"}},
    ])  # fmt: skip
    code, out, _ = call(_bulk.run, str(source), journal=str(tmp_path / "j"),
                        client_factory=Factory(url), progress=False)  # fmt: skip
    assert code == 1
    assert out.splitlines()[0] == "2 jobs: completed 1, failed 1"


def test_an_existing_journal_is_refused(tmp_path, sim, url):
    source = jobs_file(tmp_path, [sim.create_conversation()])
    journal = tmp_path / "j"
    journal.write_bytes(b"something")
    code, _, err = call(_bulk.run, str(source), journal=str(journal), client_factory=Factory(url))
    assert code == 2
    assert "already exists" in err
    assert journal.read_bytes() == b"something"


def test_resume_refuses_a_locked_a_foreign_and_a_corrupted_journal(tmp_path, sim, url):
    conv = sim.create_conversation()
    journal = tmp_path / "j"
    code, _, _ = call(_bulk.run, str(jobs_file(tmp_path, [conv])), journal=str(journal),
                      client_factory=Factory(url), progress=False)  # fmt: skip
    assert code == 0
    with Batch.open(journal):
        code, _, err = call(_bulk.resume, str(journal), client_factory=Factory(url))
    assert code == 2
    assert "in use by a running batch (pid" in err

    factory = Factory(url, account="99999999")
    code, _, err = call(_bulk.resume, str(journal), client_factory=factory)
    assert code == 2
    assert f"belongs to account {ACCOUNT}, not 99999999; nothing was sent" in err

    broken = tmp_path / "broken"
    broken.write_bytes(b"\0" * 8192)
    code, _, err = call(_bulk.resume, str(broken), client_factory=Factory(url))
    assert code == 2
    assert "corrupted" in err or "not an lptpb bulk journal" in err
    assert sim.commands(conv) != []  # the first run's, and no more
    assert len(sim.commands(conv)) == 2


def test_a_refused_login_stops_with_3_and_a_resume_hint(tmp_path, sim, url):
    source = jobs_file(tmp_path, [sim.create_conversation()])
    factory = Factory(url, user=UserPassword(simulator.PASSWORD_USER, "wrong"))
    code, _, err = call(_bulk.run, str(source), journal=str(tmp_path / "j"),
                        client_factory=factory, progress=False)  # fmt: skip
    assert code == 3
    assert "the run stopped; resume with: lptpb bulk resume" in err
    assert "wrong" not in err


def test_resume_finishes_an_interrupted_batch(tmp_path, sim, url):
    convs = [sim.create_conversation() for _ in range(2)]
    journal = tmp_path / "j"
    with Batch.from_file(jobs_file(tmp_path, convs), journal, account_id=ACCOUNT):
        pass  # made, never run: like a run killed before its first send
    code, out, err = call(_bulk.resume, str(journal), client_factory=Factory(url), progress=False)
    assert code == 0
    assert "4 jobs unfinished, 0 to reconcile first" in err
    assert out == "4 jobs: completed 4\n"


def test_bad_options_are_usage_errors(tmp_path, sim, url):
    source = jobs_file(tmp_path, [sim.create_conversation()])
    code, _, err = call(_bulk.run, str(source), client_factory=Factory(url), concurrency=0)
    assert code == 2
    assert "--concurrency" in err
    code, _, err = call(_bulk.report, str(tmp_path / "x"), as_json=True, as_csv=True)
    assert code == 2


def test_the_default_journal_is_one_file_per_run():
    when = datetime.datetime(2026, 3, 4, 5, 6, 7, tzinfo=datetime.UTC)
    assert _bulk.default_journal("/data/notice.jsonl", when) == Path(
        "notice-20260304T050607Z.journal"
    )


def progress(done: int, total: int = 10, rate: float = 2.0) -> BatchProgress:
    counts = dict.fromkeys(("pending", "sending", "accepted", "completed", "in_doubt"), 0)
    counts.update(completed=done, pending=total - done)
    eta = (total - done) / rate if rate else None
    return BatchProgress(counts, total, 1.0, done, rate, eta)


def test_progress_redraws_one_line_on_a_terminal():
    stream, now = io.StringIO(), [0.0]
    show = _bulk.Progress(stream, tty=True, clock=lambda: now[0])
    show(progress(1))
    show(progress(2))  # within the interval: not drawn
    now[0] = 1.0
    show(progress(3))
    show.finish(progress(10))
    frames = stream.getvalue().split("\r\x1b[2K")
    assert frames[1:] == [
        "bulk: 1/10 done: completed 1, pending 9 | 2.0 jobs/s, ETA 0:05",
        "bulk: 3/10 done: completed 3, pending 7 | 2.0 jobs/s, ETA 0:04",
        "bulk: 10/10 done: completed 10 | 2.0 jobs/s, ETA 0:00\n",
    ]


def test_progress_prints_plain_lines_when_piped():
    stream, now = io.StringIO(), [0.0]
    show = _bulk.Progress(stream, clock=lambda: now[0])  # StringIO is no terminal
    for second in range(12):
        now[0] = float(second)
        show(progress(second % 10, rate=0.0))
    assert "\r" not in stream.getvalue()
    assert stream.getvalue().splitlines() == [
        "bulk: 0/10 done: pending 10 | 0.0 jobs/s, ETA --:--",
        "bulk: 5/10 done: completed 5, pending 5 | 0.0 jobs/s, ETA --:--",
        "bulk: 0/10 done: pending 10 | 0.0 jobs/s, ETA --:--",
    ]
