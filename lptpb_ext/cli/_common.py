"""What every SDK subcommand shares: settings, credentials, the client, exit codes, errors.

Settings (account, user, where the API is, session store, ``--auth``, ``--deadline``,
``keyring``) come from flags, else the environment, else the profile (:mod:`._config`).

Credentials come from the environment, ``--password-stdin`` or, where the user opted in, the
OS keyring; never from a flag's value or the configuration file, so they stay out of shell
history, process lists, ``--help`` and every line this tool prints. Which kind is used
(``--auth``, default ``auto``): ``LPTPB_BEARER`` if set, else the API key if any of its four
variables is set, else the password. Two kinds set at once is a usage error.

Sessions: the bearer is kept in a session store, by default the per-user file store
(:class:`~lptpb_ext.FileSessionStore`), so successive commands reuse one LivePerson session
instead of logging in (and so logging out every other consumer of the user) each time.

Exit codes (:data:`EXIT_CODES`): 0 done; 1 a waited command ran and did not complete; 2 usage
or validation (nothing was sent); 3 authentication or session; 4 not found; 5 any other API
error; 6 transport failure or outcome unknown; 7 timed out while a command was still waiting;
130 interrupted; 141 stdout closed early (``| head``).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from lptpb_ext.cli._config import (
    AUTH_KINDS,
    ConfigError,
    Resolved,
    config_path,
    load_config,
    resolve,
)
from lptpb_ext.cli._parser import error_json

if TYPE_CHECKING:
    import httpx

    from lptpb_ext import Client, SessionStore
    from lptpb_ext._credentials import Credentials

__all__ = [
    "EXIT_CODES",
    "UsageError",
    "add_connection_options",
    "add_json_option",
    "credentials_from",
    "exit_code_for",
    "fail",
    "open_client",
    "report",
    "run_guarded",
    "run_with_client",
    "settings",
]

OK, NOT_COMPLETED, USAGE, AUTH, NOT_FOUND, API, TRANSPORT, TIMED_OUT = 0, 1, 2, 3, 4, 5, 6, 7
INTERRUPTED = 130
BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell shows for a writer whose reader left
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
    BROKEN_PIPE: "stdout was closed before everything was written (| head)",
}

API_KEY_ENV = {
    "app_key": "LPTPB_APP_KEY",
    "secret": "LPTPB_SECRET",
    "access_token": "LPTPB_ACCESS_TOKEN",
    "access_token_secret": "LPTPB_ACCESS_TOKEN_SECRET",
}
KEYRING_SERVICE = "lptpb"
ENVIRONMENT = """environment:
  LPTPB_PROFILE, LPTPB_CONFIG    the profile, the configuration file (lptpb profile --help)
  LPTPB_ACCOUNT, LPTPB_BASE_URL, LPTPB_ZONE, LPTPB_USERNAME, LPTPB_SESSION_STORE
                                 defaults of the flags above (flag > environment > profile)
  LPTPB_PASSWORD                 the password (or --password-stdin, or the keyring)
  LPTPB_APP_KEY, LPTPB_SECRET, LPTPB_ACCESS_TOKEN, LPTPB_ACCESS_TOKEN_SECRET  an API key
  LPTPB_BEARER                   a ready bearer (never renewed)
  LPTPB_KEYRING=1                read the password from the OS keyring (lptpb keyring set)
exit codes: 0 done, 1 command not completed, 2 usage/validation, 3 auth/session,
  4 not found, 5 other API error, 6 transport/outcome unknown, 7 still waiting at timeout,
  130 interrupted, 141 stdout closed early"""


class UsageError(Exception):
    """A problem with the command line or the environment, found before anything was sent."""


class _NoSecretFlag(argparse.Action):
    """``--password`` / ``--bearer``: refused without echoing the value."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        raise argparse.ArgumentError(
            self,
            "secrets are never taken from a flag (ps and shell history would show them): "
            "set LPTPB_PASSWORD or LPTPB_BEARER, use --password-stdin, or the keyring "
            "(lptpb keyring set); the value given is not shown",
        )


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json", action="store_true", help="print JSON for scripts (errors too, on stderr)"
    )


def add_verbose_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0,
        help="one line per HTTP attempt on stderr (secrets masked); -vv adds the headers",
    )


def add_profile_option(parser: argparse.ArgumentParser) -> None:
    action = parser.add_argument(
        "--profile", metavar="NAME", help="the profile of config.toml to use (env LPTPB_PROFILE)"
    )
    action.completer = _profile_names  # type: ignore[attr-defined]  # argcomplete reads it


def _profile_names(**_: object) -> list[str]:
    try:
        return list(load_config(config_path(os.environ)).profiles)
    except ConfigError:
        return []


def add_connection_options(parser: argparse.ArgumentParser) -> None:
    """The profile, account, where the API is, who logs in, the session store, ``--deadline``,
    ``-v`` and ``--json``."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = ENVIRONMENT
    group = parser.add_argument_group("connection")
    add_profile_option(group)  # type: ignore[arg-type]  # a group adds arguments the same way
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
        choices=AUTH_KINDS,
        help="which credentials to use (default auto: the one kind set in the environment)",
    )
    group.add_argument(
        "--deadline",
        type=float,
        metavar="SECONDS",
        help="per API call, across retries and re-login (default 60)",
    )
    group.add_argument(
        "--session-store",
        metavar="URL",
        help="where the session (bearer) is kept: file: (default, per user), file:///path, "
        "memory: (this run only), redis://... (env LPTPB_SESSION_STORE)",
    )
    for name in ("--password", "--bearer"):
        group.add_argument(name, nargs="?", action=_NoSecretFlag, help=argparse.SUPPRESS)
    add_verbose_option(parser)
    add_json_option(parser)


# ---------------------------------------------------------------- settings
def settings(args: argparse.Namespace, env: Mapping[str, str]) -> Resolved:
    """The settings in force for ``args`` (flags, environment, profile), resolved once."""
    found: Resolved | None = getattr(args, "_settings", None)
    if found is None:
        flags = {name: getattr(args, name, None) for name in _FLAGS}
        try:
            found = resolve(flags, env, load_config(config_path(env)))
        except ConfigError as exc:
            raise UsageError(str(exc)) from exc
        args._settings = found
    return found


_FLAGS = ("profile", "account", "username", "base_url", "zone", "session_store", "auth", "deadline")


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
    """The credentials ``args``, ``env`` and the profile describe; :class:`UsageError` names
    what is missing."""
    from lptpb_ext import ApiKey, Bearer, UserPassword  # noqa: PLC0415 - keep --help fast

    found = settings(args, env)
    kind = str(found.values.get("auth") or "auto")
    keyring_on = found.values.get("keyring") is True
    if args.password_stdin:
        if kind not in ("auto", "password"):
            raise UsageError(f"--password-stdin cannot be used with --auth {kind}")
        kind = "password"
    if kind == "auto":
        kinds = _kinds(env)
        if len(kinds) > 1:
            raise UsageError(
                f"credentials of several kinds are set ({', '.join(kinds)}); pick one with "
                f"--auth {'|'.join(kinds)}, or unset the others"
            )
        if not kinds and not keyring_on:
            raise UsageError(
                "no credentials: set LPTPB_PASSWORD (or use --password-stdin, or the keyring: "
                "lptpb keyring set), the four API key variables, or LPTPB_BEARER"
            )
        kind = kinds[0] if kinds else "password"
    if kind == "bearer":
        if not env.get("LPTPB_BEARER"):
            raise UsageError("--auth bearer needs LPTPB_BEARER")
        return Bearer(env["LPTPB_BEARER"])
    username = found.text("username")
    if not username:
        raise UsageError("no user: pass --username, set LPTPB_USERNAME, or use a profile")
    if kind == "api-key":
        missing = [var for var in API_KEY_ENV.values() if not env.get(var)]
        if missing:
            raise UsageError(f"the API key needs {', '.join(missing)}")
        return ApiKey(username, **{field: env[var] for field, var in API_KEY_ENV.items()})
    return UserPassword(username, _password(args, env, read_stdin, found, keyring_on))


def _password(
    args: argparse.Namespace,
    env: Mapping[str, str],
    read_stdin: Callable[[], str],
    found: Resolved,
    keyring_on: bool,
) -> str:
    """The password: stdin with ``--password-stdin``, else the environment, else the keyring."""
    if args.password_stdin:
        password, source = read_stdin().rstrip("\r\n"), "stdin"
    elif env.get("LPTPB_PASSWORD"):
        password, source = env["LPTPB_PASSWORD"], "LPTPB_PASSWORD"
    elif keyring_on:
        password, source = keyring_password(found), "the keyring"
    else:
        password, source = "", "LPTPB_PASSWORD"
    if not password:
        raise UsageError(f"no password: {source} is empty")
    return password


def keyring_entry(found: Resolved) -> str:
    """The keyring's user name for the password of the resolved account and user."""
    account, username = found.text("account"), found.text("username")
    if not account or not username:
        raise UsageError("the keyring keeps a password per account and user: give both")
    return f"{username}@{account}"


def keyring_module() -> object:
    try:
        import keyring  # noqa: PLC0415 - an opt-in extra, loaded only when asked for
    except ImportError:
        raise UsageError(
            "the OS keyring needs the keyring extra: pip install 'lptpb[keyring]'"
        ) from None
    return keyring


def keyring_password(found: Resolved) -> str:
    """The password kept in the OS keyring for the resolved account and user."""
    keyring = keyring_module()
    entry = keyring_entry(found)
    try:
        password = keyring.get_password(KEYRING_SERVICE, entry)  # type: ignore[attr-defined]
    except Exception as exc:  # keyring's backends raise their own kinds
        raise UsageError(f"the keyring: {type(exc).__name__}: {exc}") from None
    if not password:
        raise UsageError(
            f"no password for {entry} in the keyring ({found.sources.get('keyring')} asks for "
            "it): store one with lptpb keyring set"
        )
    return str(password)


def read_password() -> str:
    """The first line of stdin; typed at a terminal, without echoing it."""
    if sys.stdin.isatty():
        return getpass.getpass("Password: ")
    return sys.stdin.readline()


def _where(found: Resolved) -> tuple[str | None, str | None]:
    base_url, zone = found.text("base_url"), found.text("zone")
    if base_url is not None and "://" not in base_url:
        origin = found.sources["base_url"]
        raise UsageError(
            f"{origin}: {base_url!r} is not a URL: a base URL starts with http:// or https:// "
            f"(http://{base_url} for a simulator; a zone or a LivePerson host goes in --zone)"
        )
    return base_url, zone


def session_store(found: Resolved) -> SessionStore:
    """The store the settings name (``--session-store``, ``LPTPB_SESSION_STORE``, the
    profile's ``session_store``), else the per-user file store."""
    from lptpb_ext import ConfigurationError, FileSessionStore, store_from_url  # noqa: PLC0415

    text = found.text("session_store")
    try:
        return FileSessionStore() if text is None else store_from_url(text)
    except ConfigurationError as exc:
        origin = found.sources.get("session_store", "the default session store")
        raise UsageError(f"{origin}: {exc}") from exc


def open_client(args: argparse.Namespace, env: Mapping[str, str]) -> Client:
    """A client for ``args``: its settings, credentials and session store, and with ``-v`` an
    HTTP client that reports every attempt."""
    from lptpb_ext import Client, SessionPool  # noqa: PLC0415 - keep --help fast

    found = settings(args, env)
    account = found.text("account")
    if not account:
        raise UsageError("no account: pass --account, set LPTPB_ACCOUNT, or use a profile")
    base_url, zone = _where(found)
    deadline = found.values.get("deadline")
    if deadline is not None and float(str(deadline)) <= 0:
        raise UsageError("--deadline must be positive")
    store = session_store(found)
    credentials = credentials_from(args, env, read_password)
    http: httpx.Client | None = None
    hooks = {}
    if getattr(args, "verbose", 0):
        from lptpb_ext.cli._verbose import tracing_client  # noqa: PLC0415

        http, tracer = tracing_client(args.verbose, json=bool(getattr(args, "json", False)))
        hooks = {"on_retry": tracer.on_retry, "on_relogin": tracer.on_relogin}
    client = Client(
        account,
        credentials,
        base_url=base_url,
        zone=zone,
        deadline=None if deadline is None else float(str(deadline)),
        session_store=store,
        session_pool=SessionPool(),  # one run, one pool: the store is what runs share
        http_client=http,
        **hooks,  # type: ignore[arg-type]
    )
    if http is not None:
        client._http_injected = False
    return client


# ---------------------------------------------------------------- errors
def fail(args: argparse.Namespace, message: str, kind: str) -> None:
    """One line on stderr: ``lptpb <command>: <message>`` (JSON with ``--json``, its type
    ``kind``: ``StillWaiting``, ``ConversationGone``)."""
    one_line = " ".join(message.split())
    if getattr(args, "json", False):
        print(error_json(kind, one_line), file=sys.stderr, flush=True)
    else:
        print(f"lptpb {args.command}: {one_line}", file=sys.stderr, flush=True)


def exit_code_for(error: BaseException) -> int:
    """The documented exit code of an error the SDK (or this tool) raised."""
    from lptpb_ext import _errors as e  # noqa: PLC0415 - keep --help fast

    codes: list[tuple[type[BaseException] | tuple[type[BaseException], ...], int]] = [
        ((UsageError, e.RequestValidationError, e.ConfigurationError), USAGE),
        ((e.AuthenticationError, e.ForbiddenError, e.BotUserConflictError), AUTH),
        ((e.SessionContentionError, e.SessionStoreError), AUTH),
        (e.NotFoundError, NOT_FOUND),
        (e.ApiError, API),
        ((e.TransportError, e.DeadlineExceededError), TRANSPORT),
        (e.CommandTrackingError, NOT_COMPLETED),
        (KeyboardInterrupt, INTERRUPTED),
    ]
    for kinds, code in codes:
        if isinstance(error, kinds):
            return code
    raise error


def report(args: argparse.Namespace, error: BaseException) -> int:
    """Print ``error`` (one line, or JSON with ``--json``) and return its exit code."""
    code = exit_code_for(error)
    message = "interrupted" if isinstance(error, KeyboardInterrupt) else str(error)
    one_line = " ".join(message.split())
    if getattr(args, "json", False):
        status = getattr(error, "status", None)
        fields = {
            "status": status if isinstance(status, int) and status else None,
            "path": getattr(error, "path", None),
            "rule": getattr(error, "rule", None),
        }
        kind = "Interrupted" if isinstance(error, KeyboardInterrupt) else type(error).__name__
        print(error_json(kind, one_line, **fields), file=sys.stderr, flush=True)
    else:
        print(f"lptpb {args.command}: {one_line}", file=sys.stderr, flush=True)
    return code


def run_guarded(args: argparse.Namespace, body: Callable[[], int]) -> int:
    """Run ``body``, turning the tool's and the SDK's errors (and Ctrl-C) into exit codes."""
    from lptpb_ext import LptpbError  # noqa: PLC0415 - keep --help fast

    try:
        return body()
    except (UsageError, LptpbError, KeyboardInterrupt) as error:
        return report(args, error)


def run_with_client(args: argparse.Namespace, action: Callable[[Client], int]) -> int:
    """Open a client for ``args``, run ``action`` with it, and turn errors into exit codes."""

    def body() -> int:
        with open_client(args, os.environ) as client:
            return action(client)

    return run_guarded(args, body)
