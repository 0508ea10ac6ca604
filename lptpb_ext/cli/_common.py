"""What every SDK subcommand shares: connection options, credentials, exit codes, errors.

Credentials come from the environment (or ``--password-stdin``), never from a flag value, so
they stay out of shell history, process lists, ``--help`` and every line this tool prints.
Which kind is used (``--auth``, default ``auto``): ``LPTPB_BEARER`` if set, else the API key
if any of its four variables is set, else the password. Two kinds configured at once is a
usage error, so a forgotten variable never silently picks the wrong login.

Exit codes (:data:`EXIT_CODES`): 0 done; 1 a waited command ran and did not complete; 2 usage
or validation (nothing was sent); 3 authentication or session; 4 not found (conversation
unknown or closed); 5 any other API error; 6 transport failure or outcome unknown; 7 timed out
while a command was still waiting; 130 interrupted.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lptpb_ext import Client
    from lptpb_ext._credentials import Credentials

__all__ = [
    "EXIT_CODES",
    "add_connection_options",
    "add_json_option",
    "credentials_from",
    "exit_code_for",
    "fail",
    "run_with_client",
]

OK, NOT_COMPLETED, USAGE, AUTH, NOT_FOUND, API, TRANSPORT, TIMED_OUT = 0, 1, 2, 3, 4, 5, 6, 7
INTERRUPTED = 130
EXIT_CODES = {
    OK: "done",
    NOT_COMPLETED: "a waited command ran and did not complete (failed, expired, not visible)",
    USAGE: "usage or validation error; nothing was sent",
    AUTH: "authentication or session error (login refused, bearer rejected, 403, 409)",
    NOT_FOUND: "not found: the conversation is unknown, closed or not held by a bot",
    API: "any other API error (400, 429, 5xx, an answer off the contract)",
    TRANSPORT: "transport failure, deadline exceeded, or a command's outcome is unknown",
    TIMED_OUT: "timed out while a command was still waiting",
    INTERRUPTED: "interrupted (Ctrl-C)",
}

API_KEY_ENV = {
    "app_key": "LPTPB_APP_KEY",
    "secret": "LPTPB_SECRET",
    "access_token": "LPTPB_ACCESS_TOKEN",
    "access_token_secret": "LPTPB_ACCESS_TOKEN_SECRET",
}
ENVIRONMENT = """environment:
  LPTPB_ACCOUNT, LPTPB_BASE_URL, LPTPB_ZONE, LPTPB_USERNAME  defaults of the flags above
  LPTPB_PASSWORD                 the password (or use --password-stdin)
  LPTPB_APP_KEY, LPTPB_SECRET, LPTPB_ACCESS_TOKEN, LPTPB_ACCESS_TOKEN_SECRET  an API key
  LPTPB_BEARER                   a ready bearer (never renewed)
exit codes: 0 done, 1 command not completed, 2 usage/validation, 3 auth/session,
  4 not found, 5 other API error, 6 transport/outcome unknown, 7 still waiting at timeout"""


class UsageError(Exception):
    """A problem with the command line or the environment, found before anything was sent."""


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")


def add_connection_options(parser: argparse.ArgumentParser) -> None:
    """``--account``, where the API is, who logs in, ``--deadline`` and ``--json``."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = ENVIRONMENT
    group = parser.add_argument_group("connection")
    group.add_argument("--account", help="account id (env LPTPB_ACCOUNT)")
    where = group.add_mutually_exclusive_group()
    where.add_argument(
        "--base-url", help="API base URL, e.g. http://127.0.0.1:8080 (env LPTPB_BASE_URL)"
    )
    where.add_argument(
        "--zone",
        help="z1, z2, z3 or a LivePerson host (env LPTPB_ZONE); neither: ask the Domain API",
    )
    group.add_argument("--username", help="Public API user (env LPTPB_USERNAME)")
    group.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of stdin (else env LPTPB_PASSWORD)",
    )
    group.add_argument(
        "--auth",
        choices=("auto", "password", "api-key", "bearer"),
        default="auto",
        help="which credentials to use (default: the one kind set in the environment)",
    )
    group.add_argument(
        "--deadline",
        type=float,
        metavar="SECONDS",
        help="per API call, across retries and re-login (default 60)",
    )
    add_json_option(parser)


def _setting(args: argparse.Namespace, env: Mapping[str, str], name: str) -> str | None:
    value: str | None = getattr(args, name)
    return value or env.get(f"LPTPB_{name.upper()}") or None


def _kinds(env: Mapping[str, str]) -> list[str]:
    found = []
    if env.get("LPTPB_BEARER"):
        found.append("bearer")
    if any(env.get(var) for var in API_KEY_ENV.values()):
        found.append("api-key")
    if env.get("LPTPB_PASSWORD"):
        found.append("password")
    return found


def credentials_from(
    args: argparse.Namespace, env: Mapping[str, str], read_stdin: Callable[[], str]
) -> Credentials:
    """The credentials ``args`` and ``env`` describe; :class:`UsageError` names what is missing."""
    from lptpb_ext import ApiKey, Bearer, UserPassword  # noqa: PLC0415 - keep --help fast

    kind = args.auth
    if args.password_stdin:
        if kind not in ("auto", "password"):
            raise UsageError(f"--password-stdin cannot be used with --auth {kind}")
        kind = "password"
    if kind == "auto":
        kinds = _kinds(env)
        if len(kinds) > 1:
            raise UsageError(f"credentials of several kinds are set ({', '.join(kinds)}); --auth")
        if not kinds:
            raise UsageError(
                "no credentials: set LPTPB_PASSWORD (or --password-stdin), the four API key "
                "variables, or LPTPB_BEARER"
            )
        kind = kinds[0]
    if kind == "bearer":
        if not env.get("LPTPB_BEARER"):
            raise UsageError("--auth bearer needs LPTPB_BEARER")
        return Bearer(env["LPTPB_BEARER"])
    username = _setting(args, env, "username")
    if not username:
        raise UsageError("no user: pass --username or set LPTPB_USERNAME")
    if kind == "api-key":
        missing = [var for var in API_KEY_ENV.values() if not env.get(var)]
        if missing:
            raise UsageError(f"the API key needs {', '.join(missing)}")
        return ApiKey(username, **{field: env[var] for field, var in API_KEY_ENV.items()})
    password = read_stdin().rstrip("\r\n") if args.password_stdin else env.get("LPTPB_PASSWORD")
    if not password:
        source = "stdin" if args.password_stdin else "LPTPB_PASSWORD"
        raise UsageError(f"no password: {source} is empty")
    return UserPassword(username, password)


def _read_password() -> str:
    """The first line of stdin; typed at a terminal, without echoing it."""
    if sys.stdin.isatty():
        return getpass.getpass("Password: ")
    return sys.stdin.readline()


def open_client(args: argparse.Namespace, env: Mapping[str, str]) -> Client:
    """A client for ``args``, with its own session pool: one login per run, never a stale one."""
    from lptpb_ext import Client, SessionPool  # noqa: PLC0415 - keep --help fast

    account = _setting(args, env, "account")
    if not account:
        raise UsageError("no account: pass --account or set LPTPB_ACCOUNT")
    credentials = credentials_from(args, env, _read_password)
    base_url = args.base_url or (None if args.zone else env.get("LPTPB_BASE_URL") or None)
    zone = None if base_url else args.zone or env.get("LPTPB_ZONE") or None
    if args.deadline is not None and args.deadline <= 0:
        raise UsageError("--deadline must be positive")
    return Client(
        account,
        credentials,
        base_url=base_url,
        zone=zone,
        deadline=args.deadline,
        session_pool=SessionPool(),
    )


def fail(args: argparse.Namespace, message: str) -> None:
    """One line on stderr: ``lptpb <command>: <message>``."""
    one_line = " ".join(message.split())
    print(f"lptpb {args.command}: {one_line}", file=sys.stderr)


def exit_code_for(error: Exception) -> int:
    """The documented exit code of an error the SDK (or this tool) raised."""
    from lptpb_ext import _errors as e  # noqa: PLC0415 - keep --help fast

    codes: list[tuple[type[Exception] | tuple[type[Exception], ...], int]] = [
        ((UsageError, e.RequestValidationError, e.ConfigurationError), USAGE),
        ((e.AuthenticationError, e.ForbiddenError, e.BotUserConflictError), AUTH),
        (e.SessionContentionError, AUTH),
        (e.NotFoundError, NOT_FOUND),
        (e.ApiError, API),
        ((e.TransportError, e.DeadlineExceededError), TRANSPORT),
        (e.CommandTrackingError, NOT_COMPLETED),
    ]
    for kinds, code in codes:
        if isinstance(error, kinds):
            return code
    raise error


def run_with_client(args: argparse.Namespace, action: Callable[[Client], int]) -> int:
    """Open a client for ``args``, run ``action`` with it, and turn errors into exit codes."""
    from lptpb_ext import LptpbError  # noqa: PLC0415 - keep --help fast

    try:
        with open_client(args, os.environ) as client:
            return action(client)
    except (UsageError, LptpbError) as error:
        fail(args, str(error))
        return exit_code_for(error)
    except KeyboardInterrupt:
        fail(args, "interrupted")
        return INTERRUPTED
