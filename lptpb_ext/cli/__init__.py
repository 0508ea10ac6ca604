"""The ``lptpb`` command line: argparse (standard library), one module per subcommand.

Adding a subcommand (``lptpb bulk``, say) takes one module and one line:

1. ``lptpb_ext/cli/_bulk.py`` defines ``NAME = "bulk"``, ``HELP`` (one line, shown by
   ``lptpb --help``), ``configure(parser)`` that adds its arguments, and ``run(args) -> int``
   that returns the exit code. Reuse :mod:`._common`: ``add_connection_options(parser)`` gives
   the profile, account, host, user, credentials, session store, ``-v`` and ``--json``
   options; ``run_with_client(args, action)`` opens the client and turns every error into its
   documented exit code and message (JSON with ``--json``); ``run_guarded(args, body)`` does
   the same without a client. :mod:`._output` has ``add_command_options`` (``--ttl``,
   ``--wait``, ``--timeout``, ``--dry-run``) and ``run_command(args, build)`` for commands that
   create one API command.
2. Add the module to :data:`SUBCOMMANDS` below (the order of ``lptpb --help``).

Optionally ``PARSER_OPTIONS`` (a dict) is passed to the subcommand's :class:`._parser.Parser`:
``{"intermixed": False}`` for a subcommand with subcommands of its own (``profile``), or a
``rewrite`` of its arguments before parsing (``send`` keeps texts and options in order).
Options may come anywhere among positionals and are never abbreviated. Import heavy or
optional libraries (the simulator, keyring, argcomplete) inside ``run``.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from collections.abc import Callable
from types import ModuleType

from lptpb_ext._version import __version__
from lptpb_ext.cli import (
    _api,
    _bulk_command,
    _check,
    _close,
    _command,
    _commands,
    _completion,
    _join,
    _keyring,
    _login,
    _profile,
    _remove,
    _sdes,
    _send,
    _sim,
    _transfer,
    _ttr,
    _watch,
)
from lptpb_ext.cli._common import BROKEN_PIPE, USAGE
from lptpb_ext.cli._parser import Parser, error_json, json_errors

__all__ = ["SUBCOMMANDS", "build_parser", "main"]

SUBCOMMANDS: tuple[ModuleType, ...] = (
    _login,
    _send,
    _transfer,
    _close,
    _ttr,
    _sdes,
    _join,
    _remove,
    _commands,
    _command,
    _watch,
    _api,
    _check,
    _bulk_command,
    _profile,
    _keyring,
    _completion,
    _sim,
)
#: What the ``cli`` extra installs beyond the library (the simulator's are checked by ``sim``).
CLI_MODULES = ("argcomplete",)
MISSING_EXTRA = "lptpb needs the command line's extra ({missing} missing): pip install 'lptpb[cli]'"


def build_parser() -> Parser:
    """The parser of ``lptpb`` and all its subcommands."""
    parser = Parser(
        prog="lptpb",
        description="LivePerson Third-Party Bots Public API: operator commands and a simulator.",
        epilog="Run `lptpb COMMAND --help` for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"lptpb {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in SUBCOMMANDS:
        options = {"intermixed": True, **getattr(module, "PARSER_OPTIONS", {})}
        sub = commands.add_parser(module.NAME, help=module.HELP, description=module.HELP, **options)
        module.configure(sub)
        sub.set_defaults(run=module.run)
        parser.commands[module.NAME] = sub
    return parser


def _wants_json(argv: list[str]) -> bool:
    return "--json" in argv[: argv.index("--")] if "--" in argv else "--json" in argv


def _missing_extra() -> str | None:
    missing = [name for name in CLI_MODULES if importlib.util.find_spec(name) is None]
    return ", ".join(missing) if missing else None


def main(argv: list[str] | None = None) -> int:
    """Run ``lptpb`` with ``argv`` (default: the process arguments); the exit status."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    json_errors(_wants_json(arguments))
    missing = _missing_extra()
    if missing is not None:
        message = MISSING_EXTRA.format(missing=missing)
        print(
            error_json("UsageError", message) if _wants_json(arguments) else message,
            file=sys.stderr,
        )
        return USAGE
    parser = build_parser()
    if "_ARGCOMPLETE" in os.environ:  # the shell asks for completions (lptpb completion)
        import argcomplete  # noqa: PLC0415 - only while completing

        argcomplete.autocomplete(parser)
    try:
        args = parser.parse_args(arguments)
        run: Callable[[argparse.Namespace], int] = args.run
        return run(args)
    except BrokenPipeError:
        # The reader left (`lptpb commands CONV | head -1`): stop quietly. Point stdout at
        # /dev/null so that the interpreter's last flush does not fail a second time.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return BROKEN_PIPE
    finally:
        json_errors(False)
