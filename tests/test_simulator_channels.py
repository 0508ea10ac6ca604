"""The simulator's channel rules: a conversation's source channel, and commands that fail the
way that channel would refuse them (an option, off by default)."""

from __future__ import annotations

import httpx
import pytest

from lptpb_ext import Messages, check_channel, sc
from lptpb_ext.simulator import MESSAGING_CONVERSATION, ManualClock, Simulator, load_seed
from lptpb_ext.simulator._commands import CHANNEL_SEND_MESSAGE
from lptpb_ext.simulator._seed import SeedError
from tests.test_simulator_rules import BASE, START, Api, settled

FOURTEEN_CHIPS = Messages().quick_replies("Pick", *["c"] * 14).build()
CARD = sc.vertical(sc.text("Pick"), *(sc.button("Buy") for _ in range(4)))


def _wire(request) -> list[object]:
    return request.model_dump(mode="json", by_alias=True, exclude_unset=True)["messages"]


def _world(channel_rules: bool | None = True, seed=None):
    clock = ManualClock(start=START)
    sim = Simulator(seed, clock=clock, channel_rules=channel_rules)
    client = httpx.Client(transport=sim.transport(), base_url=BASE)
    return sim, clock, Api(client)


def test_a_message_the_source_channel_refuses_fails_its_command():
    """With channel rules on, 14 quick replies to a facebook conversation fail the command with
    the send-message error, the channel's errors in the trace, and nothing is delivered."""
    sim, clock, api = _world()
    cid = sim.create_conversation(source="facebook")
    bearer = api.bearer()
    response = api.send(bearer, "hello", *_wire(FOURTEEN_CHIPS), cid=cid)
    assert response.status_code == 200  # the API accepts it; the channel refuses it later
    command = settled(api, clock, bearer, response.json()["commandId"], cid)
    assert command["state"] == "failed"
    assert command["result"]["error"] == {
        "name": CHANNEL_SEND_MESSAGE,
        "trace": [
            "messages[1].structuredContent.quickReplies.replies: error: Facebook Messenger "
            "takes at most 13 quick replies (14 given) [facebook.quick-replies.count]"
        ],
    }
    assert sim.conversation_state(cid)["messages"] == []


def test_warnings_and_compliant_content_go_through():
    """Only errors fail: a chip title Facebook cuts (a warning) is delivered."""
    sim, clock, api = _world()
    cid = sim.create_conversation(source="facebook")
    batch = Messages().quick_replies("Pick", "A rather long chip title").build()
    assert [p.severity for p in check_channel(_wire(batch)[0], "facebook")] == ["warning"]
    bearer = api.bearer()
    command_id = api.send(bearer, *_wire(batch), cid=cid).json()["commandId"]
    assert settled(api, clock, bearer, command_id, cid)["state"] == "completed"
    assert len(sim.conversation_state(cid)["messages"]) == 1


def test_metadata_counts_as_the_channel_needs_it():
    """Apple's rule reads the message's metadata as sent."""
    sim, clock, api = _world()
    cid = sim.create_conversation(source="abc")
    assert sim.conversation_state(cid)["source"] == "apple"
    bearer = api.bearer()
    bare = api.send(bearer, {"structuredContent": sc.vertical(sc.text("Pick a time"))}, cid=cid)
    with_bubble = api.send(
        bearer,
        {
            "structuredContent": sc.vertical(sc.text("Pick a time")),
            "metadata": [{"type": "BusinessChatMessage", "receivedMessage": {"title": "Pick"}}],
        },
        cid=cid,
    )
    clock.advance(1)
    states = [
        api.command(bearer, r.json()["commandId"], cid).json()["state"] for r in (bare, with_bubble)
    ]
    assert states == ["failed", "completed"]


@pytest.mark.parametrize("channel_rules", [None, False])
def test_channel_rules_are_off_by_default(channel_rules):
    """Without the option, a source channel changes nothing."""
    sim, clock, api = _world(channel_rules)
    cid = sim.create_conversation(source="sms")
    bearer = api.bearer()
    command_id = api.send(bearer, {"structuredContent": CARD}, cid=cid).json()["commandId"]
    assert settled(api, clock, bearer, command_id, cid)["state"] == "completed"


def test_a_conversation_without_source_is_never_checked():
    """The seeded conversations name no source: rules on, any content the API takes is sent."""
    sim, clock, api = _world()
    assert sim.conversation_state(MESSAGING_CONVERSATION)["source"] is None
    bearer = api.bearer()
    command_id = api.send(bearer, *_wire(FOURTEEN_CHIPS)).json()["commandId"]
    assert settled(api, clock, bearer, command_id)["state"] == "completed"


def test_the_seed_names_sources_and_switches_the_rules_on():
    """``source`` per conversation and ``settings.channelRules`` in a seed; the constructor's
    ``channel_rules`` wins over the seed's."""
    seed = {
        "settings": {"channelRules": True},
        "accounts": [
            {
                "id": "1",
                "users": [{"username": "u", "password": "p"}, {"username": "b", "password": "q"}],
                "bots": [{"id": "bot", "user": "b"}],
                "conversations": [{"id": "c-sms", "source": "SMS"}, {"id": "c-none"}],
            }
        ],
    }
    loaded = load_seed(seed)
    assert loaded.settings.channel_rules is True
    assert [c.source for c in loaded.accounts[0].conversations] == ["sms", None]
    assert Simulator(seed, channel_rules=False).seed.settings.channel_rules is False
    sim, clock, api = _world(None, seed)
    bearer = api.bearer("u", "p", account="1")
    path = "/api/v1/account/1/conversation/c-sms/messages"
    headers = {"Authorization": f"Bearer {bearer}"}
    response = api.client.post(
        path, json={"messages": [{"structuredContent": CARD}]}, headers=headers
    )
    clock.advance(1)
    command = sim.commands("c-sms", account="1")[0]
    assert (response.status_code, command["state"]) == (200, "failed")
    assert command["result"]["error"]["name"] == CHANNEL_SEND_MESSAGE
    assert sim.reset() is None
    assert sim.conversation_state("c-sms", account="1")["source"] == "sms"


@pytest.mark.parametrize("value", ["myspace", 3, ""])
def test_a_seed_with_an_unknown_source_is_refused(value):
    """A seed's source must name a channel check_channel knows."""
    seed = {
        "accounts": [
            {
                "id": "1",
                "users": [{"username": "b", "password": "q"}],
                "bots": [{"id": "bot", "user": "b"}],
                "conversations": [{"id": "c", "source": value}],
            }
        ]
    }
    with pytest.raises(SeedError, match=r"accounts\[0\]\.conversations\[0\]\.source"):
        load_seed(seed)


def test_the_control_api_takes_a_source():
    """POST /_sim/conversations takes ``source`` (an alias answers its channel's name); an
    unknown one is a 400; the state lists each conversation's source."""
    _, _, api = _world()
    created = api.client.post("/_sim/conversations", json={"source": "X"})
    assert created.status_code == 201
    assert created.json()["source"] == "twitter"
    plain = api.client.post("/_sim/conversations", json={})
    assert plain.json()["source"] is None
    refused = api.client.post("/_sim/conversations", json={"source": "myspace"})
    assert refused.status_code == 400
    assert "unknown channel 'myspace'" in refused.json()["message"]
    state = api.client.get("/_sim/state").json()
    sources = {c["id"]: c["source"] for c in state["accounts"][0]["conversations"]}
    assert sources[created.json()["id"]] == "twitter"
