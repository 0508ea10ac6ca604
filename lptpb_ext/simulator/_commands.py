"""Commands: the asynchronous work every conversation call creates, and how it is stored.

A command is created ``waiting`` with ``result: null`` and a ``timeoutTime`` of creation + ttl.
It runs ``processingDelay`` seconds after creation (or after :meth:`Simulator.release_commands`
when execution is held) if that is before its timeout, takes ``executionTime`` seconds, and
then is ``completed`` or ``failed`` with ``result.error{name, trace}``. A command that has not
started by its timeout fails with :data:`EXECUTION_FAILED`, ``startTime == endTime ==
timeoutTime`` and ``executionTime`` 0, like the documentation's failed example.

``data.type`` and the normalised ``data.payload`` follow the documentation where it shows them
(``messages``: ``[{"type": "text", "payload": "Hi", "metadata": []}]``; ``sdes``: the request
body). The other names are undocumented; the simulator uses the operation's own words
(``transfer``, ``close``, ``ttr``, ``joinConversation``, ``removeAgent``) and, for message
kinds, ``delay``, ``structuredContent`` and ``quickReplies``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = [
    "AGENT_NOT_AUTHORIZED",
    "CHANNEL_SEND_MESSAGE",
    "CHAT_SEND_MESSAGE",
    "CONVERSATION_CLOSED",
    "ERROR_PREFIX",
    "EXECUTION_FAILED",
    "QUICK_REPLIES_NOT_SUPPORTED",
    "SKILL_NOT_EXISTING",
    "TRANSFER_TO_AGENT_FAILED",
    "TTR_NOT_SUPPORTED",
    "Command",
    "normalise_messages",
]

ERROR_PREFIX = "com.liveperson.bot-connectors-worker.error."
EXECUTION_FAILED = ERROR_PREFIX + "public-api.execution-failed"
SKILL_NOT_EXISTING = ERROR_PREFIX + "pipes.messaging-handle-bot-action.transfer-skill-not-existing"
QUICK_REPLIES_NOT_SUPPORTED = ERROR_PREFIX + "pipes.verify-ai-response.quick-replies-not-supported"
CHAT_SEND_MESSAGE = ERROR_PREFIX + "connector.chat.send-message"
CHANNEL_SEND_MESSAGE = ERROR_PREFIX + "connector.messaging.send-message"
TTR_NOT_SUPPORTED = ERROR_PREFIX + "connector.messaging.change-ttr"
TRANSFER_TO_AGENT_FAILED = ERROR_PREFIX + "connector.messaging.transfer-to-skill"
AGENT_NOT_AUTHORIZED = ERROR_PREFIX + "connector.messaging.agent-not-authorized"
CONVERSATION_CLOSED = ERROR_PREFIX + "connector.messaging.conversation-closed"


def _normalise(item: str | dict[str, Any]) -> dict[str, Any]:
    if isinstance(item, str):
        return {"type": "text", "payload": item, "metadata": []}
    if "delay" in item:
        pause = {"delay": item["delay"], "typing": item.get("typing", True)}
        return {"type": "delay", "payload": pause, "metadata": []}
    if "messageAudience" in item:
        text, audience = item["text"], item["messageAudience"]
        return {"type": "text", "payload": text, "messageAudience": audience, "metadata": []}
    content = item["structuredContent"]
    kind = "quickReplies" if "quickReplies" in content else "structuredContent"
    out = {"type": kind, "payload": content, "metadata": item.get("metadata", [])}
    if "encodedMetadata" in item:
        out["encodedMetadata"] = item["encodedMetadata"]
    return out


def normalise_messages(body: dict[str, Any]) -> list[dict[str, Any]]:
    """The ``data.payload`` of a ``messages`` command: one normalised entry per message."""
    return [_normalise(item) for item in body["messages"]]


@dataclass
class Command:
    """One command and, once it is settled, its outcome."""

    id: int
    account_id: str
    conversation_id: str
    bot_id: str
    kind: str
    payload: Any
    created_ms: int
    timeout_ms: int
    run_at_ms: int | None
    forced_error: str | None = None
    state: str = "waiting"
    result: dict[str, Any] | None = None

    def due_ms(self, execution_ms: int) -> int:
        """When this command settles: the end of its run, or its timeout if it never starts."""
        if self.run_at_ms is None or self.run_at_ms >= self.timeout_ms:
            return self.timeout_ms
        return self.run_at_ms + execution_ms

    def expire(self) -> None:
        self.state = "failed"
        self.result = {
            "startTime": self.timeout_ms,
            "endTime": self.timeout_ms,
            "executionTime": 0,
            "error": {"name": EXECUTION_FAILED, "trace": []},
        }

    def finish(self, execution_ms: int, error: str | None, trace: list[Any] | None = None) -> None:
        if self.run_at_ms is None:
            raise RuntimeError("a command that never started cannot finish")
        self.result = {
            "startTime": self.run_at_ms,
            "endTime": self.run_at_ms + execution_ms,
            "executionTime": execution_ms,
        }
        self.state = "completed"
        if error is not None:
            self.state = "failed"
            self.result["error"] = {"name": error, "trace": list(trace or [])}

    def to_json(self) -> dict[str, Any]:
        """The ``Command`` object of the contract."""
        return {
            "id": str(self.id),
            "data": {
                "type": self.kind,
                "payload": self.payload,
                "conversationId": self.conversation_id,
                "isInternal": True,
                "timeoutTime": self.timeout_ms,
            },
            "result": self.result,
            "state": self.state,
        }
