"""The operator subcommands of ``lptpb``, run in-process against the simulator over real HTTP."""

from __future__ import annotations

import http.server
import io
import json
import re
import shlex
import threading

import pytest

from lptpb_ext.cli import SUBCOMMANDS, main
from lptpb_ext.cli._common import EXIT_CODES
from tests.spec import ROOT

simulator = pytest.importorskip("lptpb_ext.simulator", reason="needs the sim extra")

CONV = simulator.MESSAGING_CONVERSATION
SKILL_MISSING = (
    "com.liveperson.bot-connectors-worker.error.pipes.messaging-handle-bot-action"
    ".transfer-skill-not-existing"
)
SECRETS = {
    "LPTPB_PASSWORD": "pw-Zq8-never-shown",
    "LPTPB_APP_KEY": "ak-Zq8-never-shown",
    "LPTPB_SECRET": "sc-Zq8-never-shown",
    "LPTPB_ACCESS_TOKEN": "at-Zq8-never-shown",
    "LPTPB_ACCESS_TOKEN_SECRET": "ats-Zq8-never-shown",
    "LPTPB_BEARER": "br-Zq8-never-shown",
}
CREDENTIAL_VARS = (
    "LPTPB_USERNAME",
    *SECRETS,
    "LPTPB_ZONE",
    "LPTPB_BASE_URL",
    "LPTPB_ACCOUNT",
    "LPTPB_PROFILE",
    "LPTPB_SESSION_STORE",
    "LPTPB_KEYRING",
)


@pytest.fixture(scope="module")
def served():
    sim = simulator.Simulator()
    with simulator.serve(sim) as url:
        yield sim, url


@pytest.fixture
def sim(served, monkeypatch, tmp_path):
    """A reset simulator, and the environment of its password user (with a configuration
    directory and a session store of the test's own)."""
    sim, url = served
    sim.reset()
    for name in CREDENTIAL_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LPTPB_CONFIG", str(tmp_path / "config" / "config.toml"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("LPTPB_ACCOUNT", simulator.DEFAULT_ACCOUNT)
    monkeypatch.setenv("LPTPB_BASE_URL", url)
    monkeypatch.setenv("LPTPB_USERNAME", simulator.PASSWORD_USER)
    monkeypatch.setenv("LPTPB_PASSWORD", simulator.PASSWORD)
    return sim


@pytest.fixture
def url(served):
    return served[1]


def tripwire(sim):
    """A fault any request would consume: while it is pending, nothing reached the simulator."""
    sim.add_fault(simulator.Fault.latency(0))
    return lambda: len(sim.faults.pending()) == 1


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """``lptpb argv...``: exit code, stdout, stderr."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv: str) -> tuple[int, object]:
    code, out, _ = run(capsys, *argv, "--json")
    return code, json.loads(out)


def test_login_prints_ok_and_the_base_url(sim, url, capsys):
    """login exits 0 with OK and the base URL; the JSON form holds nothing but who and where."""
    code, out, err = run(capsys, "login")
    assert (code, err) == (0, "")
    assert out == f"OK: account 12345678 as someuser at {url}\n"
    code, report = run_json(capsys, "login")
    assert code == 0
    assert report == {"ok": True, "account": "12345678", "user": "someuser", "baseUrl": url}


def test_login_with_api_key_and_password_stdin(sim, capsys, monkeypatch):
    """The API key comes from its four variables; --password-stdin reads the first line."""
    monkeypatch.delenv("LPTPB_PASSWORD")
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{simulator.PASSWORD}\nignored\n"))
    assert run(capsys, "login", "--password-stdin")[0] == 0
    monkeypatch.setenv("LPTPB_USERNAME", simulator.API_KEY_USER)
    for field, var in [
        ("appKey", "LPTPB_APP_KEY"),
        ("secret", "LPTPB_SECRET"),
        ("accessToken", "LPTPB_ACCESS_TOKEN"),
        ("accessTokenSecret", "LPTPB_ACCESS_TOKEN_SECRET"),
    ]:
        monkeypatch.setenv(var, simulator.API_KEY[field])
    code, out, _ = run(capsys, "login")
    assert (code, out.startswith("OK: account 12345678 as someusername")) == (0, True)


def test_bad_password_exits_3_in_one_line_without_the_password(sim, capsys, monkeypatch):
    """A refused login is exit 3 with one stderr line naming the 401, never the password."""
    monkeypatch.setenv("LPTPB_PASSWORD", SECRETS["LPTPB_PASSWORD"])
    code, out, err = run(capsys, "login")
    assert (code, out) == (3, "")
    assert err.count("\n") == 1
    assert err.startswith("lptpb login: login: HTTP 401")
    assert SECRETS["LPTPB_PASSWORD"] not in err


@pytest.mark.parametrize(
    "case",
    [
        ({"LPTPB_ACCOUNT": ""}, [], "no account"),
        ({"LPTPB_PASSWORD": ""}, [], "no credentials"),
        ({"LPTPB_BEARER": "x"}, [], "several kinds"),
        ({"LPTPB_APP_KEY": "x"}, ["--auth", "api-key"], "LPTPB_SECRET"),
        ({"LPTPB_BASE_URL": "http://example.com"}, [], "http"),
    ],
)
def test_configuration_problems_exit_2_before_any_request(sim, capsys, monkeypatch, case):
    """Missing, ambiguous or unsafe settings are exit 2, and nothing reaches the simulator."""
    environment, argv, problem = case
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    untouched = tripwire(sim)
    code, _, err = run(capsys, "login", *argv)
    assert code == 2
    assert problem in err
    assert untouched()


def test_send_texts_makes_one_command_of_all_texts(sim, capsys):
    """send CONV TEXT TEXT prints the commandId of one command holding both texts in order."""
    code, out, _ = run(capsys, "send", CONV, "hello", "world")
    assert code == 0
    command_id = re.fullmatch(r"commandId: (\d+)\n", out).group(1)
    (command,) = sim.commands(CONV)
    assert command["id"] == command_id
    assert [m["payload"] for m in command["data"]["payload"]] == ["hello", "world"]


@pytest.mark.parametrize("source", ["stdin", "file"])
def test_send_json_batch_from_stdin_or_a_file(sim, capsys, monkeypatch, tmp_path, source):
    """--batch - reads stdin and --batch FILE a file; the batch arrives as one command."""
    batch = json.dumps({"messages": ["first", {"delay": 1}, "second"]})
    if source == "stdin":
        monkeypatch.setattr("sys.stdin", io.StringIO(batch))
        where = "-"
    else:
        where = str(tmp_path / "batch.json")
        (tmp_path / "batch.json").write_text(batch, encoding="utf-8")
    code, report = run_json(capsys, "send", CONV, "--batch", where)
    assert code == 0
    (command,) = sim.commands(CONV)
    assert report == {"commandId": command["id"]}
    assert [m["type"] for m in command["data"]["payload"]] == ["text", "delay", "text"]


def test_send_wait_prints_the_completed_outcome(sim, capsys):
    """--wait prints the outcome after the commandId, and the command did complete."""
    code, out, _ = run(capsys, "send", CONV, "hi", "--wait")
    assert code == 0
    assert re.fullmatch(r"commandId: \d+\noutcome: completed\n", out)
    assert sim.commands(CONV)[0]["state"] == "completed"


def test_transfer_to_an_unknown_skill_fails_with_its_error_name(sim, capsys):
    """A waited transfer to a missing skill ends failed, names the error, and exits 1."""
    code, report = run_json(capsys, "transfer", CONV, "no_such_skill", "--wait")
    assert code == 1
    assert report["status"] == "failed"
    assert report["errorName"] == SKILL_MISSING
    code, out, _ = run(capsys, "transfer", CONV, "human_skill", "--wait")
    assert (code, out.splitlines()[-1]) == (0, "outcome: completed")
    assert sim.conversation_state(CONV)["skill"] == "human_skill"


def test_close_then_send_exits_4(sim, capsys):
    """A waited close reports closed; the next send on it is not found (exit 4)."""
    code, report = run_json(capsys, "close", CONV, "--wait")
    assert (code, report["status"], report["conversationClosed"]) == (0, "not_visible", True)
    assert sim.conversation_state(CONV)["open"] is False
    code, out, err = run(capsys, "send", CONV, "anyone there?")
    assert (code, out) == (4, "")
    assert err.startswith("lptpb send: sendMessages: HTTP 404")


def test_ttr_sets_the_time_to_response(sim, capsys):
    """ttr takes the type in any case and the conversation ends up with it."""
    code, out, _ = run(capsys, "ttr", CONV, "urgent", "--wait", "--ttl", "60")
    assert (code, out.splitlines()[-1]) == (0, "outcome: completed")
    assert sim.conversation_state(CONV)["ttr"] == "URGENT"
    with pytest.raises(SystemExit) as usage:
        main(["ttr", CONV, "CUSTOM"])
    assert usage.value.code == 2


def test_invalid_ttl_is_exit_2_names_the_field_and_sends_nothing(sim, capsys):
    """--ttl 5 is refused before sending: exit 2, the field named, no command created."""
    untouched = tripwire(sim)
    code, out, err = run(capsys, "send", CONV, "hi", "--ttl", "5")
    assert (code, out) == (2, "")
    assert err.startswith("lptpb send: ttl: must be between 10 and 120")
    assert untouched()
    assert sim.commands(CONV) == []


def test_commands_lists_as_a_table_and_as_json(sim, capsys):
    """commands prints an aligned table, newest first, and --json the API's command objects."""
    for text in ("one", "two"):
        run(capsys, "send", CONV, text)
    run(capsys, "transfer", CONV, "no_such_skill", "--wait")
    code, out, _ = run(capsys, "commands", CONV)
    header, *rows = out.splitlines()
    assert code == 0
    assert header.split() == ["ID", "TYPE", "STATE", "EXPIRES", "(UTC)", "ERROR"]
    assert [row.split()[:2] for row in rows] == [
        ["3", "transfer"],
        ["2", "messages"],
        ["1", "messages"],
    ]
    assert rows[0].split()[2] == "failed"
    assert rows[0].endswith(SKILL_MISSING)
    assert len({row.index(row.split()[1]) for row in rows}) == 1  # TYPE starts in one column
    code, listed = run_json(capsys, "commands", CONV)
    assert code == 0
    assert [c["id"] for c in listed] == ["3", "2", "1"]
    assert listed[0]["result"]["error"]["name"] == SKILL_MISSING


def test_watch_prints_changes_until_all_settle(sim, capsys):
    """watch prints each command waiting, then completed, and exits 0 once none waits."""
    run(capsys, "send", CONV, "watched")
    code, out, _ = run(capsys, "watch", CONV, "--interval", "0.05")
    assert code == 0
    lines = [line.split() for line in out.splitlines()]
    assert lines[0][:3] == ["1", "messages", "waiting"]
    assert lines[-2][:3] == ["1", "messages", "completed"]
    assert out.endswith("all 1 commands settled\n")


def test_watch_json_lines_are_state_changes(sim, capsys):
    """watch --json prints one JSON object per change: each command waiting, then settled."""
    run(capsys, "send", CONV, "a")
    run(capsys, "transfer", CONV, "no_such_skill")
    code, out, _ = run(capsys, "watch", CONV, "--interval", "0.05", "--json")
    assert code == 0
    changes = [json.loads(line) for line in out.splitlines()]
    by_id = {cid: [c["state"] for c in changes if c["id"] == cid] for cid in ("1", "2")}
    assert by_id == {"1": ["waiting", "completed"], "2": ["waiting", "failed"]}
    settled = {c["id"]: c["error"] for c in changes if c["state"] != "waiting"}
    assert settled == {"1": None, "2": SKILL_MISSING}


def test_watch_on_a_terminal_redraws_one_table_in_place(sim, capsys, monkeypatch):
    """On a TTY each refresh moves the cursor up over the previous table and clears it."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr("sys.stdout", screen)
    run(capsys, "send", CONV, "on screen")
    code = main(["watch", CONV, "--interval", "0.05"])
    frames = re.split(r"\x1b\[3F\x1b\[J", screen.getvalue().split("commandId: 1\n", 1)[1])
    assert code == 0
    assert len(frames) >= 2  # drawn waiting, then redrawn at least once
    status, header, row = frames[-1].splitlines()
    assert status.startswith(f"{CONV}: 0 waiting, 1 settled")
    assert (header.split()[0], row.split()[:3]) == ("ID", ["1", "messages", "completed"])
    assert frames[0].splitlines()[2].split()[2] == "waiting"


def test_watch_times_out_with_exit_7_while_commands_wait(sim, capsys):
    """Commands held waiting make watch stop at --timeout with exit 7, saying how many wait."""
    sim.hold_commands()
    run(capsys, "send", CONV, "held")
    code, _, err = run(capsys, "watch", CONV, "--interval", "0.05", "--timeout", "0.3")
    assert code == 7
    assert err == "lptpb watch: 1 command(s) still waiting after 0.3s\n"


def test_an_uncertain_send_is_exit_6(sim, capsys):
    """A connection dropped after the server took the send: outcome unknown, exit 6."""
    sim.add_fault(simulator.Fault.drop_after(operation="sendMessages"))
    code, out, err = run(capsys, "send", CONV, "maybe")
    assert (code, out) == (6, "")
    assert "may or may not have been created" in err
    assert len(sim.commands(CONV)) == 1


@pytest.fixture
def nonsense_hints():
    """A loopback server: login works, every send is a 503 with ``Retry-After: nan``."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("content-length") or 0))
            if self.path.split("?")[0].endswith("/login"):
                self._answer(200, b'{"bearer": "b-1"}', {"content-type": "application/json"})
            else:
                self._answer(503, b"busy", {"retry-after": "nan"})

        def _answer(self, status: int, body: bytes, headers: dict[str, str]) -> None:
            self.send_response(status)
            for name, value in {**headers, "content-length": str(len(body))}.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_a_nonsense_retry_after_is_one_line_and_exit_5(sim, capsys, monkeypatch, nonsense_hints):
    """A 503 whose Retry-After is ``nan`` ends as an API error in one line, not a traceback."""
    monkeypatch.setenv("LPTPB_BASE_URL", nonsense_hints)
    code, out, err = run(capsys, "send", CONV, "hello")
    assert (code, out) == (5, "")
    assert err.count("\n") == 1
    assert "HTTP 503" in err


def test_secrets_from_the_environment_never_appear_in_any_output(sim, capsys, monkeypatch):
    """No secret set in the environment shows in --help, successes or failures of any kind."""
    for name, value in SECRETS.items():
        monkeypatch.setenv(name, value)
    outputs = []
    for module in SUBCOMMANDS:
        with pytest.raises(SystemExit):
            main([module.NAME, "--help"])
        outputs.append(capsys.readouterr())
    for auth in ("password", "api-key", "bearer"):
        for argv in (["login"], ["send", CONV, "hi", "--wait"], ["watch", CONV]):
            main([*argv, "--auth", auth])
            outputs.append(capsys.readouterr())
    main(["login"])  # several kinds set: a usage error
    outputs.append(capsys.readouterr())
    text = "\n".join(o.out + o.err for o in outputs)
    assert "usage: lptpb watch" in text
    assert "HTTP 401" in text
    assert "several kinds" in text
    for secret in SECRETS.values():
        assert secret not in text


def readme_section() -> str:
    """The command line's guide (``docs/guides/cli.md``): its operator session, its tables."""
    return (ROOT / "docs" / "guides" / "cli.md").read_text(encoding="utf-8")


def test_every_exit_code_is_documented_in_the_readme():
    """README's command line section lists each exit code the tool uses, with its meaning."""
    section = readme_section()
    documented = {int(code) for code in re.findall(r"^\| (\d+) \|", section, flags=re.MULTILINE)}
    assert documented == set(EXIT_CODES)


DOCUMENTED_URL = "http://127.0.0.1:8080"
DOCUMENTED_CONFIG = "~/.config/lptpb/config.toml"
CLOCK = re.compile(r"\b\d\d:\d\d:\d\d\b")
LATENCY = re.compile(r"\(\d+(?:\.\d+)? ms,")


def normal(line: str) -> str:
    return LATENCY.sub("(N ms,", CLOCK.sub("hh:mm:ss", line))


def test_the_readme_session_prints_what_it_shows(sim, url, capsys, monkeypatch, tmp_path):
    """Each ``$ lptpb`` line of the README's operator session, run in turn with only a profile
    and the password set, prints its lines; the whole session logs in once."""
    block = re.search(r"```console\n(.*?)```", readme_section(), flags=re.DOTALL).group(1)
    steps: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            steps[-1][1].append(line)
    for name in ("LPTPB_ACCOUNT", "LPTPB_BASE_URL", "LPTPB_USERNAME"):
        monkeypatch.delenv(name)
    config = str(tmp_path / "config" / "config.toml")
    ran = 0
    for command, expected in steps:
        if command.startswith("export "):
            for word in shlex.split(command)[1:]:
                name, value = word.split("=", 1)
                assert name == "LPTPB_PROFILE"
                monkeypatch.setenv(name, value)
        if not command.startswith(("lptpb ", "echo ")) or command.startswith("lptpb sim"):
            continue
        line, shows_exit = re.subn(r'; echo "exit \$\?"$', "", command.replace("$CONV", CONV))
        line = line.replace(DOCUMENTED_URL, url)
        if " | " in line:
            echo, line = line.split(" | ")
            monkeypatch.setattr("sys.stdin", io.StringIO(shlex.split(echo)[1]))
        argv = shlex.split(line)
        code = main(argv[1:])
        out, err = capsys.readouterr()
        printed = (out + err).replace(url, DOCUMENTED_URL).replace(config, DOCUMENTED_CONFIG)
        lines = printed.splitlines() + ([f"exit {code}"] if shows_exit else [])
        assert shows_exit or code == 0, (command, err)
        # stdout and stderr meet on a terminal: the lines are the same, each stream's in order
        assert sorted(map(normal, lines)) == sorted(map(normal, expected)), command
        out = out.replace(url, DOCUMENTED_URL).replace(config, DOCUMENTED_CONFIG)
        shown = [normal(x) for x in out.splitlines()]
        assert [x for x in map(normal, expected) if x in shown] == shown, command
        ran += 1
    assert ran == 12
    assert sim.snapshot()["accounts"][0]["users"][0]["logins"] == 1


def test_watch_stops_with_exit_4_when_the_conversation_closes(sim, capsys):
    """A close that runs during the watch ends it with exit 4 and one line saying why."""
    run(capsys, "close", CONV)
    code, out, err = run(capsys, "watch", CONV, "--interval", "0.05")
    assert code == 4
    assert out.split()[:3] == ["1", "close", "waiting"]
    assert err == "lptpb watch: the conversation was closed or left by its bot; stopped watching\n"
