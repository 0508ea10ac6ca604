"""The /_sim control API drives the same state as the Python control methods."""

from __future__ import annotations

import httpx
import pytest

from lptpb_ext.simulator import (
    DEFAULT_ACCOUNT,
    MESSAGING_CONVERSATION,
    PASSWORD_USER,
    ManualClock,
    Simulator,
)
from tests.test_simulator_rules import BASE, START, Api


@pytest.fixture
def sim():
    return Simulator(clock=ManualClock(start=START))


@pytest.fixture
def client(sim):
    with httpx.Client(transport=sim.transport(), base_url=BASE) as client:
        yield client


def test_state_lists_the_seed_without_secrets(client):
    """GET /_sim/state shows ids and login methods, never a password or key."""
    state = client.get("/_sim/state")
    account = state.json()["accounts"][0]
    assert account["id"] == DEFAULT_ACCOUNT
    user = {"id": "5000000001", "username": PASSWORD_USER, "authType": "USER_PASS", "logins": 0}
    assert user in account["users"]
    assert '123456"' not in state.text
    assert "1233f5bf456" not in state.text


def test_conversations_are_created_and_closed_over_http(client):
    """POST /_sim/conversations makes a conversation; POST …/close ends it (404 afterwards)."""
    api = Api(client)
    bearer = api.bearer()
    created = client.post("/_sim/conversations", json={"channel": "chat", "id": "c-1"})
    assert created.status_code == 201
    assert api.send(bearer, "hi", cid="c-1").status_code == 200
    assert client.post("/_sim/conversations/c-1/close", json={}).status_code == 204
    assert api.send(bearer, "hi", cid="c-1").status_code == 404
    assert client.post("/_sim/conversations", json={"id": "c-1"}).status_code == 409


def test_sessions_bots_and_users_over_http(client):
    """Steal a session (401), attach a user to a running bot (409), add a user who logs in."""
    api = Api(client)
    bearer = api.bearer()
    assert client.post("/_sim/sessions/steal", json={"username": PASSWORD_USER}).status_code == 204
    assert api.send(bearer, "hi").status_code == 401
    assert client.post("/_sim/bots", json={"username": PASSWORD_USER}).status_code == 200
    assert api.login().status_code == 409
    added = client.post("/_sim/users", json={"username": "ci", "password": "ci-pass"})
    assert added.status_code == 201
    assert api.login("ci", "ci-pass").status_code == 200


def test_hold_release_and_advance_over_http(client, sim):
    """Hold keeps a command waiting past its ttl; advancing the manual clock expires it."""
    api = Api(client)
    bearer = api.bearer()
    assert client.post("/_sim/commands/hold").status_code == 204
    command_id = api.send(bearer, "hi", ttl=10).json()["commandId"]
    assert client.post("/_sim/clock/advance", json={"seconds": 11}).status_code == 204
    assert api.command(bearer, command_id).json()["state"] == "failed"
    assert client.post("/_sim/commands/release").status_code == 204
    second = api.send(bearer, "again").json()["commandId"]
    client.post("/_sim/clock/advance", json={"seconds": 1})
    assert api.command(bearer, second).json()["state"] == "completed"


def test_reset_restores_the_seed(client, sim):
    """POST /_sim/reset drops sessions, commands, created conversations and faults."""
    api = Api(client)
    bearer = api.bearer()
    api.send(bearer, "hi")
    sim.create_conversation(conversation_id="temp")
    assert client.post("/_sim/reset").status_code == 204
    assert api.send(bearer, "hi").status_code == 401
    fresh = api.bearer()
    assert api.commands(fresh).json() == []
    assert api.send(fresh, "hi", cid="temp").status_code == 404


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/_sim/conversations", {"channel": "fax"}),
        ("/_sim/sessions/steal", {}),
        ("/_sim/bots", {"username": PASSWORD_USER, "running": "yes"}),
        ("/_sim/users", {"username": "x"}),
        ("/_sim/clock/advance", {"seconds": -1}),
    ],
)
def test_the_control_api_answers_400_on_bad_input(client, path, body):
    """Malformed control requests are refused with 400 and a message."""
    response = client.post(path, json=body)
    assert response.status_code == 400
    assert response.json()["message"]


def test_advancing_the_wall_clock_is_refused():
    """Only a manual clock can be advanced; a wall-clock simulator answers 409."""
    with httpx.Client(transport=Simulator().transport(), base_url=BASE) as client:
        assert client.post("/_sim/clock/advance", json={"seconds": 1}).status_code == 409


def test_unknown_conversation_in_control_calls_is_404(client):
    """Closing a conversation nobody knows is a 404, not a silent no-op."""
    assert client.post(f"/_sim/conversations/{MESSAGING_CONVERSATION}x/close").status_code == 404
