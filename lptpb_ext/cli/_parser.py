"""The parser of ``lptpb``: argparse, with the surprises of its defaults taken out.

- **No prefix matching** (``allow_abbrev=False``): ``--pass`` is not ``--password-stdin``.
- **Options anywhere** (``intermixed=True`` on every subcommand): ``send CONV --wait hello``
  parses as ``send CONV hello --wait`` (argparse's default gives up on positionals that follow
  an option once a ``*`` or ``?`` positional has matched nothing).
- **No value of an unknown option is echoed**: ``--password=s3cr3t`` or ``--password s3cr3t``
  never puts the password back on the terminal; neither does ``--flag=value`` on a flag.
- **JSON errors**: after :func:`json_errors` (the command line holds ``--json``), a usage
  error is ``{"error": {...}}`` on stderr, like every other error of the tool; exit 2.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

__all__ = ["Parser", "error_json", "hide_values", "json_errors"]

_JSON = [False]
_NUMBER = re.compile(r"-\d+(?:\.\d+)?")
_IGNORED = re.compile(r"ignored explicit argument .*", re.DOTALL)
HIDDEN = "…"


def json_errors(on: bool) -> None:
    """Report usage errors as JSON on stderr (the command line asked for ``--json``)."""
    _JSON[0] = on


def error_json(kind: str, message: str, **fields: object) -> str:
    """The one JSON document every error of the tool is reported as, with ``--json``."""
    error: dict[str, object] = {
        "type": kind, "status": None, "path": None, "rule": None, "message": message
    }  # fmt: skip
    error.update(fields)
    return json.dumps({"error": error}, ensure_ascii=False, separators=(",", ":"))


def hide_values(tokens: Sequence[str]) -> str:
    """Unrecognised arguments as they may be shown: option names, never an option's value.

    >>> hide_values(["--password=s3cr3t", "--pass", "s3cr3t", "extra"])
    '--password=… --pass …'
    """
    shown: list[str] = []
    after_option = False
    for arg in tokens:
        if arg.startswith("-") and len(arg) > 1 and not _NUMBER.fullmatch(arg):
            name, eq, _ = arg.partition("=")
            shown.append(f"{name}={HIDDEN}" if eq else name)
            after_option = not eq
        elif after_option:  # perhaps the unknown option's value: a password, a token
            if shown[-1] != HIDDEN:
                shown.append(HIDDEN)
        else:
            shown.append(arg)
    return " ".join(shown)


def _arity(action: argparse.Action) -> int:
    """How many of the following arguments an option takes (``?`` counted as one)."""
    if isinstance(action.nargs, int):
        return action.nargs
    return 1 if action.nargs in (None, "?") else 0


class Parser(argparse.ArgumentParser):
    """``argparse.ArgumentParser`` without abbreviations, with options anywhere, and with
    errors that neither echo values nor break ``--json``.

    ``rewrite``: a function applied to a subcommand's arguments before parsing (``send`` turns
    its texts into ordered ``--text`` options with :meth:`positionals_as`).
    """

    def __init__(
        self,
        *args: Any,  # noqa: ANN401 - argparse's own signature
        intermixed: bool = False,
        rewrite: Callable[[Parser, list[str]], list[str]] | None = None,
        **kwargs: Any,  # noqa: ANN401 - argparse's own signature
    ) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)
        self.intermixed = intermixed
        self.rewrite = rewrite
        self._parsing = False
        self.commands: dict[str, Parser] = {}

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if not self.intermixed or self._parsing or "_ARGCOMPLETE" in os.environ:
            return super().parse_known_args(args, namespace)
        argv = list(sys.argv[1:] if args is None else args)
        if self.rewrite is not None:
            argv = self.rewrite(self, argv)
        self._parsing = True
        try:
            return self.parse_known_intermixed_args(argv, namespace)
        finally:
            self._parsing = False

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            where = self.commands.get(getattr(parsed, "command", None) or "", self)
            where.error(
                f"unrecognized arguments: {hide_values(extras)} (no option is abbreviated; "
                "values of unknown options are not shown)"
            )
        return parsed

    def error(self, message: str) -> NoReturn:
        message = _IGNORED.sub("takes no value (the value given is not shown)", message)
        if _JSON[0]:
            print(error_json("UsageError", f"{self.prog}: {message}"), file=sys.stderr)
            self.exit(2)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")

    def positionals_as(self, argv: list[str], keep: int, option: str) -> list[str]:
        """``argv`` with every positional argument after the first ``keep`` turned into
        ``option=VALUE``, in place, so that actions see them in the order they were typed.
        The ``keep`` first ones go last, after ``--``."""
        out: list[str] = []
        kept: list[str] = []
        pending = 0
        only_positionals = False
        for arg in argv:
            if pending:
                out.append(arg)
                pending -= 1
            elif not only_positionals and arg == "--":
                only_positionals = True
            elif (
                only_positionals or arg == "-" or not arg.startswith("-") or _NUMBER.fullmatch(arg)
            ):
                if len(kept) < keep:
                    kept.append(arg)
                else:
                    out.append(f"{option}={arg}")
            else:
                name, eq, _ = arg.partition("=")
                action = self._option_string_actions.get(name)
                pending = _arity(action) if action is not None and not eq else 0
                out.append(arg)
        return [*out, "--", *kept] if kept else out
