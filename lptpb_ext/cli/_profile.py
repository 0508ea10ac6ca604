"""``lptpb profile list|show|set|remove``: the profiles of ``config.toml`` (see :mod:`._config`).

``show`` prints the settings in force and where each comes from (flag, environment, profile,
default), and which credentials would be used, without reading any secret. ``set`` writes
the file (mode 0600; the file is rewritten, so comments in it are not kept); an empty value
removes a setting. Secrets are never written there.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from lptpb_ext.cli._common import (
    OK,
    UsageError,
    _kinds,
    add_json_option,
    run_guarded,
    settings,
)
from lptpb_ext.cli._config import (
    AUTH_KINDS,
    KEYS,
    Config,
    ConfigError,
    check_name,
    check_profile,
    config_path,
    load_config,
    save_config,
)
from lptpb_ext.cli._output import emit_json, table

__all__ = ["HELP", "NAME", "PARSER_OPTIONS", "configure", "run"]

NAME = "profile"
HELP = "List, show, set or remove profiles (config.toml)."
PARSER_OPTIONS: dict[str, Any] = {"intermixed": False}  # it has subcommands of its own


def configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="the profiles, the one in use marked *")
    add_json_option(listing)
    show = actions.add_parser("show", help="the settings in force and where each comes from")
    show.add_argument("name", metavar="NAME", nargs="?", help="a profile (default: the one in use)")
    add_json_option(show)
    change = actions.add_parser("set", help="create or change a profile ('' removes a setting)")
    change.add_argument("name", metavar="NAME", help="letters, digits, - and _")
    change.add_argument("--account")
    where = change.add_mutually_exclusive_group()
    where.add_argument("--base-url")
    where.add_argument("--zone")
    change.add_argument("--username")
    change.add_argument("--session-store", metavar="URL")
    change.add_argument("--auth", choices=(*AUTH_KINDS, ""))
    change.add_argument("--deadline", type=float, metavar="SECONDS")
    change.add_argument(
        "--keyring",
        action=argparse.BooleanOptionalAction,
        help="read the password from the OS keyring (lptpb keyring set stores it)",
    )
    add_json_option(change)
    remove = actions.add_parser("remove", help="delete a profile")
    remove.add_argument("name", metavar="NAME")
    add_json_option(remove)
    for sub in (listing, show, change, remove):
        sub.set_defaults(command=f"profile {sub.prog.split()[-1]}")


def _load() -> Config:
    try:
        return load_config(config_path(os.environ))
    except ConfigError as exc:
        raise UsageError(str(exc)) from exc


def _list(args: argparse.Namespace) -> int:
    config = _load()
    in_use = settings(args, os.environ).profile if config.profiles else None
    rows = []
    for name, table_ in config.profiles.items():
        where = table_.get("base_url") or table_.get("zone") or "Domain API"
        rows.append(
            ("*" if name == in_use else "", name, str(table_.get("account", "-")),
             str(table_.get("username", "-")), str(where))
        )  # fmt: skip
    if args.json:
        emit_json({"path": str(config.path), "inUse": in_use, "profiles": config.profiles})
    elif rows:
        print("\n".join(table(("", "PROFILE", "ACCOUNT", "USER", "WHERE"), rows)))
    else:
        print(f"no profiles in {config.path} (lptpb profile set NAME --account ...)")
    return OK


def credentials_source(values: dict[str, object]) -> str:
    """Which credentials a command would use, from where; no secret is read."""
    kinds = _kinds(os.environ)
    auth = str(values.get("auth") or "auto")
    if len(kinds) > 1 and auth == "auto":
        return f"several kinds set ({', '.join(kinds)}): a command would refuse; use --auth"
    names = {
        "bearer": "a bearer from LPTPB_BEARER",
        "api-key": "an API key from LPTPB_APP_KEY, LPTPB_SECRET, LPTPB_ACCESS_TOKEN(_SECRET)",
        "password": "a password from LPTPB_PASSWORD",
    }
    kind = kinds[0] if auth == "auto" and kinds else auth
    if kind in names and (kind in kinds):
        return names[kind]
    if kind in ("auto", "password") and values.get("keyring") is True:
        return "a password from the OS keyring (lptpb keyring set)"
    return "none set (LPTPB_PASSWORD, --password-stdin, the keyring, an API key or a bearer)"


def _show(args: argparse.Namespace) -> int:
    if args.name:
        args.profile = args.name
    found = settings(args, os.environ)
    from lptpb_ext.cli._common import session_store  # noqa: PLC0415 - beside settings

    store = session_store(found)
    values = dict(found.values)
    sources = dict(found.sources)
    if "session_store" not in values:
        values["session_store"], sources["session_store"] = "file:", "default"
    if "auth" not in values:
        values["auth"], sources["auth"] = "auto", "default"
    credentials = credentials_source(values)
    if args.json:
        emit_json(
            {
                "profile": found.profile,
                "path": str(found.path),
                "settings": {k: {"value": values[k], "from": sources[k]} for k in values},
                "sessionStore": repr(store),
                "credentials": credentials,
            }
        )
        return OK
    print(f"profile: {found.profile or '(none)'} in {found.path}")
    rows = [(k, str(values[k]), sources[k]) for k in KEYS if k in values]
    print("\n".join(table(("SETTING", "VALUE", "FROM"), rows)))
    print(f"session store: {store!r}")
    print(f"credentials: {credentials}")
    return OK


def _set(args: argparse.Namespace) -> int:
    config = _load()
    name = check_name(args.name)
    profile = dict(config.profiles.get(name, {}))
    for key in KEYS:
        value = getattr(args, key, None)
        if value is None:
            continue
        if value == "":
            profile.pop(key, None)
            continue
        if key in ("base_url", "zone"):
            profile.pop("zone" if key == "base_url" else "base_url", None)
        profile[key] = value
    config.profiles[name] = check_profile(name, profile, str(config.path))
    save_config(config)
    if args.json:
        emit_json({"path": str(config.path), "profile": name, "settings": profile})
    else:
        print(f"profile {name} saved in {config.path}")
    return OK


def _remove(args: argparse.Namespace) -> int:
    config = _load()
    if config.profiles.pop(args.name, None) is None:
        raise UsageError(f"no profile {args.name!r} in {config.path}")
    save_config(config)
    if args.json:
        emit_json({"path": str(config.path), "removed": args.name})
    else:
        print(f"profile {args.name} removed from {config.path}")
    return OK


def run(args: argparse.Namespace) -> int:
    action = {"list": _list, "show": _show, "set": _set, "remove": _remove}[args.action]

    def body() -> int:
        try:
            return action(args)
        except ConfigError as exc:
            raise UsageError(str(exc)) from exc

    return run_guarded(args, body)
