"""``lptpb close CONV``: close a conversation.

With ``--wait``, a close that ran leaves nothing to read (a closed conversation's commands
answer 404): the outcome is ``not_visible`` with the conversation closed, which for a close is
success (exit 0).
"""

from __future__ import annotations

import argparse

from lptpb_ext import _operations as ops
from lptpb_ext.cli._common import add_connection_options
from lptpb_ext.cli._output import add_command_options, run_command

__all__ = ["HELP", "NAME", "configure", "run"]

NAME = "close"
HELP = "Close a conversation."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("conversation", metavar="CONV", help="conversation id")
    add_command_options(parser)
    add_connection_options(parser)


def run(args: argparse.Namespace) -> int:
    return run_command(
        args, lambda: ops.close_conversation(args.conversation, args.ttl), closes=True
    )
