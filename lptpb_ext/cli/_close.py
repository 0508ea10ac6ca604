"""``lptpb close CONV``: close a conversation.

With ``--wait``, a close that ran leaves nothing to read (a closed conversation's commands
answer 404); the outcome is then reported as ``closed`` once a fresh list confirms it.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from lptpb_ext.cli._common import add_connection_options, run_with_client
from lptpb_ext.cli._output import add_command_options, finish_command

if TYPE_CHECKING:
    from lptpb_ext import Client

__all__ = ["HELP", "NAME", "configure", "run"]

NAME = "close"
HELP = "Close a conversation."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("conversation", metavar="CONV", help="conversation id")
    add_command_options(parser)
    add_connection_options(parser)


def run(args: argparse.Namespace) -> int:
    def close(client: Client) -> int:
        return finish_command(
            args,
            client,
            args.conversation,
            lambda: client.close_conversation(args.conversation, ttl=args.ttl),
            closes=True,
        )

    return run_with_client(args, close)
