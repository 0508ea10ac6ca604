"""Printing for the SDK subcommands: command tables, JSON, and the command-creating flow.

Text output is for people (aligned tables, ``key: value`` lines); ``--json`` prints one JSON
document (or, for ``watch``, one JSON object per line) in the API's own field names.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from lptpb_ext.cli._common import NOT_COMPLETED, OK, TIMED_OUT, USAGE, fail

if TYPE_CHECKING:
    from lptpb_ext import Client, CommandOutcome
    from lptpb_models import Command, CommandAccepted

__all__ = [
    "COLUMNS",
    "add_command_options",
    "command_row",
    "command_summary",
    "emit_json",
    "finish_command",
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


def add_command_options(parser: argparse.ArgumentParser) -> None:
    """``--ttl``, ``--wait`` and ``--timeout``, for subcommands that create a command."""
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


def _outcome_json(outcome: CommandOutcome) -> dict[str, Any]:
    return {"status": outcome.status, "errorName": outcome.error_name, "reason": outcome.reason}


def _outcome_text(outcome: CommandOutcome) -> str:
    details = [d for d in (outcome.error_name, outcome.reason) if d]
    return ": ".join([outcome.status, *details])


def finish_command(
    args: argparse.Namespace,
    client: Client,
    conversation_id: str,
    create: Callable[[], CommandAccepted],
    *,
    closes: bool = False,
) -> int:
    """Create the command, print its id and, with ``--wait``, its outcome; the exit code.

    ``closes``: the command closes the conversation. Once it has run, the conversation and
    its commands answer 404, so the wait ends ``not_visible``; when a fresh list confirms the
    conversation is gone, that is what was asked, and it is reported as status ``closed``.
    """
    from lptpb_ext import DeadlineExceededError  # noqa: PLC0415 - keep --help fast

    if args.timeout is not None and args.timeout <= 0:
        fail(args, "--timeout must be positive")
        return USAGE
    accepted = create()
    report: dict[str, Any] = {"commandId": accepted.commandId}
    if not args.json:
        print(f"commandId: {accepted.commandId}", flush=True)
    if not args.wait:
        if args.json:
            emit_json(report)
        return OK
    try:
        outcome = client.wait_for_command(
            conversation_id, accepted.commandId, ttl=args.ttl, timeout=args.timeout
        )
    except DeadlineExceededError:
        if args.timeout is None:
            raise  # a call's own deadline: the transport failed, not our patience
        if args.json:
            emit_json({**report, "status": "waiting", "errorName": None, "reason": "timed out"})
        fail(args, f"command {accepted.commandId} still waiting after {args.timeout:g}s")
        return TIMED_OUT
    closed = closes and outcome.status == "not_visible" and _is_gone(client, conversation_id)
    if args.json:
        emit_json({**report, **_outcome_json(outcome), **({"status": "closed"} if closed else {})})
    elif closed:
        print("outcome: closed (the conversation is gone, and its commands with it)", flush=True)
    else:
        print(f"outcome: {_outcome_text(outcome)}", flush=True)
    return OK if outcome.ok or closed else NOT_COMPLETED


def _is_gone(client: Client, conversation_id: str) -> bool:
    from lptpb_ext import NotFoundError  # noqa: PLC0415 - keep --help fast

    try:
        client.list_commands(conversation_id)
    except NotFoundError:
        return True
    return False
