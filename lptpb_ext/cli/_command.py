"""``lptpb command CONV COMMAND_ID``: one command, its state and result."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from lptpb_ext.cli._common import OK, add_connection_options, run_with_client
from lptpb_ext.cli._output import emit_json

if TYPE_CHECKING:
    from lptpb_ext import Client

__all__ = ["HELP", "NAME", "configure", "run"]

NAME = "command"
HELP = "Show one command: type, state, expiry, error."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("conversation", metavar="CONV", help="conversation id")
    parser.add_argument("command_id", metavar="COMMAND_ID", help="the commandId a send printed")
    add_connection_options(parser)


def run(args: argparse.Namespace) -> int:
    def show(client: Client) -> int:
        command = client.get_command(args.conversation, args.command_id)
        if args.json:
            emit_json(command.model_dump(mode="json"))
            return OK
        from lptpb_ext.cli._output import command_row  # noqa: PLC0415 - beside its peers

        cid, kind, state, expires, error = command_row(command)
        lines = [f"id: {cid}", f"type: {kind}", f"state: {state}", f"expires (UTC): {expires}"]
        if error != "-":
            lines.append(f"error: {error}")
        print("\n".join(lines))
        return OK

    return run_with_client(args, show)
