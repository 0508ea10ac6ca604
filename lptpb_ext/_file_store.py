"""A session store in a file: :class:`FileSessionStore`, for the processes of one host.

What is stored
    One JSON file holds every session key of the store::

        {"version": 1, "sessions": {"<key>": {
            "bearer": "...", "fence": 7, "stored_at": 1767000000.1,   # the record
            "issued": 8,                                              # the last fence handed out
            "holder": 8, "expires": 1767000030.1,                     # the login lock (a lease)
            "relogins": [1767000000.1],                               # wall-clock re-login times
            "touched": 1767000000.1}}}                                # the last write

    One file rather than one per key: a host has a handful of keys (one per user and account),
    each entry is a few hundred bytes, and writes happen only around a login, so one file costs
    nothing in contention and is one thing to configure, inspect, back up or delete. Entries
    untouched for ``ttl`` seconds (a day by default) with no live lease are dropped on the next
    write; re-login times older than ``relogin_retention`` (an hour) likewise.

Where
    ``FileSessionStore()`` uses ``sessions.json`` in the per-user state directory:
    ``$XDG_STATE_HOME/lptpb`` (when set to an absolute path) or ``~/.local/state/lptpb``, and
    ``~/Library/Application Support/lptpb`` on macOS (the same places as ``platformdirs``'
    ``user_state_dir("lptpb")``, without the dependency). That directory is created with mode
    0700 (and tightened to 0700 if it already exists wider). ``FileSessionStore(path)`` uses
    ``path`` as is; missing parent directories are created with mode 0700. The file must be on
    a local file system (one host): its lock is a ``flock``, not meant for network shares.

Security
    The bearer at rest is a secret: anyone who can read the file can act as the bot's user
    until the bearer expires. The file is only ever created with mode 0600 (``os.open(...,
    0o600)``, never through the umask), so is the lock file beside it. Credentials are never
    stored. ``repr`` of the store and every error name the path, never a bearer.

How it is kept consistent
    - Every change is a read-modify-write under an exclusive ``fcntl.flock`` on a separate lock
      file (``<path>.lock``, never deleted). The data file cannot carry the lock itself: an
      atomic replace swaps its inode. The lock is held for the microseconds of one
      read-modify-write, opened anew by every call (a descriptor kept open would be shared
      with forked children, and so would its lock), and waited for at most ``lock_timeout``
      seconds, so a process stopped while holding it cannot hang the others forever.
    - Writes are atomic: the new content goes to a temporary file in the same directory
      (``os.open`` with ``O_EXCL | O_NOFOLLOW`` and mode 0600), is fsynced, then moved over
      the file with ``os.replace``. Readers (``read``, ``relogins``) therefore never lock:
      they always see a whole file. The directory is not fsynced: after a host crash the
      rename may be lost and the previous state comes back, which costs at most one login.
      A temporary file orphaned by a writer killed mid-write is removed by the next store
      that writes (under the lock, any temporary file but one's own is an orphan).
    - The *login lock* is not an OS lock held during a login. It is the lease recorded in the
      file: the holder's fence and its wall-clock expiry. A process SIGKILLed while logging in
      holds nobody up beyond its lease. Every process of the host reads the same wall clock;
      should it be set back, a live lease lasts that much longer.

Corruption
    A file that is not valid JSON of the shape above (truncated by a crash of some other
    writer, edited by hand) is treated as empty: reads find no session, and the next write
    replaces it (a warning is logged on the ``lptpb`` logger). Raising instead would wedge
    every login of the fleet until someone deleted the file; starting over costs at most one
    login. Fences then start again from 1, so a login that was in flight when the file broke
    may still store its bearer if its fence was reissued: a genuine bearer, at worst rejected
    once more. A fence larger than any this store handed out (from before the entry expired or
    the file was reset) is never stored. Errors of the file system itself (permission denied,
    disk full, a directory in the way) raise :class:`~lptpb_ext.SessionStoreError` naming the
    path.

Async
    ``aread`` and ``arelogins`` run inline: one read of a small file from the page cache, no
    lock, no fsync. ``aacquire``, ``apublish`` and ``arelease`` run the sync method in a worker
    thread (``anyio.to_thread.run_sync``): they fsync (milliseconds on a busy disk) and may
    wait for the file lock, which must not stall an event loop. They run only around a login,
    so the thread hop costs nothing that matters.

POSIX only (``fcntl``); on Windows use :class:`~lptpb_ext.RedisSessionStore`.
"""

from __future__ import annotations

import glob
import json
import logging
import math
import os
import secrets
import stat
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import anyio.to_thread

from lptpb_ext._errors import ConfigurationError, SessionStoreError
from lptpb_ext._stores import StoredSession

if sys.platform != "win32":
    import fcntl

__all__ = ["FileSessionStore", "default_state_dir"]

LOGGER = logging.getLogger("lptpb")

APP_NAME = "lptpb"
DEFAULT_FILE_NAME = "sessions.json"
DEFAULT_TTL = 86_400.0  # drop an entry untouched for a day (and with no live lease)
DEFAULT_RELOGIN_RETENTION = 3_600.0  # keep re-login times for an hour (windows are ~60 s)
DEFAULT_LOCK_TIMEOUT = 5.0  # the file lock is held for microseconds; waiting longer is a fault
_FORMAT_VERSION = 1
_T = TypeVar("_T")


def default_state_dir() -> Path:
    """The per-user state directory of lptpb (not created here).

    ``~/Library/Application Support/lptpb`` on macOS; elsewhere ``$XDG_STATE_HOME/lptpb`` when
    that variable holds an absolute path (the XDG spec says to ignore relative ones), else
    ``~/.local/state/lptpb``.
    """
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_NAME
    xdg = os.environ.get("XDG_STATE_HOME", "").strip()
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "state"
    return base / APP_NAME


@dataclass
class _Entry:
    bearer: str | None = None
    fence: int = 0  # the fence of the stored bearer
    stored_at: float = 0.0
    issued: int = 0  # the last fence handed out
    holder: int | None = None  # the fence holding the login lock
    expires: float = 0.0  # when the holder's lease ends (wall clock)
    relogins: list[float] = field(default_factory=list)
    touched: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "bearer": self.bearer,
            "fence": self.fence,
            "stored_at": self.stored_at,
            "issued": self.issued,
            "holder": self.holder,
            "expires": self.expires,
            "relogins": self.relogins,
            "touched": self.touched,
        }

    @classmethod
    def from_json(cls, raw: object) -> _Entry | None:
        """The entry, or None when ``raw`` is not a well-formed one."""
        if not isinstance(raw, dict):
            return None
        bearer, holder, logins = raw.get("bearer"), raw.get("holder"), raw.get("relogins", [])
        ints = [raw.get("fence", 0), raw.get("issued", 0)]
        floats = [raw.get(name, 0.0) for name in ("stored_at", "expires", "touched")]
        ok = (
            (bearer is None or isinstance(bearer, str))
            and (holder is None or _is_int(holder))
            and all(_is_int(value) for value in ints)
            and isinstance(logins, list)
            and all(_is_number(value) for value in [*floats, *logins])
        )
        if not ok:
            return None
        return cls(
            bearer=bearer,
            fence=ints[0],
            stored_at=float(floats[0]),
            issued=ints[1],
            holder=holder,
            expires=float(floats[1]),
            relogins=[float(t) for t in logins],
            touched=float(floats[2]),
        )


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_number(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value)


class FileSessionStore:
    """A :class:`~lptpb_ext.SessionStore` in one JSON file, shared by the processes of a host.

    ``path``: the file (default: ``sessions.json`` in :func:`default_state_dir`). ``ttl``:
    seconds after which an untouched entry is dropped. ``relogin_retention``: how long re-login
    times are kept (make it at least the longest ``window`` asked of :meth:`relogins`).
    ``lock_timeout``: the longest wait for the file lock. ``clock``: the wall clock
    (``time.time``), injectable for tests. Nothing touches the disk until the first call.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        ttl: float = DEFAULT_TTL,
        relogin_retention: float = DEFAULT_RELOGIN_RETENTION,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if sys.platform == "win32":  # pragma: no cover - POSIX CI
            raise ConfigurationError(
                "FileSessionStore needs POSIX file locks (fcntl); on Windows use RedisSessionStore"
            )
        self._default = path is None
        self._dir_checked = False  # the default directory's mode, checked at the first write
        self._swept = False  # orphaned temporary files, removed at the first write
        if path is None:
            try:
                path = default_state_dir() / DEFAULT_FILE_NAME
            except RuntimeError:  # Path.home(): no HOME and no passwd entry
                raise ConfigurationError(
                    "FileSessionStore: no home directory to keep sessions in; give it a path"
                ) from None
        self.path = Path(path)
        if not str(self.path) or self.path.name in ("", ".", ".."):
            raise ConfigurationError(f"FileSessionStore: {str(self.path)!r} is not a file path")
        self._lock_path = self.path.with_name(self.path.name + ".lock")
        self._ttl = ttl
        self._retention = relogin_retention
        self._lock_timeout = lock_timeout
        self._clock = clock

    def __repr__(self) -> str:
        return f"FileSessionStore({str(self.path)!r})"

    # ------------------------------------------------------------------ sync protocol

    def read(self, key: str) -> StoredSession | None:
        entry = self._load().get(key)
        if entry is None or entry.bearer is None:
            return None
        return StoredSession(entry.bearer, entry.fence, entry.stored_at)

    def acquire(self, key: str, lease: float) -> int | None:
        def change(sessions: dict[str, _Entry], now: float) -> tuple[int | None, bool]:
            entry = sessions.setdefault(key, _Entry())
            if entry.holder is not None and now < entry.expires:
                return None, False
            entry.issued += 1
            entry.holder = entry.issued
            entry.expires = now + lease
            entry.touched = now
            return entry.issued, True

        return self._transact(change)

    def publish(self, key: str, fence: int, bearer: str, *, relogin: bool) -> bool:
        def change(sessions: dict[str, _Entry], now: float) -> tuple[bool, bool]:
            entry = sessions.get(key)
            if entry is None:
                return False, False  # no fence was ever handed out for this key
            live = entry.holder is not None and now < entry.expires
            newer_holder = live and entry.holder is not None and entry.holder > fence
            stored = entry.fence < fence <= entry.issued and not newer_holder
            if stored:
                entry.bearer, entry.fence, entry.stored_at = bearer, fence, now
                if relogin:
                    entry.relogins.append(now)
                horizon = now - self._retention
                entry.relogins = [t for t in entry.relogins if t >= horizon]
            released = entry.holder == fence
            if released:
                entry.holder = None
            if stored or released:
                entry.touched = now
            return stored, stored or released

        return self._transact(change)

    def release(self, key: str, fence: int) -> None:
        def change(sessions: dict[str, _Entry], now: float) -> tuple[None, bool]:
            entry = sessions.get(key)
            if entry is None or entry.holder != fence:
                return None, False
            entry.holder = None
            entry.touched = now
            return None, True

        self._transact(change)

    def relogins(self, key: str, window: float) -> int:
        entry = self._load().get(key)
        if entry is None:
            return 0
        horizon = self._clock() - window
        return sum(1 for t in entry.relogins if t >= horizon)

    # ------------------------------------------------------------------ async protocol

    async def aread(self, key: str) -> StoredSession | None:
        return self.read(key)

    async def aacquire(self, key: str, lease: float) -> int | None:
        return await anyio.to_thread.run_sync(self.acquire, key, lease)

    async def apublish(self, key: str, fence: int, bearer: str, *, relogin: bool) -> bool:
        def call() -> bool:
            return self.publish(key, fence, bearer, relogin=relogin)

        return await anyio.to_thread.run_sync(call)

    async def arelease(self, key: str, fence: int) -> None:
        await anyio.to_thread.run_sync(self.release, key, fence)

    async def arelogins(self, key: str, window: float) -> int:
        return self.relogins(key, window)

    # ------------------------------------------------------------------ the file

    def _error(self, doing: str, exc: OSError) -> SessionStoreError:
        reason = exc.strerror or type(exc).__name__
        return SessionStoreError(str(self.path), f"cannot {doing}: {reason}")

    def _transact(self, change: Callable[[dict[str, _Entry], float], tuple[_T, bool]]) -> _T:
        """Apply ``change`` under the file lock; write the file when it says it changed."""
        with self._file_lock():
            sessions = self._load()
            now = self._clock()
            result, changed = change(sessions, now)
            if changed:
                self._prune(sessions, now)
                self._write(sessions)
            if not self._swept:
                self._sweep()
            return result

    def _sweep(self) -> None:
        """Remove temporary files left by a writer killed mid-write (they may hold a bearer).

        Called under the file lock, where no other writer can be mid-write, so every
        temporary file beside ours is an orphan. Once per store: such orphans are rare.
        """
        self._swept = True
        with suppress(OSError):
            for orphan in self.path.parent.glob(f"{glob.escape(self.path.name)}.*.tmp"):
                with suppress(OSError):
                    orphan.unlink()

    def _prune(self, sessions: dict[str, _Entry], now: float) -> None:
        for key, entry in list(sessions.items()):
            live = entry.holder is not None and now < entry.expires
            if not live and entry.touched < now - self._ttl:
                del sessions[key]

    def _ensure_dir(self) -> None:
        directory = self.path.parent
        self._dir_checked = True
        try:
            directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            if self._default:  # our own directory: keep it private even if made wider
                status = directory.stat()
                if status.st_uid == os.getuid() and stat.S_IMODE(status.st_mode) != 0o700:
                    directory.chmod(0o700)
        except OSError as exc:
            raise self._error(f"create the directory {str(directory)!r}", exc) from None

    @contextmanager
    def _file_lock(self) -> Iterator[None]:
        flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
        if self._default and not self._dir_checked:
            self._ensure_dir()
        try:
            fd = os.open(self._lock_path, flags, 0o600)
        except FileNotFoundError:
            self._ensure_dir()
            try:
                fd = os.open(self._lock_path, flags, 0o600)
            except OSError as exc:
                raise self._error("open its lock file", exc) from None
        except OSError as exc:
            raise self._error("open its lock file", exc) from None
        try:
            self._wait_for_lock(fd)
            yield
        finally:
            os.close(fd)  # closing the descriptor releases the lock

    def _wait_for_lock(self, fd: int) -> None:
        deadline = time.monotonic() + self._lock_timeout
        pause = 0.0005
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise SessionStoreError(
                        str(self.path),
                        f"its lock file was held for more than {self._lock_timeout:g}s "
                        "(a process stopped while writing it?)",
                    ) from None
                time.sleep(pause)
                pause = min(pause * 2, 0.01)
            except OSError as exc:
                raise self._error("lock its lock file", exc) from None
            else:
                return

    def _load(self) -> dict[str, _Entry]:
        try:
            fd = os.open(self.path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise self._error("open it", exc) from None
        try:
            with os.fdopen(fd, "rb") as file:
                raw = file.read()
        except OSError as exc:
            raise self._error("read it", exc) from None
        return self._parse(raw)

    def _parse(self, raw: bytes) -> dict[str, _Entry]:
        try:
            document = json.loads(raw)
        except ValueError:
            document = None
        sessions = document.get("sessions") if isinstance(document, dict) else None
        if not isinstance(sessions, dict):
            LOGGER.warning(
                "session store %s: unreadable content (%d bytes) treated as empty; "
                "the next login rewrites it",
                self.path,
                len(raw),
            )
            return {}
        parsed: dict[str, _Entry] = {}
        for key, raw_entry in sessions.items():
            entry = _Entry.from_json(raw_entry)
            if entry is not None:
                parsed[key] = entry
            else:
                LOGGER.warning("session store %s: a malformed entry was dropped", self.path)
        return parsed

    def _write(self, sessions: dict[str, _Entry]) -> None:
        document = {
            "version": _FORMAT_VERSION,
            "sessions": {key: entry.to_json() for key, entry in sessions.items()},
        }
        blob = json.dumps(document, separators=(",", ":")).encode()
        temporary = self.path.with_name(f"{self.path.name}.{secrets.token_hex(6)}.tmp")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
        try:
            fd = os.open(temporary, flags, 0o600)
        except OSError as exc:
            raise self._error("create a temporary file beside it", exc) from None
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(blob)
                file.flush()
                os.fsync(file.fileno())
            temporary.replace(self.path)  # os.replace: atomic
        except OSError as exc:
            with suppress(OSError):
                temporary.unlink()
            raise self._error("write it", exc) from None
        except BaseException:
            with suppress(OSError):
                temporary.unlink()
            raise
