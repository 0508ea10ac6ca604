"""RedisSessionStore on its own, against a real redis-server: key layout and TTLs, failures
(refused, silent, wrong type), ready clients, and secrets. The shared contract is in
test_stores_contract.py."""

from __future__ import annotations

import asyncio
import socket
import sys
import time
from collections.abc import Iterator

import pytest

from lptpb_ext._errors import ConfigurationError, SessionStoreError
from lptpb_ext._redis_store import RedisSessionStore, mask_url
from tests.redis_server import redis_url, unique_prefix  # noqa: F401 - the fixture

redis = pytest.importorskip("redis", reason="redis-py is not installed (the redis extra)")
redis_asyncio = pytest.importorskip("redis.asyncio")

KEY = "api.example|123|bot-user|abcd"
BEARER = "eyJ.secret-bearer-value.sig"
PASSWORD = "pa55-w0rd-never-shown"  # noqa: S105 - a test value to look for


@pytest.fixture
def raw(redis_url) -> Iterator[redis.Redis]:  # noqa: F811
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    yield client
    client.close()


@pytest.fixture
def store(redis_url) -> Iterator[RedisSessionStore]:  # noqa: F811
    made = RedisSessionStore(redis_url, prefix=unique_prefix())
    yield made
    made.close()


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port on 127.0.0.1 that accepts connections and never answers."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    yield listener.getsockname()[1]
    listener.close()


def _refused_port() -> int:
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # bound once, never listened on: connections are refused
    return port


# ---------------------------------------------------------------------- layout and TTLs


def test_keys_layout_and_ttls(store, raw) -> None:
    record, lock, log = store.redis_keys(KEY)
    digest = record.removeprefix(store.prefix)[1:33]
    assert (record, lock, log) == tuple(
        f"{store.prefix}{{{digest}}}:{part}" for part in ("record", "lock", "relogins")
    )
    fence = store.acquire(KEY, 30)
    assert 29_000 < raw.pttl(lock) <= 30_000
    assert raw.get(lock) == str(fence)
    assert 86_390_000 < raw.pttl(record) <= 86_400_000
    assert store.publish(KEY, fence, BEARER, relogin=True)
    assert raw.exists(lock) == 0
    assert raw.hgetall(record) == {
        "bearer": BEARER,
        "fence": str(fence),
        "issued": str(fence),
        "stored_at": raw.hget(record, "stored_at"),
    }
    assert abs(float(raw.hget(record, "stored_at")) - time.time()) < 5  # the server's clock
    assert 3_590_000 < raw.pttl(log) <= 3_600_000
    assert raw.zrange(log, 0, -1) == [str(fence)]
    # The session key itself is written nowhere: only its hash names the keys.
    assert sorted(raw.keys(f"{store.prefix}*")) == sorted([record, log])
    assert not [k for k in raw.keys("*") if KEY in k]


def test_ttl_and_retention_are_configurable(redis_url, raw) -> None:  # noqa: F811
    store = RedisSessionStore(redis_url, prefix=unique_prefix(), ttl=60, relogin_retention=120)
    record, _, log = store.redis_keys(KEY)
    fence = store.acquire(KEY, 5)
    store.publish(KEY, fence, BEARER, relogin=True)
    assert 59_000 < raw.pttl(record) <= 60_000
    assert 119_000 < raw.pttl(log) <= 120_000
    store.close()


def test_a_fence_from_before_the_record_vanished_is_never_stored(store, raw) -> None:
    """After a flush or an expiry the counter starts again; an in-flight larger fence loses."""
    for _ in range(5):
        store.publish(KEY, store.acquire(KEY, 30), BEARER, relogin=False)
    stale = store.acquire(KEY, 30)
    raw.delete(*store.redis_keys(KEY))
    assert not store.publish(KEY, stale, "from-the-old-epoch", relogin=True)
    assert store.read(KEY) is None
    assert store.relogins(KEY, 60) == 0
    assert store.acquire(KEY, 30) == 1


def test_counting_relogins_erases_nothing(store) -> None:
    for _ in range(3):
        store.publish(KEY, store.acquire(KEY, 30), BEARER, relogin=True)
    time.sleep(0.05)
    assert store.relogins(KEY, 0.01) == 0
    assert store.relogins(KEY, 60) == 3


# ---------------------------------------------------------------------- failures


def test_a_refused_connection_is_a_store_error_with_the_password_masked() -> None:
    url = f"redis://:{PASSWORD}@127.0.0.1:{_refused_port()}/0"
    store = RedisSessionStore(url)
    with pytest.raises(SessionStoreError) as caught:
        store.acquire(KEY, 30)
    message = str(caught.value)
    assert f"redis://:***@127.0.0.1:{url.rsplit(':', 1)[1]}" in message
    assert "ConnectionError" in message
    assert PASSWORD not in message
    assert PASSWORD not in repr(caught.value)
    assert PASSWORD not in repr(store)
    assert caught.value.store == mask_url(url)

    async def async_side() -> str:
        with pytest.raises(SessionStoreError) as caught:
            await store.apublish(KEY, 1, BEARER, relogin=False)
        await store.aclose()
        return str(caught.value)

    message = asyncio.run(async_side())
    assert "redis://:***@127.0.0.1" in message
    assert PASSWORD not in message
    assert BEARER not in message


def test_a_missing_unix_socket_masks_a_password_in_the_query(tmp_path) -> None:
    store = RedisSessionStore(f"unix://{tmp_path}/no.sock?db=0&password={PASSWORD}")
    with pytest.raises(SessionStoreError) as caught:
        store.read(KEY)
    assert "password=***" in str(caught.value)
    assert PASSWORD not in str(caught.value)


def test_a_silent_server_times_out_once_without_retries(silent_port) -> None:
    store = RedisSessionStore(f"redis://:{PASSWORD}@127.0.0.1:{silent_port}/0", timeout=0.3)
    started = time.monotonic()
    with pytest.raises(SessionStoreError, match="Timeout"):
        store.acquire(KEY, 30)
    took = time.monotonic() - started
    # One 0.3 s timeout; redis-py's default 10 retries with backoff would take several seconds.
    assert took < 2.5, took

    async def async_side() -> float:
        started = time.monotonic()
        with pytest.raises(SessionStoreError, match="Timeout"):
            await store.aread(KEY)
        await store.aclose()
        return time.monotonic() - started

    assert asyncio.run(async_side()) < 2.5


def test_a_redis_error_answer_is_a_store_error_without_the_bearer(store, raw) -> None:
    raw.set(store.redis_keys(KEY)[0], "not a hash")
    with pytest.raises(SessionStoreError, match="WRONGTYPE") as caught:
        store.acquire(KEY, 30)
    assert BEARER not in str(caught.value)
    with pytest.raises(SessionStoreError, match="WRONGTYPE") as caught:
        store.publish(KEY, 1, BEARER, relogin=True)
    assert BEARER not in str(caught.value)


def test_a_bad_url_is_a_configuration_error_with_the_password_masked() -> None:
    with pytest.raises(ConfigurationError) as caught:
        RedisSessionStore(f"redis://:{PASSWORD}@host:notaport/0")
    assert "redis://:***@host:notaport/0" in str(caught.value)
    assert PASSWORD not in str(caught.value)
    with pytest.raises(ConfigurationError):
        RedisSessionStore(42)  # type: ignore[arg-type]


def test_without_redis_py_the_store_says_which_extra_to_install(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "redis", None)  # import redis -> ImportError
    with pytest.raises(ConfigurationError, match=r"lptpb\[redis\]"):
        RedisSessionStore("redis://localhost")


# ---------------------------------------------------------------------- ready clients


def test_a_ready_sync_client_serves_both_sides(redis_url) -> None:  # noqa: F811
    client = redis.Redis.from_url(redis_url)
    store = RedisSessionStore(client, prefix=unique_prefix())
    assert "unix://" in repr(store)
    fence = store.acquire(KEY, 30)

    async def async_side() -> None:  # through a worker thread
        assert await store.aacquire(KEY, 30) is None
        assert await store.apublish(KEY, fence, BEARER, relogin=True)
        assert (await store.aread(KEY)).bearer == BEARER
        assert await store.arelogins(KEY, 60) == 1
        await store.arelease(KEY, fence)

    asyncio.run(async_side())
    store.close()  # a given client stays open
    assert client.ping()
    client.close()


def test_a_ready_asyncio_client_serves_the_async_side_only(redis_url) -> None:  # noqa: F811
    async def scenario() -> None:
        client = redis_asyncio.Redis.from_url(redis_url)
        store = RedisSessionStore(client, prefix=unique_prefix())
        fence = await store.aacquire(KEY, 30)
        assert await store.apublish(KEY, fence, BEARER, relogin=False)
        assert (await store.aread(KEY)).fence == fence
        with pytest.raises(SessionStoreError, match=r"only a redis\.asyncio client"):
            store.read(KEY)
        await store.aclose()  # a given client stays open
        assert await client.ping()
        await client.aclose()

    asyncio.run(scenario())


def test_a_given_clients_password_is_not_shown() -> None:
    from redis.backoff import NoBackoff  # noqa: PLC0415
    from redis.retry import Retry  # noqa: PLC0415

    port = _refused_port()  # no retries: a given client keeps its own, 10 by default
    client = redis.Redis(
        host="127.0.0.1", port=port, password=PASSWORD, retry=Retry(NoBackoff(), 0)
    )
    store = RedisSessionStore(client)
    with pytest.raises(SessionStoreError) as caught:
        store.read(KEY)
    assert PASSWORD not in repr(store)
    assert PASSWORD not in str(caught.value)
    client.close()


def test_each_event_loop_gets_its_own_asyncio_client(store) -> None:
    async def login(bearer: str) -> int:
        fence = await store.aacquire(KEY, 30)
        assert await store.apublish(KEY, fence, bearer, relogin=False)
        await store.aclose()  # the loop's client: closed before its loop ends
        return fence

    first = asyncio.run(login("first"))
    second = asyncio.run(login("second"))
    assert second > first
    assert store.read(KEY).bearer == "second"


# ---------------------------------------------------------------------- masking


@pytest.mark.parametrize(
    ("url", "masked"),
    [
        ("redis://localhost:6379/0", "redis://localhost:6379/0"),
        ("redis://:secret@host:6379/0", "redis://:***@host:6379/0"),
        ("rediss://user:secret@host", "rediss://user:***@host"),
        ("redis://user@host", "redis://user@host"),
        ("redis://u:p@ss@host", "redis://u:***@host"),
        ("unix:///run/redis.sock?db=2&password=secret", "unix:///run/redis.sock?db=2&password=***"),
        ("unix:///run/redis.sock", "unix:///run/redis.sock"),
        ("redis://:secret@[::1", "redis://:***@[::1"),
    ],
)
def test_mask_url(url, masked) -> None:
    assert mask_url(url) == masked


# ---------------------------------------------------------------------- the documented ACL


def test_the_acl_in_the_docstring_is_all_the_store_needs(redis_url, raw) -> None:  # noqa: F811
    """A user with exactly the documented ACL can do everything, scripts loaded afresh."""
    import lptpb_ext._redis_store as module  # noqa: PLC0415

    doc = module.__doc__ or ""
    rules = " ".join(doc[doc.index("ACL SETUSER lptpb") :].split("\n\n")[0].split()).split()[3:]
    user = f"acl-{unique_prefix()[:-1]}"
    assert rules[:2] == ["on", ">PASSWORD"]
    assert "-@all" in rules
    raw.execute_command("ACL", "SETUSER", user, *[r.replace("PASSWORD", PASSWORD) for r in rules])
    raw.script_flush()
    try:
        url = redis_url.replace("unix://", f"unix://{user}:{PASSWORD}@")
        store = RedisSessionStore(url)
        key = f"acl-{unique_prefix()}"
        fence = store.acquire(key, 30)
        assert store.acquire(key, 30) is None
        assert store.publish(key, fence, BEARER, relogin=True)
        assert store.read(key).bearer == BEARER
        assert store.relogins(key, 60) == 1
        store.release(key, store.acquire(key, 30))

        async def async_side() -> None:
            assert await store.aacquire(key, 30) is not None
            assert (await store.aread(key)).bearer == BEARER
            await store.aclose()

        asyncio.run(async_side())
        outside = RedisSessionStore(url, prefix="elsewhere:")
        with pytest.raises(SessionStoreError, match="NoPermission"):
            outside.read(key)
        store.close()
        outside.close()
    finally:
        raw.execute_command("ACL", "DELUSER", user)
