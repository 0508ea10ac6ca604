"""Injected faults surface in httpx clients as a real network would show them, sync and async."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from lptpb_ext.simulator import (
    DEFAULT_ACCOUNT,
    MESSAGING_CONVERSATION,
    PASSWORD,
    PASSWORD_USER,
    Fault,
    ManualClock,
    Simulator,
)
from tests.test_simulator_rules import BASE, START, Api, conversation_path

LOGIN = {"authType": "USER_PASS", "credentials": {"username": PASSWORD_USER, "password": PASSWORD}}
LOGIN_PATH = f"/api/v1/account/{DEFAULT_ACCOUNT}/login?v=1.3"
SEND_PATH = conversation_path(MESSAGING_CONVERSATION, "messages")


@pytest.fixture
def clock():
    return ManualClock(start=START)


@pytest.fixture
def sim(clock):
    return Simulator(clock=clock)


def run_sync(sim: Simulator, fault: Fault | None, timeout: float = 5.0):
    """Log in, queue ``fault``, send one message; the response or the exception raised."""
    with httpx.Client(transport=sim.transport(), base_url=BASE, timeout=timeout) as client:
        bearer = Api(client).bearer()
        if fault is not None:
            sim.add_fault(fault)
        headers = {"Authorization": f"Bearer {bearer}"}
        try:
            return client.post(SEND_PATH, json={"messages": ["hi"]}, headers=headers)
        except httpx.TransportError as exc:
            return exc


def run_async(sim: Simulator, fault: Fault | None, timeout: float = 5.0):
    """:func:`run_sync` through ``httpx.AsyncClient`` and the async transport."""

    async def scenario():
        transport = sim.async_transport()
        async with httpx.AsyncClient(transport=transport, base_url=BASE, timeout=timeout) as client:
            response = await client.post(LOGIN_PATH, json=LOGIN)
            bearer = response.json()["bearer"]
            if fault is not None:
                sim.add_fault(fault)
            headers = {"Authorization": f"Bearer {bearer}"}
            try:
                return await client.post(SEND_PATH, json={"messages": ["hi"]}, headers=headers)
            except httpx.TransportError as exc:
                return exc

    return asyncio.run(scenario())


RUNNERS = pytest.mark.parametrize("run", [run_sync, run_async], ids=["sync", "async"])


def created(sim: Simulator) -> int:
    return len(sim.commands(MESSAGING_CONVERSATION))


@RUNNERS
def test_without_faults_the_call_succeeds(sim, run):
    """The baseline: the same scenario answers 200 and creates one command."""
    assert run(sim, None).status_code == 200
    assert created(sim) == 1


@RUNNERS
def test_drop_before_processing_is_a_connect_error_and_creates_nothing(sim, run):
    """A drop before processing raises httpx.ConnectError; no command exists."""
    outcome = run(sim, Fault.drop_before())
    assert isinstance(outcome, httpx.ConnectError)
    assert created(sim) == 0


@RUNNERS
def test_drop_after_processing_is_a_protocol_error_and_the_command_exists(sim, run):
    """A drop after processing raises httpx.RemoteProtocolError; the command was created."""
    outcome = run(sim, Fault.drop_after())
    assert isinstance(outcome, httpx.RemoteProtocolError)
    assert created(sim) == 1


@RUNNERS
def test_server_error_answers_5xx_text_with_retry_after_and_creates_nothing(sim, run):
    """A 503 fault answers text/plain with Retry-After, before processing."""
    response = run(sim, Fault.server_error(503, retry_after=7))
    assert response.status_code == 503
    assert response.headers["content-type"].startswith("text/plain")
    assert response.headers["retry-after"] == "7"
    assert created(sim) == 0


@RUNNERS
def test_waf_answers_403_with_an_html_page(sim, run):
    """The Reblaze fault answers 403 text/html and the request is not processed."""
    response = run(sim, Fault.waf())
    assert response.status_code == 403
    assert response.headers["content-type"].startswith("text/html")
    assert "Reblaze" in response.text
    assert created(sim) == 0


@RUNNERS
def test_latency_beyond_the_read_timeout_is_a_read_timeout_after_processing(sim, clock, run):
    """Latency over the client's read timeout raises ReadTimeout; the clock moved, not time."""
    outcome = run(sim, Fault.latency(30), timeout=2.0)
    assert isinstance(outcome, httpx.ReadTimeout)
    assert clock.time() == START + 2
    assert created(sim) == 1


@RUNNERS
def test_latency_within_the_read_timeout_delays_the_answer(sim, clock, run):
    """Latency shorter than the timeout answers normally, the clock advanced by the latency."""
    response = run(sim, Fault.latency(3), timeout=10.0)
    assert response.status_code == 200
    assert clock.time() == START + 3


@RUNNERS
def test_a_session_stolen_mid_flight_answers_401(sim, run):
    """The steal_session fault logs the user in elsewhere just before the request: 401."""
    response = run(sim, Fault.steal_session())
    assert response.status_code == 401
    assert created(sim) == 0


@RUNNERS
def test_fail_command_makes_the_created_command_fail(sim, clock, run):
    """fail_command fails the command the request creates with the given error name."""
    assert run(sim, Fault.fail_command("com.example.boom")).status_code == 200
    clock.advance(1)
    (command,) = sim.commands(MESSAGING_CONVERSATION)
    assert command["state"] == "failed"
    assert command["result"]["error"]["name"] == "com.example.boom"


def test_faults_match_their_operation_and_count(sim):
    """A fault for sendMessages skips login, and times=2 applies to exactly two requests."""
    sim.add_fault(Fault.server_error(500, operation="sendMessages", times=2))
    with httpx.Client(transport=sim.transport(), base_url=BASE) as client:
        api = Api(client)
        bearer = api.bearer()
        statuses = [api.send(bearer, "hi").status_code for _ in range(3)]
    assert statuses == [500, 500, 200]
    assert sim.faults.pending() == []


def test_faults_never_touch_the_control_api(sim):
    """/_sim requests are not faulted, so a pending fault waits for a contract request."""
    sim.add_fault(Fault.drop_before())
    with httpx.Client(transport=sim.transport(), base_url=BASE) as client:
        assert client.get("/_sim/state").status_code == 200
    assert len(sim.faults.pending()) == 1


@pytest.mark.parametrize(
    "fault",
    [
        Fault.latency(0.5),
        Fault.server_error(502),
        Fault.drop_before(),
        Fault.drop_after(),
        Fault.waf(),
        Fault.steal_session(),
        Fault.fail_command(),
    ],
    ids=lambda f: f.kind,
)
def test_faults_round_trip_through_the_control_api(sim, fault):
    """POST /_sim/faults accepts every fault's JSON form and queues the same fault."""
    with httpx.Client(transport=sim.transport(), base_url=BASE) as client:
        assert client.post("/_sim/faults", json=fault.to_json()).status_code == 201
    assert sim.faults.pending() == [fault]


@pytest.mark.parametrize(
    "body",
    [{"kind": "meltdown"}, {"kind": "status", "status": 404}, {"kind": "waf", "times": 0}, []],
)
def test_the_control_api_refuses_bad_faults(sim, body):
    """An unknown kind, a non-5xx status, a zero count or a non-object is a 400."""
    with httpx.Client(transport=sim.transport(), base_url=BASE) as client:
        assert client.post("/_sim/faults", json=body).status_code == 400
    assert sim.faults.pending() == []
