"""store_from_url: the one string behind LPTPB_SESSION_STORE and --session-store."""

from __future__ import annotations

from pathlib import Path

import pytest

from lptpb_ext._errors import ConfigurationError
from lptpb_ext._file_store import FileSessionStore
from lptpb_ext._redis_store import RedisSessionStore
from lptpb_ext._store_url import store_from_url
from lptpb_ext._stores import MemoryStore

SECRET = "s3cret-pw-never-shown"  # noqa: S105 - a test value to look for


@pytest.mark.parametrize("text", ["memory:", "memory://", " MEMORY: "])
def test_memory(text) -> None:
    assert isinstance(store_from_url(text), MemoryStore)


def test_file_default_path(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    for text in ("file:", "file://"):
        store = store_from_url(text)
        assert isinstance(store, FileSessionStore)
        assert store.path == tmp_path / "lptpb" / "sessions.json"


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("file:///var/lib/bots/sessions.json", "/var/lib/bots/sessions.json"),
        ("file://localhost/var/lib/s.json", "/var/lib/s.json"),
        ("file:///srv/my%20bots/s.json", "/srv/my bots/s.json"),
        ("file:/var/lib/s.json", "/var/lib/s.json"),
    ],
)
def test_file_path(text, path) -> None:
    store = store_from_url(text)
    assert isinstance(store, FileSessionStore)
    assert store.path == Path(path)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("redis://localhost:6379/0", "redis://localhost:6379/0"),
        (f"redis://:{SECRET}@cache.internal:6380/2", "redis://:***@cache.internal:6380/2"),
        (f"rediss://bots:{SECRET}@cache.internal", "rediss://bots:***@cache.internal"),
        (
            f"unix:///run/redis.sock?db=1&password={SECRET}",
            "unix:///run/redis.sock?db=1&password=***",
        ),
    ],
)
def test_redis(text, shown) -> None:
    pytest.importorskip("redis", reason="redis-py is not installed (the redis extra)")
    store = store_from_url(text)
    assert isinstance(store, RedisSessionStore)
    assert store.name == shown
    assert SECRET not in repr(store)
    store.close()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "memory",
        "memory:extra",
        "file:relative/path.json",
        "file://otherhost/etc/s.json",
        "file:///",
        "file:///tmp/s.json?mode=x",
        "http://example.com/",
        f"mongodb://user:{SECRET}@db/0",
        f"postgres://:{SECRET}@db",
        "/absolute/path/without/scheme.json",
        f"redis://:{SECRET}@host:notaport/0",
    ],
)
def test_bad_values_name_themselves_with_the_password_masked(text) -> None:
    if text.startswith("redis"):
        pytest.importorskip("redis", reason="redis-py is not installed (the redis extra)")
    with pytest.raises(ConfigurationError) as caught:
        store_from_url(text)
    message = str(caught.value)
    assert SECRET not in message
    assert message.startswith("session store ")
    if SECRET in text:
        assert ":***@" in message
    elif text.strip():
        assert text in message
