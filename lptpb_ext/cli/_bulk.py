"""``lptpb bulk run|resume|report``: journaled bulk runs from the command line.

Plain functions taking parsed options and returning an exit code; the parser that calls them
lives elsewhere (see :func:`run`, :func:`resume`, :func:`report`). Nothing here imports the
client until it is needed, so ``--help`` stays fast.

``run FILE.jsonl [--journal PATH] [--concurrency N] [--dry-run]``
    Check the whole file first: every bad line is listed with its number and field path and
    nothing is sent (exit 2). ``--dry-run`` stops there and says what would be sent. Then a
    new journal (default ``<file stem>-<UTC time>.journal`` in the current directory) is made
    and the batch runs, with a progress line on a terminal (counts by state, rate, ETA) or a
    plain line every few seconds when stderr is not a terminal.
``resume PATH [--concurrency N]``
    Reopen a journal (after a crash, Ctrl-C, a refused login) and finish it: jobs left in
    ``sending`` are reconciled first; nothing that may have been sent is sent again.
``report PATH [--json | --csv]``
    What the journal holds, at any time (also while a run writes it). Text: the counts and
    every job that did not complete, with its error or the evidence of its doubt. ``--json``:
    one document with every job (evidence and body included); ``--csv``: one row per job.

Wiring (argparse, as the other subcommands do): a ``bulk`` subcommand with sub-subcommands
``run FILE [--journal PATH] [--concurrency N] [--dry-run]`` and ``resume PATH
[--concurrency N]``, both with ``add_connection_options``, and ``report PATH [--json |
--csv]`` without; then ``client_factory=lambda: open_client(args, os.environ)`` (a
``Client``; an ``AsyncClient`` factory works too) and return what :func:`run`,
:func:`resume` or :func:`report` returns. Credentials are read by the factory only once the
file or journal was found good.

Exit codes (:data:`EXIT_CODES`): 0 every job completed; 1 every job settled but some did not
complete (failed, expired, not visible, rejected, skipped); 2 bad input, nothing sent (a bad
line, a journal that is corrupted, of another account, locked by a running batch, or already
there); 3 authentication or session (the run stopped; resume later); 6 some jobs are in doubt
or unfinished (the report says which and why); 130 interrupted (resume later).
"""

from __future__ import annotations

import asyncio
import collections
import csv
import datetime
import json
import math
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from lptpb_ext.cli._common import (
    AUTH,
    INTERRUPTED,
    NOT_COMPLETED,
    OK,
    TRANSPORT,
    USAGE,
    UsageError,
    exit_code_for,
)

if TYPE_CHECKING:
    from lptpb_ext import AsyncClient, Batch, BatchProgress, BatchSummary, Client, JobRecord

__all__ = ["EXIT_CODES", "ClientFactory", "Progress", "default_journal", "report", "resume", "run"]

ClientFactory = Callable[[], "Client | AsyncClient"]
IN_DOUBT = TRANSPORT
EXIT_CODES = {
    OK: "every job completed",
    NOT_COMPLETED: "every job settled; some did not complete (failed, expired, not visible, "
    "rejected, skipped)",
    USAGE: "bad input; nothing was sent (a bad line, an unusable or locked journal)",
    AUTH: "authentication or session error; the run stopped (resume later)",
    IN_DOUBT: "some jobs are in doubt or unfinished: see the report",
    INTERRUPTED: "interrupted (resume later)",
}
SHOWN = 20  # problem jobs listed at the end of a run; the report lists them all
_ORDER = ("completed", "accepted", "sending", "pending", "in_doubt", "failed", "expired",
          "not_visible", "rejected", "skipped")  # fmt: skip


def _label(state: str) -> str:
    return state.replace("_", " ")


def outcome_code(counts: dict[str, int]) -> int:
    """The exit code of a batch in this state (see the module)."""
    if counts.get("in_doubt") or any(counts.get(s) for s in ("pending", "sending", "accepted")):
        return IN_DOUBT
    settled_badly = ("failed", "expired", "not_visible", "rejected", "skipped")
    if any(counts.get(s) for s in settled_badly):
        return NOT_COMPLETED
    return OK


def default_journal(jobs_file: str | Path, now: datetime.datetime | None = None) -> Path:
    """``<stem>-<UTC time>.journal`` in the current directory: one file per run."""
    when = now or datetime.datetime.now(datetime.UTC)
    return Path(f"{Path(jobs_file).stem}-{when.strftime('%Y%m%dT%H%M%SZ')}.journal")


def _duration(seconds: float | None) -> str:
    if seconds is None or not math.isfinite(seconds) or seconds > 359_999:  # over 99 h
        return "--:--"
    whole = int(seconds + 0.5)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Progress:
    """Renders :class:`~lptpb_ext.BatchProgress`: one line redrawn in place on a terminal
    (at most every ``tty_interval`` seconds), a plain line every ``plain_interval`` seconds
    otherwise (logs, CI). Called on every change of a job's state."""

    def __init__(
        self,
        stream: IO[str],
        *,
        tty: bool | None = None,
        tty_interval: float = 0.1,
        plain_interval: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.tty = stream.isatty() if tty is None else tty
        self.interval = tty_interval if self.tty else plain_interval
        self.clock = clock
        self._last = -1e18
        self._drawn = False

    @staticmethod
    def line(progress: BatchProgress) -> str:
        done = progress.total - progress.unfinished
        parts = [f"{_label(s)} {progress.counts[s]}" for s in _ORDER if progress.counts.get(s)]
        return (
            f"{done}/{progress.total} done: {', '.join(parts)} | {progress.rate:.1f} jobs/s, "
            f"ETA {_duration(progress.eta)}"
        )

    def __call__(self, progress: BatchProgress) -> None:
        now = self.clock()
        if now - self._last < self.interval:
            return
        self._last = now
        self._draw(progress)

    def _draw(self, progress: BatchProgress) -> None:
        text = f"bulk: {self.line(progress)}"
        if self.tty:
            self.stream.write(f"\r\x1b[2K{text}")
            self._drawn = True
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def finish(self, progress: BatchProgress | None) -> None:
        """The last state, drawn whatever the interval; ends the terminal line."""
        if progress is not None:
            self._draw(progress)
        if self.tty and self._drawn:
            self.stream.write("\n")
            self.stream.flush()


class _LastProgress:
    def __init__(self, show: Progress | None) -> None:
        self.show = show
        self.last: BatchProgress | None = None

    def __call__(self, progress: BatchProgress) -> None:
        self.last = progress
        if self.show is not None:
            self.show(progress)


def _say(stream: IO[str], text: str) -> None:
    stream.write(text + "\n")
    stream.flush()


def _reason(record: JobRecord) -> str:
    if record.state == "in_doubt" and record.evidence:
        return str(record.evidence.get("reason", ""))
    return record.error or ""


def _where(record: JobRecord) -> str:
    where = f"job {record.seq}"
    if record.line is not None:
        where += f" (line {record.line})"
    if record.ref:
        where += f" [{record.ref}]"
    return where


def _summary_lines(
    summary: BatchSummary, records: Iterable[JobRecord], path: Path, limit: int | None = SHOWN
) -> list[str]:
    counts = ", ".join(f"{_label(s)} {summary.counts[s]}" for s in _ORDER if summary.counts.get(s))
    lines = [f"{summary.total} jobs: {counts}"]
    problems = [r for r in records if r.state != "completed"]
    limit = len(problems) if limit is None else limit
    for record in problems[:limit]:
        why = _reason(record)
        lines.append(f"  {_where(record)} {record.conversation_id} {record.operation}: "
                     f"{_label(record.state)}" + (f": {why}" if why else ""))  # fmt: skip
    if len(problems) > limit:
        lines.append(f"  ... and {len(problems) - limit} more: lptpb bulk report {path}")
    if summary.unfinished:
        lines.append(f"{summary.unfinished} jobs unfinished: lptpb bulk resume {path}")
    return lines


def _drive(
    batch: Batch,
    client: Client | AsyncClient,
    options: dict[str, Any],
    on_progress: Callable[[BatchProgress], None],
) -> BatchSummary:
    from lptpb_ext import AsyncClient  # noqa: PLC0415 - keep --help fast

    if isinstance(client, AsyncClient):
        async_client = client

        async def go() -> BatchSummary:
            async with async_client:
                return await batch.arun(async_client, on_progress=on_progress, **options)

        return asyncio.run(go())
    with client:
        return batch.run(client, on_progress=on_progress, **options)


def _execute(
    batch: Batch,
    client: Client | AsyncClient,
    options: dict[str, Any],
    streams: tuple[IO[str], IO[str]],
    progress: bool | None,
) -> int:
    out, err = streams
    show = Progress(err, tty=progress) if progress is not False else None
    last = _LastProgress(show)
    try:
        summary = _drive(batch, client, options, last)
    except KeyboardInterrupt:
        if show is not None:
            show.finish(last.last)
        _say(err, f"lptpb bulk: interrupted; resume with: lptpb bulk resume {batch.path}")
        return INTERRUPTED
    except Exception as error:  # typed by _code_of, or re-raised
        if show is not None:
            show.finish(last.last)
        code = _code_of(error)
        _say(err, f"lptpb bulk: {' '.join(str(error).split())}")
        if code != USAGE:
            _say(err, f"lptpb bulk: the run stopped; resume with: lptpb bulk resume {batch.path}")
        return code
    if show is not None:
        show.finish(last.last)
    for line in _summary_lines(summary, batch.records(), batch.path):
        _say(out, line)
    return outcome_code(summary.counts)


def _code_of(error: Exception) -> int:
    from lptpb_ext import (  # noqa: PLC0415 - keep --help fast
        JobFileError,
        JournalError,
        LptpbError,
        SessionContentionError,
        SessionStoreError,
    )

    if isinstance(error, JobFileError | JournalError | UsageError):
        return USAGE
    if isinstance(error, SessionContentionError | SessionStoreError):
        return AUTH
    if isinstance(error, LptpbError):
        return exit_code_for(error)
    raise error


def _options(concurrency: object, in_flight_grace: float | None) -> dict[str, Any]:
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise UsageError(f"--concurrency must be a whole number of at least 1, not {concurrency}")
    options: dict[str, Any] = {"concurrency": concurrency}
    if in_flight_grace is not None:
        if not math.isfinite(in_flight_grace) or in_flight_grace < 0:
            raise UsageError(f"the in-flight grace must be >= 0 seconds, not {in_flight_grace}")
        options["in_flight_grace"] = in_flight_grace
    return options


def run(
    jobs_file: str,
    *,
    client_factory: ClientFactory,
    journal: str | None = None,
    concurrency: int = 16,
    dry_run: bool = False,
    in_flight_grace: float | None = None,
    progress: bool | None = None,
    out: IO[str] | None = None,
    err: IO[str] | None = None,
) -> int:
    """``lptpb bulk run``: check ``jobs_file``, journal it, run it; the exit code.

    ``client_factory`` makes the client (a ``Client`` or an ``AsyncClient``) once the file
    is known to be good; it is never called for a bad file or a dry run. ``progress``:
    None draws on a terminal and prints plain lines otherwise, False prints none.
    ``in_flight_grace``: see :meth:`Batch.run <lptpb_ext.Batch.run>` (default 30 s).
    """
    from lptpb_ext import Batch, JobFileError, JournalError  # noqa: PLC0415 - keep --help fast
    from lptpb_ext._jobs import read_jobs  # noqa: PLC0415 - keep --help fast

    out = out or sys.stdout
    err = err or sys.stderr
    try:
        options = _options(concurrency, in_flight_grace)
        jobs = read_jobs(jobs_file, int(time.time() * 1000))
    except (JobFileError, UsageError) as error:
        _say(err, f"lptpb bulk run: {error}")
        return USAGE
    if dry_run:
        operations = collections.Counter(job.operation for job in jobs)
        conversations = len({job.conversation_id for job in jobs})
        shown = ", ".join(f"{op} {n}" for op, n in operations.most_common())
        _say(out, f"{len(jobs)} jobs over {conversations} conversations ({shown}); "
                  "all valid; dry run: nothing was sent")  # fmt: skip
        return OK
    path = Path(journal) if journal else default_journal(jobs_file)
    client = _client(client_factory, "run", err)
    if isinstance(client, int):
        return client
    try:
        batch = Batch.from_file(jobs_file, path, account_id=client.account_id)
    except (JobFileError, JournalError) as error:
        _close(client)
        _say(err, f"lptpb bulk run: {error}")
        return USAGE
    with batch:
        _say(err, f"lptpb bulk run: journal {path} ({len(jobs)} jobs); "
                  f"if stopped: lptpb bulk resume {path}")  # fmt: skip
        return _execute(batch, client, options, (out, err), progress)


def _client(
    client_factory: ClientFactory, command: str, err: IO[str]
) -> Client | AsyncClient | int:
    """A client from the factory, or the exit code of why there is none."""
    try:
        return client_factory()
    except Exception as error:  # typed by _code_of, or re-raised
        code = _code_of(error)
        _say(err, f"lptpb bulk {command}: {' '.join(str(error).split())}")
        return code


def _close(client: Client | AsyncClient) -> None:
    from lptpb_ext import AsyncClient  # noqa: PLC0415 - keep --help fast

    if isinstance(client, AsyncClient):
        asyncio.run(client.aclose())
    else:
        client.close()


def resume(
    journal: str,
    *,
    client_factory: ClientFactory,
    concurrency: int = 16,
    in_flight_grace: float | None = None,
    progress: bool | None = None,
    out: IO[str] | None = None,
    err: IO[str] | None = None,
) -> int:
    """``lptpb bulk resume``: reopen ``journal`` and finish it; the exit code."""
    from lptpb_ext import Batch, JournalError  # noqa: PLC0415 - keep --help fast

    out = out or sys.stdout
    err = err or sys.stderr
    try:
        options = _options(concurrency, in_flight_grace)
        batch = Batch.open(journal)
    except (JournalError, UsageError) as error:
        _say(err, f"lptpb bulk resume: {error}")
        return USAGE
    with batch:
        client = _client(client_factory, "resume", err)
        if isinstance(client, int):
            return client
        if client.account_id != batch.account_id:
            _close(client)
            _say(err, f"lptpb bulk resume: journal {batch.path} belongs to account "
                      f"{batch.account_id}, not {client.account_id}; nothing was sent")  # fmt: skip
            return USAGE
        counts = batch.counts()
        left = sum(counts[s] for s in ("pending", "sending", "accepted"))
        _say(err, f"lptpb bulk resume: journal {batch.path}: {left} jobs unfinished, "
                  f"{counts['sending']} to reconcile first")  # fmt: skip
        return _execute(batch, client, options, (out, err), progress)


# ---------------------------------------------------------------------------- report

CSV_COLUMNS = (
    "seq", "line", "id", "conversation", "operation", "state", "attempts", "commandId",
    "sentAtMs", "acceptedAtMs", "settledAtMs", "error", "reason",
)  # fmt: skip


def _job_json(record: JobRecord) -> dict[str, Any]:
    from lptpb_ext._jobs import body_json  # noqa: PLC0415 - keep --help fast

    return {**record.as_dict(), "body": body_json(record.body)}


def report(
    journal: str,
    *,
    as_json: bool = False,
    as_csv: bool = False,
    out: IO[str] | None = None,
    err: IO[str] | None = None,
) -> int:
    """``lptpb bulk report``: print what ``journal`` holds; the batch's exit code so far."""
    from lptpb_ext import Batch, JournalError  # noqa: PLC0415 - keep --help fast

    out = out or sys.stdout
    err = err or sys.stderr
    if as_json and as_csv:
        _say(err, "lptpb bulk report: give --json or --csv, not both")
        return USAGE
    try:
        batch = Batch.open(journal, read_only=True)
    except JournalError as error:
        _say(err, f"lptpb bulk report: {error}")
        return USAGE
    with batch:
        records = batch.records()
        summary = batch.summary()
        meta = batch.meta
    if as_json:
        document = {
            "batch": {
                "id": meta["batch_id"],
                "account": meta["account_id"],
                "source": meta.get("source") or None,
                "sourceSha256": meta.get("source_sha256") or None,
                "createdAtMs": int(meta["created_at_ms"]),
                "journal": str(batch.path),
            },
            "counts": summary.counts,
            "jobs": [_job_json(r) for r in records],
        }
        out.write(json.dumps(document, ensure_ascii=False, indent=1) + "\n")
    elif as_csv:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for r in records:
            d = r.as_dict()
            writer.writerow([d["seq"], d["line"], d["id"], d["conversation"], d["operation"],
                             d["state"], d["attempts"], d["commandId"], d["sentAtMs"],
                             d["acceptedAtMs"], d["settledAtMs"], r.error or "",
                             _reason(r) if r.state == "in_doubt" else ""])  # fmt: skip
    else:
        created = datetime.datetime.fromtimestamp(int(meta["created_at_ms"]) / 1000, datetime.UTC)
        source = meta.get("source") or "code"
        _say(out, f"batch {meta['batch_id']} of account {meta['account_id']}, from {source}, "
                  f"created {created:%Y-%m-%d %H:%M:%S} UTC")  # fmt: skip
        for line in _summary_lines(summary, records, batch.path, limit=None):
            _say(out, line)
    return outcome_code(summary.counts)
