"""The ``lptpb`` command line: argparse only, one module per subcommand.

A subcommand module has ``NAME``, ``HELP``, ``configure(parser)`` that adds its arguments, and
``run(args) -> int``; list it in :data:`SUBCOMMANDS`. Heavy imports (the simulator, the client)
belong inside ``run`` so that ``lptpb --help`` stays fast and needs no extras.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from types import ModuleType

from lptpb_ext._version import __version__
from lptpb_ext.cli import _close, _commands, _login, _send, _sim, _transfer, _ttr, _watch

__all__ = ["SUBCOMMANDS", "build_parser", "main"]

SUBCOMMANDS: tuple[ModuleType, ...] = (
    _sim,
    _login,
    _send,
    _transfer,
    _close,
    _ttr,
    _commands,
    _watch,
)


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``lptpb`` and all its subcommands."""
    parser = argparse.ArgumentParser(
        prog="lptpb", description="LivePerson Third-Party Bots Public API tools."
    )
    parser.add_argument("--version", action="version", version=f"lptpb {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in SUBCOMMANDS:
        sub = commands.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.configure(sub)
        sub.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run ``lptpb`` with ``argv`` (default: the process arguments); the exit status."""
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    run: Callable[[argparse.Namespace], int] = args.run
    return run(args)
