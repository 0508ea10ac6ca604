"""The reconciliation verdict, rule by rule, on hand-made command lists (no I/O)."""

from __future__ import annotations

from typing import Any

import pytest

from lptpb_ext._reconcile import Attempt, body_match, decide
from lptpb_models import Command

SENT = 1_800_000_000_000  # the attempt's send time, epoch ms
TTL = 30


def command(
    cid: str,
    payload: Any,
    *,
    kind: str = "messages",
    created: int = SENT + 50,
    ttl: int = TTL,
    timeout: int | None = -1,
) -> Command:
    data: dict[str, Any] = {"type": kind, "payload": payload}
    if timeout != -1:
        data["timeoutTime"] = timeout
    else:
        data["timeoutTime"] = created + ttl * 1000
    return Command.model_validate({"id": cid, "data": data, "result": None, "state": "waiting"})


def text(value: str) -> list[dict[str, Any]]:
    return [{"type": "text", "payload": value, "metadata": []}]


def attempt(body: dict[str, Any] | None = None, operation: str = "sendMessages") -> Attempt:
    return Attempt(7, operation, body or {"messages": ["hello"]}, TTL, SENT)


def verdict(listed, *, owned=None, earlier=frozenset(), op_attempt=None):
    return decide(
        op_attempt or attempt(), listed, owned=owned or {}, earlier=earlier, listed_at_ms=SENT + 9
    )


def test_one_command_with_the_body_is_adopted():
    found = verdict([command("9", text("hello")), command("8", text("other"))])
    assert (found.kind, found.command_id) == ("accepted", "9")
    assert found.evidence["candidates"] == [
        {"id": "9", "type": "messages", "created_ms": SENT + 50, "body": "match"}
    ]


def test_two_commands_with_the_body_are_in_doubt_never_guessed():
    found = verdict([command("9", text("hello")), command("8", text("hello"))])
    assert found.kind == "in_doubt"
    assert "2 command(s)" in found.evidence["reason"]


def test_a_command_whose_body_cannot_be_compared_keeps_it_in_doubt():
    odd = command("9", "hello as a bare string")  # not the documented normal form
    found = verdict([odd, command("3", text("x"), created=SENT - 60_000)])
    assert found.kind == "in_doubt"
    assert found.evidence["candidates"][0]["body"] == "unknown"


def test_nothing_matching_and_an_earlier_job_listed_is_provably_unsent():
    found = verdict(
        [command("4", text("previous"), created=SENT - 200)],
        owned={"4": 6},
        earlier=frozenset({"4"}),
    )
    assert found.kind == "unsent"
    assert found.evidence["anchor"] == {"id": "4", "why": "job 6 of this conversation"}


def test_an_earlier_job_counts_even_if_created_within_the_skew_allowance():
    # accepted before this job was sent: causal order, no clock needed
    found = verdict(
        [command("4", text("x"), created=SENT - 10)], owned={"4": 6}, earlier=frozenset({"4"})
    )
    assert found.kind == "unsent"


def test_a_later_job_of_the_batch_is_no_anchor():
    found = verdict([command("12", text("later"))], owned={"12": 8})
    assert found.kind == "in_doubt"
    assert found.evidence["anchor"] is None


def test_a_foreign_command_certainly_older_than_the_send_is_an_anchor():
    old = command("2", text("someone else's"), created=SENT - 20_000, ttl=10)
    assert verdict([old]).kind == "unsent"


def test_a_foreign_command_possibly_newer_is_no_anchor():
    # created at most 10 s before its timeout, which is only 14 s after the send - 5 s skew
    recent = command("2", text("someone else's"), timeout=SENT + 9_000)
    found = verdict([recent])
    assert found.kind == "in_doubt"


def test_an_empty_list_proves_nothing():
    found = verdict([])
    assert found.kind == "in_doubt"
    assert "evicted" in found.evidence["reason"]


def test_a_closed_conversation_leaves_the_job_in_doubt():
    found = verdict(None)
    assert found.kind == "in_doubt"
    assert "404" in found.evidence["reason"]


def test_commands_owned_by_other_jobs_are_never_candidates():
    found = verdict([command("9", text("hello"))], owned={"9": 3})
    assert found.kind == "in_doubt"  # and no anchor either (job 3 is not earlier here)
    assert found.evidence["candidates"] == []


def test_a_matching_command_from_before_the_window_is_ignored():
    old = command("5", text("hello"), created=SENT - 6_000)
    anchor = command("1", text("x"), created=SENT - 60_000)
    assert verdict([old, anchor]).kind == "unsent"


def test_the_window_allows_five_seconds_of_clock_skew():
    skewed = command("5", text("hello"), created=SENT - 4_000)
    assert verdict([skewed]).command_id == "5"


@pytest.mark.parametrize(
    ("sent", "payload", "expected"),
    [
        (["Hi"], [{"type": "text", "payload": "Hi", "metadata": []}], "match"),
        (["Hi"], [{"type": "text", "payload": "Ho", "metadata": []}], "mismatch"),
        (["Hi", "Ho"], [{"type": "text", "payload": "Hi"}], "mismatch"),
        (
            [{"text": "p", "messageAudience": "AGENTS_AND_MANAGERS"}],
            [{"type": "text", "payload": "p", "messageAudience": "AGENTS_AND_MANAGERS"}],
            "match",
        ),
        (
            [{"delay": 2, "typing": True}],
            [{"type": "delay", "payload": {"delay": 2, "typing": True}, "metadata": []}],
            "match",
        ),
        (
            [{"structuredContent": {"type": "vertical", "elements": []}}],
            [{"type": "structuredContent", "payload": {"type": "vertical", "elements": []}}],
            "match",
        ),
        (["Hi"], "Hi", "unknown"),
        (["Hi"], [{"type": "text"}], "unknown"),
    ],
)
def test_messages_are_compared_in_their_documented_normal_form(sent, payload, expected):
    assert body_match("sendMessages", {"messages": sent}, command("1", payload)) == expected


def test_a_command_of_another_operations_type_is_not_a_candidate():
    sdes = command("1", {"sdes": []}, kind="sdes")
    assert body_match("sendMessages", {"messages": ["Hi"]}, sdes) == "mismatch"
    ttr = command("1", {"ttrType": "URGENT"}, kind="ttr")
    assert body_match("transferConversation", {"skill": "s"}, ttr) == "mismatch"


@pytest.mark.parametrize(
    ("body", "payload", "expected"),
    [
        ({"skill": "human"}, {"skill": "human"}, "match"),
        ({"skill": "human"}, {"skill": "bot"}, "mismatch"),
        ({"skill": "human"}, {"skill": "human", "skillId": 4}, "unknown"),  # never a guess
        ({"skill": "human"}, None, "unknown"),
    ],
)
def test_undocumented_payloads_match_only_when_equal(body, payload, expected):
    found = command("1", payload, kind="transferConversation")
    assert body_match("transferConversation", body, found) == expected


def test_an_undocumented_type_with_the_body_is_adopted():
    listed = [command("7", {"skill": "human"}, kind="somethingNew")]
    found = verdict(listed, op_attempt=attempt({"skill": "human"}, "transferConversation"))
    assert found.command_id == "7"


def test_without_a_ttl_parameter_the_window_stays_wide():
    # joinConversation has no ttl: its default is undocumented, so the shortest (10 s) is used
    join = Attempt(1, "joinConversation", {"agentId": "a"}, None, SENT)
    listed = [command("3", {"agentId": "a"}, kind="joinConversation", timeout=SENT + 10_000)]
    found = decide(join, listed, owned={}, earlier=frozenset(), listed_at_ms=SENT)
    assert found.command_id == "3"


def test_the_first_poll_waits_for_the_time_commands_take():
    from lptpb_ext._batch import _Job, _Pace  # noqa: PLC0415 - the tracker's private pacing

    def ran(took_ms: int, *, start: int = 100, ttl: int = 30) -> Command:
        created = SENT
        return Command.model_validate({
            "id": "1", "state": "completed",
            "data": {"type": "messages", "payload": [], "timeoutTime": created + ttl * 1000},
            "result": {"startTime": created + start, "endTime": created + took_ms},
        })  # fmt: skip

    job = _Job(1, "c", "sendMessages", b"{}", 30, None, "accepted", 1, SENT, "1")
    pace = _Pace()
    assert pace.first_poll() == 0.2  # nothing known yet
    for took in (700, 720, 690):
        pace.learn(ran(took), job)
    assert pace.first_poll() == 0.7
    pace.learn(ran(30_000, start=30_000), job)  # expired without running: no sample
    pace.learn(ran(9_000), job)  # slower than the longest first wait: no sample
    assert pace.first_poll() == 0.7
    fast = _Pace()
    fast.learn(ran(50), job)
    assert fast.first_poll() == 0.2  # never sooner than the client's first poll
    join = _Job(2, "c", "joinConversation", b"{}", None, None, "accepted", 1, SENT, "2")
    fast.learn(ran(900), join)  # no ttl parameter: its creation time is unknown
    assert list(fast.samples) == [0.05]
