"""The simulator over real HTTP: uvicorn on 127.0.0.1, real sockets, real connection drops."""

from __future__ import annotations

import socket

import httpx
import pytest

from lptpb_ext.simulator import MESSAGING_CONVERSATION, Fault, ManualClock, Simulator, serve
from lptpb_ext.simulator._serve import bind
from tests.test_simulator_rules import START, Api


@pytest.fixture(scope="module")
def served():
    sim = Simulator(clock=ManualClock(start=START))
    with serve(sim) as url:
        yield sim, url


@pytest.fixture
def sim_url(served):
    sim, url = served
    sim.reset()
    return sim, url


def test_serve_binds_loopback_on_a_free_port(sim_url):
    """serve() yields an http://127.0.0.1:<port> base URL that answers the Domain API."""
    _, url = sim_url
    assert url.startswith("http://127.0.0.1:")
    response = httpx.get(
        f"{url}/api/account/12345678/service/thirdPartyBots/baseURI.json?version=1.0"
    )
    assert response.json()["baseURI"] == url.removeprefix("http://")


def test_login_send_and_read_back_over_http(sim_url):
    """The basic flow works over a real socket: login, send, list the command."""
    sim, url = sim_url
    with httpx.Client(base_url=url) as client:
        api = Api(client)
        bearer = api.bearer()
        command_id = api.send(bearer, "hi").json()["commandId"]
        sim.clock.advance(1)
        (command,) = api.commands(bearer).json()
    assert (command["id"], command["state"]) == (command_id, "completed")


@pytest.mark.parametrize(("fault", "landed"), [(Fault.drop_before(), 0), (Fault.drop_after(), 1)])
def test_connection_drops_close_the_socket(sim_url, fault, landed):
    """A drop closes the real connection: httpx raises a transport error, never a response."""
    sim, url = sim_url
    with httpx.Client(base_url=url) as client:
        api = Api(client)
        bearer = api.bearer()
        sim.add_fault(fault)
        with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
            api.send(bearer, "hi")
        assert len(api.commands(bearer).json()) == landed


def test_waf_and_server_errors_over_http(sim_url):
    """The WAF page and a 503 come through a real server unchanged."""
    sim, url = sim_url
    sim.add_fault(Fault.waf())
    sim.add_fault(Fault.server_error(503, retry_after=3))
    with httpx.Client(base_url=url) as client:
        waf = Api(client).login()
        unavailable = Api(client).login()
    assert (waf.status_code, waf.headers["content-type"]) == (403, "text/html; charset=utf-8")
    assert (unavailable.status_code, unavailable.headers["retry-after"]) == (503, "3")


def test_control_api_over_http(sim_url):
    """A non-Python user can create a conversation through /_sim and use it."""
    sim, url = sim_url
    with httpx.Client(base_url=url) as client:
        assert client.post("/_sim/conversations", json={"id": "http-conv"}).status_code == 201
        api = Api(client)
        assert api.send(api.bearer(), "hi", cid="http-conv").status_code == 200
    assert sim.conversation_state("http-conv")["messages"] == []  # still waiting to run
    assert MESSAGING_CONVERSATION in {
        c["id"] for c in sim.snapshot()["accounts"][0]["conversations"]
    }


def test_listening_socket_says_tcp_so_answers_are_not_held_by_nagle():
    """asyncio turns Nagle's algorithm off (TCP_NODELAY) only for sockets whose proto is TCP.

    Made with proto 0, every answer's body waited for the client's delayed ACK: about 44 ms a
    request over loopback, against about 1.3 ms with the proto named (measured by hand).
    """
    sock = bind("127.0.0.1", 0)
    try:
        assert sock.proto == socket.IPPROTO_TCP
        client = socket.create_connection(sock.getsockname()[:2])
        accepted, _ = sock.accept()
        with client, accepted:
            assert accepted.proto == socket.IPPROTO_TCP
    finally:
        sock.close()
