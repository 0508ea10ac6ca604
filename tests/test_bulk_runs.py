"""Bulk runs against the simulator over real HTTP: outcomes, order, faults, resume.

Every test counts what the simulator delivered (``conversation_state(...)["messages"]``)
against the journal: nothing twice, nothing lost, every doubt explained.
"""

from __future__ import annotations

import asyncio
import collections
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lptpb_ext import (
    AsyncClient,
    AuthenticationError,
    Batch,
    BatchProgress,
    Client,
    ConfigurationError,
    FileSessionStore,
    Job,
    SessionPool,
    UserPassword,
)
from lptpb_ext._jobs import body_json

simulator = pytest.importorskip("lptpb_ext.simulator", reason="needs the sim extra")
ACCOUNT = simulator.DEFAULT_ACCOUNT
USER = UserPassword(simulator.PASSWORD_USER, simulator.PASSWORD)
Fault = simulator.Fault


@pytest.fixture
def sim() -> simulator.Simulator:
    return simulator.Simulator()


@pytest.fixture
def url(sim) -> Iterator[str]:
    with simulator.serve(sim) as served:
        yield served


def client(url: str, **options: Any) -> Client:
    return Client(ACCOUNT, USER, base_url=url, session_pool=SessionPool(), **options)


def aclient(url: str, **options: Any) -> AsyncClient:
    return AsyncClient(ACCOUNT, USER, base_url=url, session_pool=SessionPool(), **options)


def texts(sim, conversation: str) -> list[str]:
    return [m["payload"] for m in sim.conversation_state(conversation)["messages"]]


def messages(conversations: list[str], per: int, tag: str = "m") -> list[Job]:
    return [
        Job(c, "sendMessages", {"messages": [f"{tag}-{i}-{k}"]}, ttl=60)
        for k in range(per)
        for i, c in enumerate(conversations)
    ]


def audit(sim, conversations: list[str], batch: Batch) -> dict[str, Any]:
    delivered = collections.Counter(t for c in conversations for t in texts(sim, c))
    out: dict[str, Any] = {"dup": 0, "lost": [], "doubt": [], "states": collections.Counter()}
    out["dup"] = sum(n - 1 for n in delivered.values() if n > 1)
    for record in batch.records():
        out["states"][record.state] += 1
        if record.operation != "sendMessages":
            continue
        count = delivered[body_json(record.body)["messages"][0]]
        if record.state == "completed" and count != 1:
            out["lost"].append(record.seq)
        if record.state in ("pending", "sending", "accepted"):
            out["lost"].append(record.seq)
        if record.state in ("rejected", "skipped", "failed") and count:
            out["lost"].append(record.seq)
        if record.state == "in_doubt":
            assert record.evidence
            assert record.evidence["reason"]
            out["doubt"].append((record.seq, count))
    return out


def test_async_run_of_every_operation_completes_in_order(sim, url, tmp_path):
    convs = [sim.create_conversation() for _ in range(4)]
    jobs = [
        *messages(convs, 3),
        Job(convs[0], "setTtr", {"ttrType": "URGENT"}),
        Job(convs[1], "transferConversation", {"skill": simulator.SKILL}),
        Job(convs[2], "setSdes", {"sdes": [{"type": "ctmrinfo", "info": {"cstatus": "new"}}],
                                 "sharkVisitorId": "v", "sharkSessionId": "s"}),
        Job(convs[3], "joinConversation", {"agentId": simulator.BOT_AGENT_ID}),
        Job(convs[3], "removeAgent", {"agentId": simulator.BOT_AGENT_ID}),
        Job(convs[3], "closeConversation"),
    ]  # fmt: skip
    progress: list[BatchProgress] = []

    async def main() -> Any:
        async with aclient(url) as c:
            with Batch.create(tmp_path / "j", jobs, account_id=ACCOUNT) as batch:
                summary = await batch.arun(c, concurrency=4, on_progress=progress.append)
                return summary, audit(sim, convs, batch), batch.records()

    summary, found, records = asyncio.run(main())
    assert summary.all_completed, [
        (r.seq, r.operation, r.state, r.error) for r in records if r.state != "completed"
    ]
    assert found["dup"] == 0
    assert found["lost"] == []
    for index, conversation in enumerate(convs):
        assert texts(sim, conversation) == [f"m-{index}-{k}" for k in range(3)]  # in order
    states = [sim.conversation_state(c) for c in convs]
    assert states[0]["ttr"] == "URGENT"
    assert states[1]["skill"] == simulator.SKILL
    assert states[2]["sdes"]
    assert not states[3]["open"]
    assert progress[-1].counts["completed"] == len(jobs)
    assert progress[-1].unfinished == 0
    assert summary.requests["send"] == len(jobs)


def test_sync_run_with_threads_and_a_failing_command(sim, url, tmp_path):
    convs = [sim.create_conversation() for _ in range(3)]
    jobs = [*messages(convs, 2), Job(convs[0], "transferConversation", {"skill": "no-such-skill"})]
    with client(url) as c, Batch.create(tmp_path / "j", jobs, account_id=ACCOUNT) as batch:
        summary = batch.run(c, concurrency=3)
        failed = [r for r in batch.records() if r.state == "failed"]
        found = audit(sim, convs, batch)
    assert summary.counts["completed"] == 6
    assert [r.seq for r in failed] == [7]
    assert failed[0].error is not None
    assert failed[0].error.endswith("transfer-skill-not-existing")
    assert found["dup"] == 0
    assert found["lost"] == []


def test_a_closed_conversation_rejects_its_jobs_and_a_close_counts_as_done(sim, url, tmp_path):
    open_, closed = sim.create_conversation(), sim.create_conversation()
    sim.close_conversation(closed)
    jobs = [*messages([closed, open_], 1), Job(open_, "closeConversation")]
    with client(url) as c, Batch.create(tmp_path / "j", jobs, account_id=ACCOUNT) as batch:
        summary = batch.run(c, concurrency=2)
        records = batch.records()
    assert [r.state for r in records] == ["rejected", "completed", "completed"]
    assert records[0].error is not None
    assert "NotFoundError" in records[0].error
    assert summary.counts["rejected"] == 1


def test_faults_during_a_run_change_nothing(sim, url, tmp_path):
    """Drops after and before processing, 500s, 503s, latency, a 503 on a listing."""
    convs = [sim.create_conversation() for _ in range(6)]
    jobs = messages(convs, 5)
    for fault in (
        Fault.drop_after(operation="sendMessages", times=3),
        Fault.latency(0.2, operation="sendMessages", times=4),
        Fault.server_error(503, operation="listCommands"),
    ):
        sim.add_fault(fault)
    op = "sendMessages"
    later = {  # mid-run, spread out: by then every conversation has an anchor
        10: [Fault.server_error(500, operation=op), Fault.drop_before(operation=op)],
        16: [Fault.server_error(503, operation=op), Fault.drop_after(operation=op)],
        22: [
            Fault.server_error(503, retry_after=0, operation=op),  # retried by the client
            Fault.server_error(500, operation=op),
        ],
    }

    def on_stage(stage: str, seq: int) -> None:
        if stage == "sending":
            for fault in later.pop(seq, []):
                sim.add_fault(fault)

    with client(url) as c, Batch.create(tmp_path / "j", jobs, account_id=ACCOUNT) as batch:
        summary = batch.run(
            c, concurrency=4, in_flight_grace=0.5, max_attempts=5, on_stage=on_stage
        )
        found = audit(sim, convs, batch)
        events = batch.events()
        rejected = [r for r in batch.records() if r.state == "rejected"]
    assert found["dup"] == 0
    assert found["lost"] == []
    # the first three sends were dropped after creation: first jobs of their conversations,
    # adopted from the command list; in doubt only what could not be proven either way
    assert all(count <= 1 for _, count in found["doubt"])
    adopted = [e for e in events if e[3] == "reconciled: adopted"]
    assert len(adopted) >= 3
    # a job whose five attempts were each proven not created is rejected, and not delivered
    assert all((r.error or "").startswith("not sent after 5 attempt(s)") for r in rejected)
    assert summary.counts["completed"] + len(found["doubt"]) + len(rejected) == len(jobs)
    assert summary.unfinished == 0
    retried = {seq for seq, _, state, _ in events if state == "pending"}
    assert retried, "the faults should have made some sends provably fail"


def test_a_500_on_a_first_job_is_in_doubt_with_the_evidence(sim, url, tmp_path):
    conv = sim.create_conversation()
    sim.add_fault(Fault.server_error(500, operation="sendMessages"))
    jobs = messages([conv], 2)
    with client(url) as c, Batch.create(tmp_path / "j", jobs, account_id=ACCOUNT) as batch:
        batch.run(c, in_flight_grace=0.2)
        first, second = batch.records()
    assert first.state == "in_doubt"
    assert first.evidence is not None
    assert first.evidence["anchor"] is None
    assert first.evidence["candidates"] == []
    assert "evicted" in first.evidence["reason"]
    assert second.state == "completed"
    assert texts(sim, conv) == ["m-0-1"]  # the doubtful one was not re-sent


def test_a_500_after_an_accepted_job_is_proven_unsent_and_sent_again(sim, url, tmp_path):
    conv = sim.create_conversation()
    jobs = messages([conv], 2)

    def on_stage(stage: str, seq: int) -> None:
        if stage == "sending" and seq == 2 and not sim.snapshot()["faults"] and not seen:
            seen.append(seq)
            sim.add_fault(Fault.server_error(500, operation="sendMessages"))

    seen: list[int] = []

    with client(url) as c, Batch.create(tmp_path / "j", jobs, account_id=ACCOUNT) as batch:
        batch.run(c, in_flight_grace=0.2, on_stage=on_stage)
        second = batch.records()[1]
        history = [state for _, _, state, _ in batch.events(2)]
    assert second.state == "completed"
    assert second.attempts == 2
    assert history == ["sending", "pending", "sending", "accepted", "completed"]
    assert texts(sim, conv) == ["m-0-0", "m-0-1"]


def test_a_job_past_its_deadline_is_skipped_not_sent(sim, url, tmp_path):
    conv = sim.create_conversation()
    jobs = [Job(conv, "sendMessages", {"messages": ["late"]}, deadline=0.001)]
    with client(url) as c, Batch.create(tmp_path / "j", jobs, account_id=ACCOUNT) as batch:
        summary = batch.run(c)
    assert summary.counts["skipped"] == 1
    assert summary.requests == {}
    assert texts(sim, conv) == []


def test_a_cancelled_run_resumes_without_duplicates(sim, url, tmp_path):
    convs = [sim.create_conversation() for _ in range(5)]
    jobs = messages(convs, 6)
    path = tmp_path / "j"

    async def interrupted() -> None:
        async with aclient(url) as c:
            with Batch.create(path, jobs, account_id=ACCOUNT) as batch:
                sends = 0

                def hook(stage: str, seq: int) -> None:
                    nonlocal sends
                    sends += stage == "sending"
                    if sends == 12:
                        run.cancel()  # as Ctrl-C does to asyncio.run's task, mid-run

                run = asyncio.ensure_future(batch.arun(c, concurrency=4, on_stage=hook))
                with pytest.raises(asyncio.CancelledError):
                    await run
                left = batch.counts()
        assert left["pending"] > 0
        assert left["sending"] >= 1

    asyncio.run(interrupted())
    with client(url) as c, Batch.open(path) as batch:
        summary = batch.run(c, in_flight_grace=0.3)
        found = audit(sim, convs, batch)
    assert found["dup"] == 0
    assert found["lost"] == []
    assert summary.unfinished == 0


def test_a_finished_batch_resumed_sends_nothing(sim, url, tmp_path):
    conv = sim.create_conversation()
    with client(url) as c:
        with Batch.create(tmp_path / "j", messages([conv], 2), account_id=ACCOUNT) as batch:
            batch.run(c)
        with Batch.open(tmp_path / "j") as batch:
            again = batch.run(c)
    assert again.requests == {}
    assert again.all_completed
    assert texts(sim, conv) == ["m-0-0", "m-0-1"]


def test_the_batch_shares_the_apps_session_through_the_store(sim, url, tmp_path):
    store = FileSessionStore(tmp_path / "sessions.json")
    conv = sim.create_conversation()
    with Client(
        ACCOUNT, USER, base_url=url, session_store=store, session_pool=SessionPool()
    ) as app:
        app.send_messages(conv, {"messages": ["from the app"]})
        with Client(ACCOUNT, USER, base_url=url, session_store=FileSessionStore(
            tmp_path / "sessions.json"), session_pool=SessionPool()) as runner, Batch.create(
            tmp_path / "j", messages([conv], 3), account_id=ACCOUNT
        ) as batch:  # fmt: skip
            assert batch.run(runner).all_completed
        app.send_messages(conv, {"messages": ["still logged in"]})
    users = sim.snapshot()["accounts"][0]["users"]
    assert next(u for u in users if u["username"] == USER.username)["logins"] == 1


def test_a_refused_login_stops_the_run_and_leaves_jobs_pending(sim, url, tmp_path):
    conv = sim.create_conversation()
    wrong = UserPassword(simulator.PASSWORD_USER, "wrong")
    with Client(ACCOUNT, wrong, base_url=url, session_pool=SessionPool()) as c, Batch.create(
        tmp_path / "j", messages([conv], 2), account_id=ACCOUNT
    ) as batch:  # fmt: skip
        with pytest.raises(AuthenticationError):
            batch.run(c)
        assert batch.counts()["pending"] == 2
    assert texts(sim, conv) == []


@pytest.mark.parametrize("polling", ["list", "get"])
def test_both_polling_modes_track_every_command(sim, url, tmp_path, polling):
    convs = [sim.create_conversation() for _ in range(3)]
    with (
        client(url) as c,
        Batch.create(tmp_path / "j", messages(convs, 4), account_id=ACCOUNT) as batch,
    ):
        summary = batch.run(c, concurrency=6, polling=polling)
    assert summary.all_completed
    assert ("get" in summary.requests) == (polling == "get")


@pytest.mark.parametrize(
    ("option", "value"),
    [("concurrency", 0), ("concurrency", True), ("polling", "sometimes"),
     ("in_flight_grace", -1), ("max_attempts", 0), ("max_unsettled", 0)],
)  # fmt: skip
def test_bad_options_are_refused_before_anything_is_sent(sim, url, tmp_path, option, value):
    conv = sim.create_conversation()
    with (
        client(url) as c,
        Batch.create(tmp_path / "j", messages([conv], 1), account_id=ACCOUNT) as batch,
        pytest.raises(ConfigurationError, match=option),
    ):
        batch.run(c, **{option: value})
    assert texts(sim, conv) == []


def test_run_refuses_a_running_event_loop(sim, url, tmp_path):
    conv = sim.create_conversation()

    async def inside() -> None:
        with (
            client(url) as c,
            Batch.create(tmp_path / "j", messages([conv], 1), account_id=ACCOUNT) as batch,
            pytest.raises(ConfigurationError, match="use arun"),
        ):
            batch.run(c)

    asyncio.run(inside())


def test_the_journal_holds_no_secret(sim, url, tmp_path):
    conv = sim.create_conversation()
    password = "Bulk-Journal-Secret-Phrase-7"  # noqa: S105 - a test user's, on the simulator
    sim.add_user("bulk-user", password)
    path = tmp_path / "j"
    user = UserPassword("bulk-user", password)
    with Client(ACCOUNT, user, base_url=url, session_pool=SessionPool()) as c, Batch.create(
        path, messages([conv], 2), account_id=ACCOUNT
    ) as batch:  # fmt: skip
        batch.run(c)
        bearer = c.session.bearer
    raw = b"".join(p.read_bytes() for p in Path(tmp_path).iterdir() if p.name.startswith("j"))
    assert bearer
    assert bearer.encode() not in raw
    assert password.encode() not in raw
    assert b"bulk-user" not in raw
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_command_accepted_while_a_listing_is_in_flight_is_not_taken_for_evicted(
    sim, url, tmp_path
):
    """The listing was taken before the command existed: it proves nothing about it."""
    conv = sim.create_conversation()
    sim.add_fault(Fault.latency(0.8, operation="listCommands"))  # the first poll's listing

    def on_stage(stage: str, seq: int) -> None:
        if stage == "sending" and seq == 2:  # job 3 is sent, and tracked, mid-listing
            sim.add_fault(Fault.latency(0.4, operation="sendMessages"))

    jobs = messages([conv], 3)
    with client(url) as c, Batch.create(tmp_path / "j", jobs, account_id=ACCOUNT) as batch:
        summary = batch.run(c, polling="list", on_stage=on_stage)
    assert summary.all_completed, summary.counts
    assert texts(sim, conv) == ["m-0-0", "m-0-1", "m-0-2"]


def test_unsettled_commands_stay_within_the_window(sim, url, tmp_path):
    """A batch never has more commands sent and unseen-settled than ``max_unsettled``."""
    convs = [sim.create_conversation() for _ in range(6)]
    seen: list[int] = []

    def watch(progress: BatchProgress) -> None:
        seen.append(progress.counts["sending"] + progress.counts["accepted"])

    with (
        client(url) as c,
        Batch.create(tmp_path / "j", messages(convs, 2), account_id=ACCOUNT) as batch,
    ):
        summary = batch.run(c, concurrency=6, max_unsettled=2, on_progress=watch)
    assert summary.all_completed
    assert max(seen) == 2
