"""Bulk runs that survive a crash: :class:`Batch`.

A batch is many commands (:class:`~lptpb_ext.Job`) on many conversations, journaled in one
SQLite file before anything is sent (see :mod:`lptpb_ext._journal`)::

    batch = Batch.from_file("notice.jsonl", "notice.journal", account_id=client.account_id)
    summary = batch.run(client, concurrency=16)          # or: await batch.arun(async_client)
    # the process dies? Batch.open("notice.journal").run(client) picks up where it was

Each job goes ``pending`` → ``sending`` (journaled, durable, *then* the request) →
``accepted`` (the ``commandId``, journaled) → ``completed`` | ``failed`` | ``expired`` |
``not_visible``; or ``in_doubt``, ``rejected`` (the API refused it: nothing was created) or
``skipped`` (its deadline passed before it could be sent).

What a run guarantees:

- **Nothing is sent twice.** A job is sent only from ``pending``, and a job leaves ``sending``
  for ``pending`` again only when :func:`lptpb_ext._reconcile.decide` proves from the
  conversation's command list that no command was created. Otherwise the job is adopted
  (one command carries its body) or left ``in_doubt`` with the evidence, never re-sent.
- **Resume first reconciles.** Reopening a journal after a crash first settles every job left
  in ``sending``, before any other request.
- **Nothing is lost silently.** Every job ends in a state the report shows, with the error or
  the evidence.
- **A conversation's jobs go in order**: the next job of a conversation is sent once the one
  before it was accepted (or settled otherwise); the API runs a conversation's commands in the
  order it accepted them. A ``closeConversation`` or ``removeAgent`` job waits until the
  conversation's earlier commands have settled: once a conversation is closed (or has no bot)
  the API shows none of its commands, so their outcomes would be lost. Jobs of different
  conversations run concurrently, at most ``concurrency`` HTTP requests at a time.
- **Tracking scales**: a conversation with two or more commands in flight is polled with one
  ``listCommands``, not one ``getCommand`` each (``polling="auto"``; ``"list"`` and
  ``"get"`` force one way), and a command is first looked at after the time the service
  took to settle the last ones (:class:`_Pace`), so most are seen settled at the first
  look. At most ``max_unsettled`` (100) commands are sent and not yet seen settled: a bot
  keeps only its last 200, and a batch that outran its own tracking would push its
  commands out before their outcome was seen.

When the send of a job ends without a ``commandId`` but may have reached the server (a dropped
connection, a read timeout, a 5xx, an answer off the contract), the run reconciles it at once:
a single listed command carrying its body is adopted. If the server answered (a 500, a 503,
an answer off the contract: it is done with the request), that first look decides.
Otherwise (a drop, a timeout, a gateway's 502 or 504: the service may still be processing
it) the run waits until ``in_flight_grace`` seconds after the send, lists again, and decides
from that. On resume, commands accepted before the crash are polled once before anything
else is sent, so that new commands do not push them out of the bot's last 200 first.
Provably unsent jobs (also after a 429 or a connection that was never made) are sent again,
up to ``max_attempts`` sends per job and run (a resume starts a new count; the journal's
``attempts`` keeps the total).
"""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import contextlib
import functools
import hashlib
import json
import math
import statistics
import time
import uuid
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Protocol, Self, TypeVar

from lptpb_ext import _operations as ops
from lptpb_ext._errors import (
    ApiError,
    AuthenticationError,
    BotUserConflictError,
    ConfigurationError,
    DeadlineExceededError,
    InvalidResponseError,
    JobFileError,
    JobProblem,
    JournalError,
    NotFoundError,
    OutcomeUnknownError,
    RateLimitError,
    ServerError,
    SessionContentionError,
    SessionStoreError,
    TransportError,
    UnexpectedStatusError,
)
from lptpb_ext._events import LOGGER
from lptpb_ext._jobs import OPERATIONS, Job, Prepared, body_json, call_for, prepare, read_jobs
from lptpb_ext._journal import ACTIVE, STATES, TERMINAL, JobRecord, Journal, Writer, update
from lptpb_ext._limits import TTL_DEFAULT
from lptpb_ext._reconcile import Attempt, Verdict, decide
from lptpb_ext._tracking import FIRST_POLL, GRACE, MAX_POLL, outcome_of
from lptpb_models import Command

if TYPE_CHECKING:
    from lptpb_ext._async_client import AsyncClient
    from lptpb_ext._client import Client

__all__ = ["Batch", "BatchProgress", "BatchSummary", "PollingMode", "StageHook"]

T = TypeVar("T")
PollingMode = Literal["auto", "list", "get"]
#: Called with a stage and a job number at each step of a run (for fault-injection tests):
#: ``"sending"`` once the job's ``sending`` mark is durable, just before its request;
#: ``"accepted"`` when its ``commandId`` is in hand, before that is journaled; ``"poll"``
#: just before a tracking request for its conversation.
StageHook = Callable[[str, int], None]

DEFAULT_CONCURRENCY = 16
DEFAULT_GRACE = 30.0
DEFAULT_ATTEMPTS = 3
#: Commands sent and not yet seen settled, at most: well under the 200 a bot keeps, so that
#: the batch's own later commands do not evict one before its outcome is seen.
DEFAULT_UNSETTLED = 100
_POLL_FAILURES = 10  # consecutive failed polls of one conversation before the run stops

# Errors that stop the whole run: every later request would fail the same way. They are
# raised before the request is processed (a refused login, a rejected bearer after re-login).
_FATAL = (
    AuthenticationError,
    BotUserConflictError,
    SessionContentionError,
    SessionStoreError,
    ConfigurationError,
)
# The request provably did not reach the server, or the server refused it before processing.
_UNSENT = (RateLimitError, DeadlineExceededError)
# Operations after which a conversation's commands are no longer shown.
_ENDING = frozenset({"closeConversation", "removeAgent"})
# It may have been processed: reconcile.
_MAYBE = (OutcomeUnknownError, ServerError, UnexpectedStatusError, InvalidResponseError)


def _wall_ms() -> int:
    return int(time.time() * 1000)


@dataclass(frozen=True)
class BatchProgress:
    """A run's progress: jobs per state, and this run's pace."""

    counts: Mapping[str, int]
    total: int
    elapsed: float  # seconds since this run started
    finished_this_run: int  # jobs that reached a final state during this run
    rate: float  # of those, per second
    eta: float | None  # seconds until the unfinished jobs finish at this rate

    @property
    def unfinished(self) -> int:
        """Jobs still ``pending``, ``sending`` or ``accepted``."""
        return sum(self.counts.get(state, 0) for state in ACTIVE)


@dataclass(frozen=True)
class BatchSummary:
    """What the journal holds after a run (or at any time, from :meth:`Batch.summary`).

    ``requests`` counts the HTTP calls this run made by kind (``send``, ``list``, ``get``;
    logins and the client's own retries not included); ``elapsed`` is this run's duration.
    """

    batch_id: str
    total: int
    counts: dict[str, int]
    in_doubt: tuple[JobRecord, ...] = ()
    elapsed: float = 0.0
    requests: dict[str, int] = field(default_factory=dict)

    @property
    def unfinished(self) -> int:
        """Jobs still ``pending``, ``sending`` or ``accepted``: resume the batch."""
        return sum(self.counts.get(state, 0) for state in ACTIVE)

    @property
    def all_completed(self) -> bool:
        """Whether every job completed."""
        return self.counts.get("completed", 0) == self.total


class _IO(Protocol):
    account_id: str

    def send(self, call: ops.Call) -> Awaitable[str]: ...
    def list(self, conversation_id: str) -> Awaitable[list[Command]]: ...
    def get(self, conversation_id: str, command_id: str) -> Awaitable[Command]: ...


class _AsyncIO:
    def __init__(self, client: AsyncClient) -> None:
        self.client = client
        self.account_id = client.account_id

    async def send(self, call: ops.Call) -> str:
        return ops.accepted(call, await self.client._send(call)).commandId

    async def list(self, conversation_id: str) -> list[Command]:
        return await self.client.list_commands(conversation_id)

    async def get(self, conversation_id: str, command_id: str) -> Command:
        return await self.client.get_command(conversation_id, command_id)


class _ThreadIO:
    """The sync client's blocking calls, run on a pool of ``concurrency`` threads."""

    def __init__(self, client: Client, executor: concurrent.futures.Executor) -> None:
        self.client = client
        self.account_id = client.account_id
        self._executor = executor

    def _run(self, fn: Callable[[], Any]) -> Awaitable[Any]:
        return asyncio.get_running_loop().run_in_executor(self._executor, fn)

    def _send(self, call: ops.Call) -> str:
        return ops.accepted(call, self.client._send(call)).commandId

    def send(self, call: ops.Call) -> Awaitable[str]:
        return self._run(functools.partial(self._send, call))

    def list(self, conversation_id: str) -> Awaitable[list[Command]]:
        return self._run(functools.partial(self.client.list_commands, conversation_id))

    def get(self, conversation_id: str, command_id: str) -> Awaitable[Command]:
        return self._run(functools.partial(self.client.get_command, conversation_id, command_id))


@dataclass
class _Job:
    """A job's state in memory, always one step behind or equal to the journal's."""

    seq: int
    conversation_id: str
    operation: str
    body: bytes
    ttl: int | None
    deadline_ms: int | None
    state: str
    attempts: int
    sent_at_ms: int | None
    command_id: str | None

    @classmethod
    def of(cls, record: JobRecord) -> _Job:
        return cls(
            record.seq, record.conversation_id, record.operation, record.body, record.ttl,
            record.deadline_ms, record.state, record.attempts, record.sent_at_ms,
            record.command_id,
        )  # fmt: skip


@dataclass
class _Tracked:
    job: _Job
    next_at: float
    delay: float = FIRST_POLL


class _Pace:
    """When to look at a new command first: after the time this service takes to settle one.

    Each command that ran tells how long it took, server side, from its creation to its end
    (``result.endTime - (timeoutTime - ttl)``), whatever our polling. The first poll of a new
    command waits the median of the last 50 such times (0.2 s to 2 s; 0.2 s until one is
    known), so most commands are seen settled at the first look; later looks back off as
    ``wait_for_command`` does. A slower service only makes the first look later, never
    later than 2 s.
    """

    def __init__(self) -> None:
        self.samples: collections.deque[float] = collections.deque(maxlen=50)

    def first_poll(self) -> float:
        if not self.samples:
            return FIRST_POLL
        return min(max(statistics.median(self.samples), FIRST_POLL), MAX_POLL)

    def learn(self, command: Command, job: _Job) -> None:
        result, timeout = command.result, command.data.timeoutTime
        if result is None or result.endTime is None or timeout is None or result.startTime is None:
            return
        if result.startTime >= timeout:  # expired without running: says nothing of the pace
            return
        if not OPERATIONS[job.operation].has_ttl:
            return  # its ttl, so its creation time, is not known
        ttl = job.ttl or TTL_DEFAULT
        took = (result.endTime - (timeout - ttl * 1000)) / 1000
        if 0 < took <= MAX_POLL:
            self.samples.append(took)


@dataclass(frozen=True)
class _Options:
    concurrency: int
    polling: PollingMode
    grace: float
    max_attempts: int
    max_unsettled: int | None
    on_progress: Callable[[BatchProgress], None] | None
    on_stage: StageHook | None


def _check_options(
    concurrency: object, polling: object, grace: object, max_attempts: object, unsettled: object
) -> None:
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise ConfigurationError(
            f"concurrency must be a whole number of at least 1, not {concurrency!r}"
        )
    if polling not in ("auto", "list", "get"):
        raise ConfigurationError(f"polling must be 'auto', 'list' or 'get', not {polling!r}")
    if not isinstance(grace, int | float) or not math.isfinite(grace) or grace < 0:
        raise ConfigurationError(f"in_flight_grace must be a number of seconds >= 0, not {grace!r}")
    if isinstance(max_attempts, bool) or not isinstance(max_attempts, int) or max_attempts < 1:
        raise ConfigurationError(f"max_attempts must be at least 1, not {max_attempts!r}")
    if unsettled is not None and (
        isinstance(unsettled, bool) or not isinstance(unsettled, int) or unsettled < 1
    ):
        raise ConfigurationError(f"max_unsettled must be at least 1 or None, not {unsettled!r}")


class _Run:
    """One run over an open journal: reconcile, send in lanes, track, all journaled."""

    def __init__(self, journal: Journal, io: _IO, options: _Options) -> None:
        self.journal = journal
        self.io = io
        self.options = options
        records = journal.records()
        self.jobs = {r.seq: _Job.of(r) for r in records}
        self.lanes: dict[str, list[_Job]] = collections.defaultdict(list)
        self.owned: dict[str, int] = {}
        for job in self.jobs.values():
            self.lanes[job.conversation_id].append(job)
            if job.command_id:
                self.owned[job.command_id] = job.seq
        self.counts = collections.Counter(job.state for job in self.jobs.values())
        self.requests: collections.Counter[str] = collections.Counter()
        self.tracked: dict[str, dict[int, _Tracked]] = {}
        self.wakers: dict[str, asyncio.Event] = {}
        self.idle: dict[str, asyncio.Event] = collections.defaultdict(asyncio.Event)
        self.pollers: set[asyncio.Task[None]] = set()
        self.finished = 0
        self.started = time.monotonic()
        self.semaphore = asyncio.Semaphore(options.concurrency)
        self.writer: Writer | None = None
        self.failure: BaseException | None = None  # a poller's error: stops the lanes
        self.defer_pollers = False
        self.unsettled = 0  # sends in flight plus commands tracked: see max_unsettled
        self.pace = _Pace()
        self.window = asyncio.Event()

    # ------------------------------------------------------------------ the whole run
    async def run(self) -> BatchSummary:
        self.writer = self.journal.writer()
        try:
            # Pollers wait until the commands accepted before this run (and those adopted
            # now) were looked at once, before anything new is sent: new commands would
            # push theirs out of the bot's last 200 first.
            self.defer_pollers = True
            resumed = [job for job in self.jobs.values() if job.state == "sending"]
            if resumed:
                LOGGER.info("bulk: reconciling %d job(s) left in sending", len(resumed))
                await self._all(self._resumed(job) for job in resumed)
            for job in self.jobs.values():
                if job.state == "accepted" and job.seq not in self.tracked.get(
                    job.conversation_id, {}
                ):
                    self._track(job)
            await self._all(self._first_poll(c) for c in list(self.tracked))
            self.defer_pollers = False
            for conversation in list(self.tracked):
                self._ensure_poller(conversation)
            lanes = [
                self._lane(jobs)
                for jobs in self.lanes.values()
                if any(job.state == "pending" for job in jobs)
            ]
            await self._all(lanes)
            while self.pollers and self.failure is None:
                await asyncio.wait(list(self.pollers), return_when=asyncio.FIRST_EXCEPTION)
            if self.failure is not None:
                raise self.failure
        finally:
            for task in list(self.pollers):
                task.cancel()
            self.writer.close()
        self._progress()
        summary = Batch._summary_of(self.journal)
        return BatchSummary(
            summary.batch_id, summary.total, summary.counts, summary.in_doubt,
            time.monotonic() - self.started, dict(self.requests),
        )  # fmt: skip

    async def _all(self, awaitables: Iterable[Awaitable[None]]) -> None:
        """Run them together; on the first error, cancel the rest and raise that error."""
        tasks = [asyncio.ensure_future(a) for a in awaitables]
        if not tasks:
            return
        try:
            done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
        except BaseException:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            raise
        failed = [t for t in done if not t.cancelled() and t.exception() is not None]
        if failed:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            error = failed[0].exception()
            assert error is not None  # noqa: S101 - filtered above
            raise error

    # ------------------------------------------------------------------ journal and memory
    async def _set(
        self,
        job: _Job,
        state: str,
        *,
        expect: tuple[str, ...],
        detail: str | None = None,
        **fields: object,
    ) -> None:
        assert self.writer is not None  # noqa: S101 - set by run()
        future = self.writer.submit(update(job.seq, state, expect=expect, detail=detail, **fields))
        await asyncio.wrap_future(future)
        self.counts[job.state] -= 1
        self.counts[state] += 1
        if state in TERMINAL and job.state not in TERMINAL:
            self.finished += 1
        job.state = state
        for name in ("attempts", "sent_at_ms", "command_id"):
            if name in fields:
                setattr(job, name, fields[name])
        self._progress()

    def _progress(self) -> None:
        hook = self.options.on_progress
        if hook is None:
            return
        elapsed = time.monotonic() - self.started
        rate = self.finished / elapsed if elapsed > 0 else 0.0
        unfinished = sum(self.counts[s] for s in ACTIVE)
        eta = unfinished / rate if rate > 0 else None
        counts = {state: self.counts[state] for state in STATES}
        hook(BatchProgress(counts, len(self.jobs), elapsed, self.finished, rate, eta))

    def _stage(self, stage: str, seq: int) -> None:
        if self.options.on_stage is not None:
            self.options.on_stage(stage, seq)

    async def _request(self, kind: str, call: Callable[[], Awaitable[T]]) -> T:
        async with self.semaphore:  # the call starts only once it holds a place
            self.requests[kind] += 1
            return await call()

    # ------------------------------------------------------------------ sending
    async def _lane(self, jobs: list[_Job]) -> None:
        for job in jobs:
            if self.failure is not None:
                return
            if job.state == "pending":
                # a close (or the removal of the last bot) hides the conversation's commands:
                # let the earlier ones show their outcome first
                if job.operation in _ENDING and not await self._quiet(job.conversation_id):
                    return
                await self._send(job)

    async def _quiet(self, conversation: str) -> bool:
        """Wait until none of the conversation's commands is tracked; False if the run fails."""
        idle = self.idle[conversation]
        while self.tracked.get(conversation) and self.failure is None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(idle.wait(), 1.0)
        return self.failure is None

    async def _send(self, job: _Job) -> None:
        """Send ``job`` until it is accepted, settled, rejected or in doubt."""
        call = call_for(job.operation, job.conversation_id, job.body, job.ttl)
        tries = 0  # this run's; the journal's ``attempts`` counts every run's
        while True:
            tries += 1
            await self._room()
            self._hold(1)  # the send's place; an accepted command is tracked with its own
            try:
                failure = await self._attempt(job, call)
            finally:
                self._hold(-1)
            if failure is None:
                return
            kind, cause = failure
            why = _short(cause)
            if kind == "maybe":
                verdict = await self._reconcile(job, answered=_answered(cause))
                if verdict.kind != "unsent":
                    return
                detail = f"not created ({why}): {verdict.evidence.get('reason', '')}"
            else:
                detail = f"not sent: {why}"
            if tries >= self.options.max_attempts:
                await self._set(
                    job, "rejected", expect=("sending",), detail=detail,
                    error=f"not sent after {tries} attempt(s): {why}",
                    settled_at_ms=_wall_ms(),
                )  # fmt: skip
                return
            await self._set(job, "pending", expect=("sending",), detail=detail, error=why)
            await asyncio.sleep(min(0.5 * 2 ** (tries - 1), 8.0))

    async def _attempt(self, job: _Job, call: ops.Call) -> tuple[str, Exception] | None:
        """One send: None when it ended the job's sending (accepted, rejected, skipped),
        else ``("maybe" | "unsent", error)`` with the job left in ``sending``."""
        async with self.semaphore:
            if job.deadline_ms is not None and _wall_ms() > job.deadline_ms:
                await self._set(
                    job, "skipped", expect=("pending",), detail="deadline passed",
                    error="its deadline passed before it could be sent",
                    settled_at_ms=_wall_ms(),
                )  # fmt: skip
                return None
            attempt = job.attempts + 1
            await self._set(
                job, "sending", expect=("pending",), detail=f"attempt {attempt}",
                attempts=attempt, sent_at_ms=_wall_ms(),
            )  # fmt: skip
            self._stage("sending", job.seq)
            self.requests["send"] += 1
            try:
                command_id = await self.io.send(call)
            except _FATAL as error:  # refused before it was processed
                why = _short(error)
                await self._set(job, "pending", expect=("sending",), detail=why, error=why)
                raise
            except OutcomeUnknownError as error:
                return ("maybe", error)
            except (TransportError, *_UNSENT) as error:  # never reached the server
                return ("unsent", error)
            except _MAYBE as error:
                return ("maybe", error)
            except ApiError as error:  # refused: 400, 403, 404, ...
                await self._set(
                    job, "rejected", expect=("sending",), detail=_short(error),
                    error=_short(error), settled_at_ms=_wall_ms(),
                )  # fmt: skip
                return None
            self._stage("accepted", job.seq)
            await self._accept(job, command_id, "accepted")
            return None

    async def _room(self) -> None:
        """Wait until fewer than ``max_unsettled`` commands are unsettled."""
        limit = self.options.max_unsettled
        while limit is not None and self.unsettled >= limit and self.failure is None:
            self.window.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.window.wait(), 1.0)

    def _hold(self, change: int) -> None:
        self.unsettled += change
        if change < 0:
            self.window.set()

    async def _accept(
        self, job: _Job, command_id: str, detail: str, evidence: dict[str, Any] | None = None
    ) -> None:
        """Journal the command id and track it (which holds its place in ``unsettled``)."""
        self.owned[command_id] = job.seq
        await self._set(
            job, "accepted", expect=("sending",), detail=detail, command_id=command_id,
            accepted_at_ms=_wall_ms(),
            **({"evidence": _json(evidence)} if evidence is not None else {}),
        )  # fmt: skip
        self._track(job)

    # ------------------------------------------------------------------ reconciliation
    async def _resumed(self, job: _Job) -> None:
        """A job found in ``sending`` on resume: adopted, back to pending, or in doubt."""
        verdict = await self._reconcile(job)
        if verdict.kind == "unsent":
            reason = verdict.evidence.get("reason", "")
            await self._set(
                job, "pending", expect=("sending",), detail=f"resumed, not created: {reason}",
                evidence=_json(verdict.evidence),
            )  # fmt: skip

    async def _look(self, job: _Job) -> Verdict:
        assert job.sent_at_ms is not None  # noqa: S101 - a sending job has its send time
        try:
            listed: list[Command] | None = await self._request(
                "list", functools.partial(self.io.list, job.conversation_id)
            )
        except NotFoundError:
            listed = None
        owned = {cid: seq for cid, seq in self.owned.items() if seq != job.seq}
        earlier = frozenset(
            other.command_id
            for other in self.lanes[job.conversation_id]
            if other.seq < job.seq and other.command_id
        )
        attempt = Attempt(job.seq, job.operation, body_json(job.body), job.ttl, job.sent_at_ms)
        return decide(attempt, listed, owned=owned, earlier=earlier, listed_at_ms=_wall_ms())

    async def _reconcile(self, job: _Job, *, answered: bool = False) -> Verdict:
        """Decide an in-doubt send; journal ``accepted`` or ``in_doubt`` (``unsent``: caller).

        ``answered``: the server answered the request, so it is done with it; otherwise it
        may still be processing it, and only a look ``in_flight_grace`` after the send counts.
        """
        assert job.sent_at_ms is not None  # noqa: S101 - a sending job has its send time
        verdict = await self._look(job)
        if verdict.kind != "accepted" and not answered:
            wait = job.sent_at_ms / 1000 + self.options.grace - time.time()
            if wait > 0:  # the request may still be in the server's hands: look again later
                await asyncio.sleep(wait)
                verdict = await self._look(job)
        if verdict.kind == "accepted":
            assert verdict.command_id is not None  # noqa: S101 - an accepted verdict has one
            await self._accept(job, verdict.command_id, "reconciled: adopted", verdict.evidence)
        elif verdict.kind == "in_doubt":
            await self._set(
                job, "in_doubt", expect=("sending",), detail=verdict.evidence.get("reason"),
                evidence=_json(verdict.evidence), settled_at_ms=_wall_ms(),
            )  # fmt: skip
        return verdict

    # ------------------------------------------------------------------ tracking
    def _track(self, job: _Job) -> None:
        conversation = job.conversation_id
        items = self.tracked.setdefault(conversation, {})
        if job.seq not in items:
            self._hold(1)  # freed when it settles
        items[job.seq] = _Tracked(job, time.monotonic() + self.pace.first_poll())
        self.idle[conversation].clear()
        if not self.defer_pollers:
            self._ensure_poller(conversation)

    async def _first_poll(self, conversation: str) -> None:
        for tracked in self.tracked[conversation].values():
            tracked.next_at = 0.0
        try:
            await self._poll(conversation)
        except _FATAL:
            raise
        except (ApiError, TransportError, DeadlineExceededError) as error:  # the poller retries
            LOGGER.warning("bulk: polling %s failed: %s", conversation, _short(error))
        if not self.tracked[conversation]:
            del self.tracked[conversation]

    def _ensure_poller(self, conversation: str) -> None:
        waker = self.wakers.get(conversation)
        if waker is not None:
            waker.set()
            return
        self.wakers[conversation] = asyncio.Event()
        task = asyncio.ensure_future(self._poller(conversation))
        self.pollers.add(task)
        task.add_done_callback(self._poller_done)

    def _poller_done(self, task: asyncio.Task[None]) -> None:
        self.pollers.discard(task)
        if not task.cancelled() and task.exception() is not None and self.failure is None:
            self.failure = task.exception()

    async def _poller(self, conversation: str) -> None:
        waker = self.wakers[conversation]
        failures = 0
        try:
            while self.tracked.get(conversation):
                items = self.tracked[conversation]
                wait = min(t.next_at for t in items.values()) - time.monotonic()
                if wait > 0:
                    waker.clear()
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(waker.wait(), wait)
                    continue
                try:
                    await self._poll(conversation)
                    failures = 0
                except _FATAL:
                    raise
                except (ApiError, TransportError, DeadlineExceededError) as error:
                    failures += 1
                    LOGGER.warning("bulk: polling %s failed: %s", conversation, _short(error))
                    if failures >= _POLL_FAILURES:
                        raise
                    for tracked in items.values():
                        tracked.next_at = time.monotonic() + MAX_POLL
        finally:
            del self.wakers[conversation]
            self.tracked.pop(conversation, None)

    async def _poll(self, conversation: str) -> None:
        items = self.tracked[conversation]
        now = time.monotonic()
        due = [t for t in items.values() if t.next_at <= now]
        polling = self.options.polling
        self._stage("poll", due[0].job.seq)
        if polling == "list" or (polling == "auto" and len(items) >= 2):
            # only what was tracked before the listing was asked for: a command accepted
            # while it is in flight is not in it, and must not be taken for evicted
            before = list(items.values())
            listed = await self._listing(conversation)
            for tracked in before:
                await self._observe(conversation, tracked, listed)
            return
        for tracked in due:
            command_id = tracked.job.command_id
            assert command_id is not None  # noqa: S101 - tracked jobs were accepted
            try:
                found = await self._request(
                    "get", functools.partial(self.io.get, conversation, command_id)
                )
            except NotFoundError:  # gone, or a race with its creation: the list tells
                await self._observe(conversation, tracked, await self._listing(conversation))
                continue
            await self._observe(conversation, tracked, {command_id: found})

    async def _listing(self, conversation: str) -> dict[str, Command] | None:
        try:
            listed = await self._request("list", functools.partial(self.io.list, conversation))
        except NotFoundError:
            return None
        return {command.id: command for command in listed}

    async def _observe(
        self, conversation: str, tracked: _Tracked, listed: dict[str, Command] | None
    ) -> None:
        job = tracked.job
        command = None if listed is None else listed.get(job.command_id or "")
        if command is None:
            if listed is None and job.operation == "closeConversation":
                await self._settle(job, "completed", "the conversation is closed")
            elif listed is None:
                await self._settle(
                    job,
                    "not_visible",
                    "the conversation is closed or gone; its outcome is not shown",
                )
            else:
                await self._settle(
                    job, "not_visible",
                    "evicted from the bot's last 200 commands before its outcome was seen",
                )  # fmt: skip
            return
        outcome = outcome_of(command)
        if outcome is not None:
            self.pace.learn(command, job)
            await self._settle(job, outcome.status, outcome.error_name or outcome.reason or None)
            return
        timeout = command.data.timeoutTime
        if timeout is not None and timeout / 1000 + GRACE < time.time():
            await self._settle(job, "expired", "still waiting after its ttl ran out")
            return
        tracked.delay = min(tracked.delay * 1.5, MAX_POLL)
        tracked.next_at = time.monotonic() + tracked.delay

    async def _settle(self, job: _Job, state: str, error: str | None) -> None:
        tracked = self.tracked.get(job.conversation_id, {})
        if tracked.pop(job.seq, None) is None:
            return  # settled by another look already
        self._hold(-1)
        if not tracked:
            self.idle[job.conversation_id].set()
        await self._set(
            job, state, expect=("accepted",), detail=error, error=error, settled_at_ms=_wall_ms()
        )


def _answered(error: Exception) -> bool:
    """The server answered (so it finished with the request), not a gateway in front of it
    that may have given up while the service goes on (502, 504)."""
    return isinstance(error, ApiError) and error.status not in (502, 504)


def _short(error: BaseException) -> str:
    text = " ".join(str(error).split())
    name = type(error).__name__
    return f"{name}: {text[:300]}"


def _json(value: dict[str, Any] | None) -> str | None:
    return None if value is None else json.dumps(value, separators=(",", ":"), sort_keys=True)


class Batch:
    """A journaled bulk run. Make one with :meth:`create` or :meth:`from_file`, reopen it
    with :meth:`open`; run it with :meth:`run` (a :class:`~lptpb_ext.Client`) or
    :meth:`arun` (an :class:`~lptpb_ext.AsyncClient`). See the module for the guarantees.

    A batch holds its journal's lock from creation (or opening) until :meth:`close`; a
    read-only batch (``open(path, read_only=True)``, for reports) holds none and cannot run.
    """

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    # ------------------------------------------------------------------ making and opening
    @classmethod
    def create(
        cls,
        path: str | Path,
        jobs: Iterable[Job],
        *,
        account_id: str,
        source: str | None = None,
        durable: bool = True,
    ) -> Batch:
        """A new journal at ``path`` for ``jobs``, every one checked first.

        Raises :class:`~lptpb_ext.JobFileError` listing every bad job (nothing is written),
        :class:`~lptpb_ext.JournalError` if ``path`` exists.
        """
        created = _wall_ms()
        prepared = prepare(jobs, created, source=source or "jobs")
        return cls._make(path, prepared, account_id, created, (source, None), durable=durable)

    @classmethod
    def from_file(
        cls,
        jobs_file: str | Path,
        path: str | Path,
        *,
        account_id: str,
        durable: bool = True,
    ) -> Batch:
        """A new journal at ``path`` for the JSONL ``jobs_file`` (see :mod:`lptpb_ext._jobs`).

        The whole file is checked first: :class:`~lptpb_ext.JobFileError` lists every bad
        line with its number and field path, and nothing is written.
        """
        created = _wall_ms()
        prepared = read_jobs(jobs_file, created)
        try:
            digest = hashlib.sha256(Path(jobs_file).read_bytes()).hexdigest()
        except OSError as error:  # pragma: no cover - it was just read
            source = str(jobs_file)
            raise JobFileError(source, [JobProblem(source, "", str(error))]) from None
        return cls._make(
            path, prepared, account_id, created, (str(jobs_file), digest), durable=durable
        )

    @classmethod
    def _make(
        cls,
        path: str | Path,
        prepared: list[Prepared],
        account_id: str,
        created: int,
        origin: tuple[str | None, str | None],
        *,
        durable: bool,
    ) -> Batch:
        if not isinstance(account_id, str) or not account_id.strip():
            raise ConfigurationError("account_id must be a non-empty string")
        source, digest = origin
        journal = Journal.create(
            path, prepared, account_id=account_id, created_ms=created, source=source,
            source_sha256=digest, batch_id=str(uuid.uuid4()), durable=durable,
        )  # fmt: skip
        return cls(journal)

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False, durable: bool = True) -> Batch:
        """The batch of an existing journal, checked.

        Raises :class:`~lptpb_ext.JournalError` for a file that is not a journal, is corrupted
        or of another format version, :class:`~lptpb_ext.JournalLockedError` when a running
        batch holds it (not for ``read_only``).
        """
        return cls(Journal.open(path, read_only=read_only, durable=durable))

    # ------------------------------------------------------------------ reading
    @property
    def path(self) -> Path:
        """The journal's file."""
        return self._journal.path

    @property
    def account_id(self) -> str:
        """The account the journal belongs to (a client of another account is refused)."""
        return self._journal.account_id

    @property
    def batch_id(self) -> str:
        """The batch's random id, written in the journal when it was made."""
        return self._journal.batch_id

    @property
    def created_ms(self) -> int:
        """When the journal was made, in Unix milliseconds (job deadlines count from it)."""
        return self._journal.created_ms

    @property
    def meta(self) -> dict[str, str]:
        """The journal's meta data (format, version, batch id, account, source, ...)."""
        return dict(self._journal.meta)

    def records(self) -> list[JobRecord]:
        """Every job as the journal has it, in order."""
        return self._journal.records()

    def counts(self) -> dict[str, int]:
        """Jobs per state."""
        return self._journal.counts()

    def events(self, seq: int | None = None) -> list[tuple[int, int, str, str | None]]:
        """The journal's transitions ``(job, at_ms, state, detail)``, of one job or all."""
        return self._journal.events(seq)

    def summary(self) -> BatchSummary:
        """What the journal holds now: counts by state and the jobs in doubt."""
        return self._summary_of(self._journal)

    @staticmethod
    def _summary_of(journal: Journal) -> BatchSummary:
        records = journal.records()
        counts = dict.fromkeys(STATES, 0)
        for record in records:
            counts[record.state] += 1
        doubt = tuple(r for r in records if r.state == "in_doubt")
        return BatchSummary(journal.batch_id, len(records), counts, doubt)

    # ------------------------------------------------------------------ running
    def _check_client(self, account_id: str) -> None:
        if account_id != self.account_id:
            raise JournalError(
                str(self.path),
                f"belongs to account {self.account_id}, not {account_id}; nothing was sent",
            )

    def run(
        self,
        client: Client,
        *,
        concurrency: int = DEFAULT_CONCURRENCY,
        polling: PollingMode = "auto",
        in_flight_grace: float = DEFAULT_GRACE,
        max_attempts: int = DEFAULT_ATTEMPTS,
        max_unsettled: int | None = DEFAULT_UNSETTLED,
        on_progress: Callable[[BatchProgress], None] | None = None,
        on_stage: StageHook | None = None,
    ) -> BatchSummary:
        """Run (or resume) the batch with a sync client, on ``concurrency`` threads.

        ``concurrency``: HTTP requests at a time. ``polling``: ``auto``, ``list`` or ``get``.
        ``in_flight_grace``: seconds after a send before "no such command" may count as
        proof that it was not created, when the server may still have been processing it.
        ``max_attempts``: sends per job and run while each is proven not created.
        ``max_unsettled``: commands sent and not yet seen settled, at most (default 100, half
        the 200 a bot keeps, so the batch does not evict its own commands before their
        outcome is seen; None: no limit). ``on_progress`` gets a :class:`BatchProgress` at
        every change; ``on_stage`` is for fault-injection tests (:data:`StageHook`).

        Returns when every job is in a final state, or raises: a refused login or bearer
        (:class:`~lptpb_ext.AuthenticationError` and the like) stops the run with the jobs
        left as they are; resume later. Cannot be called inside a running event loop (use
        :meth:`arun`).
        """
        _check_options(concurrency, polling, in_flight_grace, max_attempts, max_unsettled)
        self._check_client(client.account_id)
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            pass
        else:
            raise ConfigurationError("Batch.run cannot be called inside an event loop: use arun")
        options = _Options(
            concurrency, polling, float(in_flight_grace), max_attempts, max_unsettled,
            on_progress, on_stage,
        )  # fmt: skip
        with concurrent.futures.ThreadPoolExecutor(concurrency, "lptpb-bulk") as executor:
            io = _ThreadIO(client, executor)
            return asyncio.run(_Run(self._journal, io, options).run())

    async def arun(
        self,
        client: AsyncClient,
        *,
        concurrency: int = DEFAULT_CONCURRENCY,
        polling: PollingMode = "auto",
        in_flight_grace: float = DEFAULT_GRACE,
        max_attempts: int = DEFAULT_ATTEMPTS,
        max_unsettled: int | None = DEFAULT_UNSETTLED,
        on_progress: Callable[[BatchProgress], None] | None = None,
        on_stage: StageHook | None = None,
    ) -> BatchSummary:
        """:meth:`run` with an asyncio client."""
        _check_options(concurrency, polling, in_flight_grace, max_attempts, max_unsettled)
        self._check_client(client.account_id)
        options = _Options(
            concurrency, polling, float(in_flight_grace), max_attempts, max_unsettled,
            on_progress, on_stage,
        )  # fmt: skip
        return await _Run(self._journal, _AsyncIO(client), options).run()

    # ------------------------------------------------------------------ lifecycle
    def close(self) -> None:
        """Close the journal and release its lock."""
        self._journal.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Batch({str(self.path)!r}, account_id={self.account_id!r})"
