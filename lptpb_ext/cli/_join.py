"""``lptpb join CONV AGENT_ID``: add a Third-Party Bots bot to a conversation."""

from __future__ import annotations

import argparse

from lptpb_ext import _operations as ops
from lptpb_ext.cli._common import add_connection_options
from lptpb_ext.cli._output import add_command_options, run_command

__all__ = ["HELP", "NAME", "configure", "run"]

NAME = "join"
HELP = "Add a bot (by agent id) to a conversation."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("conversation", metavar="CONV", help="conversation id")
    parser.add_argument("agent_id", metavar="AGENT_ID", help="the bot's agent id")
    parser.add_argument("--message", metavar="TEXT", help="a message the bot says on joining")
    add_command_options(parser, ttl=False)
    add_connection_options(parser)


def run(args: argparse.Namespace) -> int:
    args.ttl = None
    return run_command(
        args, lambda: ops.join_conversation(args.conversation, args.agent_id, args.message)
    )
