"""``lptpb api METHOD PATH [--data JSON|@FILE|@-]``: a raw call, for what no command covers.

It goes through the same client as every other command: the session (and its store), retries
(a POST that may have reached the server is never re-sent), the deadline, ``-v`` and error
handling. ``PATH`` is relative to ``/api/v1/account/{account}/`` unless it starts with ``/``;
``{account}`` anywhere in it is replaced by the account id. It never names another host: the
bearer goes only to the API's base URL. The answer's body is printed as JSON (indented, or
one line with ``--json``) with the values of secret-named fields (``bearer``, ``password``...)
masked; an error status is reported like any other command's, with its exit code.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from typing import Any
from urllib.parse import quote

from lptpb_ext._engine import Call
from lptpb_ext._errors import redact
from lptpb_ext.cli._common import (
    OK,
    UsageError,
    add_connection_options,
    open_client,
    run_guarded,
    settings,
)
from lptpb_ext.cli._output import emit_json, print_dry_run
from lptpb_ext.cli._send import read_json

__all__ = ["HELP", "NAME", "configure", "run"]

NAME = "api"
HELP = "Make a raw API call through the same session and retries."
ACCOUNT_ROOT = "/api/v1/account/{account}/"
_METHOD = re.compile(r"[A-Z]{3,7}")
_CONVERSATION = re.compile(r"/conversation/([^/?#]+)")
SECRET_FIELDS = frozenset(
    name.lower()
    for name in (
        "password",
        "secret",
        "appKey",
        "accessToken",
        "accessTokenSecret",
        "bearer",
        "token",
        "authorization",
        "apiKey",
    )
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("method", metavar="METHOD", type=str.upper, help="GET, POST, ...")
    parser.add_argument(
        "path",
        metavar="PATH",
        help="e.g. conversation/CONV/command (under /api/v1/account/{account}/), or /an/absolute"
        "/path; {account} is replaced by the account id",
    )
    parser.add_argument(
        "--data",
        metavar="JSON",
        help="the JSON body: inline, @FILE, or @- for stdin (sent as application/json)",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="check and print the request; send nothing"
    )
    add_connection_options(parser)


def api_path(path: str, account: str | None) -> str:
    """The path (and query) ``PATH`` means, ``{account}`` filled in when known."""
    if "://" in path or path.startswith("//"):
        raise UsageError(
            f"{path!r}: give a path, not a URL; calls go to the configured base URL only"
        )
    if any(ord(c) <= 0x20 or ord(c) == 0x7F for c in path):
        raise UsageError(f"{path!r}: a path has no spaces or control characters")
    full = path if path.startswith("/") else ACCOUNT_ROOT + path
    segments = full.split("?", 1)[0].split("/")
    if any(part in (".", "..") for part in segments):
        raise UsageError(f"{path!r}: '.' and '..' segments would be dropped by the URL")
    return full.replace("{account}", quote(account, safe="") if account else "{account}")


def _body(data: str | None, password_stdin: bool) -> Any:  # noqa: ANN401 - any JSON
    if data is None:
        return None
    if data.startswith("@"):
        return read_json(data[1:] or "-", "the data", password_stdin)
    try:
        return json.loads(data)
    except json.JSONDecodeError as exc:
        raise UsageError(f"--data is not JSON: {exc}") from exc


def masked(value: Any) -> Any:  # noqa: ANN401 - any JSON
    """``value`` with the values of secret-named fields replaced by ``***``."""
    if isinstance(value, dict):
        return {
            k: "***" if str(k).lower() in SECRET_FIELDS and v is not None else masked(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [masked(v) for v in value]
    return value


def run(args: argparse.Namespace) -> int:
    def call_api() -> int:
        if not _METHOD.fullmatch(args.method):
            raise UsageError(f"{args.method!r} is not an HTTP method")
        body = _body(args.data, args.password_stdin)
        if body is not None and args.method in ("GET", "HEAD"):
            raise UsageError(f"a {args.method} has no body; drop --data")
        account = settings(args, os.environ).text("account")
        path = api_path(args.path, account)
        if args.dry_run:
            return print_dry_run(args, args.method, path, body)
        content = None if body is None else json.dumps(body, separators=(",", ":")).encode()
        found = _CONVERSATION.search(path)
        call = Call(
            "api",
            "read" if args.method in ("GET", "HEAD") else "command",
            (),
            content,
            conversation_id=found.group(1) if found else "",
            raw=(args.method, path),
        )
        with open_client(args, os.environ) as client:
            response = client._send(call)
        try:
            answer = masked(response.json()) if response.content else None
        except ValueError:
            print(redact(response.text, limit=len(response.text) + 1))
            return OK
        if args.json:
            emit_json(answer)
        else:
            print(json.dumps(answer, indent=2, ensure_ascii=False))
        return OK

    return run_guarded(args, call_api)
