"""Waiting for a command to leave ``waiting``, and telling its outcomes apart.

Every conversation call creates a command that runs later: ``waiting``, then ``completed`` or
``failed``. :class:`Waiter` polls ``getCommand`` with backoff (0.2 s, growing by half each
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

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from lptpb_ext._errors import CommandTrackingError, DeadlineExceededError, NotFoundError
from lptpb_ext._limits import TTL_MAX
from lptpb_models import Command

__all__ = ["FETCH", "CommandOutcome", "Fetch", "ListCheck", "Pause", "Waiter", "outcome_of"]

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


@dataclass(frozen=True, slots=True)
class Fetch:
    """Get the command; answered with a ``Command`` or the ``NotFoundError`` raised."""


@dataclass(frozen=True, slots=True)
class ListCheck:
    """List the conversation's commands; answered with the list or the ``NotFoundError``."""


@dataclass(frozen=True, slots=True)
class Pause:
    seconds: float


FETCH, LIST_CHECK = Fetch(), ListCheck()
Step = Fetch | ListCheck | Pause


def outcome_of(command: Command) -> CommandOutcome | None:
    """How ``command`` ended, or None while it is still ``waiting``."""
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


class Waiter:
    """The polling loop without I/O, as a small state machine that both clients drive.

    Start with :data:`FETCH`; answer a :class:`Fetch` with :meth:`fetched`, a
    :class:`ListCheck` with :meth:`listed` and a :class:`Pause` (once slept) with
    :meth:`paused`; each returns the next step or the :class:`CommandOutcome`. It keeps only
    numbers between polls, never a command: thousands of commands tracked at once each hold
    a few hundred bytes while they wait.
    """

    __slots__ = ("_clock", "_delay", "_give_up", "_hard_stop", "_polls", "_timeout", "_wall_clock",
                 "command_id")  # fmt: skip

    def __init__(
        self,
        command_id: str,
        *,
        ttl: int | None,
        timeout: float | None,
        clock: Callable[[], float],
        wall_clock: Callable[[], float],
    ) -> None:
        self.command_id = command_id
        self._clock = clock
        self._wall_clock = wall_clock
        started = clock()  # not kept: the caller's timeout is, for its error
        self._give_up = started + (ttl if ttl is not None else TTL_MAX) + GRACE
        self._timeout = timeout
        self._hard_stop = started + timeout if timeout is not None else None
        self._delay = FIRST_POLL
        self._polls = 1  # the first Fetch

    def fetched(self, answer: Command | NotFoundError) -> Step | CommandOutcome:
        """After a ``getCommand``: its command, or the 404 it raised."""
        if isinstance(answer, NotFoundError):
            return LIST_CHECK
        outcome = outcome_of(answer)
        if outcome is not None:
            return outcome
        timeout_time = answer.data.timeoutTime
        if timeout_time is not None:
            seconds_left = timeout_time / 1000.0 - self._wall_clock()
            if seconds_left + GRACE <= 0:
                return CommandOutcome(
                    "expired", self.command_id, answer, reason="still waiting after its ttl ran out"
                )
            self._give_up = self._clock() + seconds_left + GRACE
        now = self._clock()
        if now >= self._give_up:
            return CommandOutcome("expired", self.command_id, answer, reason="still waiting")
        delay = self._delay
        if self._hard_stop is not None and now + delay > self._hard_stop:
            raise DeadlineExceededError("getCommand", self._timeout or 0.0, self._polls)
        if now + delay > self._give_up:
            self._delay = delay = max(self._give_up - now, 0.0)
        return Pause(delay)

    def listed(self, listed: list[Command] | NotFoundError) -> Fetch | CommandOutcome:
        """After the ``listCommands`` that follows a 404: the list, or the 404 it raised."""
        if isinstance(listed, NotFoundError):
            reason = "the conversation is closed or no longer handled by a bot"
        elif any(c.id == self.command_id for c in listed):
            self._polls += 1
            return FETCH  # visible again: the 404 was a race with its creation
        else:
            reason = "evicted from the last 200 commands of the bot"
        closed = isinstance(listed, NotFoundError)
        return CommandOutcome(
            "not_visible", self.command_id, None, reason=reason, conversation_closed=closed
        )

    def paused(self) -> Fetch:
        """After the pause: poll again, the next pause half as long again (at most 2 s)."""
        self._delay = min(self._delay * 1.5, MAX_POLL)
        self._polls += 1
        return FETCH
