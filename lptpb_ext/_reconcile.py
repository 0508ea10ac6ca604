"""Was an in-doubt send created? The decision, from one listing of the conversation's commands.

A job is *in doubt* when its request may have reached the server and no ``commandId`` came
back (the process died, the connection dropped after sending, a 5xx). The API has no
idempotency key, so the only evidence is the conversation's command list (``listCommands``,
newest first, at most the bot's last 200 commands). :func:`decide` reads it:

**Candidates** are the listed commands that no other job of the batch owns, created at or
after the send (a command's creation is ``timeoutTime - ttl``; 5 s are allowed for clock skew)
and not of a type another operation creates. Each is compared with the journaled body:

- ``sendMessages``: the documented normal form, one ``{"type", "payload", ...}`` entry per
  message whose ``payload`` is the text, the structured content or the pause;
- ``setSdes``: the documented ``payload``, the request body itself;
- the others (their form is undocumented): a ``payload`` equal to the body is a match, one
  that contradicts a field of the body is not, anything else cannot be compared.

**The verdict** (a :class:`Verdict`):

- exactly one candidate matches the body → ``accepted``: its id is adopted and tracked;
- more than one matches, or a candidate cannot be compared → ``in_doubt`` (never guessed);
- none, and the list provably reaches back to before the send → ``unsent``: only then may the
  job be sent (again);
- none, but nothing proves the list reaches back that far → ``in_doubt``.

"Reaches back" is the conservative part. Commands are evicted oldest first once a bot has 200,
so a command we created could have been pushed out by later traffic, of this batch or of
anyone. The list reaches back to before the send when it still shows an **anchor**, a command
certainly older than the send: one of this conversation's earlier jobs in the batch (the
batch sends a conversation's jobs one after the other, so those were created before this
one was sent), or any command whose ``timeoutTime`` is less than ``TTL_MIN`` (10 s) after the
send minus the skew allowance (so it was created before it). If an older command is still
listed, a newer one cannot have been evicted. This assumes what the API documents: one
history per bot, oldest evicted first, and a conversation's commands in its bot's history.

A 404 from ``listCommands`` (the conversation is closed or gone) leaves the job in doubt: the
command may have been created, and run, before the conversation ended.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from lptpb_ext._jobs import OPERATIONS
from lptpb_ext._limits import TTL_DEFAULT, TTL_MIN
from lptpb_ext._operations import CLOCK_SKEW_MS
from lptpb_models import Command

__all__ = ["Attempt", "Verdict", "body_match", "decide"]

Match = Literal["match", "mismatch", "unknown"]
#: Which operation creates commands of a ``data.type`` (documented: messages, sdes; the rest
#: as the simulator shows them, used only to rule a command out).
TYPE_OWNERS = {op.command_type: op.operation_id for op in OPERATIONS.values()}


@dataclass(frozen=True)
class Attempt:
    """What the journal knows of one in-doubt send."""

    seq: int
    operation: str
    body: Mapping[str, Any]  # the journaled bytes, as JSON
    ttl: int | None
    sent_at_ms: int  # wall clock when the attempt was journaled, just before the request


@dataclass(frozen=True)
class Verdict:
    """``accepted`` (with ``command_id``), ``unsent`` or ``in_doubt``; ``evidence`` says why."""

    kind: Literal["accepted", "unsent", "in_doubt"]
    command_id: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict)


def _entry_matches(item: object, entry: Mapping[str, Any]) -> bool:
    got = entry.get("payload")
    if isinstance(item, str):
        return got == item
    if not isinstance(item, Mapping):
        return False
    if "delay" in item:
        return bool((got.get("delay") if isinstance(got, Mapping) else got) == item["delay"])
    if "structuredContent" in item:
        return bool(got == item["structuredContent"])
    return bool(got == item.get("text"))


def _messages_match(sent: object, payload: object) -> Match:
    if not isinstance(sent, list):
        return "unknown"
    if not isinstance(payload, list) or not all(
        isinstance(entry, Mapping) and "payload" in entry for entry in payload
    ):
        return "unknown"
    if len(payload) != len(sent):
        return "mismatch"
    ok = all(_entry_matches(item, entry) for item, entry in zip(sent, payload, strict=True))
    return "match" if ok else "mismatch"


def body_match(operation: str, body: Mapping[str, Any], command: Command) -> Match:
    """Whether ``command`` carries ``body`` of ``operation`` (see the module's rules)."""
    owner = TYPE_OWNERS.get(command.data.type)
    if owner is not None and owner != operation:
        return "mismatch"
    payload = command.data.payload
    if operation == "sendMessages":
        return _messages_match(body.get("messages"), payload)
    if not isinstance(payload, Mapping):
        return "unknown"
    if dict(payload) == dict(body):
        return "match"
    if any(payload[key] != body[key] for key in set(payload) & set(body)):
        return "mismatch"
    return "unknown"


def _created_ms(command: Command, ttl_ms: int) -> int | None:
    timeout = command.data.timeoutTime
    return None if timeout is None else timeout - ttl_ms


def decide(
    attempt: Attempt,
    listed: list[Command] | None,
    *,
    owned: Mapping[str, int],
    earlier: frozenset[str],
    listed_at_ms: int,
) -> Verdict:
    """The verdict on ``attempt`` from the conversation's ``listed`` commands (None: 404).

    ``owned`` maps the command ids other jobs of the batch hold to their job numbers;
    ``earlier`` holds those of this conversation's earlier jobs (anchors).
    """
    evidence: dict[str, Any] = {"listed_at_ms": listed_at_ms, "sent_at_ms": attempt.sent_at_ms}
    if listed is None:
        evidence["reason"] = (
            "the conversation is closed or unknown (listCommands answered 404): the command "
            "may have been created, and run, before it ended"
        )
        return Verdict("in_doubt", evidence=evidence)
    op = OPERATIONS[attempt.operation]
    # Our own command's creation is timeoutTime - ttl exactly; without a ttl parameter the
    # server's default is not documented, so the shortest allowed ttl keeps the window wide.
    ttl_ms = (attempt.ttl or TTL_DEFAULT) * 1000 if op.has_ttl else TTL_MIN * 1000
    since = attempt.sent_at_ms - CLOCK_SKEW_MS
    evidence["visible"] = len(listed)
    evidence["window_from_ms"] = since
    strong: list[str] = []
    weak: list[str] = []
    shown: list[dict[str, Any]] = []
    anchor: dict[str, Any] | None = None
    for command in listed:
        if command.id in owned:
            if anchor is None and command.id in earlier:
                anchor = {"id": command.id, "why": f"job {owned[command.id]} of this conversation"}
            continue
        timeout = command.data.timeoutTime
        if anchor is None and timeout is not None and timeout - TTL_MIN * 1000 < since:
            anchor = {"id": command.id, "why": "created at least 10 s before its timeoutTime"}
        created = _created_ms(command, ttl_ms)
        if created is not None and created < since:
            continue
        match = body_match(attempt.operation, attempt.body, command)
        if match == "mismatch":
            continue
        if match == "match" and created is not None:
            strong.append(command.id)
        else:
            weak.append(command.id)
        shown.append(
            {"id": command.id, "type": command.data.type, "created_ms": created, "body": match}
        )
    evidence["candidates"] = shown
    evidence["anchor"] = anchor
    if len(strong) == 1 and not weak:
        evidence["reason"] = "exactly one command of the window carries the journaled body"
        return Verdict("accepted", strong[0], evidence)
    if strong or weak:
        evidence["reason"] = (
            f"{len(strong)} command(s) of the window carry the body and {len(weak)} cannot be "
            "compared: which one (if any) is this job's is not provable"
        )
        return Verdict("in_doubt", evidence=evidence)
    if anchor is not None:
        evidence["reason"] = (
            "no command of the window carries the body, and an older command is still listed, "
            "so none can have been evicted: not created"
        )
        return Verdict("unsent", evidence=evidence)
    evidence["reason"] = (
        "no command of the window carries the body, but nothing listed is older than the send: "
        "a command created then may have been evicted from the bot's last 200"
    )
    return Verdict("in_doubt", evidence=evidence)
