"""Printing for the SDK subcommands: command tables, JSON, dry runs, the command-creating flow.

Text output is for people (aligned tables, ``key: value`` lines); ``--json`` prints one JSON
document (or, for ``watch``, one JSON object per line) in the API's own field names.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from lptpb_ext._routes import route, segment
from lptpb_ext.cli._common import (
    NOT_COMPLETED,
    OK,
    TIMED_OUT,
    UsageError,
    fail,
    open_client,
    run_guarded,
    settings,
)

if TYPE_CHECKING:
    from lptpb_ext import Client, CommandOutcome
    from lptpb_ext._engine import Call
    from lptpb_models import Command

__all__ = [
    "COLUMNS",
    "add_command_options",
    "command_row",
    "command_summary",
    "dry_run",
    "emit_json",
    "finish_command",
    "print_dry_run",
    "request_line",
    "run_command",
    "table",
]

COLUMNS = ("ID", "TYPE", "STATE", "EXPIRES (UTC)", "ERROR")


def emit_json(value: object) -> None:
    """``value`` as one line of JSON on stdout."""
    print(json.dumps(value, ensure_ascii=False, separators=(",", ":")), flush=True)


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows aligned under ``headers``; the last column is never padded.

    >>> table(("A", "BB"), [("xyz", "1")])
    ['A    BB', 'xyz  1']
    """
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers) - 1)]
    lines = []
    for row in [headers, *rows]:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return lines


def _clock_time(epoch_ms: int | None) -> str:
    if epoch_ms is None:
        return "-"
    return datetime.fromtimestamp(epoch_ms / 1000, UTC).strftime("%H:%M:%S")


def _error_name(command: Command) -> str:
    error = command.result.error if command.result is not None else None
    return error.name if error is not None else ""


def command_row(command: Command) -> tuple[str, str, str, str, str]:
    """The :data:`COLUMNS` of one command."""
    state = command.state.root
    expires = _clock_time(command.data.timeoutTime)
    return (command.id, command.data.type, state, expires, _error_name(command) or "-")


def command_summary(command: Command) -> dict[str, Any]:
    """One command as a flat JSON object: id, type, state, timeoutTime, error."""
    return {
        "id": command.id,
        "type": command.data.type,
        "state": command.state.root,
        "timeoutTime": command.data.timeoutTime,
        "error": _error_name(command) or None,
    }


def add_command_options(parser: argparse.ArgumentParser, *, ttl: bool = True) -> None:
    """``--ttl`` (where the operation takes one), ``--wait``, ``--timeout`` and ``--dry-run``,
    for subcommands that create a command."""
    if ttl:
        parser.add_argument(
            "--ttl", type=int, metavar="SECONDS", help="the command's lifetime, 10-120 (default 30)"
        )
    parser.add_argument(
        "--wait", action="store_true", help="wait for the command's outcome and print it"
    )
    parser.add_argument(
        "--timeout",
        type=float,
        metavar="SECONDS",
        help="with --wait, give up after SECONDS (default: the command's ttl plus 5 s)",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="validate and print the request (method, path, body); send nothing, no login",
    )


def request_line(call: Call, account: str | None) -> tuple[str, str]:
    """The method and path (with query) of ``call``; ``{account}`` when none is known."""
    found = route(call.operation)
    account_part = segment(account) if account else "{account}"
    path = found.template.format(account_part, *(segment(i) for i in call.ids))
    return found.method, path + found.query(call.ttl)


def print_dry_run(
    args: argparse.Namespace, method: str, path: str, body: object, *, sent: str = "nothing"
) -> int:
    """Print what would be sent; exit 0 (the request is valid)."""
    if args.json:
        emit_json({"dryRun": True, "method": method, "path": path, "body": body})
    else:
        print(f"{method} {path}")
        if body is not None:
            print(json.dumps(body, indent=2, ensure_ascii=False))
        print(f"dry run: the request is valid; {sent} was sent", file=sys.stderr)
    return OK


def dry_run(args: argparse.Namespace, call: Call) -> int:
    """``--dry-run``: the validated request of ``call``, without credentials or network."""
    account = settings(args, os.environ).text("account")
    method, path = request_line(call, account)
    body = json.loads(call.content) if call.content is not None else None
    return print_dry_run(args, method, path, body)


def _outcome_json(outcome: CommandOutcome) -> dict[str, Any]:
    return {
        "status": outcome.status,
        "errorName": outcome.error_name,
        "reason": outcome.reason or None,
        "conversationClosed": outcome.conversation_closed,
    }


def _outcome_text(outcome: CommandOutcome) -> str:
    text = ": ".join([outcome.status, *([outcome.error_name] if outcome.error_name else [])])
    return f"{text} ({outcome.reason})" if outcome.reason else text


def run_command(
    args: argparse.Namespace, build: Callable[[], Call], *, closes: bool = False
) -> int:
    """Build and validate the call; with ``--dry-run`` print it, else send it through a client
    and report (see :func:`finish_command`); the exit code."""

    def body() -> int:
        call = build()
        if args.dry_run:
            return dry_run(args, call)
        with open_client(args, os.environ) as client:
            return finish_command(args, client, call, closes=closes)

    return run_guarded(args, body)


def finish_command(
    args: argparse.Namespace, client: Client, call: Call, *, closes: bool = False
) -> int:
    """Send ``call``, print the command's id and, with ``--wait``, its outcome; the exit code.

    The outcome is the SDK's :class:`~lptpb_ext.CommandOutcome`, in its words (``completed``,
    ``failed``, ``expired``, ``not_visible``), as ``make demo`` prints it. ``closes``: the
    command closes the conversation; once it has run, the conversation and its commands
    answer 404, so the wait ends ``not_visible`` with the conversation closed, which for a
    close is success (exit 0).
    """
    from lptpb_ext import DeadlineExceededError  # noqa: PLC0415 - keep --help fast
    from lptpb_ext import _operations as ops  # noqa: PLC0415 - keep --help fast

    if args.timeout is not None and args.timeout <= 0:
        raise UsageError("--timeout must be positive")
    accepted = ops.accepted(call, client._send(call))
    report: dict[str, Any] = {"commandId": accepted.commandId}
    if not args.json:
        print(f"commandId: {accepted.commandId}", flush=True)
    if not args.wait:
        if args.json:
            emit_json(report)
        return OK
    try:
        outcome = client.wait_for_command(
            call.conversation_id, accepted.commandId, ttl=call.ttl, timeout=args.timeout
        )
    except DeadlineExceededError:
        if args.timeout is None:
            raise  # a call's own deadline: the transport failed, not our patience
        if args.json:
            emit_json({**report, "status": "waiting", "errorName": None, "reason": "timed out"})
        fail(
            args,
            f"command {accepted.commandId} still waiting after {args.timeout:g}s",
            "StillWaiting",
        )
        return TIMED_OUT
    if args.json:
        emit_json({**report, **_outcome_json(outcome)})
    else:
        print(f"outcome: {_outcome_text(outcome)}", flush=True)
    closed = closes and outcome.status == "not_visible" and outcome.conversation_closed
    return OK if outcome.ok or closed else NOT_COMPLETED
