"""``lptpb watch CONV``: follow a conversation's commands until none is waiting.

It lists the commands every ``--interval`` seconds and stops when none is ``waiting`` (exit 0)
or after ``--timeout`` (exit 7). On a terminal the table (the newest commands that fit on the
screen, under a status line counting them all) is redrawn in place with ANSI escapes.
Otherwise each new command and each change of state is printed as one line, and with
``--json`` as one JSON object per line (``id``, ``type``, ``state``, ``timeoutTime``,
``error``). A conversation that answers 404 after watching began was closed (or left by its
bot): the watch stops with exit 4, since its commands can no longer be read.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from lptpb_ext.cli._common import (
    NOT_FOUND,
    OK,
    TIMED_OUT,
    UsageError,
    add_connection_options,
    fail,
    run_with_client,
)
from lptpb_ext.cli._output import COLUMNS, command_row, command_summary, emit_json, table

if TYPE_CHECKING:
    from lptpb_ext import Client
    from lptpb_models import Command

__all__ = ["HELP", "NAME", "configure", "run"]

NAME = "watch"
HELP = "Follow a conversation's commands live until all are settled."
DEFAULT_TIMEOUT = 150.0  # the longest ttl (120 s), plus time for the last one to run


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("conversation", metavar="CONV", help="conversation id")
    parser.add_argument(
        "--interval", type=float, default=1.0, metavar="SECONDS", help="poll every (default 1)"
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"exit 7 if a command still waits after SECONDS (default {DEFAULT_TIMEOUT:g})",
    )
    add_connection_options(parser)


class _Screen:
    """A block of lines redrawn in place: cursor up over the last block, clear, write."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._height = 0

    def show(self, lines: Sequence[str]) -> None:
        if self._height:
            self._stream.write(f"\x1b[{self._height}F\x1b[J")
        self._stream.write("".join(f"{line}\n" for line in lines))
        self._stream.flush()
        self._height = len(lines)


def _state(command: Command) -> tuple[str, str]:
    row = command_row(command)
    return row[2], row[4]


def _line(command: Command) -> str:
    """One change, for a log: the table's cells, type and state padded to their usual widths."""
    cid, kind, state, expires, error = command_row(command)
    return "  ".join([cid, kind.ljust(8), state.ljust(9), expires, error])


def _status(conversation: str, commands: list[Command], elapsed: float) -> str:
    waiting = sum(c.state.root == "waiting" for c in commands)
    settled = len(commands) - waiting
    return f"{conversation}: {waiting} waiting, {settled} settled ({elapsed:.1f}s)"


def watch(
    args: argparse.Namespace,
    client: Client,
    *,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """The polling loop; the exit code."""
    from lptpb_ext import NotFoundError  # noqa: PLC0415 - keep --help fast

    if args.interval <= 0 or args.timeout <= 0:
        raise UsageError("--interval and --timeout must be positive")
    stream = sys.stdout
    screen = _Screen(stream) if not args.json and stream.isatty() else None
    seen: dict[str, tuple[str, str]] = {}
    started = clock()
    while True:
        try:
            commands = client.list_commands(args.conversation)
        except NotFoundError:
            if not seen:
                raise
            fail(
                args,
                "the conversation was closed or left by its bot; stopped watching",
                "ConversationGone",
            )
            return NOT_FOUND
        changed = [c for c in reversed(commands) if seen.get(c.id) != _state(c)]
        seen.update((c.id, _state(c)) for c in commands)
        elapsed = clock() - started
        waiting = sum(c.state.root == "waiting" for c in commands)
        if args.json:
            for command in changed:
                emit_json(command_summary(command))
        elif screen is not None:
            fits = max(shutil.get_terminal_size().lines - 3, 1)  # status, header, cursor line
            rows = [command_row(c) for c in commands[:fits]]
            screen.show([_status(args.conversation, commands, elapsed), *table(COLUMNS, rows)])
        else:
            for command in changed:
                print(_line(command), flush=True)
        if not waiting:
            if not args.json and screen is None:
                print(f"all {len(commands)} commands settled", flush=True)
            return OK
        if elapsed >= args.timeout:
            fail(
                args, f"{waiting} command(s) still waiting after {args.timeout:g}s", "StillWaiting"
            )
            return TIMED_OUT
        sleep(min(args.interval, max(args.timeout - elapsed, 0.0)))


def run(args: argparse.Namespace) -> int:
    return run_with_client(args, lambda client: watch(args, client))
