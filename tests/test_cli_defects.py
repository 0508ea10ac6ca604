"""Issue 15's defects of ``lptpb``, each as it was seen: every test here failed before the fix.

The command lines run against the simulator over HTTP on 127.0.0.1 (in-process through
``main``, or as real processes where a pipe or the interpreter's start matters).
"""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys

import httpx
import pytest

from lptpb_ext import _transport
from tests.cli_support import (
    CONV,
    LPTPB,
    logins,
    process,
    run,
    simulator,
    tripwire,
)
from tests.spec import ROOT

SECRET = "s3cr3t-value"  # noqa: S105 - what must never be shown

pytest_plugins = ("tests.cli_fixtures",)  # the simulator and environment fixtures


def test_options_between_positionals(sim, capsys):
    """``send CONV --wait hello`` sends "hello" and waits (before: ``unrecognized arguments:
    hello``); texts, pauses and notes keep the order they were typed in."""
    code, out, err = run(capsys, "send", CONV, "--wait", "hello", "--pause", "1", "again")
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == "outcome: completed"
    (command,) = sim.commands(CONV)
    assert [m["type"] for m in command["data"]["payload"]] == ["text", "delay", "text"]
    assert command["data"]["payload"][0]["payload"] == "hello"
    code, out, _ = run(capsys, "transfer", "--wait", CONV, "--ttl", "30", simulator.SKILL)
    assert (code, out.splitlines()[-1]) == (0, "outcome: completed")


@pytest.mark.parametrize(
    "argv",
    [
        ["--password=" + SECRET],
        ["--password", SECRET],
        ["--pass", SECRET],
        ["--pass=" + SECRET],
        ["--password-stdin=" + SECRET],
        ["--bearer", SECRET],
    ],
    ids=lambda argv: argv[0].split("=")[0] + ("=" if "=" in argv[0] else " "),
)
def test_no_prefix_matching_and_no_secret_echoed(sim, capsys, argv):
    """``--password=…`` was taken as ``--password-stdin`` and its value printed (``ignored
    explicit argument 's3cr3t-value'``). Now no option is abbreviated, nothing is sent, and no
    value of such an option reaches the terminal: exit 2."""
    untouched = tripwire(sim)
    with pytest.raises(SystemExit) as done:
        main_login(argv)
    out, err = capsys.readouterr()
    assert done.value.code == 2
    assert SECRET not in out + err
    assert "error:" in err
    assert untouched()


def main_login(argv: list[str]) -> None:
    from lptpb_ext.cli import main  # noqa: PLC0415

    main(["login", *argv])


def test_a_password_flag_says_where_passwords_come_from(sim, capsys):
    """``--password`` is refused with the reason and the ways that work."""
    with pytest.raises(SystemExit):
        main_login(["--password", SECRET])
    err = capsys.readouterr().err
    assert "LPTPB_PASSWORD" in err
    assert "--password-stdin" in err
    assert "not shown" in err


def closed_stdout(*argv: str) -> subprocess.CompletedProcess[str]:
    """``lptpb argv`` whose stdout is a pipe with no reader (``| head -1`` that has left)."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run(  # noqa: S603 - our own console script
            [LPTPB, *argv],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            env=dict(os.environ),
            timeout=120,
        )
    finally:
        os.close(write)


def test_a_closed_stdout_ends_quietly(sim, capsys):
    """``commands | head -1`` and ``watch --json | head -1`` printed a BrokenPipeError
    traceback; now they stop without a word, exit 141 (what a shell shows for SIGPIPE)."""
    run(capsys, "send", CONV, "one")
    for argv in (["commands", CONV], ["watch", CONV, "--json", "--interval", "0.05"]):
        done = closed_stdout(*argv)
        assert (done.returncode, done.stderr) == (141, ""), argv


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_connection_failure_names_the_url_and_the_cause(sim, capsys, monkeypatch):
    """A closed port said only ``login: ConnectError: not sent``; now the URL tried and the
    cause are named (exit 6)."""
    base = f"http://127.0.0.1:{closed_port()}"
    monkeypatch.setenv("LPTPB_BASE_URL", base)
    code, out, err = run(capsys, "login")
    assert (code, out) == (6, "")
    assert err.startswith(
        f"lptpb login: login: ConnectError on POST {base}/api/v1/account/12345678/login?v=1.3: "
    )
    assert "refused" in err.lower()
    assert err.rstrip().endswith("(not sent)")


def test_a_base_url_without_a_scheme_is_a_usage_error(sim, capsys, monkeypatch):
    """``127.0.0.1:8080`` is no URL: exit 2 before anything is sent, saying what to write."""
    untouched = tripwire(sim)
    monkeypatch.setenv("LPTPB_BASE_URL", "127.0.0.1:8080")
    code, _, err = run(capsys, "login")
    assert code == 2
    assert "env LPTPB_BASE_URL: '127.0.0.1:8080' is not a URL" in err
    assert "http://127.0.0.1:8080" in err
    assert untouched()


def test_an_unreachable_zone_names_its_host(sim, capsys, monkeypatch):
    """``--zone Z1`` that cannot be reached names the zone's URL and why (no network here: the
    HTTP client answers as a failed DNS lookup would)."""

    def unreachable(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno -3] Temporary failure in name resolution", request=request)

    monkeypatch.setattr(
        _transport,
        "deadline_client",
        lambda: httpx.Client(transport=httpx.MockTransport(unreachable)),
    )
    monkeypatch.delenv("LPTPB_BASE_URL")
    code, _, err = run(capsys, "login", "--zone", "Z1")
    assert code == 6
    assert "ConnectError on POST https://bot-platform-api.fs.liveperson.com/api/v1/account/" in err
    assert "Temporary failure in name resolution" in err


def test_a_malformed_seed_is_one_line(tmp_path, capsys):
    """``sim --seed bad.json`` printed a 25-line YAML traceback; now one line naming the file,
    line and column (exit 2)."""
    seed = tmp_path / "bad.json"
    seed.write_text('{"accounts": [\n', encoding="utf-8")
    code, out, err = run(capsys, "sim", "--seed", str(seed), "--port", "0")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert f"{seed}: line 2, column 1: not valid YAML or JSON" in err
    assert isinstance(simulator.SeedError(err), ValueError)
    with pytest.raises(simulator.SeedError):
        simulator.load_seed(seed)


def test_an_unknown_key_in_a_batch_is_named(sim, capsys, tmp_path):
    """``{"msgs": [...]}`` said only ``messages: Field required (and 1 more)``."""
    batch = tmp_path / "batch.json"
    batch.write_text(json.dumps({"msgs": ["hi"]}), encoding="utf-8")
    code, _, err = run(capsys, "send", CONV, "--batch", str(batch))
    assert code == 2
    assert "messages: Field required" in err
    assert "msgs: Extra inputs are not permitted [additionalProperties]" in err


def test_several_kinds_of_credentials_say_what_to_do(sim, capsys, monkeypatch):
    """``credentials of several kinds are set (bearer, password); --auth`` read as cut off."""
    monkeypatch.setenv("LPTPB_BEARER", "b-1")
    code, _, err = run(capsys, "login")
    assert code == 2
    assert "pick one with --auth bearer|password, or unset the others" in err


def without(module: str, code: str) -> subprocess.CompletedProcess[str]:
    """``code`` run in a fresh interpreter where ``module`` cannot be imported."""
    program = f"import sys; sys.modules[{module!r}] = None\n{code}"
    return subprocess.run(  # noqa: S603 - our interpreter
        [sys.executable, "-c", program], capture_output=True, text=True, check=False
    )


def test_the_simulator_without_its_extra_says_which_to_install():
    """``import lptpb_ext.simulator`` said only ``No module named 'yaml'``."""
    done = without("yaml", "import lptpb_ext.simulator")
    assert done.returncode == 1
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("ModuleNotFoundError: lptpb_ext.simulator needs")
    assert "(yaml missing): pip install 'lptpb[sim]'" in last
    assert "'lptpb[cli]', includes it" in last


def test_lptpb_without_its_extra_says_which_to_install():
    """The ``lptpb`` script is installed with the library; without the ``cli`` extra it says,
    in one line and before anything else, which extra to install (exit 2)."""
    done = without("argcomplete", "from lptpb_ext.cli import main; sys.exit(main(['login']))")
    assert done.returncode == 2
    assert done.stderr == (
        "lptpb needs the command line's extra (argcomplete missing): pip install 'lptpb[cli]'\n"
    )


def test_one_story_for_the_extras_in_the_readme():
    """The README names ``[cli]`` for the command (which includes the simulator) and
    ``[sim]`` for the simulator alone, and nothing else."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "add `[sim]` for the simulator and the `lptpb` command" not in readme
    assert "pip install 'lptpb[cli]'" in readme
    assert importlib.util.find_spec("argcomplete") is not None


def test_make_demo_and_the_command_line_use_one_vocabulary(sim, capsys):
    """A waited close printed ``closed`` where ``make demo`` prints ``not_visible``: both now
    print the SDK's outcome, ``not_visible (the conversation is closed or no longer handled by
    a bot)``, and for a close it is success (exit 0)."""
    code, out, _ = run(capsys, "close", CONV, "--wait")
    words = "not_visible (the conversation is closed or no longer handled by a bot)"
    assert (code, out.splitlines()[-1]) == (0, f"outcome: {words}")
    spec = importlib.util.spec_from_file_location("demo", ROOT / "scripts" / "demo.py")
    assert spec is not None
    assert spec.loader is not None
    demo = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(demo)
    assert demo.main() == 0
    assert f"-> {words}" in capsys.readouterr().out


def test_two_commands_log_in_once(sim, url):
    """Issue 13: two successive ``lptpb send`` processes share the per-user file store (the
    default), so the simulator sees one login in all; ``--session-store memory:`` opts out."""
    for text in ("first", "second"):
        assert process("send", CONV, text).returncode == 0
    assert logins(sim) == 1
    for text in ("third", "fourth"):
        assert process("send", CONV, text, "--session-store", "memory:").returncode == 0
    assert logins(sim) == 3
