"""Waiting for a command to leave ``waiting``, and telling its outcomes apart.

Every conversation call creates a command that runs later: ``waiting``, then ``completed`` or
``failed``. :func:`wait_plan` polls ``getCommand`` with backoff (0.2 s, growing by half each
time, at most 2 s) until one of four outcomes, each a :class:`CommandOutcome`:

- ``completed``: the command ran.
- ``failed``: it ran and failed; ``error_name`` says why (for example
  ``...pipes.messaging-handle-bot-action.transfer-skill-not-existing``).
- ``expired``: it did not run before its ``ttl``: either the service failed it with
  ``...public-api.execution-failed``, or it is still ``waiting`` past ``data.timeoutTime``.
- ``not_visible``: ``getCommand`` answers 404. The API keeps only the last 200 commands per bot
  and none of a closed conversation; a follow-up ``listCommands`` tells which: a 404 there
  means the conversation is closed or gone, a list without the command means it was evicted.
  Neither says the command failed; ``conversation_closed`` tells them apart. After a
  ``closeConversation`` command, ``not_visible`` with ``conversation_closed`` is its success:
  the API shows no commands of a closed conversation.

The wait ends at the command's own ``timeoutTime`` plus a grace period (5 s), or, before the
command was first seen, after ``ttl`` (default 120 s, the longest allowed) plus the grace.
A caller's ``timeout`` can shorten that; running out of it raises
:class:`~lptpb_ext.DeadlineExceededError` because the outcome is still open.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Literal

from lptpb_ext._errors import CommandTrackingError, DeadlineExceededError, NotFoundError
from lptpb_ext._limits import TTL_MAX
from lptpb_models import Command

__all__ = ["CommandOutcome", "Fetch", "ListCheck", "Pause", "outcome_of", "wait_plan"]

EXECUTION_FAILED = "com.liveperson.bot-connectors-worker.error.public-api.execution-failed"
GRACE = 5.0
FIRST_POLL = 0.2
MAX_POLL = 2.0

Status = Literal["completed", "failed", "expired", "not_visible"]


@dataclass(frozen=True)
class CommandOutcome:
    """How a tracked command ended. ``command`` is its last observed state, when visible."""

    status: Status
    command_id: str
    command: Command | None
    error_name: str | None = None
    reason: str = ""
    conversation_closed: bool = False  # not visible because the conversation is closed or gone

    @property
    def ok(self) -> bool:
        """Whether the command completed."""
        return self.status == "completed"

    def raise_for_outcome(self) -> Command:
        """The command when it completed; otherwise :class:`~lptpb_ext.CommandTrackingError`."""
        if self.status == "completed" and self.command is not None:
            return self.command
        detail = f": {self.error_name}" if self.error_name else ""
        raise CommandTrackingError(
            f"command {self.command_id} {self.status.replace('_', ' ')}{detail}"
            + (f" ({self.reason})" if self.reason else ""),
            self,
        )


@dataclass(frozen=True)
class Fetch:
    """Get the command; answered with a ``Command`` or the ``NotFoundError`` raised."""


@dataclass(frozen=True)
class ListCheck:
    """List the conversation's commands; answered with the list or the ``NotFoundError``."""


@dataclass(frozen=True)
class Pause:
    seconds: float


Step = Fetch | ListCheck | Pause
Answer = Command | list[Command] | NotFoundError | None


def _settled(command: Command) -> CommandOutcome | None:
    state = command.state.root
    if state == "completed":
        return CommandOutcome("completed", command.id, command)
    if state == "failed":
        error = command.result.error if command.result is not None else None
        name = error.name if error is not None else None
        if name == EXECUTION_FAILED:
            return CommandOutcome("expired", command.id, command, name, "not run before its ttl")
        return CommandOutcome("failed", command.id, command, name)
    return None


def outcome_of(command: Command) -> CommandOutcome | None:
    """How ``command`` ended, or None while it is still ``waiting``."""
    return _settled(command)


def wait_plan(
    command_id: str,
    *,
    ttl: int | None,
    timeout: float | None,
    clock: Callable[[], float],
    wall_clock: Callable[[], float],
) -> Generator[Step, Answer, CommandOutcome]:
    """The polling loop without I/O: yields steps, receives answers, returns the outcome."""
    started = clock()
    give_up = started + (ttl if ttl is not None else TTL_MAX) + GRACE
    hard_stop = started + timeout if timeout is not None else None
    delay = FIRST_POLL
    polls = 0
    while True:
        polls += 1
        answer = yield Fetch()
        if isinstance(answer, NotFoundError):
            listed = yield ListCheck()
            if isinstance(listed, NotFoundError):
                reason = "the conversation is closed or no longer handled by a bot"
            elif isinstance(listed, list) and any(c.id == command_id for c in listed):
                continue  # visible again: the 404 was a race with its creation
            else:
                reason = "evicted from the last 200 commands of the bot"
            closed = isinstance(listed, NotFoundError)
            return CommandOutcome(
                "not_visible", command_id, None, reason=reason, conversation_closed=closed
            )
        assert isinstance(answer, Command)  # noqa: S101 - a Fetch is answered with a Command
        outcome = _settled(answer)
        if outcome is not None:
            return outcome
        timeout_time = answer.data.timeoutTime
        if timeout_time is not None:
            seconds_left = timeout_time / 1000.0 - wall_clock()
            if seconds_left + GRACE <= 0:
                return CommandOutcome(
                    "expired", command_id, answer, reason="still waiting after its ttl ran out"
                )
            give_up = clock() + seconds_left + GRACE
        now = clock()
        if now >= give_up:
            return CommandOutcome("expired", command_id, answer, reason="still waiting")
        if hard_stop is not None and now + delay > hard_stop:
            raise DeadlineExceededError("getCommand", hard_stop - started, polls)
        if now + delay > give_up:
            delay = max(give_up - now, 0.0)
        yield Pause(delay)
        delay = min(delay * 1.5, MAX_POLL)
