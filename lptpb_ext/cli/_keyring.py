"""``lptpb keyring set|delete``: the password of an account's user in the OS keyring.

An opt-in (the ``keyring`` extra, and ``keyring = true`` in a profile or ``LPTPB_KEYRING=1``
for commands to read it). ``set`` reads the password from the first line of stdin, or asks
for it without echo at a terminal. The entry is service ``lptpb``, user ``USERNAME@ACCOUNT``.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from lptpb_ext.cli._common import (
    KEYRING_SERVICE,
    OK,
    UsageError,
    add_json_option,
    add_profile_option,
    keyring_entry,
    keyring_module,
    read_password,
    run_guarded,
    settings,
)
from lptpb_ext.cli._output import emit_json

__all__ = ["HELP", "NAME", "PARSER_OPTIONS", "configure", "run"]

NAME = "keyring"
HELP = "Store or delete a password in the OS keyring (opt-in)."
PARSER_OPTIONS: dict[str, Any] = {"intermixed": False}  # it has subcommands of its own


def configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    for name, text in (
        ("set", "store the password (stdin's first line, or asked for at a terminal)"),
        ("delete", "forget the password"),
    ):
        sub = actions.add_parser(name, help=text)
        add_profile_option(sub)
        sub.add_argument("--account", help="account id (env LPTPB_ACCOUNT)")
        sub.add_argument("--username", help="Public API user (env LPTPB_USERNAME)")
        add_json_option(sub)
        sub.set_defaults(command=f"keyring {name}")


def run(args: argparse.Namespace) -> int:
    def body() -> int:
        found = settings(args, os.environ)
        entry = keyring_entry(found)
        keyring: Any = keyring_module()
        try:
            if args.action == "set":
                password = read_password().rstrip("\r\n")
                if not password:
                    raise UsageError("no password given: the first line of stdin is empty")
                keyring.set_password(KEYRING_SERVICE, entry, password)
            else:
                keyring.delete_password(KEYRING_SERVICE, entry)
        except UsageError:
            raise
        except Exception as exc:  # keyring's backends raise their own kinds
            raise UsageError(f"the keyring: {type(exc).__name__}: {exc}") from None
        done = "stored" if args.action == "set" else "deleted"
        if args.json:
            emit_json({"ok": True, "entry": entry, "action": done})
        else:
            print(f"{done} the password of {entry} in the keyring ({KEYRING_SERVICE})")
            if args.action == "set" and found.values.get("keyring") is not True:
                print("commands read it with keyring = true in the profile, or LPTPB_KEYRING=1")
        return OK

    return run_guarded(args, body)
