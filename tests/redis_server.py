"""A real ``redis-server`` for the tests: on a unix socket in a temporary directory, no disk.

``redis_url`` (session-scoped) starts one server for the whole run and stops it at the end;
tests keep apart by giving their stores distinct key prefixes (:func:`unique_prefix`). When
``redis-server`` or redis-py is missing, the tests that need it skip and say why.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

REDIS_SERVER = shutil.which("redis-server")
START_TIMEOUT = 10.0


def unique_prefix() -> str:
    """A key prefix no other test uses, so tests share one server without flushing it."""
    return f"t{uuid.uuid4().hex[:12]}:"


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """``unix:///.../redis.sock`` of a redis-server started for this test session."""
    if REDIS_SERVER is None:
        pytest.skip("redis-server is not installed (Debian: apt-get install redis-server)")
    redis = pytest.importorskip("redis", reason="redis-py is not installed (the redis extra)")
    # A short directory: a unix socket path must fit in 107 bytes.
    directory = Path(tempfile.mkdtemp(prefix="lptpb-redis-"))
    socket = directory / "redis.sock"
    command = [REDIS_SERVER, "--port", "0", "--unixsocket", str(socket)]
    command += ["--unixsocketperm", "700", "--save", "", "--appendonly", "no"]
    command += ["--dir", str(directory), "--daemonize", "no", "--loglevel", "warning"]
    log = (directory / "redis.log").open("wb")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    url = f"unix://{socket}"
    try:
        _wait_until_ready(redis, server, socket, directory)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
        shutil.rmtree(directory, ignore_errors=True)


def _wait_until_ready(redis, server, socket: Path, directory: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            log = (directory / "redis.log").read_text(errors="replace")
            pytest.fail(f"redis-server exited with {server.returncode}: {log}")
        if socket.exists():
            client = redis.Redis(unix_socket_path=str(socket))
            try:
                if client.ping():
                    return
            except redis.ConnectionError:
                pass
            finally:
                client.close()
        time.sleep(0.02)
    pytest.fail(f"redis-server did not answer on {socket} within {START_TIMEOUT:g}s")
