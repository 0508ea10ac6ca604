"""Seeds: the shipped default matches its documented constants, and bad seeds say what is wrong."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
import yaml

from lptpb_ext import simulator
from lptpb_ext.simulator import DEFAULT_SEED_PATH, SeedError, Simulator, load_seed


def test_default_seed_holds_the_documented_ids():
    """Every exported constant names something that exists in default_seed.yaml."""
    seed = load_seed()
    main, emea = seed.accounts
    users = {u.username: u for u in main.users}
    assert main.id == simulator.DEFAULT_ACCOUNT
    assert emea.id == simulator.EMEA_ACCOUNT
    assert users[simulator.PASSWORD_USER].password == simulator.PASSWORD
    key = users[simulator.API_KEY_USER].api_key
    assert key is not None
    assert [key.app_key, key.secret, key.access_token, key.access_token_secret] == list(
        simulator.API_KEY.values()
    )
    assert users[simulator.BOT_USER].password == simulator.BOT_USER_PASSWORD
    assert any(b.user == simulator.BOT_USER and b.running for b in main.bots)
    assert users["helper_bot"].id == simulator.BOT_AGENT_ID
    assert simulator.SKILL in main.skills
    assert simulator.AGENT_ID in main.agents
    channels = {c.id: c.channel for c in main.conversations}
    assert channels == {
        simulator.MESSAGING_CONVERSATION: "messaging",
        simulator.CHAT_CONVERSATION: "chat",
    }
    assert [c.id for c in emea.conversations] == [simulator.EMEA_CONVERSATION]
    assert (
        seed.settings.processing_delay,
        seed.settings.execution_time,
        seed.settings.retention,
    ) == (0.5, 0.2, 200)


def test_json_and_yaml_seed_files_load_the_same(tmp_path):
    """A seed file may be JSON or YAML; both give the same seed."""
    data = yaml.safe_load(DEFAULT_SEED_PATH.read_text(encoding="utf-8"))
    as_json = tmp_path / "seed.json"
    as_json.write_text(json.dumps(data), encoding="utf-8")
    assert load_seed(as_json) == load_seed(DEFAULT_SEED_PATH) == load_seed(data)


def test_minimal_seed_gets_documented_defaults():
    """Only ids, usernames and one credential are needed; the rest defaults."""
    seed = load_seed(
        {
            "accounts": [
                {
                    "id": 42,
                    "users": [{"username": "u", "password": "p"}],
                    "bots": [{"id": "b", "user": "u"}],
                    "conversations": [{"id": "c"}],
                }
            ]
        }
    )
    (account,) = seed.accounts
    assert (account.id, account.zone, account.skills, account.agents) == ("42", 1, (), ())
    assert account.users[0].id == "5000000001"
    assert account.bots[0].running is True
    assert (account.conversations[0].bot, account.conversations[0].channel) == ("b", "messaging")


@pytest.mark.parametrize(
    ("accounts", "message"),
    [
        ([{}], "accounts[0].id is required"),
        ([{"id": "1", "zone": 4}], "zone must be 1, 2 or 3"),
        ([{"id": "1", "users": [{"username": "u"}]}], "exactly one of password and apiKey"),
        ([{"id": "1", "bots": [{"id": "b", "user": "ghost"}]}], "names no user"),
        ([{"id": "1", "conversations": [{"id": "c"}]}], "bot is required"),
        ([{"id": "1"}, {"id": "1"}], "ids must be unique"),
    ],
)
def test_bad_seeds_name_the_problem(accounts, message):
    """A malformed seed raises SeedError naming the field."""
    with pytest.raises(SeedError, match=re.escape(message)):
        load_seed({"accounts": accounts})


def test_user_reprs_hide_credentials():
    """A seeded user's repr shows its id and name, never its password or keys."""
    text = repr(load_seed().accounts[0].users)
    assert "123456'" not in text
    assert "1233f5bf456" not in text


def test_library_import_does_not_load_the_simulator():
    """`import lptpb_ext` leaves starlette, uvicorn, jsonschema and yaml unimported."""
    code = (
        "import sys, lptpb_ext; "
        "print([m for m in ('starlette', 'uvicorn', 'jsonschema', 'yaml', 'lptpb_ext.simulator') "
        "if m in sys.modules])"
    )
    argv = [sys.executable, "-c", code]
    out = subprocess.run(argv, capture_output=True, text=True, check=True)  # noqa: S603 - our own interpreter, fixed code
    assert out.stdout.strip() == "[]"


def test_simulator_accepts_a_seed_path(tmp_path):
    """Simulator(seed=path) builds its state from the file."""
    path = tmp_path / "seed.yaml"
    path.write_text(
        "accounts:\n  - id: '7'\n    users: [{username: u, password: p}]\n"
        "    bots: [{id: b, user: u, running: false}]\n    conversations: [{id: c}]\n",
        encoding="utf-8",
    )
    state = Simulator(path).snapshot()
    assert [a["id"] for a in state["accounts"]] == ["7"]
