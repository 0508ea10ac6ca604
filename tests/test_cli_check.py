"""``lptpb check`` and ``lptpb send --channel``: the channel check from the command line."""

from __future__ import annotations

import json

from tests.channel_examples import chips
from tests.cli_support import CONV, run, run_json

pytest_plugins = ("tests.cli_fixtures",)  # the simulator and environment fixtures


def _batch(tmp_path, *messages: object) -> str:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps({"messages": list(messages)}), encoding="utf-8")
    return str(path)


def test_check_reports_each_channels_problems_and_exits_by_severity(capsys, tmp_path):
    """14 chips: an error on Facebook (13 at most), fine on the web; exit 1, nothing sent."""
    batch = _batch(tmp_path, chips(14))
    code, out, _ = run(capsys, "check", "--channel", "facebook", "--channel", "web", batch)
    assert code == 1
    assert out.splitlines()[0].startswith("facebook: messages[0].structuredContent.quickReplies")
    assert not [line for line in out.splitlines() if line.startswith("web:")]
    code, out, _ = run(capsys, "check", "--channel", "web", batch)
    assert (code, out.strip()) == (0, "no problems for web")


def test_check_as_json_and_with_sources(capsys, tmp_path):
    batch = _batch(tmp_path, chips(14))
    code, problems = run_json(capsys, "check", "--channel", "facebook", batch)
    assert code == 1
    assert problems[0]["severity"] == "error"
    assert problems[0]["channel"] == "facebook"
    code, out, _ = run(capsys, "check", "--channel", "facebook", "--sources", batch)
    assert "    source: https://" in out


def test_check_with_an_unknown_channel_or_file_is_a_usage_error(capsys, tmp_path):
    batch = _batch(tmp_path, chips(2))
    code, _, err = run(capsys, "check", "--channel", "myspace", batch)
    assert code == 2
    assert "myspace" in err
    code, _, err = run(capsys, "check", "--channel", "web", str(tmp_path / "missing.json"))
    assert code == 2


def test_send_with_a_channel_error_sends_nothing(sim, capsys, tmp_path):
    code, _, err = run(
        capsys, "send", CONV, "--batch", _batch(tmp_path, chips(14)), "--channel", "facebook"
    )
    assert code == 2
    assert "facebook" in err
    assert sim.commands(CONV) == []


def test_send_with_channel_warnings_sends_and_shows_them(sim, capsys, tmp_path):
    """A 30-character chip title: the web cuts it at 25 (a warning), the API accepts it."""
    batch = _batch(tmp_path, chips(2, title="A chip title of thirty chars.."))
    code, out, err = run(capsys, "send", CONV, "--batch", batch, "--channel", "web")
    assert code == 0
    assert out.startswith("commandId: ")
    assert err.startswith("web: ")
    assert len(sim.commands(CONV)) == 1
