"""The simulator enforces the documented rules (domain-facts §9), through the sync transport.

Other simulator test modules import :class:`Api` and the fixtures' helpers from here.
"""

from __future__ import annotations

import httpx
import pytest

from lptpb_ext.simulator import (
    AGENT_ID,
    API_KEY,
    API_KEY_USER,
    BOT_AGENT_ID,
    BOT_USER,
    BOT_USER_PASSWORD,
    CHAT_CONVERSATION,
    DEFAULT_ACCOUNT,
    MESSAGING_CONVERSATION,
    PASSWORD,
    PASSWORD_USER,
    SKILL,
    ManualClock,
    Simulator,
)
from lptpb_ext.simulator._commands import EXECUTION_FAILED, SKILL_NOT_EXISTING
from lptpb_ext.simulator._schema import validator_for

BASE = "https://bot-platform-api.fs.liveperson.com"
START = 1_700_000_000.0


def conversation_path(cid: str, tail: str, account: str = DEFAULT_ACCOUNT) -> str:
    return f"/api/v1/account/{account}/conversation/{cid}/{tail}"


class Api:
    """Thin calls on an httpx client pointed at a simulator (sync or async responses)."""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client

    def login(self, username=PASSWORD_USER, password=PASSWORD, account=DEFAULT_ACCOUNT):
        body = {
            "authType": "USER_PASS",
            "credentials": {"username": username, "password": password},
        }
        return self.client.post(f"/api/v1/account/{account}/login", params={"v": "1.3"}, json=body)

    def bearer(self, username=PASSWORD_USER, password=PASSWORD, account=DEFAULT_ACCOUNT) -> str:
        response = self.login(username, password, account)
        assert response.status_code == 200, response.text
        return response.json()["bearer"]

    def post(
        self, bearer, tail, body, cid=MESSAGING_CONVERSATION, ttl=None, *, account=DEFAULT_ACCOUNT
    ):
        params = {} if ttl is None else {"ttl": ttl}
        headers = {"Authorization": f"Bearer {bearer}"}
        path = conversation_path(cid, tail, account)
        return self.client.post(path, json=body, params=params, headers=headers)

    def send(self, bearer, *messages, cid=MESSAGING_CONVERSATION, ttl=None):
        return self.post(bearer, "messages", {"messages": list(messages)}, cid, ttl)

    def commands(self, bearer, cid=MESSAGING_CONVERSATION, account=DEFAULT_ACCOUNT):
        headers = {"Authorization": f"Bearer {bearer}"}
        return self.client.get(conversation_path(cid, "command", account), headers=headers)

    def command(self, bearer, command_id, cid=MESSAGING_CONVERSATION):
        headers = {"Authorization": f"Bearer {bearer}"}
        return self.client.get(conversation_path(cid, f"command/{command_id}"), headers=headers)


@pytest.fixture
def clock():
    return ManualClock(start=START)


@pytest.fixture
def sim(clock):
    return Simulator(clock=clock)


@pytest.fixture
def api(sim):
    with httpx.Client(transport=sim.transport(), base_url=BASE) as client:
        yield Api(client)


def settled(api: Api, clock: ManualClock, bearer: str, command_id: str, cid=MESSAGING_CONVERSATION):
    """The command after the clock moved past any processing (1 s > 0.5 s + 0.2 s)."""
    clock.advance(1)
    response = api.command(bearer, command_id, cid)
    assert response.status_code == 200, response.text
    assert conforms("Command", response.json())
    return response.json()


def conforms(component: str, value) -> bool:
    return not list(validator_for(f"#/components/schemas/{component}").iter_errors(value))


# ---------------------------------------------------------------------------- login


def test_password_and_api_key_logins_answer_a_bearer(api):
    """Both documented auth types log the seeded users in and answer a LoginResponse."""
    by_password = api.login()
    body = {"authType": "API_KEY", "credentials": {"username": API_KEY_USER, **API_KEY}}
    by_key = api.client.post(f"/api/v1/account/{DEFAULT_ACCOUNT}/login?v=1.3", json=body)
    for response in (by_password, by_key):
        assert response.status_code == 200
        assert conforms("LoginResponse", response.json())


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (
            {"authType": "USER_PASS", "credentials": {"username": PASSWORD_USER, "password": "no"}},
            401,
        ),
        (
            {"authType": "USER_PASS", "credentials": {"username": "nobody", "password": PASSWORD}},
            401,
        ),
        ({"authType": "API_KEY", "credentials": {"username": PASSWORD_USER, **API_KEY}}, 401),
        (
            {
                "authType": "user_pass",
                "credentials": {"username": PASSWORD_USER, "password": PASSWORD},
            },
            400,
        ),
        ({"authType": "USER_PASS", "credentials": {"username": PASSWORD_USER}}, 400),
    ],
)
def test_login_refuses_bad_credentials_and_malformed_bodies(api, body, status):
    """Wrong secrets or a user of the other login method get 401; a malformed body 400."""
    response = api.client.post(f"/api/v1/account/{DEFAULT_ACCOUNT}/login?v=1.3", json=body)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    assert conforms("ErrorBody", response.json())


@pytest.mark.parametrize("query", ["", "?v=1.2", "?v=1.3&v=1.3"])
def test_login_requires_version_1_3(api, query):
    """The `v=1.3` query is required, exactly once, with that value."""
    body = {
        "authType": "USER_PASS",
        "credentials": {"username": PASSWORD_USER, "password": PASSWORD},
    }
    response = api.client.post(f"/api/v1/account/{DEFAULT_ACCOUNT}/login{query}", json=body)
    assert response.status_code == 400
    assert "'v'" in response.json()["errors"][0]


def test_login_to_an_unknown_account_is_401(api):
    """An account the service does not know cannot log in."""
    assert api.login(account="99999999").status_code == 401


def test_errors_never_echo_secrets(api):
    """Neither a 400 on a malformed password nor a 401 repeats what was sent as a secret."""
    wrong_type = {"authType": "USER_PASS", "credentials": {"username": "u", "password": 4242424242}}
    rejected = api.client.post(f"/api/v1/account/{DEFAULT_ACCOUNT}/login?v=1.3", json=wrong_type)
    refused = api.login(PASSWORD_USER, "hunter2-secret")
    assert rejected.status_code == 400
    assert "credentials.password" in rejected.text
    assert "4242424242" not in rejected.text
    assert refused.status_code == 401
    assert "hunter2-secret" not in refused.text


def test_legacy_login_uses_the_flat_body(api):
    """The deprecated /api/account/{id}/login takes {username, password}."""
    body = {"username": PASSWORD_USER, "password": PASSWORD}
    response = api.client.post(f"/api/account/{DEFAULT_ACCOUNT}/login?v=1.3", json=body)
    assert response.status_code == 200
    assert conforms("LoginResponse", response.json())


# ---------------------------------------------------------------------------- sessions


def test_a_new_login_makes_the_previous_bearer_answer_401(api):
    """One session per user: the first bearer dies when the user logs in again."""
    first = api.bearer()
    assert api.send(first, "hello").status_code == 200
    second = api.bearer()
    assert api.send(first, "hello").status_code == 401
    assert api.send(second, "hello").status_code == 200


def test_a_stolen_session_answers_401(api, sim):
    """A login elsewhere (steal_session) invalidates the bearer in use."""
    bearer = api.bearer()
    sim.steal_session(PASSWORD_USER)
    assert api.send(bearer, "hello").status_code == 401


def test_bearers_are_required_and_bound_to_their_account(api):
    """No bearer, a made-up one, or one for another account all get 401."""
    bearer = api.bearer()
    path = conversation_path(MESSAGING_CONVERSATION, "messages")
    body = {"messages": ["hi"]}
    assert api.client.post(path, json=body).status_code == 401
    assert api.send("made.up.bearer", "hi").status_code == 401
    other = conversation_path("9f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0", "messages", "23456789")
    headers = {"Authorization": f"Bearer {bearer}"}
    assert api.client.post(other, json=body, headers=headers).status_code == 401


def test_login_of_a_running_bots_user_is_409(api, sim):
    """The agent of a running bot cannot log in; once the bot stops, it can."""
    assert api.login(BOT_USER, BOT_USER_PASSWORD).status_code == 409
    sim.set_bot_running(BOT_USER, running=False)
    assert api.login(BOT_USER, BOT_USER_PASSWORD).status_code == 200


def test_attaching_a_user_to_a_running_bot_ends_its_session_and_gives_409(api, sim):
    """A bot starting with the API user logs the API session out, and login then gets 409."""
    bearer = api.bearer()
    sim.set_bot_running(PASSWORD_USER)
    assert api.send(bearer, "hi").status_code == 401
    assert api.login().status_code == 409


# ---------------------------------------------------------------------------- ttl


@pytest.mark.parametrize(
    ("ttl", "status"), [(9, 400), (10, 200), (120, 200), (121, 400), ("x", 400)]
)
def test_ttl_must_be_10_to_120_seconds(api, ttl, status):
    """ttl outside 10-120, or not an integer, is a 400 naming the parameter."""
    response = api.send(api.bearer(), "hi", ttl=ttl)
    assert response.status_code == status
    if status == 400:
        assert "'ttl'" in response.json()["errors"][0]


def test_timeout_time_is_creation_plus_ttl(api, clock):
    """timeoutTime is creation + ttl in epoch ms; ttl defaults to 30 s."""
    bearer = api.bearer()
    default = api.send(bearer, "a").json()["commandId"]
    explicit = api.send(bearer, "b", ttl=90).json()["commandId"]
    by_id = {c["id"]: c for c in api.commands(bearer).json()}
    assert by_id[default]["data"]["timeoutTime"] == int(START * 1000) + 30_000
    assert by_id[explicit]["data"]["timeoutTime"] == int(START * 1000) + 90_000


# ---------------------------------------------------------------------------- conversations


def test_unknown_conversation_is_404(api):
    """Every conversation call on an id nobody knows answers 404."""
    bearer = api.bearer()
    assert api.send(bearer, "hi", cid="no-such-conversation").status_code == 404
    assert api.commands(bearer, cid="no-such-conversation").status_code == 404


def test_closed_conversation_is_404_for_calls_and_commands(api, sim):
    """After the conversation ends, posts and command reads answer 404."""
    bearer = api.bearer()
    command_id = api.send(bearer, "hi").json()["commandId"]
    sim.close_conversation(MESSAGING_CONVERSATION)
    assert api.send(bearer, "again").status_code == 404
    assert api.commands(bearer).status_code == 404
    assert api.command(bearer, command_id).status_code == 404


def test_a_completed_close_command_ends_the_conversation(api, clock):
    """POST close answers a command; once it has run, the conversation is gone (404)."""
    bearer = api.bearer()
    response = api.post(bearer, "close", {})
    assert response.status_code == 200
    assert api.commands(bearer).status_code == 200  # still waiting: the conversation is open
    clock.advance(1)
    assert api.commands(bearer).status_code == 404


def test_created_conversations_work_like_seeded_ones(api, sim):
    """create_conversation gives a new active conversation the API accepts calls on."""
    cid = sim.create_conversation("chat")
    assert api.send(api.bearer(), "hi", cid=cid).status_code == 200
    assert sim.conversation_state(cid)["channel"] == "chat"


# ---------------------------------------------------------------------------- commands


def test_commands_go_from_waiting_to_completed(api, clock):
    """A new command is waiting with result null, then completed with its timings."""
    bearer = api.bearer()
    command_id = api.send(bearer, "Hi I am a text message").json()["commandId"]
    waiting = api.command(bearer, command_id).json()
    assert (waiting["state"], waiting["result"]) == ("waiting", None)
    assert waiting["data"]["payload"] == [
        {"payload": "Hi I am a text message", "metadata": [], "type": "text"}
    ]
    done = settled(api, clock, bearer, command_id)
    start = int(START * 1000) + 500
    assert done["state"] == "completed"
    assert done["result"] == {"startTime": start, "endTime": start + 200, "executionTime": 200}
    assert conforms("Command", done)


def test_a_command_not_run_before_its_ttl_fails(api, sim, clock):
    """Held past its timeout, a command fails with public-api.execution-failed."""
    bearer = api.bearer()
    sim.hold_commands()
    command_id = api.send(bearer, "hi", ttl=10).json()["commandId"]
    clock.advance(9.9)
    assert api.command(bearer, command_id).json()["state"] == "waiting"
    clock.advance(0.1)
    failed = api.command(bearer, command_id).json()
    timeout = int(START * 1000) + 10_000
    assert failed["state"] == "failed"
    assert failed["result"] == {
        "startTime": timeout,
        "endTime": timeout,
        "executionTime": 0,
        "error": {"name": EXECUTION_FAILED, "trace": []},
    }


def test_released_commands_run_if_still_in_time(api, sim, clock):
    """release_commands lets held commands run; a late release still fails expired ones."""
    bearer = api.bearer()
    sim.hold_commands()
    short = api.send(bearer, "a", ttl=10).json()["commandId"]
    long = api.send(bearer, "b", ttl=60).json()["commandId"]
    clock.advance(20)
    sim.release_commands()
    clock.advance(1)
    assert api.command(bearer, short).json()["state"] == "failed"
    assert api.command(bearer, long).json()["state"] == "completed"


def test_a_processing_delay_longer_than_ttl_fails_every_command(clock):
    """With processingDelay past the ttl, commands expire instead of running."""
    sim = Simulator(
        seed={"settings": {"processingDelay": 200}, "accounts": _one_account()}, clock=clock
    )
    with httpx.Client(transport=sim.transport(), base_url=BASE) as client:
        api = Api(client)
        bearer = api.bearer()
        command_id = api.send(bearer, "hi", ttl=120).json()["commandId"]
        clock.advance(121)
        assert api.command(bearer, command_id).json()["result"]["error"]["name"] == EXECUTION_FAILED


def _one_account():
    return [
        {
            "id": DEFAULT_ACCOUNT,
            "users": [
                {"username": PASSWORD_USER, "password": PASSWORD},
                {"username": "b", "password": "p"},
            ],
            "bots": [{"id": "bot", "user": "b"}],
            "conversations": [{"id": MESSAGING_CONVERSATION}],
        }
    ]


def test_only_the_last_200_commands_per_bot_are_kept_newest_first(api):
    """205 commands: the list holds the newest 200 in descending order; evicted ones are 404."""
    bearer = api.bearer()
    ids = [api.send(bearer, f"m{i}").json()["commandId"] for i in range(205)]
    listed = [c["id"] for c in api.commands(bearer).json()]
    assert listed == list(reversed(ids))[:200]
    assert api.command(bearer, ids[4]).status_code == 404
    assert api.command(bearer, ids[5]).status_code == 200


def test_retention_is_per_bot_across_its_conversations(api, sim):
    """Commands of another conversation of the same bot push older ones out of the history."""
    bearer = api.bearer()
    first = api.send(bearer, "first").json()["commandId"]
    other = sim.create_conversation()
    for i in range(200):
        assert api.send(bearer, f"m{i}", cid=other).status_code == 200
    assert api.commands(bearer).json() == []
    assert api.command(bearer, first).status_code == 404


# ---------------------------------------------------------------------------- messages


def _card(text_bytes: int) -> dict:
    """A vertical card of 5000-character texts whose compact JSON is about text_bytes long."""
    texts, left = [], text_bytes
    while left > 0:
        texts.append({"type": "text", "text": "x" * min(5000, left)})
        left -= 5000
    return {"type": "vertical", "elements": texts}


def test_structured_content_over_15000_bytes_is_refused(api):
    """More than 15000 bytes of compact JSON is a 400 naming the message; less is accepted."""
    bearer = api.bearer()
    assert api.send(bearer, {"structuredContent": _card(14_800)}).status_code == 200
    response = api.send(bearer, "fine", {"structuredContent": _card(15_000)})
    assert response.status_code == 400
    assert response.json()["errors"][0].startswith("body $.messages[1].structuredContent: is ")


def test_malformed_messages_get_400_with_path_and_rule(api):
    """A wrong message item names its JSON path and the broken rule."""
    response = api.send(api.bearer(), "ok", {"delay": -1})
    assert response.status_code == 400
    assert response.json()["errors"] == [
        "body $.messages[1]: matches none of the allowed shapes "
        "(closest: $.messages[1].delay: must be at least 0)"
    ]


def test_bodies_must_be_json(api):
    """A body that is not JSON, or not sent as application/json, is a 400."""
    bearer = api.bearer()
    headers = {"Authorization": f"Bearer {bearer}", "Content-Type": "application/json"}
    path = conversation_path(MESSAGING_CONVERSATION, "messages")
    assert api.client.post(path, content=b"{nope", headers=headers).status_code == 400
    headers["Content-Type"] = "text/plain"
    assert (
        api.client.post(path, content=b'{"messages": ["hi"]}', headers=headers).status_code == 400
    )


QUICK_REPLIES = {
    "structuredContent": {
        "quickReplies": {
            "type": "quickReplies",
            "itemsPerRow": 1,
            "replies": [{"type": "button", "title": "yes"}],
        },
        "message": "Do you like bots?",
    }
}
ENCODED = {
    "structuredContent": {"type": "text", "text": "hi"},
    "encodedMetadata": "SGVsbG8gV29ybGQh",
}


@pytest.mark.parametrize(
    ("message", "error"),
    [
        (QUICK_REPLIES, "pipes.verify-ai-response.quick-replies-not-supported"),
        (ENCODED, "connector.chat.send-message"),
    ],
)
def test_messaging_only_messages_fail_on_chat(api, clock, message, error):
    """Quick replies and encodedMetadata complete on messaging and fail on chat."""
    bearer = api.bearer()
    on_messaging = api.send(bearer, message).json()["commandId"]
    on_chat = api.send(bearer, message, cid=CHAT_CONVERSATION).json()["commandId"]
    assert settled(api, clock, bearer, on_messaging)["state"] == "completed"
    failed = settled(api, clock, bearer, on_chat, CHAT_CONVERSATION)
    assert failed["result"]["error"]["name"].endswith(error)


def test_ttr_is_messaging_only(api, clock):
    """Setting TTR completes on messaging and fails on chat."""
    bearer = api.bearer()
    ok = api.post(bearer, "ttr", {"ttrType": "URGENT"}).json()["commandId"]
    bad = api.post(bearer, "ttr", {"ttrType": "URGENT"}, cid=CHAT_CONVERSATION).json()["commandId"]
    assert settled(api, clock, bearer, ok)["state"] == "completed"
    assert settled(api, clock, bearer, bad, CHAT_CONVERSATION)["state"] == "failed"


def test_every_kind_of_message_is_stored_normalised(api, sim, clock):
    """Text, pause, private text and structured content land in order in the transcript."""
    bearer = api.bearer()
    private = {"text": "note", "messageAudience": "AGENTS_AND_MANAGERS"}
    api.send(bearer, "hi", {"delay": 2}, private, QUICK_REPLIES, ENCODED)
    clock.advance(1)
    kinds = [m["type"] for m in sim.conversation_state(MESSAGING_CONVERSATION)["messages"]]
    assert kinds == ["text", "delay", "text", "quickReplies", "structuredContent"]


def test_a_transcript_keeps_the_newest_messages_and_counts_the_rest(clock):
    """Memory stays bounded: ``transcriptLimit`` messages per conversation, the rest counted."""
    seed = {"settings": {"transcriptLimit": 3}, "accounts": _one_account()}
    sim = Simulator(seed=seed, clock=clock)
    with httpx.Client(transport=sim.transport(), base_url=BASE) as client:
        api = Api(client)
        bearer = api.bearer()
        api.send(bearer, "1", "2")
        api.send(bearer, "3", "4", "5")
        clock.advance(1)
    state = sim.conversation_state(MESSAGING_CONVERSATION)
    assert [m["payload"] for m in state["messages"]] == ["3", "4", "5"]
    assert (state["messagesDropped"], state["sdesDropped"]) == (2, 0)


def test_many_pending_commands_settle_in_the_order_their_time_comes(clock):
    """Commands settle by due time, then id, across holds, releases and ttls: the effects of
    1000 interleaved sends land in that order (``settle`` keeps them in a heap)."""
    seed = {"settings": {"retention": 5000}, "accounts": _one_account()}
    sim = Simulator(seed=seed, clock=clock)
    expected: list[tuple[int, int, str]] = []
    with httpx.Client(transport=sim.transport(), base_url=BASE) as client:
        api = Api(client)
        bearer = api.bearer()
        for index in range(1000):
            if index % 250 == 100:
                sim.hold_commands()
            if index % 250 == 150:
                clock.advance(10.5)  # held sends of ttl 10 expire, the others wait on
            if index % 250 == 200:
                sim.release_commands()
            ttl = 10 + index % 7
            api.send(bearer, f"m{index}", ttl=ttl).raise_for_status()
            clock.advance(0.003)
        sim.release_commands()
        clock.advance(200)
        listed = api.commands(bearer).json()
    for command in listed:
        result = command["result"]
        if command["state"] == "completed":
            expected.append(
                (result["endTime"], int(command["id"]), command["data"]["payload"][0]["payload"])
            )
    delivered = [m["payload"] for m in sim.conversation_state(MESSAGING_CONVERSATION)["messages"]]
    assert len(listed) == 1000
    assert delivered == [text for _, _, text in sorted(expected)]
    failed = sum(c["state"] == "failed" for c in listed)
    assert 0 < failed < 1000
    assert len(delivered) == 1000 - failed


# ---------------------------------------------------------------------------- transfer, join


def test_an_unknown_skill_fails_the_transfer(api, sim, clock):
    """Skill names are case-sensitive: an unknown one fails with transfer-skill-not-existing."""
    bearer = api.bearer()
    bad = api.post(bearer, "transfer", {"skill": "Human_Skill"}).json()["commandId"]
    good = api.post(bearer, "transfer", {"skill": SKILL, "agentId": AGENT_ID}).json()["commandId"]
    assert settled(api, clock, bearer, bad)["result"]["error"]["name"] == SKILL_NOT_EXISTING
    assert settled(api, clock, bearer, good)["state"] == "completed"
    assert sim.conversation_state(MESSAGING_CONVERSATION)["skill"] == SKILL


def test_join_and_remove_a_bot(api, sim, clock):
    """A bot joins and leaves; removing a bot that is not there fails."""
    bearer = api.bearer()
    body = {"agentId": BOT_AGENT_ID, "agentMessage": "hello"}
    joined = api.post(bearer, "joinConversation", body).json()["commandId"]
    assert settled(api, clock, bearer, joined)["state"] == "completed"
    assert sim.conversation_state(MESSAGING_CONVERSATION)["bots"] == ["tpb-bot-1", "tpb-bot-2"]
    removed = api.post(bearer, "removeAgent", body).json()["commandId"]
    again = api.post(bearer, "removeAgent", body).json()["commandId"]
    assert settled(api, clock, bearer, removed)["state"] == "completed"
    assert settled(api, clock, bearer, again)["state"] == "failed"


def test_sdes_are_recorded(api, sim, clock):
    """A setSdes command stores its body and applies the SDEs."""
    bearer = api.bearer()
    body = {
        "sdes": [{"type": "personal", "personal": {"firstname": "Muster"}}],
        "sharkVisitorId": "v",
        "sharkSessionId": "s",
    }
    command = settled(api, clock, bearer, api.post(bearer, "sdes", body).json()["commandId"])
    assert command["data"] | {"timeoutTime": 0} == {
        "type": "sdes",
        "payload": body,
        "conversationId": MESSAGING_CONVERSATION,
        "isInternal": True,
        "timeoutTime": 0,
    }
    assert sim.conversation_state(MESSAGING_CONVERSATION)["sdes"] == body["sdes"]
