"""``lptpb transfer CONV SKILL``: transfer a conversation to a skill, or to one of its agents."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from lptpb_ext.cli._common import add_connection_options, run_with_client
from lptpb_ext.cli._output import add_command_options, finish_command

if TYPE_CHECKING:
    from lptpb_ext import Client

__all__ = ["HELP", "NAME", "configure", "run"]

NAME = "transfer"
HELP = "Transfer a conversation to a skill (case-sensitive name), optionally to one agent."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("conversation", metavar="CONV", help="conversation id")
    parser.add_argument("skill", metavar="SKILL", help="skill name, e.g. human_skill")
    parser.add_argument("--agent-id", help="a human agent of that skill to transfer to")
    add_command_options(parser)
    add_connection_options(parser)


def run(args: argparse.Namespace) -> int:
    def transfer(client: Client) -> int:
        return finish_command(
            args,
            client,
            args.conversation,
            lambda: client.transfer(
                args.conversation, args.skill, agent_id=args.agent_id, ttl=args.ttl
            ),
        )

    return run_with_client(args, transfer)
