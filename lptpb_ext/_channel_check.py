"""What the command line's ``lptpb check --channel X FILE`` and ``send --channel X`` call.

``send --channel`` calls :func:`check_before_send` on the body it is about to send: a channel
error raises :class:`~lptpb_ext.ChannelError` (a ``RequestValidationError``, so the CLI's usage
exit code 2, nothing sent), and the warnings come back to print before sending.

:func:`check_file` reads JSON from a file (or stdin with ``-``) and answers ``(problems,
exit_code)``; :func:`format_problems` prints them one per line, :func:`problems_json` as JSON.
The file may hold any form :func:`~lptpb_ext.check_channel` takes (structured content, quick
replies, a quick-replies message, a message item), a list of message items, or a whole
``{"messages": [...]}`` body; paths are spelled relative to what the file holds.

Unless ``contract=False``, the content is first validated against the contract, and a refusal
comes back as a problem of channel ``contract`` (rule ``contract.<rule>``, source
``openapi.yaml``), an error: content the API refuses reaches no channel. Validation stops at
the contract's first problem (as :func:`~lptpb_ext.validate_body` does).

Exit codes: :data:`EXIT_OK` (0) nothing stops the content (warnings are printed, and count
only with ``strict=True``); :data:`EXIT_PROBLEMS` (1) a channel (or the contract) would refuse
or drop something. A file that cannot be read or is not JSON, or an unknown channel, raises
``ValueError`` before anything is checked: the CLI's usage error, exit 2.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from lptpb_ext._channel_rules import resolve_channel
from lptpb_ext._channels import ChannelError, ChannelProblem, check_body, errors_in
from lptpb_ext._errors import RequestValidationError
from lptpb_ext._validation import validate_data
from lptpb_models import SendMessagesRequest

__all__ = [
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "check_before_send",
    "check_file",
    "check_value",
    "exit_code",
    "format_problems",
    "problems_json",
    "read_json",
]

EXIT_OK = 0
EXIT_PROBLEMS = 1


def read_json(source: str | Path) -> object:
    """The JSON value in ``source`` (a path, or ``"-"`` for stdin); ValueError if unreadable."""
    where = "stdin" if str(source) == "-" else str(source)
    try:
        text = sys.stdin.read() if str(source) == "-" else Path(source).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot read {where}: {exc}") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{where} is not JSON: {exc}") from exc


def _as_body(value: object) -> tuple[object, str]:
    """A send-messages body holding ``value``, and the path prefix its problems lose."""
    if isinstance(value, list):
        return {"messages": value}, ""
    if not isinstance(value, Mapping) or "messages" in value:
        return value, ""
    if "structuredContent" in value:
        return {"messages": [value]}, "messages[0]"
    if value.get("type") == "quickReplies":
        content = {"quickReplies": value, "message": ""}
        return {"messages": [{"structuredContent": content}]}, (
            "messages[0].structuredContent.quickReplies"
        )
    return {"messages": [{"structuredContent": value}]}, "messages[0].structuredContent"


def _relative(path: str, prefix: str) -> str:
    if not prefix or not path.startswith(prefix):
        return path
    return path[len(prefix) :].lstrip(".")


def check_value(
    value: object, channels: str | Iterable[str], *, contract: bool = True
) -> list[ChannelProblem]:
    """The contract's first problem (unless ``contract=False``) and every channel's problems."""
    names = [channels] if isinstance(channels, str) else list(channels)
    names = list(dict.fromkeys(resolve_channel(c) for c in names))
    body, prefix = _as_body(value)
    if contract:
        try:
            validate_data(SendMessagesRequest, body)
        except RequestValidationError as exc:
            where = _relative(exc.path, prefix)
            message = f"the API refuses this: {exc.detail}"
            return [
                ChannelProblem(
                    "contract", where, f"contract.{exc.rule}", "error", message, "openapi.yaml"
                )
            ]
    return [
        ChannelProblem(
            p.channel, _relative(p.path, prefix), p.rule, p.severity, p.message, p.source, p.sure
        )
        for p in check_body(body, names)
    ]


def exit_code(problems: Sequence[ChannelProblem], *, strict: bool = False) -> int:
    """:data:`EXIT_PROBLEMS` when something is an error (or, with ``strict``, anything)."""
    if errors_in(problems) or (strict and problems):
        return EXIT_PROBLEMS
    return EXIT_OK


def check_file(
    source: str | Path,
    channels: str | Iterable[str],
    *,
    strict: bool = False,
    contract: bool = True,
) -> tuple[list[ChannelProblem], int]:
    """The problems of the JSON in ``source`` for ``channels``, and the exit code they mean."""
    names = [channels] if isinstance(channels, str) else list(channels)
    for name in names:
        resolve_channel(name)  # an unknown channel is a usage error, before reading anything
    problems = check_value(read_json(source), names, contract=contract)
    return problems, exit_code(problems, strict=strict)


def check_before_send(body: object, channels: str | Iterable[str]) -> list[ChannelProblem]:
    """The channels' warnings for a send-messages body; ChannelError if a channel has an error.

    The contract is not checked here: the client validates the body when it sends it.
    """
    problems = check_body(body, channels)
    if errors_in(problems):
        raise ChannelError(problems)
    return problems


def format_problems(problems: Iterable[ChannelProblem], *, sources: bool = False) -> str:
    """One line per problem, ``<channel>: <path>: <severity>: <message> [<rule>]``.

    With ``sources``, each line is followed by the page the rule comes from (and ``unsure``
    when its author was not sure of it).
    """
    lines = []
    for p in problems:
        lines.append(f"{p.channel}: {p}")
        if sources:
            lines.append(f"    source: {p.source}" + ("" if p.sure else " (unsure)"))
    return "\n".join(lines)


def problems_json(problems: Iterable[ChannelProblem]) -> str:
    """The problems as a JSON array (for ``--json``)."""
    return json.dumps([p.to_json() for p in problems], ensure_ascii=False, indent=2)
