"""``lptpb login``: log in now, keep the session in the store, print where the API is.

It always logs in (so it checks the credentials), even when the store holds a session: the
new bearer replaces it there, and the commands that follow use it without logging in again.
The bearer itself is never printed. With ``LPTPB_BEARER`` there is nothing to log in with:
the bearer is taken as given.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from lptpb_ext.cli._common import OK, add_connection_options, run_with_client
from lptpb_ext.cli._output import emit_json

if TYPE_CHECKING:
    from lptpb_ext import Client

__all__ = ["HELP", "NAME", "configure", "run"]

NAME = "login"
HELP = "Log in now; keep the session for the commands that follow."


def configure(parser: argparse.ArgumentParser) -> None:
    add_connection_options(parser)


def log_in(client: Client) -> None:
    """A fresh login, even when the session store already holds a bearer."""
    from lptpb_ext import Bearer  # noqa: PLC0415

    client.login()  # resolves the host; the store's bearer, or a login
    if not isinstance(client.credentials, Bearer) and client.session.logins == 0:
        engine = client._engine
        engine.bearer(stale=client.session.bearer, operation="login")


def run(args: argparse.Namespace) -> int:
    def check(client: Client) -> int:
        log_in(client)
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
