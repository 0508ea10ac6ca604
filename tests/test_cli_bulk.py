"""``lptpb bulk run|resume|report`` through the command line's parser, against the simulator
over HTTP (the functions behind it are tested in ``tests/test_batch*.py``)."""

from __future__ import annotations

import json

from tests.cli_support import CONV, run

pytest_plugins = ("tests.cli_fixtures",)  # the simulator and environment fixtures


def _jobs(tmp_path, *lines: object) -> str:
    path = tmp_path / "jobs.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return str(path)


def test_run_then_report_then_resume(sim, capsys, tmp_path):
    jobs = _jobs(
        tmp_path,
        {"conversation": CONV, "operation": "sendMessages", "body": {"messages": ["one"]}},
        {"conversation": CONV, "operation": "send_messages", "body": {"messages": ["two"]}},
    )
    journal = str(tmp_path / "run.journal")
    code, _, err = run(capsys, "bulk", "run", jobs, "--journal", journal, "--concurrency", "2")
    assert code == 0, err
    assert len(sim.commands(CONV)) == 2
    code, out, _ = run(capsys, "bulk", "report", journal, "--json")
    assert code == 0
    assert out.count('"completed"') >= 2
    code, _, _ = run(capsys, "bulk", "resume", journal)
    assert code == 0
    assert len(sim.commands(CONV)) == 2  # nothing sent twice


def test_a_bad_line_is_named_and_nothing_is_sent(sim, capsys, tmp_path):
    jobs = _jobs(
        tmp_path,
        {"conversation": CONV, "operation": "sendMessages", "body": {"messages": ["fine"]}},
        {"conversation": CONV, "operation": "sendMesages", "body": {}},
    )
    code, _, err = run(capsys, "bulk", "run", jobs, "--journal", str(tmp_path / "j"))
    assert code == 2
    assert "line 2" in err
    assert sim.commands(CONV) == []


def test_dry_run_sends_nothing(sim, capsys, tmp_path):
    jobs = _jobs(
        tmp_path,
        {"conversation": CONV, "operation": "closeConversation"},
    )
    code, _, _ = run(capsys, "bulk", "run", jobs, "--dry-run")
    assert code == 0
    assert sim.commands(CONV) == []
