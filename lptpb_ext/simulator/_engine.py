"""The command engine: creation, retention, and settling commands as the clock moves.

Nothing runs in the background. Before anything reads state, :meth:`CommandEngine.settle`
settles every command whose time has come, in the order of that time, and applies its effect
(a close closes the conversation, a transfer sets its skill, …). So the outcome depends only
on the clock, and a :class:`~lptpb_ext.simulator.ManualClock` makes it deterministic.

Each bot keeps only its last ``retention`` (200) commands. An evicted command still runs, but
is no longer listed or found; so is every command of a conversation that is closed.

Pending commands sit in a heap ordered by the time they settle, so settling ``n`` commands
costs O(n log n) however many are pending (a release of held commands re-orders it once).
"""

from __future__ import annotations

import heapq
import threading
from collections import deque
from collections.abc import Callable
from typing import Any

from lptpb_ext.simulator import _commands as c
from lptpb_ext.simulator._commands import Command
from lptpb_ext.simulator._model import Account, Conversation
from lptpb_ext.simulator._seed import Settings

__all__ = ["CommandEngine"]

Payload = Any  # a command's normalised JSON payload; validated before it was created


class CommandEngine:
    """Commands of every account, their per-bot history and their execution.

    It shares the world's ``lock``, reads its time through ``now_ms`` and applies effects to
    its ``accounts``; it needs nothing else of the world.
    """

    def __init__(
        self,
        lock: threading.RLock,
        now_ms: Callable[[], int],
        accounts: dict[str, Account],
        settings: Settings,
    ) -> None:
        self.lock = lock
        self.now_ms = now_ms
        self.accounts = accounts
        self.processing_delay_ms = round(settings.processing_delay * 1000)
        self.execution_ms = round(settings.execution_time * 1000)
        self.retention = settings.retention
        self.held = False
        self._next_id = 1
        # (settles at, id, command): a heap, the next command to settle first
        self._pending: list[tuple[int, int, Command]] = []
        self._history: dict[tuple[str, str], deque[Command]] = {}  # (account, bot) -> commands

    def create(
        self,
        conversation: Conversation,
        kind: str,
        payload: object,
        ttl: int,
        forced_error: str | None = None,
    ) -> Command:
        """A new ``waiting`` command of the conversation's bot, evicting beyond retention."""
        with self.lock:
            now = self.now_ms()
            run_at = None if self.held else now + self.processing_delay_ms
            command = Command(
                id=self._next_id,
                account_id=conversation.account_id,
                conversation_id=conversation.id,
                bot_id=conversation.participants[0],
                kind=kind,
                payload=payload,
                created_ms=now,
                timeout_ms=now + ttl * 1000,
                run_at_ms=run_at,
                forced_error=forced_error,
            )
            self._next_id += 1
            heapq.heappush(self._pending, (command.due_ms(self.execution_ms), command.id, command))
            history = self._history.setdefault((conversation.account_id, command.bot_id), deque())
            history.append(command)
            while len(history) > self.retention:
                history.popleft()
            return command

    def visible(self, conversation: Conversation) -> list[Command]:
        """The conversation's commands still in its bot's history, newest first."""
        with self.lock:
            self.settle()
            found: list[Command] = []
            for bot_id in dict.fromkeys(conversation.participants):
                history = self._history.get((conversation.account_id, bot_id), deque())
                found += [x for x in history if x.conversation_id == conversation.id]
            return sorted(found, key=lambda x: x.id, reverse=True)

    def hold(self) -> None:
        """From now on, commands wait (and time out) until :meth:`release`."""
        with self.lock:
            self.settle()
            self.held = True

    def release(self) -> None:
        """Let held commands run, ``processing_delay`` from now, if still before their timeout."""
        with self.lock:
            self.settle()
            self.held = False
            start = self.now_ms() + self.processing_delay_ms
            commands = [entry[2] for entry in self._pending]
            for command in commands:
                if command.run_at_ms is None:
                    command.run_at_ms = start
            self._pending = [(x.due_ms(self.execution_ms), x.id, x) for x in commands]
            heapq.heapify(self._pending)

    def settle(self) -> None:
        """Settle, in time order, every command whose run ended or timeout passed by now."""
        with self.lock:
            now = self.now_ms()
            pending = self._pending
            while pending and pending[0][0] <= now:
                command = heapq.heappop(pending)[2]
                if command.run_at_ms is None or command.run_at_ms >= command.timeout_ms:
                    command.expire()
                else:
                    account = self.accounts[command.account_id]
                    command.finish(self.execution_ms, self._run(account, command))

    @staticmethod
    def _run(account: Account, command: Command) -> str | None:
        """Apply the command to its conversation; the error name if it fails."""
        conversation = account.conversations[command.conversation_id]
        if not conversation.held:
            return c.CONVERSATION_CLOSED
        if command.forced_error is not None:
            return command.forced_error
        return _EFFECTS[command.kind](account, conversation, command.payload)


def _messages(account: Account, conversation: Conversation, body: Payload) -> str | None:
    if conversation.channel == "chat":
        if any(m["type"] == "quickReplies" for m in body):
            return c.QUICK_REPLIES_NOT_SUPPORTED
        if any("encodedMetadata" in m for m in body):
            return c.CHAT_SEND_MESSAGE
    conversation.deliver(body)
    return None


def _transfer(account: Account, conversation: Conversation, body: Payload) -> str | None:
    if body["skill"] not in account.skills:
        return c.SKILL_NOT_EXISTING
    if "agentId" in body and body["agentId"] not in account.agents:
        return c.TRANSFER_TO_AGENT_FAILED
    conversation.skill, conversation.agent_id = body["skill"], body.get("agentId")
    return None


def _close(account: Account, conversation: Conversation, body: Payload) -> str | None:
    conversation.open = False
    return None


def _ttr(account: Account, conversation: Conversation, body: Payload) -> str | None:
    if conversation.channel == "chat":
        return c.TTR_NOT_SUPPORTED
    conversation.ttr = body["ttrType"]
    return None


def _sdes(account: Account, conversation: Conversation, body: Payload) -> str | None:
    conversation.add_sdes(body["sdes"])
    return None


def _join(account: Account, conversation: Conversation, body: Payload) -> str | None:
    bot = account.bot_with_agent(body["agentId"])
    if bot is None:
        return c.AGENT_NOT_AUTHORIZED
    if bot.id not in conversation.participants:
        conversation.participants.append(bot.id)
    return None


def _remove(account: Account, conversation: Conversation, body: Payload) -> str | None:
    bot = account.bot_with_agent(body["agentId"])
    if bot is None or bot.id not in conversation.participants:
        return c.AGENT_NOT_AUTHORIZED
    conversation.participants.remove(bot.id)
    return None


_EFFECTS: dict[str, Callable[[Account, Conversation, Payload], str | None]] = {
    "messages": _messages,
    "transfer": _transfer,
    "close": _close,
    "ttr": _ttr,
    "sdes": _sdes,
    "joinConversation": _join,
    "removeAgent": _remove,
}
