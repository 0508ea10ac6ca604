"""``lptpb commands CONV``: the conversation's commands, newest first, as a table or JSON."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from lptpb_ext.cli._common import OK, add_connection_options, run_with_client
from lptpb_ext.cli._output import COLUMNS, command_row, emit_json, table

if TYPE_CHECKING:
    from lptpb_ext import Client

__all__ = ["HELP", "NAME", "configure", "run"]

NAME = "commands"
HELP = "List a conversation's commands, newest first."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("conversation", metavar="CONV", help="conversation id")
    add_connection_options(parser)


def run(args: argparse.Namespace) -> int:
    def list_commands(client: Client) -> int:
        commands = client.list_commands(args.conversation)
        if args.json:
            emit_json([command.model_dump(mode="json") for command in commands])
        elif commands:
            print("\n".join(table(COLUMNS, [command_row(c) for c in commands])))
        else:
            print("no commands")
        return OK

    return run_with_client(args, list_commands)
