"""The clients on a shared session store: the variable, a store that fails, two "processes".

Two clients with separate ``SessionPool``s stand for two processes here (each pool keeps its
own ``Session`` objects); ``tests/test_fleet.py`` runs real processes.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from lptpb_ext import (
    Client,
    FileSessionStore,
    MemoryStore,
    RedisSessionStore,
    SessionPool,
    SessionStoreError,
    UserPassword,
)
from lptpb_ext._store_url import store_from_env
from lptpb_ext.simulator import (
    DEFAULT_ACCOUNT,
    MESSAGING_CONVERSATION,
    PASSWORD,
    PASSWORD_USER,
    ManualClock,
    Simulator,
    serve,
)

USER = UserPassword(PASSWORD_USER, PASSWORD)
CONV = MESSAGING_CONVERSATION


@pytest.fixture
def sim() -> Iterator[tuple[Simulator, str]]:
    simulator = Simulator(clock=ManualClock())
    with serve(simulator) as url:
        yield simulator, url


def _logins(sim: Simulator) -> int:
    return sum(u["logins"] for a in sim.snapshot()["accounts"] for u in a["users"])


def test_the_variable_names_the_store_of_clients_given_none(monkeypatch, tmp_path) -> None:
    path = tmp_path / "sessions.json"
    monkeypatch.setenv("LPTPB_SESSION_STORE", f"file://{path}")
    client = Client(DEFAULT_ACCOUNT, USER, base_url="http://127.0.0.1:9")
    store = client.session.store
    assert isinstance(store, FileSessionStore)
    assert store.path == path
    assert store_from_env() is store  # one store object per value: clients share sessions
    monkeypatch.setenv("LPTPB_SESSION_STORE", "")
    assert isinstance(
        Client(DEFAULT_ACCOUNT, USER, base_url="http://127.0.0.1:9").session.store, MemoryStore
    )


def test_two_processes_on_one_file_store_log_in_once(sim, tmp_path) -> None:
    simulator, url = sim
    store = FileSessionStore(tmp_path / "s.json")
    first, second = (
        Client(DEFAULT_ACCOUNT, USER, base_url=url, session_pool=SessionPool(), session_store=store)
        for _ in range(2)
    )
    first.send_messages(CONV, {"messages": ["one"]})
    second.send_messages(CONV, {"messages": ["two"]})
    assert _logins(simulator) == 1
    simulator.steal_session(PASSWORD_USER)
    second.send_messages(CONV, {"messages": ["three"]})
    first.send_messages(CONV, {"messages": ["four"]})  # adopts second's bearer after its 401
    assert _logins(simulator) == 2


@pytest.fixture
def private_redis() -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed (Debian: apt-get install redis-server)")
    pytest.importorskip("redis", reason="redis-py is not installed (the redis extra)")
    directory = Path(tempfile.mkdtemp(prefix="lptpb-redis-"))
    sock = directory / "r.sock"
    proc = subprocess.Popen(  # noqa: S603 - Debian's redis-server, fixed argv
        [server, "--port", "0", "--unixsocket", str(sock), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(500):
        if sock.exists():
            break
        time.sleep(0.01)
    try:
        yield f"unix://{sock}", proc
    finally:
        proc.kill()
        proc.wait()
        shutil.rmtree(directory, ignore_errors=True)


def test_redis_down_stops_only_the_login_and_says_so(sim, private_redis) -> None:
    """With a valid bearer, sends go on while Redis is down; a login that needs it fails fast
    with SessionStoreError, not a private login that would log the fleet out."""
    simulator, url = sim
    redis_url, redis_proc = private_redis
    client = Client(
        DEFAULT_ACCOUNT, USER, base_url=url, session_pool=SessionPool(),
        session_store=RedisSessionStore(redis_url),
    )  # fmt: skip
    client.send_messages(CONV, {"messages": ["before"]})
    redis_proc.kill()
    redis_proc.wait()
    for i in range(3):
        client.send_messages(CONV, {"messages": [f"while down {i}"]})
    simulator.steal_session(PASSWORD_USER)
    before = _logins(simulator)
    with pytest.raises(SessionStoreError) as caught:
        client.send_messages(CONV, {"messages": ["needs a login"]})
    assert _logins(simulator) == before
    assert str(caught.value).startswith(f"session store {redis_url}")
