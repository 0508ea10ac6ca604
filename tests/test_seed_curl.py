"""The newest seed's cURL examples, run with the real ``curl`` against the simulator over HTTP.

The examples are read in place from ``../shared/seeds`` (never copied into the repo). Each one
gets the simulator's address and the default seed's ids for its ``{placeholders}``, runs with
``curl``, and must get the documented answer: ``{"bearer"}`` for a login, ``{"commandId"}`` for
an action, the command list or command for the reads. Once the clock moves on, every command
the examples created must have completed.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from lptpb_ext.simulator import (
    API_KEY,
    API_KEY_USER,
    BOT_AGENT_ID,
    DEFAULT_ACCOUNT,
    PASSWORD,
    PASSWORD_USER,
    SKILL,
    ManualClock,
    Simulator,
    serve,
)
from lptpb_ext.simulator._schema import validator_for

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
CURL = shutil.which("curl")


def newest_seed() -> Path | None:
    found = sorted(SEEDS.glob("[0-9][0-9][0-9]_*.txt")) if SEEDS.is_dir() else []
    return found[-1] if found else None


def curl_examples(text: str) -> list[list[str]]:
    """Every ``curl …`` command of the page, continuation lines and quoted bodies joined."""
    examples, lines, i = [], text.splitlines(), 0
    while i < len(lines):
        if not lines[i].lstrip().startswith("curl "):
            i += 1
            continue
        command = lines[i]
        while True:
            try:
                unfinished = command.rstrip().endswith("\\") or not shlex.split(command)
            except ValueError:  # an open quote: the JSON body goes on
                unfinished = True
            if not unfinished or i + 1 >= len(lines):
                break
            i += 1
            command = command.rstrip().removesuffix("\\") + "\n" + lines[i]
        examples.append(shlex.split(command.rstrip().removesuffix("\\")))
        i += 1
    return examples


def fill(arguments: list[str], values: dict[str, str]) -> list[str]:
    """Replace the documented ``{placeholders}`` and the https host with the simulator's."""
    body = next((a for a in arguments if "authType" in a), "")
    user = API_KEY_USER if '"API_KEY"' in body else PASSWORD_USER
    names = {**values, "userName": user, "username": user}

    def one(argument: str) -> str:
        argument = argument.replace("https://{botDomain}", values["base"])
        return re.sub(r"\{(\w+)\}", lambda m: names.get(m.group(1), m.group(0)), argument)

    return [one(a) for a in arguments[1:]]


def run_curl(arguments: list[str]) -> tuple[int, str, object]:
    """(status, content type, parsed JSON body) of one curl run."""
    out = subprocess.run(  # noqa: S603 - the system's curl with arguments built from the seed
        [
            CURL or "curl",
            "-sS",
            "--noproxy",
            "*",
            "-w",
            "\n%{http_code} %{content_type}",
            *arguments,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    ).stdout
    body, _, meta = out.rpartition("\n")
    status, _, media = meta.partition(" ")
    return int(status), media, json.loads(body) if body else None


def conforms(component: str, value: object) -> bool:
    return not list(validator_for(f"#/components/schemas/{component}").iter_errors(value))


@pytest.mark.skipif(newest_seed() is None, reason=f"no seed documents in {SEEDS} (CI has them)")
@pytest.mark.skipif(CURL is None, reason="the curl binary is not installed")
def test_the_newest_seeds_curl_examples_get_the_documented_answers():
    """Every cURL example of the newest seed succeeds against the simulator as documented."""
    seed = newest_seed()
    assert seed is not None
    examples = curl_examples(seed.read_text(encoding="utf-8"))
    sim = Simulator(clock=ManualClock())
    conversation, closing = sim.create_conversation(), sim.create_conversation()
    values = {
        "accountId": DEFAULT_ACCOUNT,
        "password": PASSWORD,
        **API_KEY,
        "skillName": SKILL,
        "visitorId": "M0NG1231432YjgzZDcyN2U3",
        "sessionId": "tx8LMk34242344yBHgrZ2qg",
        "agentId": BOT_AGENT_ID,
        "agentMessage": "Hi there",
    }
    seen, created = [], []
    with serve(sim) as base:
        values["base"] = base
        for example in examples:
            url = next(a for a in example if "{botDomain}" in a)
            operation = re.sub(r"^https://\{botDomain\}/api/v1/account/\{accountId\}", "", url)
            operation = operation.split("?")[0]
            values["conversationId"] = closing if operation.endswith("/close") else conversation
            values["commandId"] = created[0] if created else "1"
            target = values["conversationId"]
            status, media, body = run_curl(fill(example, values))
            seen.append(operation)
            assert (status, media) == (200, "application/json"), (operation, body)
            if operation == "/login":
                assert conforms("LoginResponse", body)
                if '"USER_PASS"' in " ".join(example):
                    values["bearerToken"] = body["bearer"]
            elif operation.endswith("/command"):
                assert conforms("CommandList", body)
                assert [c["id"] for c in body] == sorted(created, key=int, reverse=True)
            elif operation.endswith("/command/{commandId}"):
                assert conforms("Command", body)
                assert body["id"] == created[0]
            else:
                assert conforms("CommandAccepted", body)
                if target == conversation:
                    created.append(body["commandId"])
    sim.clock.advance(5)
    states = {c["id"]: c["state"] for c in sim.commands(conversation)}
    assert states == dict.fromkeys(created, "completed")
    assert sim.conversation_state(closing)["open"] is False
    assert {s.rsplit("/", 1)[-1] for s in seen} >= {
        "login",
        "messages",
        "transfer",
        "close",
        "sdes",
        "ttr",
        "joinConversation",
        "removeAgent",
        "command",
        "{commandId}",
    }
