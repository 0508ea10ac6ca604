"""``lptpb check --channel X [--channel Y] FILE|-``: what each channel will show of some content.

``FILE`` holds structured content, a quick-replies value, one message or a whole
``{"messages": [...]}`` batch, as JSON (``-`` reads stdin). Nothing is sent and no login is
needed. Each problem is one line, ``<channel>: <path>: <severity>: <message> [<rule>]``
(``--sources`` adds the documentation page of each rule; ``--json`` prints them as a JSON
array). Exit 0 when no channel has an error (warnings only), 1 when one has (with
``--strict``, any problem), 2 for an unreadable file or an unknown channel. Content the API
itself would refuse is reported as an error of channel ``contract``.
"""

from __future__ import annotations

import argparse

from lptpb_ext.cli._common import UsageError, run_guarded

__all__ = ["HELP", "NAME", "configure", "run"]

NAME = "check"
HELP = "Check structured content against channels' rules (nothing is sent)."


def configure(parser: argparse.ArgumentParser) -> None:
    from lptpb_ext._channel_rules import CHANNELS  # noqa: PLC0415 - keep --help light

    parser.add_argument("file", metavar="FILE", help='a JSON file, or "-" for stdin')
    parser.add_argument(
        "--channel",
        action="append",
        required=True,
        metavar="CHANNEL",
        help=f"a channel to check for (repeatable): {', '.join(CHANNELS)}",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    parser.add_argument(
        "--sources", action="store_true", help="show the documentation page of each rule"
    )
    parser.add_argument("--json", action="store_true", help="print the problems as JSON")


def run(args: argparse.Namespace) -> int:
    from lptpb_ext._channel_check import (  # noqa: PLC0415 - keep --help light
        check_file,
        format_problems,
        problems_json,
    )

    def body() -> int:
        try:
            problems, code = check_file(args.file, args.channel, strict=args.strict)
        except ValueError as exc:
            raise UsageError(str(exc)) from exc
        if args.json:
            print(problems_json(problems))
        elif problems:
            print(format_problems(problems, sources=args.sources))
        else:
            print(f"no problems for {', '.join(args.channel)}")
        return code

    return run_guarded(args, body)
