"""``lptpb ttr CONV URGENT|NORMAL|PRIORITIZED``: set a messaging conversation's time to response."""

from __future__ import annotations

import argparse

from lptpb_ext import _operations as ops
from lptpb_ext.cli._common import add_connection_options
from lptpb_ext.cli._output import add_command_options, run_command

__all__ = ["HELP", "NAME", "configure", "run"]

NAME = "ttr"
HELP = "Set the time to response of a messaging conversation."
TTR_TYPES = ("URGENT", "NORMAL", "PRIORITIZED")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("conversation", metavar="CONV", help="conversation id")
    parser.add_argument(
        "ttr_type", metavar="TTR", type=str.upper, choices=TTR_TYPES, help=" | ".join(TTR_TYPES)
    )
    add_command_options(parser)
    add_connection_options(parser)


def run(args: argparse.Namespace) -> int:
    return run_command(args, lambda: ops.set_ttr(args.conversation, args.ttr_type, args.ttl))
