"""``lptpb send CONV TEXT... [--pause S] [--private TEXT]`` or ``--batch FILE``: one batch.

Texts, pauses (``--pause SECONDS``, with the typing indicator) and private notes
(``--private TEXT``, seen by agents and managers only) become one batch, in the order they
were typed: ``send CONV "Hello" --pause 2 "Still there?"``. Options may come anywhere; a text
that starts with ``-`` goes after ``--`` or as ``--text=-TEXT``. ``--batch`` reads a
``{"messages": [...]}`` body as JSON from a file, or from stdin with ``-``; a bare JSON list is
taken as its ``messages``. Either way the batch is one command, validated before it is sent.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lptpb_ext import _operations as ops
from lptpb_ext.cli._common import UsageError, add_connection_options
from lptpb_ext.cli._output import add_command_options, run_command
from lptpb_ext.cli._parser import Parser

__all__ = ["HELP", "NAME", "PARSER_OPTIONS", "configure", "run"]

NAME = "send"
HELP = "Send texts, pauses and private notes (or a JSON batch)."
PRIVATE = "AGENTS_AND_MANAGERS"


def _texts_as_options(parser: Parser, argv: list[str]) -> list[str]:
    return parser.positionals_as(argv, keep=1, option="--text")


#: How ``lptpb`` makes this subcommand's parser (see the package docstring).
PARSER_OPTIONS: dict[str, Any] = {"rewrite": _texts_as_options}


class _Part(argparse.Action):
    """Appends ``(kind, value)`` to ``parts``, so texts, pauses and notes keep their order."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        parts = list(getattr(namespace, "parts", None) or [])
        parts.append((self.const, values))
        namespace.parts = parts


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("conversation", metavar="CONV", help="conversation id")
    parser.add_argument(
        "texts", metavar="TEXT", nargs="*", help="a text message (repeatable, in order)"
    )
    parts = parser.add_argument_group("messages, in the order given")
    parts.add_argument(
        "--text", action=_Part, const="text", dest="parts", help="a text (one starting with -)"
    )
    parts.add_argument(
        "--pause",
        action=_Part,
        const="pause",
        dest="parts",
        type=int,
        metavar="SECONDS",
        help="a pause of whole SECONDS, showing the typing indicator",
    )
    parts.add_argument(
        "--private",
        action=_Part,
        const="private",
        dest="parts",
        metavar="TEXT",
        help="a private note, seen by agents and managers only",
    )
    parts.add_argument(
        "--batch",
        metavar="FILE",
        help='a JSON {"messages": [...]} body to send instead; "-" reads it from stdin',
    )
    parser.add_argument(
        "--channel",
        action="append",
        metavar="CHANNEL",
        help="check the batch against a channel's rules first (repeatable): an error stops "
        "the send (exit 2), warnings go to stderr (see `lptpb check`)",
    )
    add_command_options(parser)
    add_connection_options(parser)


def read_json(source: str, what: str, password_stdin: bool) -> Any:  # noqa: ANN401 - any JSON
    """The JSON document in ``source`` (a path, or ``-`` for stdin)."""
    if source == "-" and password_stdin:
        raise UsageError(f"{what} - and --password-stdin cannot both read stdin")
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {what} {source}: {exc}") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = "stdin" if source == "-" else source
        raise UsageError(f"{what} in {where} is not JSON: {exc}") from exc


def read_batch(source: str, password_stdin: bool) -> dict[str, Any]:
    """The batch in ``source`` (a path, or ``-`` for stdin) as a request body."""
    body = read_json(source, "the batch", password_stdin)
    if isinstance(body, list):
        return {"messages": body}
    if not isinstance(body, dict):
        raise UsageError('a batch is a JSON object {"messages": [...]} or a list of messages')
    return body


def message(kind: str, value: Any) -> Any:  # noqa: ANN401 - a message's JSON
    if kind == "pause":
        return {"delay": value}
    if kind == "private":
        return {"text": value, "messageAudience": PRIVATE}
    return value


def _check_channels(body: dict[str, Any], channels: list[str]) -> None:
    """Raise the channels' errors (a RequestValidationError: exit 2, nothing sent); print
    their warnings on stderr."""
    from lptpb_ext._channel_check import (  # noqa: PLC0415 - only with --channel
        check_before_send,
        format_problems,
    )

    try:
        warnings = check_before_send(body, channels)
    except ValueError as exc:
        if type(exc) is ValueError:  # an unknown channel; a ChannelError is a validation error
            raise UsageError(str(exc)) from exc
        raise
    if warnings:
        print(format_problems(warnings), file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    def build() -> ops.Call:
        parts = [*(("text", t) for t in args.texts), *(args.parts or [])]
        if args.batch is not None and parts:
            raise UsageError("give messages or --batch, not both")
        if args.batch is None and not parts:
            raise UsageError("nothing to send: give a TEXT, --pause, --private or --batch FILE")
        body = (
            read_batch(args.batch, args.password_stdin)
            if args.batch is not None
            else {"messages": [message(kind, value) for kind, value in parts]}
        )
        call = ops.send_messages(args.conversation, body, args.ttl)  # the contract first
        if args.channel:
            _check_channels(body, args.channel)
        return call

    return run_command(args, build)
