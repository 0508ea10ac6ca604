"""``lptpb send CONV TEXT...`` or ``lptpb send CONV --batch FILE``: send one batch of messages.

Texts become one batch of plain text messages, in order. ``--batch`` reads a
``{"messages": [...]}`` body as JSON from a file, or from stdin with ``-``; a bare JSON list is
taken as its ``messages``. Either way the batch is one command, validated before it is sent.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lptpb_ext.cli._common import UsageError, add_connection_options, run_with_client
from lptpb_ext.cli._output import add_command_options, finish_command

if TYPE_CHECKING:
    from lptpb_ext import Client

__all__ = ["HELP", "NAME", "configure", "run"]

NAME = "send"
HELP = "Send text messages, or a JSON batch from a file or stdin, as one command."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("conversation", metavar="CONV", help="conversation id")
    parser.add_argument("texts", metavar="TEXT", nargs="*", help="a text message (repeatable)")
    parser.add_argument(
        "--batch",
        metavar="FILE",
        help='a JSON {"messages": [...]} body to send; "-" reads it from stdin',
    )
    add_command_options(parser)
    add_connection_options(parser)


def read_batch(source: str, password_stdin: bool) -> dict[str, Any]:
    """The batch in ``source`` (a path, or ``-`` for stdin) as a request body."""
    if source == "-" and password_stdin:
        raise UsageError("--batch - and --password-stdin cannot both read stdin")
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read the batch {source}: {exc}") from exc
    try:
        body = json.loads(text)
    except json.JSONDecodeError as exc:
        where = "stdin" if source == "-" else source
        raise UsageError(f"the batch in {where} is not JSON: {exc}") from exc
    if isinstance(body, list):
        return {"messages": body}
    if not isinstance(body, dict):
        raise UsageError('a batch is a JSON object {"messages": [...]} or a list of messages')
    return body


def run(args: argparse.Namespace) -> int:
    def send(client: Client) -> int:
        if args.batch is not None and args.texts:
            raise UsageError("give texts or --batch, not both")
        if args.batch is None and not args.texts:
            raise UsageError("nothing to send: give a TEXT or --batch FILE")
        body = (
            read_batch(args.batch, args.password_stdin)
            if args.batch is not None
            else {"messages": list(args.texts)}
        )
        return finish_command(
            args,
            client,
            args.conversation,
            lambda: client.send_messages(args.conversation, body, ttl=args.ttl),
        )

    return run_with_client(args, send)
