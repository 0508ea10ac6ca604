"""Hostile input against the simulator: deep JSON, absurd numbers, huge bodies, foreign pages.

Most tests go through real HTTP (uvicorn on 127.0.0.1 via :func:`serve`), since the faults
they guard against live in sockets and headers.
"""

from __future__ import annotations

import asyncio
import json
import math
import socket
from urllib.parse import urlsplit

import httpx
import pytest

from lptpb_ext.simulator import MESSAGING_CONVERSATION, Fault, ManualClock, Simulator, serve
from lptpb_ext.simulator._http import MAX_BODY_BYTES, MAX_JSON_DEPTH
from tests.test_simulator_rules import START, Api, conversation_path

MARKER = "a-value-that-must-never-come-back"
TOKEN = "tok-123"  # noqa: S105 - a test's control token


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


@pytest.fixture
def client(sim_url):
    with httpx.Client(base_url=sim_url[1], timeout=10) as client:
        yield client


def _alive(client: httpx.Client) -> None:
    """The simulator still answers both APIs normally."""
    assert client.get("/_sim/state").status_code == 200
    api = Api(client)
    assert api.send(api.bearer(), "still here").status_code == 200


def _nested_card(levels: int) -> dict[str, object]:
    card: dict[str, object] = {"type": "text", "text": MARKER}
    for _ in range(levels):
        card = {"type": "vertical", "elements": [card]}
    return card


def _exchange(url: str, head: bytes, body: bytes = b"", timeout: float = 5.0) -> bytes:
    """Send raw bytes over a fresh socket; everything the server sends until it closes."""
    parts = urlsplit(url)
    received = b""
    with socket.create_connection((parts.hostname, parts.port), timeout=timeout) as sock:
        sock.sendall(head + body)
        while True:
            try:
                chunk = sock.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            received += chunk
            if b"\r\n\r\n" in received and b"content-length: 0\r\n" in received.lower():
                break
    return received


# ---------------------------------------------------------------------------- 1. deep JSON


@pytest.mark.parametrize("levels", [40, 200, 450])
def test_deeply_nested_structured_content_is_a_typed_400(client, levels):
    """Layouts nested past the depth limit answer the usual 400 shape, never a 500."""
    api = Api(client)
    body = {"messages": [{"structuredContent": _nested_card(levels)}]}
    response = api.post(api.bearer(), "messages", body)
    assert response.status_code == 400, response.text
    answer = response.json()
    assert set(answer) == {"code", "message", "errors"}
    assert answer["code"] == 400
    assert any(f"{MAX_JSON_DEPTH}" in e for e in answer["errors"])
    assert MARKER not in response.text
    _alive(client)


@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 5000, 200_000])
@pytest.mark.parametrize("path", ["contract", "control"])
def test_deeply_nested_raw_json_is_a_400_on_both_apis(client, depth, path):
    """Plain nested arrays past the limit (or past the parser's recursion) answer 400."""
    raw = "[" * depth + json.dumps(MARKER) + "]" * depth
    headers = {"content-type": "application/json"}
    if path == "contract":
        api = Api(client)
        headers["authorization"] = f"Bearer {api.bearer()}"
        url = conversation_path(MESSAGING_CONVERSATION, "messages")
    else:
        url = "/_sim/faults"
    response = client.post(url, content=raw, headers=headers)
    assert response.status_code == 400, response.text
    assert response.json()["code"] == 400
    assert MARKER not in response.text
    _alive(client)


def test_nesting_up_to_the_limit_is_accepted(client):
    """A card nested as deep as the limit allows is valid and sent."""
    api = Api(client)
    levels = (MAX_JSON_DEPTH - 5) // 2  # body, messages, message, card, then 2 per layout
    body = {"messages": [{"structuredContent": _nested_card(levels)}]}
    assert api.post(api.bearer(), "messages", body).status_code == 200


def test_non_finite_numbers_in_a_body_are_a_400(client):
    """1e400 parses as infinity in Python; it is refused, so state never holds a non-number."""
    response = client.post("/_sim/faults", content='{"kind": "latency", "seconds": 1e400}')
    assert response.status_code == 400
    _alive(client)


@pytest.mark.parametrize("body", [{"bot": [1]}, {"id": [1]}, {"id": 5}, {"bot": {}}])
def test_control_fields_of_the_wrong_type_are_a_400(client, body):
    """A list where an id belongs used to raise TypeError (500); an int id made a dead entry."""
    response = client.post("/_sim/conversations", json=body)
    assert response.status_code == 400, response.text
    _alive(client)


# ---------------------------------------------------------------------------- 2. clock


@pytest.mark.parametrize("seconds", ["NaN", "Infinity", "-Infinity", "1e308", "1e400"])
def test_advancing_the_clock_by_absurd_seconds_is_a_400_and_nothing_wedges(client, seconds):
    """Non-finite or absurd advances are refused; later calls and /_sim/reset still work."""
    response = client.post("/_sim/clock/advance", content=f'{{"seconds": {seconds}}}')
    assert response.status_code == 400, response.text
    _alive(client)
    assert client.post("/_sim/reset").status_code == 204
    _alive(client)


def test_the_manual_clock_itself_refuses_non_finite_and_absurd_times():
    """The clock validates too, so no caller can wedge the simulator's time."""
    clock = ManualClock(start=START)
    for seconds in (math.nan, math.inf, 1e308, -1.0):
        with pytest.raises(ValueError, match="seconds"):
            clock.advance(seconds)
    assert clock.time() == START
    for start in (math.nan, math.inf, -1.0, 1e308):
        with pytest.raises(ValueError, match="start"):
            ManualClock(start=start)
    clock.advance(86_400 * 365)
    assert clock.time() == START + 86_400 * 365


# ---------------------------------------------------------------------------- 3. faults


@pytest.mark.parametrize(
    "raw",
    [
        '{"kind": "latency", "seconds": NaN}',
        '{"kind": "latency", "seconds": Infinity}',
        '{"kind": "latency", "seconds": 1e308}',
        '{"kind": "latency", "seconds": -1}',
        '{"kind": "latency", "times": 1000000000000}',
        '{"kind": "status", "status": 503, "retry_after": -5}',
        '{"kind": "status", "status": 503, "retry_after": 100000000000}',
        '{"kind": "fail_command", "error_name": ""}',
        '{"kind": "fail_command", "error_name": "' + "x" * 10_000 + '"}',
    ],
)
def test_bad_fault_parameters_are_a_400_and_state_stays_readable(client, raw):
    """A fault the simulator cannot honour is refused; /_sim/state keeps answering 200."""
    response = client.post("/_sim/faults", content=raw)
    assert response.status_code == 400, response.text
    assert client.get("/_sim/state").json()["faults"] == []
    _alive(client)


@pytest.mark.parametrize(
    "make",
    [
        lambda: Fault.latency(math.nan),
        lambda: Fault.latency(math.inf),
        lambda: Fault.latency(1e308),
        lambda: Fault.latency(1, times=10**12),
        lambda: Fault.server_error(503, retry_after=-1),
        lambda: Fault.fail_command(""),
    ],
)
def test_fault_refuses_bad_parameters_in_python_too(make):
    """Building a fault in Python checks the same bounds."""
    with pytest.raises(ValueError, match="must be"):
        make()


# ---------------------------------------------------------------------------- 4. body size


def test_a_declared_oversized_body_is_a_413_before_it_is_read(sim_url):
    """Content-Length over the cap answers 413 at once: the 200 MB never has to arrive."""
    _, url = sim_url
    host = urlsplit(url).netloc
    head = (
        f"POST /_sim/faults HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {200 * 1024 * 1024}\r\n\r\n"
    ).encode()
    received = _exchange(url, head, b"{" + b" " * 1024)
    assert received.startswith(b"HTTP/1.1 413 "), received[:200]
    assert b"connection: close" in received.lower()
    assert json.loads(received.split(b"\r\n\r\n", 1)[1])["code"] == 413


def test_a_streamed_oversized_body_is_a_413(sim_url):
    """A chunked body (no Content-Length) is counted as it arrives and refused past the cap."""
    _, url = sim_url
    host = urlsplit(url).netloc
    head = (
        f"POST /_sim/faults HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n\r\n"
    ).encode()
    piece = b" " * 65536
    chunk = f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    chunks = chunk * (MAX_BODY_BYTES // len(piece) + 1)  # one piece past the cap, no end
    received = _exchange(url, head, chunks)
    assert received.startswith(b"HTTP/1.1 413 "), received[:200]


def test_a_body_at_the_cap_is_read(client):
    """The cap is on size only: a body of exactly the cap is parsed as usual."""
    text = '{"kind": "waf"}'
    body = text + " " * (MAX_BODY_BYTES - len(text))
    assert client.post("/_sim/faults", content=body).status_code == 201


def test_oversized_bodies_are_refused_in_process_too():
    """The cap is part of the app, so the in-process transports see the same 413."""
    sim = Simulator(clock=ManualClock(start=START))
    with httpx.Client(transport=sim.transport(), base_url="https://sim") as client:
        response = client.post("/_sim/faults", content=b" " * (MAX_BODY_BYTES + 1))
    assert response.status_code == 413


# ---------------------------------------------------------------------------- 5. control API


def test_a_cross_origin_simple_post_is_refused(client, sim_url):
    """A page on another origin can POST text/plain without a preflight: the answer is 403."""
    sim, _ = sim_url
    sim.add_fault(Fault.waf())
    headers = {"content-type": "text/plain", "origin": "http://evil.example"}
    response = client.post("/_sim/reset", content="{}", headers=headers)
    assert response.status_code == 403
    assert len(sim.faults.pending()) == 1  # the reset did not happen


@pytest.mark.parametrize(
    "origin", ["null", "http://localhost.evil.example", "https://127.0.0.1", "http://127.0.0.1"]
)
def test_any_origin_but_the_simulators_own_is_refused(client, origin):
    """Only the simulator's own origin (scheme, host and port) may call the control API."""
    assert client.get("/_sim/state", headers={"origin": origin}).status_code == 403


def test_the_simulators_own_origin_is_allowed(client, sim_url):
    """A page served from the simulator's own origin is not cross-origin."""
    _, url = sim_url
    assert client.get("/_sim/state", headers={"origin": url}).status_code == 200


def test_a_cross_site_fetch_without_origin_is_refused(client):
    """Browsers mark cross-site requests with Sec-Fetch-Site even when they omit Origin."""
    assert client.get("/_sim/state", headers={"sec-fetch-site": "cross-site"}).status_code == 403
    assert client.get("/_sim/state", headers={"sec-fetch-site": "none"}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "10.1.2.3:{port}", ""])
def test_a_non_loopback_host_is_refused(client, sim_url, host):
    """DNS rebinding sends the attacker's name as Host; only loopback names are accepted."""
    port = urlsplit(sim_url[1]).port
    response = client.get("/_sim/state", headers={"host": host.format(port=port)})
    assert response.status_code == 403


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "LOCALHOST", "127.1.2.3"])
def test_loopback_hosts_are_accepted(client, sim_url, host):
    port = urlsplit(sim_url[1]).port
    assert client.get("/_sim/state", headers={"host": host.format(port=port)}).status_code == 200


def test_the_address_the_server_listens_on_is_a_valid_host():
    """Served on a LAN address (`lptpb sim --host`), that IP literal is accepted as Host.

    The bare app (mounted in any ASGI server) gets the Host check; the scope's ``server`` is
    the address the connection came in on.
    """
    app = Simulator(clock=ManualClock(start=START)).app

    async def states() -> list[int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://192.0.2.7:8080") as c:
            own = await c.get("/_sim/state")
            other = await c.get("/_sim/state", headers={"host": "192.0.2.8:8080"})
            named = await c.get("/_sim/state", headers={"host": "sim.example:8080"})
        return [own.status_code, other.status_code, named.status_code]

    assert asyncio.run(states()) == [200, 403, 403]


def test_the_contract_api_ignores_origin_and_host(client):
    """Only the control API is guarded; the simulated service answers any origin."""
    headers = {"origin": "http://evil.example", "host": "bot-platform-api.fs.liveperson.com"}
    path = "/api/account/12345678/service/baseURI.json?version=1.0"
    assert client.get(path, headers=headers).status_code == 200


def test_a_control_token_is_required_once_set():
    """With control_token, /_sim needs X-Lptpb-Sim-Token; the contract API does not."""
    sim = Simulator(clock=ManualClock(start=START), control_token=TOKEN)
    with serve(sim) as url, httpx.Client(base_url=url, timeout=10) as client:
        missing = client.get("/_sim/state")
        wrong = client.get("/_sim/state", headers={"x-lptpb-sim-token": "tok-124"})
        bearer_instead = client.get("/_sim/state", headers={"authorization": f"Bearer {TOKEN}"})
        right = client.get("/_sim/state", headers={"x-lptpb-sim-token": TOKEN})
        api = Api(client)
        sent = api.send(api.bearer(), "hi")
    assert (missing.status_code, wrong.status_code, bearer_instead.status_code) == (401,) * 3
    assert "tok-12" not in missing.text + wrong.text
    assert right.status_code == 200
    assert sent.status_code == 200


def test_the_control_token_applies_in_process_too():
    """The in-process transports go through the same check; Python methods need no token."""
    sim = Simulator(clock=ManualClock(start=START), control_token=TOKEN)
    with httpx.Client(transport=sim.transport(), base_url="https://sim") as client:
        assert client.post("/_sim/reset").status_code == 401
        headers = {"x-lptpb-sim-token": TOKEN}
        assert client.post("/_sim/reset", headers=headers).status_code == 204
    sim.reset()


@pytest.mark.parametrize("token", ["", "has space", "caf\u00e9", "line\nbreak"])
def test_a_bad_control_token_is_refused_at_construction(token):
    """A token must fit in an HTTP header as typed: printable ASCII, no spaces."""
    with pytest.raises(ValueError, match="control_token"):
        Simulator(control_token=token)
