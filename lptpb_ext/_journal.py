"""The journal of a bulk run: one SQLite file (WAL), written before every send.

Schema (version 1)::

    meta(key TEXT PRIMARY KEY, value TEXT)      format, version, batch_id, account_id,
                                                created_at_ms, source, source_sha256, jobs
    jobs(seq INTEGER PRIMARY KEY,               1.. in input order
         line, ref,                             where it came from, your id
         conversation_id, operation,
         body BLOB,                             the exact bytes sent
         ttl, deadline_ms,
         digest,                                sha256 of the fields above: corruption shows
         state,                                 pending | sending | accepted | completed | failed
                                                | expired | not_visible | in_doubt | rejected
                                                | skipped
         attempts, sent_at_ms, accepted_at_ms, settled_at_ms,
         command_id, error, evidence,           evidence: JSON, why a job is (or is not) in doubt
         updated_at_ms)
    events(id INTEGER PRIMARY KEY, seq, at_ms, state, detail)   every transition, in order

No bearer, password or header is ever written; bodies are (they are what was sent).

Durability: WAL with ``synchronous=FULL`` by default, so a ``sending`` mark survives power loss,
not only the death of the process (``durable=False``: ``NORMAL``, which survives the process
but not the machine). During a run one writer thread owns the write connection and commits
the marks that arrive together in one transaction (group commit): with 32 sends in flight,
one fsync serves many jobs, and the event loop never waits on the disk.

Locking: a running batch holds an exclusive ``flock`` on ``<journal>.lock`` (POSIX); a second
run or resume of the same journal fails at once with :class:`~lptpb_ext.JournalLockedError`.
The kernel drops the lock when the process dies, SIGKILL included. Readers (reports) need no
lock: WAL lets them read while a run writes.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import hashlib
import json
import os
import queue
import socket
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from lptpb_ext._errors import JournalError, JournalLockedError
from lptpb_ext._jobs import OPERATIONS, Prepared
from lptpb_ext._version import __version__

try:  # POSIX; elsewhere journals cannot be locked and are refused for runs
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = [
    "ACTIVE",
    "STATES",
    "TERMINAL",
    "JobRecord",
    "Journal",
    "Writer",
]

FORMAT: Final = "lptpb-bulk-journal"
VERSION: Final = "1"
STATES: Final = (
    "pending",
    "sending",
    "accepted",
    "completed",
    "failed",
    "expired",
    "not_visible",
    "in_doubt",
    "rejected",
    "skipped",
)
#: States a run still has work for.
ACTIVE: Final = frozenset({"pending", "sending", "accepted"})
TERMINAL: Final = frozenset(STATES) - ACTIVE
_STATE_LIST = ", ".join(f"'{s}'" for s in STATES)

_SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE jobs (
    seq INTEGER PRIMARY KEY,
    line INTEGER,
    ref TEXT,
    conversation_id TEXT NOT NULL,
    operation TEXT NOT NULL,
    body BLOB NOT NULL,
    ttl INTEGER,
    deadline_ms INTEGER,
    digest TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ({_STATE_LIST})),
    attempts INTEGER NOT NULL DEFAULT 0,
    sent_at_ms INTEGER,
    accepted_at_ms INTEGER,
    settled_at_ms INTEGER,
    command_id TEXT,
    error TEXT,
    evidence TEXT,
    updated_at_ms INTEGER NOT NULL
);
CREATE INDEX jobs_by_conversation ON jobs (conversation_id, seq);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    seq INTEGER NOT NULL,
    at_ms INTEGER NOT NULL,
    state TEXT NOT NULL,
    detail TEXT
);
"""
_SELECT_JOBS = (
    "SELECT seq, line, ref, conversation_id, operation, body, ttl, deadline_ms, digest, state, "
    "attempts, sent_at_ms, accepted_at_ms, settled_at_ms, command_id, error, evidence "
    "FROM jobs ORDER BY seq"
)


def _now_ms() -> int:
    return int(time.time() * 1000)


def digest(seq: int, job: Prepared | JobRecord) -> str:
    """The checksum of a job's definition; a journal whose rows disagree is corrupted."""
    head = [seq, job.conversation_id, job.operation, job.ttl, job.deadline_ms]
    return hashlib.sha256(json.dumps(head).encode() + b"\0" + job.body).hexdigest()


@dataclass(frozen=True)
class JobRecord:
    """One job as the journal has it.

    ``state`` is one of :data:`STATES`; ``evidence`` (a dict) says, for a job that was ever
    in doubt, what the command list showed and why the verdict was reached; ``error`` names a
    failed command's error, or why a job was rejected or skipped.
    """

    seq: int
    line: int | None
    ref: str | None
    conversation_id: str
    operation: str
    body: bytes
    ttl: int | None
    deadline_ms: int | None
    state: str
    attempts: int
    sent_at_ms: int | None
    accepted_at_ms: int | None
    settled_at_ms: int | None
    command_id: str | None
    error: str | None
    evidence: dict[str, Any] | None

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready view (the body as text)."""
        return {
            "seq": self.seq,
            "line": self.line,
            "id": self.ref,
            "conversation": self.conversation_id,
            "operation": self.operation,
            "state": self.state,
            "attempts": self.attempts,
            "commandId": self.command_id,
            "ttl": self.ttl,
            "deadlineMs": self.deadline_ms,
            "sentAtMs": self.sent_at_ms,
            "acceptedAtMs": self.accepted_at_ms,
            "settledAtMs": self.settled_at_ms,
            "error": self.error,
            "evidence": self.evidence,
        }


def _connect(path: Path, *, read_only: bool = False, durable: bool = True) -> sqlite3.Connection:
    if read_only:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        connection = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        connection.execute("PRAGMA busy_timeout = 10000")
        connection.execute("PRAGMA trusted_schema = OFF")
        if not read_only:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute(f"PRAGMA synchronous = {'FULL' if durable else 'NORMAL'}")
    except sqlite3.DatabaseError:
        connection.close()
        raise
    return connection


class _Lock:
    """An exclusive ``flock`` on ``<journal>.lock``, held until :meth:`release` or death."""

    def __init__(self, journal: Path) -> None:
        self.path = Path(f"{journal}.lock")
        if fcntl is None:  # pragma: no cover - Windows
            raise JournalError(str(journal), "bulk runs need POSIX file locks (fcntl)")
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = ""
            with contextlib.suppress(OSError):
                holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
            os.close(fd)
            raise JournalLockedError(str(journal), holder) from None
        except OSError as error:
            os.close(fd)
            raise JournalError(str(journal), f"cannot lock {self.path}: {error.strerror}") from None
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"pid {os.getpid()} on {socket.gethostname()}".encode(), 0)
        self._fd: int | None = fd

    def release(self) -> None:
        # The file stays: removing it would let two processes lock two different files.
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _corrupted(path: Path, why: str) -> JournalError:
    return JournalError(str(path), f"is corrupted ({why}); nothing was sent")


class Journal:
    """A journal file: its meta data, its jobs, and (for runs) its lock and writer."""

    def __init__(
        self, path: Path, connection: sqlite3.Connection, lock: _Lock | None, durable: bool
    ) -> None:
        self.path = path
        self._db = connection
        self._lock = lock
        self.durable = durable
        self._read_lock = threading.Lock()
        self.meta = self._meta()

    # ---------------------------------------------------------------- making and opening
    @classmethod
    def create(
        cls,
        path: str | Path,
        jobs: list[Prepared],
        *,
        account_id: str,
        created_ms: int,
        source: str | None = None,
        source_sha256: str | None = None,
        batch_id: str,
        durable: bool = True,
    ) -> Journal:
        """A new journal at ``path`` holding ``jobs``, all ``pending``; locked for a run.

        Made in one transaction: a crash while it is made leaves a file that
        :meth:`open` refuses as incomplete, never half the jobs.
        """
        where = Path(path)
        lock = _Lock(where)
        try:
            try:
                fd = os.open(where, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                raise JournalError(
                    str(where), "already exists: resume it, or choose another path"
                ) from None
            except OSError as error:
                raise JournalError(str(where), f"cannot be created: {error.strerror}") from None
            os.close(fd)
            connection = _connect(where, durable=durable)
            meta = {
                "format": FORMAT,
                "version": VERSION,
                "batch_id": batch_id,
                "account_id": account_id,
                "created_at_ms": str(created_ms),
                "source": source or "",
                "source_sha256": source_sha256 or "",
                "jobs": str(len(jobs)),
                "lptpb": __version__,
            }
            now = _now_ms()
            rows = [
                (
                    seq, job.line, job.ref, job.conversation_id, job.operation, job.body,
                    job.ttl, job.deadline_ms, digest(seq, job), now,
                )
                for seq, job in enumerate(jobs, start=1)
            ]  # fmt: skip
            connection.execute("BEGIN IMMEDIATE")
            for statement in _SCHEMA.split(";"):  # not executescript: it would COMMIT first
                if statement.strip():
                    connection.execute(statement)
            connection.executemany(
                "INSERT INTO jobs (seq, line, ref, conversation_id, operation, body, ttl, "
                "deadline_ms, digest, state, updated_at_ms) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)",
                rows,
            )
            connection.executemany("INSERT INTO meta VALUES (?, ?)", list(meta.items()))
            connection.execute("COMMIT")
        except BaseException:
            lock.release()
            raise
        return cls(where, connection, lock, durable)

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False, durable: bool = True) -> Journal:
        """An existing journal, checked; locked for a run unless ``read_only``."""
        where = Path(path)
        if not where.is_file():
            raise JournalError(str(where), "does not exist")
        lock = None if read_only else _Lock(where)
        try:
            try:
                connection = _connect(where, read_only=read_only, durable=durable)
            except sqlite3.DatabaseError as error:
                raise _corrupted(where, str(error)) from None
            try:
                journal = cls(where, connection, lock, durable)
                journal.check()
            except BaseException:
                connection.close()
                raise
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        return journal

    def _meta(self) -> dict[str, str]:
        try:
            tables = {
                row[0]
                for row in self._db.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")
            }
            if "meta" not in tables:
                raise JournalError(
                    str(self.path), "is not an lptpb bulk journal (or was never completed)"
                )
            meta = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.DatabaseError as error:
            raise _corrupted(self.path, str(error)) from None
        if meta.get("format") != FORMAT:
            raise JournalError(str(self.path), "is not an lptpb bulk journal")
        if meta.get("version") != VERSION:
            raise JournalError(
                str(self.path),
                f"has format version {meta.get('version')!r}; this lptpb reads {VERSION!r}",
            )
        for key in ("batch_id", "account_id", "created_at_ms", "jobs"):
            if not meta.get(key):
                raise _corrupted(self.path, f"meta data {key!r} is missing")
        return meta

    def check(self) -> None:
        """Refuse a journal whose file or rows are damaged (JournalError, nothing sent)."""
        try:
            found = self._db.execute("PRAGMA quick_check").fetchall()
            if [tuple(row) for row in found] != [("ok",)]:
                raise _corrupted(self.path, "; ".join(str(row[0]) for row in found[:3]))
            records = self.records()
        except sqlite3.DatabaseError as error:
            raise _corrupted(self.path, str(error)) from None
        expected = int(self.meta["jobs"])
        if [r.seq for r in records] != list(range(1, expected + 1)):
            raise _corrupted(self.path, f"it should hold jobs 1 to {expected}")
        rows = self._db.execute("SELECT seq, digest FROM jobs ORDER BY seq").fetchall()
        for record, (seq, stored) in zip(records, rows, strict=True):
            problem = _row_problem(record, stored)
            if problem:
                raise _corrupted(self.path, f"job {seq}: {problem}")

    # ---------------------------------------------------------------- reading
    @property
    def account_id(self) -> str:
        return self.meta["account_id"]

    @property
    def batch_id(self) -> str:
        return self.meta["batch_id"]

    @property
    def created_ms(self) -> int:
        return int(self.meta["created_at_ms"])

    def records(self) -> list[JobRecord]:
        """Every job, in order."""
        with self._read_lock:
            rows = self._db.execute(_SELECT_JOBS).fetchall()
        return [_record(row) for row in rows]

    def counts(self) -> dict[str, int]:
        """How many jobs are in each state (every state listed, zeros included)."""
        with self._read_lock:
            found = dict(self._db.execute("SELECT state, count(*) FROM jobs GROUP BY state"))
        return {state: int(found.get(state, 0)) for state in STATES}

    def events(self, seq: int | None = None) -> list[tuple[int, int, str, str | None]]:
        """Transitions ``(seq, at_ms, state, detail)`` in order, of one job or all."""
        query = "SELECT seq, at_ms, state, detail FROM events"
        args: tuple[int, ...] = ()
        if seq is not None:
            query += " WHERE seq = ?"
            args = (seq,)
        with self._read_lock:
            rows = self._db.execute(query + " ORDER BY id", args).fetchall()
        return [(int(r[0]), int(r[1]), str(r[2]), r[3]) for r in rows]

    def writer(self) -> Writer:
        """A group-committing writer for a run (its own connection and thread)."""
        if self._lock is None:
            raise JournalError(str(self.path), "was opened read-only")
        return Writer(self.path, self.durable)

    def close(self) -> None:
        self._db.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None


def _row_problem(record: JobRecord, stored: str) -> str | None:
    if record.operation not in OPERATIONS:
        return f"unknown operation {record.operation!r}"
    if stored != digest(record.seq, record):
        return "its definition does not match its checksum"
    if record.state in ("sending", "accepted") and record.sent_at_ms is None:
        return f"{record.state} without a send time"
    if record.state == "accepted" and not record.command_id:
        return "accepted without a command id"
    return None


def _record(row: tuple[Any, ...]) -> JobRecord:
    (seq, line, ref, conversation, operation, body, ttl, deadline, _digest, state,
     attempts, sent, accepted, settled, command, error, evidence) = row  # fmt: skip
    parsed = None
    if evidence:
        try:
            parsed = json.loads(evidence)
        except ValueError:
            parsed = {"raw": str(evidence)[:500]}
    return JobRecord(
        seq=seq, line=line, ref=ref, conversation_id=conversation, operation=operation,
        body=bytes(body), ttl=ttl, deadline_ms=deadline, state=state, attempts=attempts,
        sent_at_ms=sent, accepted_at_ms=accepted, settled_at_ms=settled, command_id=command,
        error=error, evidence=parsed,
    )  # fmt: skip


# -------------------------------------------------------------------- writing during a run

Change = Callable[[sqlite3.Connection], None]


class _ConflictError(Exception):
    """A change found its job in another state than it expected (a bug, or a second writer)."""


class Writer:
    """One thread, one connection: changes submitted together are committed together.

    :meth:`submit` returns a future that resolves once the change is durable (committed);
    a change that raises, or a commit that fails, fails every future of its group.
    """

    def __init__(self, path: Path, durable: bool) -> None:
        self.path = path
        self._queue: queue.SimpleQueue[tuple[Change, concurrent.futures.Future[None]] | None]
        self._queue = queue.SimpleQueue()
        self._connection = _connect(path, durable=durable)
        self.commits = 0
        self._thread = threading.Thread(target=self._loop, name="lptpb-journal", daemon=True)
        self._thread.start()

    def submit(self, change: Change) -> concurrent.futures.Future[None]:
        future: concurrent.futures.Future[None] = concurrent.futures.Future()
        self._queue.put((change, future))
        return future

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join()
        self._connection.close()

    def _loop(self) -> None:
        stop = False
        while not stop:
            first = self._queue.get()
            if first is None:
                return
            group = [first]
            while True:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    stop = True
                    break
                group.append(item)
            self._commit(group)

    def _commit(self, group: list[tuple[Change, concurrent.futures.Future[None]]]) -> None:
        # A waiter that was cancelled (its run is being cancelled) gives up its change: it
        # never learns of it, and a change nobody acts on is better not made.
        live = [(change, f) for change, f in group if f.set_running_or_notify_cancel()]
        if not live:
            return
        db = self._connection
        try:
            db.execute("BEGIN IMMEDIATE")
            for change, _ in live:
                change(db)
            db.execute("COMMIT")
        except BaseException as error:  # handed to every waiter
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            if isinstance(error, _ConflictError | sqlite3.Error):
                error = JournalError(str(self.path), f"cannot be written: {error}")
            for _, future in live:
                future.set_exception(error)
            return
        self.commits += 1
        for _, future in live:
            future.set_result(None)


def update(
    seq: int,
    state: str,
    *,
    expect: Iterable[str],
    detail: str | None = None,
    **fields: object,
) -> Change:
    """A change moving job ``seq`` from one of ``expect`` to ``state``, setting ``fields``."""
    if state not in STATES:
        raise ValueError(f"unknown state {state!r}")
    names = ["state", "updated_at_ms", *fields]
    allowed = set(expect)

    def change(db: sqlite3.Connection) -> None:
        now = _now_ms()
        values = [state, now, *fields.values()]
        marks = ", ".join("?" for _ in allowed)
        sets = ", ".join(f"{name} = ?" for name in names)
        cursor = db.execute(
            f"UPDATE jobs SET {sets} WHERE seq = ? AND state IN ({marks})",  # noqa: S608 - names are ours
            [*values, seq, *allowed],
        )
        if cursor.rowcount != 1:
            raise _ConflictError(f"job {seq} was not in state {' or '.join(sorted(allowed))}")
        db.execute(
            "INSERT INTO events (seq, at_ms, state, detail) VALUES (?, ?, ?, ?)",
            (seq, now, state, detail),
        )

    return change
