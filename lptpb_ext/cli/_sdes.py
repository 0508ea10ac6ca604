"""``lptpb sdes CONV``: set engagement attributes (SDEs) from flags, a JSON file, or both.

The common ones have flags: customer info (``ctmrinfo``: ``--customer-id``,
``--customer-type``, ``--customer-status``, ``--balance``, ``--currency``) and personal info
(``personal``: ``--first-name``, ``--last-name``, ``--email``, ``--phone``, ``--language``,
``--company``, ``--gender``). Any of the ten types goes in ``--file``: a JSON list of SDEs in
the API's spelling, or an object ``{"sdes": [...]}`` that may also hold ``sharkVisitorId`` and
``sharkSessionId``. The file's SDEs come first, then those of the flags; the whole request is
validated before anything is sent, and an error names the field (``sdes[1].personal...``).
"""

from __future__ import annotations

import argparse
from typing import Any

from lptpb_ext import _operations as ops
from lptpb_ext.cli._common import UsageError, add_connection_options
from lptpb_ext.cli._output import add_command_options, run_command
from lptpb_ext.cli._send import read_json

__all__ = ["HELP", "NAME", "configure", "run"]

NAME = "sdes"
HELP = "Set engagement attributes (SDEs) from flags or a JSON file."
CUSTOMER = {
    "customer_id": "customerId",
    "customer_type": "ctype",
    "customer_status": "cstatus",
    "balance": "balance",
    "currency": "currency",
}
PERSONAL = {
    "first_name": "firstname",
    "last_name": "lastname",
    "language": "language",
    "company": "company",
    "gender": "gender",
}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("conversation", metavar="CONV", help="conversation id")
    parser.add_argument("--visitor-id", help="sharkVisitorId: the consumer's visitor id")
    parser.add_argument("--session-id", help="sharkSessionId: the consumer's session id")
    parser.add_argument(
        "--file",
        metavar="FILE",
        help='SDEs as JSON: a list, or {"sdes": [...], "sharkVisitorId"?, "sharkSessionId"?}; '
        '"-" reads stdin',
    )
    customer = parser.add_argument_group("customer info (ctmrinfo)")
    customer.add_argument("--customer-id", metavar="ID")
    customer.add_argument("--customer-type", metavar="CTYPE", help="e.g. vip")
    customer.add_argument("--customer-status", metavar="CSTATUS", help="e.g. active")
    customer.add_argument("--balance", type=float, metavar="AMOUNT")
    customer.add_argument("--currency", metavar="CODE", help="ISO 4217, e.g. USD")
    personal = parser.add_argument_group("personal info (personal)")
    personal.add_argument("--first-name", metavar="NAME")
    personal.add_argument("--last-name", metavar="NAME")
    personal.add_argument("--email", metavar="ADDRESS")
    personal.add_argument("--phone", metavar="NUMBER")
    personal.add_argument("--language", metavar="CODE", help="e.g. en-US")
    personal.add_argument("--company", metavar="NAME")
    personal.add_argument("--gender", type=str.upper, choices=("MALE", "FEMALE", "OTHER"))
    add_command_options(parser)
    add_connection_options(parser)


def _from_flags(args: argparse.Namespace) -> list[dict[str, Any]]:
    sdes: list[dict[str, Any]] = []
    info = {key: getattr(args, flag) for flag, key in CUSTOMER.items()}
    info = {key: value for key, value in info.items() if value is not None}
    if info:
        sdes.append({"type": "ctmrinfo", "info": info})
    personal = {key: getattr(args, flag) for flag, key in PERSONAL.items()}
    personal = {key: value for key, value in personal.items() if value is not None}
    contact = {k: v for k, v in (("email", args.email), ("phone", args.phone)) if v is not None}
    if contact:
        personal["contacts"] = [contact]
    if personal:
        sdes.append({"type": "personal", "personal": personal})
    return sdes


def _pick(flag: str | None, from_file: object, name: str, option: str) -> str:
    if flag is not None and from_file is not None and flag != from_file:
        raise UsageError(f"{option} and the file's {name} differ; give one of them")
    found = flag if flag is not None else from_file
    if found is None:
        raise UsageError(f"the SDEs need {option} (the file's {name} would do too)")
    if not isinstance(found, str):
        raise UsageError(f"the file's {name} must be a string")
    return found


def run(args: argparse.Namespace) -> int:
    def build() -> ops.Call:
        sdes: list[Any] = []
        visitor: object = None
        session: object = None
        if args.file is not None:
            document = read_json(args.file, "the SDEs", args.password_stdin)
            if isinstance(document, dict):
                unknown = set(document) - {"sdes", "sharkVisitorId", "sharkSessionId"}
                if unknown or not isinstance(document.get("sdes"), list):
                    raise UsageError(
                        'an SDE file is a JSON list, or {"sdes": [...]} with optional '
                        f"sharkVisitorId and sharkSessionId (unknown: {', '.join(sorted(unknown))})"
                        if unknown
                        else 'an SDE file is a JSON list, or an object whose "sdes" is a list'
                    )
                sdes, visitor, session = (
                    document["sdes"],
                    document.get("sharkVisitorId"),
                    document.get("sharkSessionId"),
                )
            elif isinstance(document, list):
                sdes = document
            else:
                raise UsageError('an SDE file is a JSON list, or {"sdes": [...]}')
        sdes = [*sdes, *_from_flags(args)]
        if not sdes:
            raise UsageError("no SDEs: give --file or flags such as --customer-id, --first-name")
        return ops.set_sdes(
            args.conversation,
            sdes,
            _pick(args.visitor_id, visitor, "sharkVisitorId", "--visitor-id"),
            _pick(args.session_id, session, "sharkSessionId", "--session-id"),
            args.ttl,
        )

    return run_command(args, build)
