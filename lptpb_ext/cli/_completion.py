"""``lptpb completion bash|zsh|fish``: the shell code that completes ``lptpb``.

Completion is argcomplete's: the shell runs ``lptpb`` itself on Tab (with ``_ARGCOMPLETE`` set),
which answers from this very parser, so commands, options, choices and profile names never go
out of date. argcomplete is imported only then, and by this command.

    eval "$(lptpb completion bash)"                        # ~/.bashrc
    eval "$(lptpb completion zsh)"                         # ~/.zshrc
    lptpb completion fish > ~/.config/fish/completions/lptpb.fish
"""

from __future__ import annotations

import argparse

from lptpb_ext.cli._common import OK

__all__ = ["HELP", "NAME", "configure", "run"]

NAME = "completion"
HELP = "Print shell completion code (bash, zsh or fish)."
SHELLS = ("bash", "zsh", "fish")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = __doc__.split("\n\n", 2)[2] if __doc__ else None
    parser.add_argument("shell", choices=SHELLS, help="the shell to complete in")


def run(args: argparse.Namespace) -> int:
    from argcomplete.shell_integration import (  # noqa: PLC0415 - only Tab needs it
        shellcode,
    )

    print(shellcode(["lptpb"], shell=args.shell), end="")
    return OK
