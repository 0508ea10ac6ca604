"""``lptpb login``: check that the credentials log in; print the base URL, never the bearer."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from lptpb_ext.cli._common import OK, add_connection_options, run_with_client
from lptpb_ext.cli._output import emit_json

if TYPE_CHECKING:
    from lptpb_ext import Client

__all__ = ["HELP", "NAME", "configure", "run"]

NAME = "login"
HELP = "Check a login: log in once and print where the API is (never the bearer)."


def configure(parser: argparse.ArgumentParser) -> None:
    add_connection_options(parser)


def run(args: argparse.Namespace) -> int:
    def check(client: Client) -> int:
        client.login()
        user = getattr(client.credentials, "username", None)
        if args.json:
            emit_json(
                {"ok": True, "account": client.account_id, "user": user, "baseUrl": client.base_url}
            )
        else:
            who = f"as {user}" if user else "with the given bearer"
            print(f"OK: account {client.account_id} {who} at {client.base_url}")
        return OK

    return run_with_client(args, check)
