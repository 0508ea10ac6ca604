"""FileSessionStore on its own: where it writes, with which modes, and what it does when the
file or the file system misbehaves. The shared contract is in test_stores_contract.py."""

from __future__ import annotations

import asyncio
import errno
import fcntl
import itertools
import json
import logging
import os
import stat
import threading
import time
from pathlib import Path

import pytest

from lptpb_ext._errors import ConfigurationError, SessionStoreError
from lptpb_ext._file_store import FileSessionStore, default_state_dir
from tests.stores import FakeClock

KEY = "api.example|123|bot-user|abcd"
BEARER = "eyJ.secret-bearer-value.sig"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _login(store: FileSessionStore, bearer: str = BEARER, key: str = KEY) -> int:
    fence = store.acquire(key, 30)
    assert fence is not None
    assert store.publish(key, fence, bearer, relogin=False)
    return fence


@pytest.fixture
def umask_wide_open() -> None:
    """A umask that would make every new file world-readable, were modes left to it."""
    old = os.umask(0)
    yield
    os.umask(old)


# ---------------------------------------------------------------------- where and modes


def test_default_path_is_in_the_per_user_state_directory(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert FileSessionStore().path == tmp_path / "state" / "lptpb" / "sessions.json"
    monkeypatch.setenv("XDG_STATE_HOME", "relative/dir")  # the XDG spec: ignore it
    assert default_state_dir() == Path.home() / ".local" / "state" / "lptpb"
    monkeypatch.delenv("XDG_STATE_HOME")
    assert default_state_dir() == Path.home() / ".local" / "state" / "lptpb"


def test_default_directory_matches_platformdirs(tmp_path, monkeypatch) -> None:
    platformdirs = pytest.importorskip("platformdirs")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    assert default_state_dir() == Path(platformdirs.user_state_dir("lptpb"))
    monkeypatch.delenv("XDG_STATE_HOME")
    assert default_state_dir() == Path(platformdirs.user_state_dir("lptpb"))


def test_default_directory_is_0700_and_the_file_0600(tmp_path, monkeypatch, umask_wide_open):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    store = FileSessionStore()
    assert not store.path.parent.exists()  # nothing happens before the first call
    _login(store)
    assert _mode(store.path.parent) == 0o700
    assert _mode(store.path) == 0o600
    assert _mode(store.path.with_name("sessions.json.lock")) == 0o600
    assert sorted(p.name for p in store.path.parent.iterdir()) == [
        "sessions.json",
        "sessions.json.lock",
    ]  # no temporary file left behind


def test_an_existing_default_directory_is_tightened_to_0700(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    directory = tmp_path / "lptpb"
    directory.mkdir(mode=0o755)
    directory.chmod(0o755)
    _login(FileSessionStore())
    assert _mode(directory) == 0o700


def test_a_given_path_is_used_as_is_with_private_parents(tmp_path, umask_wide_open) -> None:
    path = tmp_path / "deep" / "er" / "bots.json"
    store = FileSessionStore(path)
    _login(store)
    assert store.path == path
    assert _mode(path) == 0o600
    assert _mode(path.parent) == 0o700
    assert json.loads(path.read_text())["sessions"][KEY]["bearer"] == BEARER


def test_every_rewrite_keeps_mode_0600(tmp_path, umask_wide_open) -> None:
    store = FileSessionStore(tmp_path / "s.json")
    for n in range(3):
        _login(store, f"{BEARER}-{n}")
        assert _mode(store.path) == 0o600
    store.path.chmod(0o644)  # widened by hand: the next write puts it back
    _login(store)
    assert _mode(store.path) == 0o600


def test_the_file_holds_what_the_docstring_says(tmp_path) -> None:
    clock = FakeClock()
    store = FileSessionStore(tmp_path / "s.json", clock=clock)
    fence = _login(store)
    clock.advance(1)
    held = store.acquire(KEY, 30)
    entry = json.loads(store.path.read_text())["sessions"][KEY]
    assert entry == {
        "bearer": BEARER,
        "fence": fence,
        "stored_at": clock.now - 1,
        "issued": held,
        "holder": held,
        "expires": clock.now + 30,
        "relogins": [],
        "touched": clock.now,
    }


# ---------------------------------------------------------------------- secrets


def test_no_bearer_in_repr_str_or_errors(tmp_path, monkeypatch) -> None:
    store = FileSessionStore(tmp_path / "s.json")
    _login(store)
    record = store.read(KEY)
    assert record is not None
    said = [repr(store), str(store), repr(record), str(record)]
    monkeypatch.setattr(os, "fsync", _fail(errno.ENOSPC))
    with pytest.raises(SessionStoreError) as caught:
        _login(store, "another-secret-bearer")
    said += [str(caught.value), repr(caught.value)]
    assert not [s for s in said if BEARER in s or "another-secret-bearer" in s]


# ---------------------------------------------------------------------- corruption


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b'{"version": 1, "sessions": {"api.example|123|bot-user|abcd": {"bearer": "eyJ.sec',
        b"\x00\x00\x00\x00",
        b"[]",
        b'{"version": 1}',
        b"not json at all",
    ],
    ids=["empty", "truncated", "zeros", "a-list", "no-sessions", "garbage"],
)
def test_an_unreadable_file_counts_as_empty_and_is_rewritten(tmp_path, caplog, content) -> None:
    store = FileSessionStore(tmp_path / "s.json")
    store.path.write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="lptpb"):
        assert store.read(KEY) is None
        assert store.relogins(KEY, 60) == 0
        fence = _login(store)  # the fleet goes on: one login, and the file is whole again
    assert fence == 1
    assert json.loads(store.path.read_text())["sessions"][KEY]["bearer"] == BEARER
    assert "treated as empty" in caplog.text
    assert "eyJ.sec" not in caplog.text  # the warning never quotes the content


def test_a_malformed_entry_is_dropped_and_the_others_kept(tmp_path, caplog) -> None:
    store = FileSessionStore(tmp_path / "s.json")
    _login(store)
    document = json.loads(store.path.read_text())
    document["sessions"]["broken"] = {"bearer": 42, "fence": "x"}
    document["sessions"]["also-broken"] = "a string"
    store.path.write_text(json.dumps(document))
    with caplog.at_level(logging.WARNING, logger="lptpb"):
        assert store.read(KEY).bearer == BEARER
        assert store.read("broken") is None
    assert "malformed entry" in caplog.text
    _login(store, key="broken")
    assert store.read("broken").fence == 1


def test_a_fence_from_before_a_reset_is_never_stored(tmp_path) -> None:
    """Fences restart after a reset; an in-flight fence larger than any now issued is refused."""
    store = FileSessionStore(tmp_path / "s.json")
    for _ in range(5):
        _login(store)
    stale = store.acquire(KEY, 30)
    store.path.write_bytes(b"")  # the file is lost while that login is in flight
    assert not store.publish(KEY, stale, "from-the-old-epoch", relogin=True)
    assert store.read(KEY) is None
    assert store.relogins(KEY, 60) == 0


# ---------------------------------------------------------------------- expiry (ttl)


def test_entries_untouched_for_the_ttl_are_dropped(tmp_path) -> None:
    clock = FakeClock()
    store = FileSessionStore(tmp_path / "s.json", ttl=100, clock=clock)
    _login(store, key="old")
    clock.advance(50)
    held = store.acquire("held", 1000)  # a live lease keeps even an old entry
    clock.advance(60)
    _login(store, key="new")  # any write prunes
    sessions = json.loads(store.path.read_text())["sessions"]
    assert sorted(sessions) == ["held", "new"]
    assert store.read("old") is None
    assert store.acquire("held", 10) is None
    assert held == 1


def test_relogin_times_are_kept_for_the_retention_only(tmp_path) -> None:
    clock = FakeClock()
    store = FileSessionStore(tmp_path / "s.json", relogin_retention=100, clock=clock)
    for _ in range(3):
        fence = store.acquire(KEY, 30)
        store.publish(KEY, fence, BEARER, relogin=True)
        clock.advance(60)
    assert store.relogins(KEY, 1000) == 2  # the first was trimmed at the third publish
    assert len(json.loads(store.path.read_text())["sessions"][KEY]["relogins"]) == 2
    assert store.relogins(KEY, 61) == 1  # counting trims nothing
    assert store.relogins(KEY, 1000) == 2


# ---------------------------------------------------------------------- file-system errors


def _fail(code: int):
    def fail(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))

    return fail


def test_disk_full_raises_a_store_error_naming_the_path(tmp_path, monkeypatch) -> None:
    store = FileSessionStore(tmp_path / "s.json")
    _login(store)
    before = store.path.read_bytes()
    monkeypatch.setattr(os, "fsync", _fail(errno.ENOSPC))
    with pytest.raises(SessionStoreError) as caught:
        store.acquire(KEY, 30)
    assert str(store.path) in str(caught.value)
    assert "No space left on device" in str(caught.value)
    assert caught.value.store == str(store.path)
    assert store.path.read_bytes() == before  # the old file is intact
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.json", "s.json.lock"]


def test_a_file_in_the_way_of_the_directory_raises_a_store_error(tmp_path) -> None:
    (tmp_path / "blocker").write_text("")
    store = FileSessionStore(tmp_path / "blocker" / "s.json")
    with pytest.raises(SessionStoreError, match=r"blocker.*Not a directory"):
        store.read(KEY)
    with pytest.raises(SessionStoreError, match="blocker"):
        store.acquire(KEY, 30)


def test_a_directory_at_the_path_raises_a_store_error(tmp_path) -> None:
    (tmp_path / "s.json").mkdir()
    store = FileSessionStore(tmp_path / "s.json")
    with pytest.raises(SessionStoreError, match=r"s\.json"):
        store.read(KEY)
    with pytest.raises(SessionStoreError, match=r"s\.json"):
        store.acquire(KEY, 30)


def test_a_symlink_at_the_path_is_refused(tmp_path) -> None:
    target = tmp_path / "elsewhere.json"
    target.write_text("{}")
    (tmp_path / "s.json").symlink_to(target)
    store = FileSessionStore(tmp_path / "s.json")
    with pytest.raises(SessionStoreError, match=r"s\.json"):
        store.read(KEY)


def test_a_lock_held_too_long_raises_instead_of_hanging(tmp_path) -> None:
    store = FileSessionStore(tmp_path / "s.json", lock_timeout=0.2)
    _login(store)
    fd = os.open(tmp_path / "s.json.lock", os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # a process stopped in the middle of a write
        with pytest.raises(SessionStoreError, match="held for more than"):
            store.acquire(KEY, 30)
        assert store.read(KEY).bearer == BEARER  # readers never wait for the lock
    finally:
        os.close(fd)
    assert store.acquire(KEY, 30) is not None


def test_temporary_files_orphaned_by_a_killed_writer_are_removed(tmp_path) -> None:
    orphan = tmp_path / "s.json.0123456789ab.tmp"
    orphan.write_text('{"sessions": {"k": {"bearer": "half-written"}}}')
    unrelated = tmp_path / "other.json.0123456789ab.tmp"
    unrelated.write_text("")
    store = FileSessionStore(tmp_path / "s.json")
    store.read(KEY)
    assert orphan.exists()  # readers do not take the lock, so they leave it alone
    _login(store)
    assert not orphan.exists()
    assert unrelated.exists()


def test_a_bad_path_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError):
        FileSessionStore("")


# ---------------------------------------------------------------------- threads and asyncio


def test_threads_of_one_process_share_the_lock(tmp_path) -> None:
    store = FileSessionStore(tmp_path / "s.json")
    holds: list[tuple[int, float, float]] = []

    def worker() -> None:
        for _ in range(5):
            while (fence := store.acquire(KEY, 30)) is None:
                time.sleep(0.0005)
            got = time.monotonic()
            time.sleep(0.001)
            done = time.monotonic()
            assert store.publish(KEY, fence, f"bearer-{fence}", relogin=False)
            holds.append((fence, got, done))

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    holds.sort()
    assert [h[0] for h in holds] == list(range(1, 31))
    assert all(b[1] >= a[2] for a, b in itertools.pairwise(holds))
    assert store.read(KEY).bearer == "bearer-30"


def test_async_writes_leave_the_event_loop_free(tmp_path, monkeypatch) -> None:
    """aacquire/apublish run in a worker thread: a slow fsync does not stall other tasks."""
    store = FileSessionStore(tmp_path / "s.json")
    real_fsync = os.fsync

    def slow_fsync(fd: int) -> None:
        time.sleep(0.2)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", slow_fsync)

    async def scenario() -> int:
        ticks = 0

        async def ticker() -> None:
            nonlocal ticks
            while True:
                await asyncio.sleep(0.01)
                ticks += 1

        task = asyncio.create_task(ticker())
        fence = await store.aacquire(KEY, 30)
        assert await store.apublish(KEY, fence, BEARER, relogin=True)
        task.cancel()
        assert (await store.aread(KEY)).bearer == BEARER
        assert await store.arelogins(KEY, 60) == 1
        return ticks

    assert asyncio.run(scenario()) >= 5  # the loop ran on during ~0.4 s of fsync
