"""``lptpb transfer CONV SKILL``: transfer a conversation to a skill, or to one of its agents."""

from __future__ import annotations

import argparse

from lptpb_ext import _operations as ops
from lptpb_ext.cli._common import add_connection_options
from lptpb_ext.cli._output import add_command_options, run_command

__all__ = ["HELP", "NAME", "configure", "run"]

NAME = "transfer"
HELP = "Transfer a conversation to a skill, or to one of its agents."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("conversation", metavar="CONV", help="conversation id")
    parser.add_argument("skill", metavar="SKILL", help="skill name, e.g. human_skill")
    parser.add_argument("--agent-id", help="a human agent of that skill to transfer to")
    add_command_options(parser)
    add_connection_options(parser)


def run(args: argparse.Namespace) -> int:
    return run_command(
        args, lambda: ops.transfer(args.conversation, args.skill, args.agent_id, args.ttl)
    )
