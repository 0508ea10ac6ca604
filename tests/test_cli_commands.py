"""The commands issue 15 added (sdes, join, remove, command, api), ``--dry-run`` on every
sending command, ``-v``/``-vv`` and JSON errors, against the simulator over HTTP, sync."""

from __future__ import annotations

import json
import re

import pytest

from lptpb_ext.cli import build_parser, main
from tests.cli_support import (
    CONV,
    logins,
    run,
    run_json,
    simulator,
    tripwire,
)

COMMANDS = [
    *("login", "send", "transfer", "close", "ttr", "sdes", "join", "remove", "commands"),
    *("command", "watch", "api", "check", "bulk", "profile", "keyring", "completion", "sim"),
]
PREFIX = f"POST /api/v1/account/12345678/conversation/{CONV}"
SENDING = {
    "send": (["send", CONV, "hi", "--pause", "1"], "/messages?ttl=30"),
    "transfer": (["transfer", CONV, simulator.SKILL], "/transfer?ttl=30"),
    "close": (["close", CONV, "--ttl", "60"], "/close?ttl=60"),
    "ttr": (["ttr", CONV, "urgent"], "/ttr?ttl=30"),
    "sdes": (
        ["sdes", CONV, "--visitor-id", "v1", "--session-id", "s1", "--customer-id", "c1"],
        "/sdes?ttl=30",
    ),
    "join": (["join", CONV, simulator.BOT_AGENT_ID], "/joinConversation"),
    "remove": (["remove", CONV, simulator.BOT_AGENT_ID], "/removeAgent"),
}

pytest_plugins = ("tests.cli_fixtures",)  # the simulator and environment fixtures


def test_help_lists_every_command(capsys):
    """``lptpb --help`` names every subcommand."""
    with pytest.raises(SystemExit):
        main(["--help"])
    listed = re.findall(r"^    (\w+)", capsys.readouterr().out, flags=re.MULTILINE)
    assert listed == COMMANDS
    assert list(build_parser().commands) == COMMANDS


def test_sdes_from_flags(sim, capsys):
    """Customer and personal info from flags become one setSdes command that completes."""
    code, out, _ = run(
        capsys, "sdes", CONV, "--visitor-id", "v-1", "--session-id", "s-1",
        "--customer-id", "138766AC", "--customer-type", "vip", "--balance", "-400.99",
        "--currency", "USD", "--first-name", "John", "--email", "john@example.com",
        "--gender", "male", "--wait",
    )  # fmt: skip
    assert (code, out.splitlines()[-1]) == (0, "outcome: completed")
    (command,) = sim.commands(CONV)
    assert command["data"]["type"] == "sdes"
    code, dry = run_json(
        capsys, "sdes", CONV, "--visitor-id", "v", "--session-id", "s", "--customer-id", "c",
        "--first-name", "J", "--phone", "555", "--dry-run",
    )  # fmt: skip
    assert dry["body"] == {
        "sdes": [
            {"type": "ctmrinfo", "info": {"customerId": "c"}},
            {"type": "personal", "personal": {"firstname": "J", "contacts": [{"phone": "555"}]}},
        ],
        "sharkVisitorId": "v",
        "sharkSessionId": "s",
    }


def test_sdes_from_a_file_with_its_ids(sim, capsys, tmp_path):
    """A file gives any SDE type and may hold the visitor and session ids; its SDEs go first."""
    document = {
        "sdes": [{"type": "searchInfo", "keywords": ["shoes"]}],
        "sharkVisitorId": "v-2",
        "sharkSessionId": "s-2",
    }
    path = tmp_path / "sdes.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    code, dry = run_json(
        capsys, "sdes", CONV, "--file", str(path), "--company", "Acme", "--dry-run"
    )
    assert code == 0
    assert [s["type"] for s in dry["body"]["sdes"]] == ["searchInfo", "personal"]
    assert dry["body"]["sharkVisitorId"] == "v-2"
    code, out, _ = run(capsys, "sdes", CONV, "--file", str(path), "--wait")
    assert (code, out.splitlines()[-1]) == (0, "outcome: completed")
    code, _, err = run(capsys, "sdes", CONV, "--file", str(path), "--visitor-id", "other")
    assert code == 2
    assert "--visitor-id and the file's sharkVisitorId differ" in err


def test_sdes_problems_are_named_before_sending(sim, capsys, tmp_path):
    """A bad SDE is refused with its path and rule; missing ids and SDEs are usage errors."""
    untouched = tripwire(sim)
    path = tmp_path / "sdes.json"
    path.write_text(json.dumps([{"type": "personal", "personal": {"firstname": 1}}]), "utf-8")
    cases = [
        (["--file", str(path), "--visitor-id", "v", "--session-id", "s"], "sdes[0].personal"),
        (["--customer-id", "c", "--session-id", "s"], "the SDEs need --visitor-id"),
        (["--visitor-id", "v", "--session-id", "s"], "no SDEs"),
    ]  # fmt: skip
    for argv, problem in cases:
        code, _, err = run(capsys, "sdes", CONV, *argv)
        assert (code, problem in err) == (2, True), err
    assert untouched()


def test_join_and_remove_a_bot(sim, capsys):
    """join adds the stopped bot to the conversation and remove takes it out, both waited."""
    code, out, _ = run(capsys, "join", CONV, simulator.BOT_AGENT_ID, "--message", "hi", "--wait")
    assert (code, out.splitlines()[-1]) == (0, "outcome: completed")
    code, out, _ = run(capsys, "remove", CONV, simulator.BOT_AGENT_ID, "--wait")
    assert (code, out.splitlines()[-1]) == (0, "outcome: completed")
    code, report = run_json(capsys, "join", CONV, "no-such-bot", "--wait")
    assert (code, report["status"]) == (1, "failed")
    assert report["errorName"].endswith("agent-not-authorized")


def test_command_shows_one_command(sim, capsys):
    """command CONV ID prints one command's fields, or the API's object with --json."""
    run(capsys, "transfer", CONV, "no_such_skill", "--wait")
    code, out, _ = run(capsys, "command", CONV, "1")
    lines = out.splitlines()
    assert code == 0
    assert lines[:3] == ["id: 1", "type: transfer", "state: failed"]
    assert lines[-1].startswith("error: com.liveperson.")
    code, command = run_json(capsys, "command", CONV, "1")
    assert (code, command["id"], command["state"]) == (0, "1", "failed")
    code, _, err = run(capsys, "command", CONV, "99")
    assert code == 4
    assert "getCommand: HTTP 404" in err


def test_api_get_and_post_through_the_session(sim, capsys):
    """api calls any path under the account with the session of the other commands (one
    login), prints the answer, and POSTs a --data body."""
    body = json.dumps({"messages": ["raw"]})
    code, accepted = run_json(
        capsys, "api", "POST", f"conversation/{CONV}/messages?ttl=30", "--data", body
    )
    assert code == 0
    assert set(accepted) == {"commandId"}
    code, listed = run_json(
        capsys, "api", "GET", f"/api/v1/account/{{account}}/conversation/{CONV}/command"
    )
    assert (code, [c["id"] for c in listed]) == (0, [accepted["commandId"]])
    assert logins(sim) == 1
    code, out, _ = run(capsys, "api", "get", f"conversation/{CONV}/command/1")
    assert code == 0
    assert json.loads(out)["data"]["payload"][0]["payload"] == "raw"


def test_api_masks_secrets_in_answers(sim, capsys):
    """A raw login answers a bearer: api prints it masked."""
    body = json.dumps(
        {"authType": "USER_PASS",
         "credentials": {"username": simulator.PASSWORD_USER, "password": simulator.PASSWORD}}
    )  # fmt: skip
    code, answer = run_json(
        capsys, "api", "POST", "/api/v1/account/{account}/login?v=1.3", "--data", body
    )
    assert (code, answer) == (0, {"bearer": "***"})


@pytest.mark.parametrize(
    ("argv", "problem"),
    [
        (["GET", "https://elsewhere.example/api"], "give a path, not a URL"),
        (["GET", "conversation/../login"], "'.' and '..' segments"),
        (["GET", "conversation/x/command", "--data", "{}"], "a GET has no body"),
        (["POST", "conversation/x/messages", "--data", "{nope"], "--data is not JSON"),
        (["G3T", "conversation/x/command"], "is not an HTTP method"),
    ],
)
def test_api_refuses_bad_requests_before_sending(sim, capsys, argv, problem):
    """Paths that would leave the host or the path, bodies that are no JSON: exit 2."""
    untouched = tripwire(sim)
    code, _, err = run(capsys, "api", *argv)
    assert (code, problem in err) == (2, True), err
    assert untouched()


def test_api_errors_keep_their_exit_codes(sim, capsys):
    """An error status is the typed error of any command: 404 exits 4."""
    code, _, err = run(capsys, "api", "GET", "conversation/no-such/command")
    assert code == 4
    assert err.startswith("lptpb api: api: HTTP 404")


@pytest.mark.parametrize("name", SENDING)
def test_dry_run_prints_the_request_and_sends_nothing(sim, capsys, monkeypatch, name):
    """--dry-run validates and prints method, path and body; no credentials, no request."""
    monkeypatch.delenv("LPTPB_PASSWORD")
    untouched = tripwire(sim)
    argv, path = SENDING[name]
    code, out, err = run(capsys, *argv, "--dry-run")
    assert code == 0
    assert out.splitlines()[0] == PREFIX + path
    assert err == "dry run: the request is valid; nothing was sent\n"
    code, report = run_json(capsys, *argv, "--dry-run")
    assert (code, report["dryRun"], report["method"]) == (0, True, "POST")
    assert untouched()
    assert sim.commands(CONV) == []


def test_dry_run_of_an_invalid_request_is_exit_2(sim, capsys):
    """A request --dry-run finds invalid is the same validation error, exit 2."""
    code, _, err = run(capsys, "send", CONV, "hi", "--ttl", "5", "--dry-run")
    assert code == 2
    assert err.startswith("lptpb send: ttl: must be between 10 and 120")
    code, _, err = run(capsys, "api", "POST", "conversation/c/close", "--dry-run", "--data", "[1]")
    assert code == 0


def verbose_lines(err: str) -> list[str]:
    return [re.sub(r"\(\d+(?:\.\d+)? ms", "(N ms", line) for line in err.splitlines()]


def test_verbose_prints_one_line_per_attempt(sim, url, capsys):
    """-v: method, URL, status, latency, attempt; a login, a re-login after the session was
    taken, the replay after it, and the retry of a 503."""
    code, _, err = run(capsys, "send", CONV, "one", "-v")
    base = f"{url}/api/v1/account/12345678"
    messages = f"{base}/conversation/{CONV}/messages?ttl=30"
    assert code == 0
    assert verbose_lines(err) == [
        f"* POST {base}/login?v=1.3 -> 200 (N ms, attempt 1, login)",
        f"* POST {messages} -> 200 (N ms, attempt 1)",
    ]
    sim.steal_session(simulator.PASSWORD_USER)
    sim.add_fault(simulator.Fault.server_error(503, operation="listCommands"))
    run(capsys, "send", CONV, "two", "-v")
    code, _, err = run(capsys, "commands", CONV, "--verbose")
    assert code == 0
    lines = verbose_lines(err)
    listing = f"{base}/conversation/{CONV}/command"
    assert lines == [
        f"* GET {listing} -> 503 (N ms, attempt 1)",
        f"* GET {listing} -> 200 (N ms, attempt 2)",
    ]


def test_verbose_shows_the_re_login(sim, url, capsys):
    """After another login took the session: 401, re-login, replay, in that order."""
    run(capsys, "send", CONV, "one")
    sim.steal_session(simulator.PASSWORD_USER)
    code, _, err = run(capsys, "send", CONV, "two", "-v")
    base = f"{url}/api/v1/account/12345678"
    messages = f"{base}/conversation/{CONV}/messages?ttl=30"
    assert code == 0
    assert verbose_lines(err) == [
        f"* POST {messages} -> 401 (N ms, attempt 1)",
        f"* POST {base}/login?v=1.3 -> 200 (N ms, attempt 1, re-login)",
        f"* POST {messages} -> 200 (N ms, attempt 1, replayed after re-login)",
    ]


def test_very_verbose_masks_secret_headers(sim, capsys, tmp_path):
    """-vv adds the headers; Authorization shows as ***, and no bearer appears anywhere."""
    code, _, err = run(capsys, "send", CONV, "hi", "-vv")
    store = json.loads((tmp_path / "state" / "lptpb" / "sessions.json").read_text("utf-8"))
    (entry,) = store["sessions"].values()
    assert code == 0
    assert "> authorization: ***" in err
    assert "< content-type: application/json" in err
    assert entry["bearer"] not in err
    assert simulator.PASSWORD not in err.replace("12345678", "")


def test_verbose_json_lines(sim, capsys):
    """-v with --json: each attempt is a JSON object on stderr."""
    code, out, err = run(capsys, "send", CONV, "hi", "-v", "--json")
    records = [json.loads(line)["http"] for line in err.splitlines()]
    assert code == 0
    assert json.loads(out) == {"commandId": "1"}
    assert [(r["method"], r["status"], r["attempt"], r["note"]) for r in records] == [
        ("POST", 200, 1, "login"),
        ("POST", 200, 1, None),
    ]


@pytest.mark.parametrize(
    ("argv", "code", "expected"),
    [
        (["send", CONV, "hi", "--ttl", "5"], 2,
         {"type": "RequestValidationError", "status": None, "path": "ttl", "rule": "minimum"}),
        (["send", "no-such-conversation", "hi"], 4,
         {"type": "NotFoundError", "status": 404, "path": None, "rule": None}),
        (["send", CONV, "hi", "--ttl", "x"], 2,
         {"type": "UsageError", "status": None, "path": None, "rule": None}),
        (["send", CONV, "hi", "--nope"], 2,
         {"type": "UsageError", "status": None, "path": None, "rule": None}),
    ],
)  # fmt: skip
def test_errors_are_json_with_json(sim, capsys, argv, code, expected):
    """With --json an error is {"error": {type, status, path, rule, message}} on stderr,
    with the documented exit code; usage errors of the parser too."""
    try:
        got = main([*argv, "--json"])
    except SystemExit as stop:
        got = stop.code
    out, err = capsys.readouterr()
    (line,) = err.splitlines()
    error = json.loads(line)["error"]
    assert (got, out) == (code, "")
    assert {k: error[k] for k in expected} == expected
    assert error["message"]
