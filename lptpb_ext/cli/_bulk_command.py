"""``lptpb bulk run|resume|report``: the parser of :mod:`._bulk`'s functions.

``run FILE.jsonl [--journal PATH] [--concurrency N] [--dry-run]``, ``resume JOURNAL
[--concurrency N]`` (both with the connection options) and ``report JOURNAL [--json | --csv]``.
See :mod:`._bulk` for what each does and its exit codes.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from lptpb_ext.cli import _bulk
from lptpb_ext.cli._common import add_connection_options, open_client, run_guarded

__all__ = ["HELP", "NAME", "PARSER_OPTIONS", "configure", "run"]

NAME = "bulk"
HELP = "Run many jobs from a JSON Lines file, journaled: resume after a crash, report."
PARSER_OPTIONS: dict[str, Any] = {"intermixed": False}  # it has subcommands of its own


def _concurrency(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--concurrency", type=int, default=16, metavar="N", help="jobs at once (default 16)"
    )


def configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    start = actions.add_parser("run", help="check a jobs file, journal it and run it")
    start.add_argument("file", metavar="FILE", help="JSON Lines: one job per line")
    start.add_argument(
        "--journal", metavar="PATH", help="the journal to make (default: FILE-<UTC time>.journal)"
    )
    _concurrency(start)
    start.add_argument(
        "--dry-run", action="store_true", help="check the file and say what would be sent"
    )
    add_connection_options(start)
    again = actions.add_parser("resume", help="finish a journal after a crash or Ctrl-C")
    again.add_argument("journal", metavar="JOURNAL")
    _concurrency(again)
    add_connection_options(again)
    show = actions.add_parser("report", help="what a journal holds, at any time")
    show.add_argument("journal", metavar="JOURNAL")
    form = show.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="every job as one JSON document")
    form.add_argument("--csv", action="store_true", help="one CSV row per job")
    for sub in (start, again, show):
        sub.set_defaults(command=f"bulk {sub.prog.split()[-1]}")


def run(args: argparse.Namespace) -> int:
    def factory() -> Any:  # noqa: ANN401 - a Client, made once the input is known good
        return open_client(args, os.environ)

    def body() -> int:
        if args.action == "run":
            return _bulk.run(
                args.file, client_factory=factory, journal=args.journal,
                concurrency=args.concurrency, dry_run=args.dry_run,
            )  # fmt: skip
        if args.action == "resume":
            return _bulk.resume(args.journal, client_factory=factory, concurrency=args.concurrency)
        return _bulk.report(args.journal, as_json=args.json, as_csv=args.csv)

    return run_guarded(args, body)
