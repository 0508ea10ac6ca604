"""``lptpb ttr CONV URGENT|NORMAL|PRIORITIZED``: set a messaging conversation's time to response."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from lptpb_ext.cli._common import add_connection_options, run_with_client
from lptpb_ext.cli._output import add_command_options, finish_command

if TYPE_CHECKING:
    from lptpb_ext import Client

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
    def set_ttr(client: Client) -> int:
        return finish_command(
            args,
            client,
            args.conversation,
            lambda: client.set_ttr(args.conversation, args.ttr_type, ttl=args.ttl),
        )

    return run_with_client(args, set_ttr)
