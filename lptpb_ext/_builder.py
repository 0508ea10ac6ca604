"""The fluent, immutable message builder: ``Messages()...build()`` -> ``SendMessagesRequest``.

Every step returns a new ``Messages`` and checks the message it adds at once, so a mistake
raises :class:`~lptpb_ext.RequestValidationError` at the line that made it, with the message's
path (``messages[2].structuredContent.quickReplies.replies[0].title``). ``build()`` returns the
generated pydantic ``SendMessagesRequest``, already validated: the client sends it as it is.
Seed 003's full example::

    from lptpb_ext import Messages, meta, sc

    request = (
        Messages()
        .context(intent_id="testId", intent_name="test", confidence=1)
        .text("Hi I am a text message")
        .pause(4, typing=True)
        .quick_replies(
            "Do you like bots?",
            sc.chip("yes", tooltip="yes I do", click=sc.publish_text("yep")),
            sc.chip("No!", tooltip="No!", click=sc.click(
                sc.publish_text("No!"), metadata=[meta.external_id("No-4321")])),
            items_per_row=8,
            metadata=[meta.external_id("1234566")],
            encoded_metadata="Hello World!",
        )
        .private("this is a private message")
        .structured(
            sc.vertical(sc.button("Recommend a movie",
                                  click=sc.publish_text("Recommend me a movie, please"))),
            metadata=[meta.external_id("123-YES")],
            encoded_metadata="Hello World!",
        )
        .build()
    )

Choices where the issue is silent: ``encoded_metadata`` given as ``bytes`` or ``str`` is encoded
to base64 for you (text as UTF-8); an ``EncodedMetadata`` model is taken as already encoded.
``pause`` leaves ``typing`` out unless given (the API's default is true). Quick replies default
to 8 per row, the most the API allows, and a chip given as a bare string publishes its title.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Mapping
from typing import Any, TypeAlias

from lptpb_ext._actions import chip
from lptpb_ext._errors import RequestValidationError
from lptpb_ext._make import present
from lptpb_ext._metadata import MetadataLike
from lptpb_ext._structured import Element
from lptpb_ext._validation import adopt, checked, remember, strict_model
from lptpb_ext._wire import check_message
from lptpb_models import (
    EncodedMetadata,
    MessageContext,
    MessageItem,
    PauseMessage,
    PlainTextMessage,
    PrivateTextMessage,
    QuickRepliesContent,
    QuickReply,
    SendMessagesRequest,
    StructuredContentMessage,
)

__all__ = ["EncodedMetadataLike", "Messages"]

Message: TypeAlias = (
    MessageItem | PlainTextMessage | PauseMessage | PrivateTextMessage | StructuredContentMessage
)

EncodedMetadataLike: TypeAlias = bytes | str | EncodedMetadata
"""Raw bytes or text (encoded to base64 for you), or an ``EncodedMetadata`` already encoded."""


def _encoded(value: EncodedMetadataLike | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, EncodedMetadata):
        return value.root
    raw = value.encode() if isinstance(value, str) else value
    return base64.b64encode(raw).decode("ascii")


class Messages:
    """An immutable batch of messages under construction; every step returns a new one."""

    __slots__ = ("_context", "_items")

    _items: tuple[Message, ...]
    _context: MessageContext | None

    def __init__(self) -> None:
        object.__setattr__(self, "_items", ())
        object.__setattr__(self, "_context", None)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Messages is immutable; {name} cannot be set")

    def _with(self, item: Message | None = None, context: MessageContext | None = None) -> Messages:
        new = object.__new__(Messages)
        items = self._items if item is None else (*self._items, item)
        object.__setattr__(new, "_items", items)
        object.__setattr__(new, "_context", self._context if context is None else context)
        return new

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"<Messages: {len(self._items)} message(s)>"

    @property
    def _prefix(self) -> tuple[str, int]:
        return ("messages", len(self._items))

    def _add(self, message: Message, raw: object = None) -> Messages:
        check_message(self._prefix, message, raw)
        return self._with(remember(message))

    def text(self, text: str) -> Messages:
        """Add a plain text message, shown to the consumer."""
        return self._add(strict_model(PlainTextMessage, text, self._prefix))

    def pause(self, seconds: int, *, typing: bool | None = None) -> Messages:
        """Add a pause of whole ``seconds``; ``typing`` shows the typing indicator (default)."""
        fields = present({"delay": seconds, "typing": typing})
        return self._add(strict_model(PauseMessage, fields, self._prefix))

    def private(self, text: str) -> Messages:
        """Add a private text, seen by agents and managers only (an account feature)."""
        fields = {"text": text, "messageAudience": "AGENTS_AND_MANAGERS"}
        return self._add(strict_model(PrivateTextMessage, fields, self._prefix))

    def structured(
        self,
        content: Element | QuickRepliesContent,
        *,
        metadata: Iterable[MetadataLike] | None = None,
        encoded_metadata: EncodedMetadataLike | None = None,
    ) -> Messages:
        """Add structured content (a model from ``sc`` or generated, or its JSON as a dict)."""
        fields = present(
            {
                "structuredContent": content,
                "metadata": None if metadata is None else list(metadata),
                "encodedMetadata": _encoded(encoded_metadata),
            }
        )
        return self._add(checked(StructuredContentMessage, fields, self._prefix), fields)

    def quick_replies(
        self,
        message: str,
        *chips: QuickReply | Mapping[str, Any] | str,
        items_per_row: int = 8,
        metadata: Iterable[MetadataLike] | None = None,
        encoded_metadata: EncodedMetadataLike | None = None,
    ) -> Messages:
        """Add ``message`` with quick-reply chips under it (messaging only; 1-24 chips)."""
        replies = [chip(c) if isinstance(c, str) else adopt(c) for c in chips]
        content = {
            "quickReplies": {
                "type": "quickReplies",
                "itemsPerRow": items_per_row,
                "replies": replies,
            },
            "message": message,
        }
        return self.structured(content, metadata=metadata, encoded_metadata=encoded_metadata)

    def message(self, item: MessageItem | str | Mapping[str, Any]) -> Messages:
        """Add any message as its JSON (or a generated ``MessageItem``), checked the same way."""
        return self._add(checked(MessageItem, item, self._prefix), item)

    def context(
        self,
        *,
        intent_id: str | None = None,
        intent_name: str | None = None,
        confidence: float | None = None,
    ) -> Messages:
        """Set the intent the batch answers (replaces any earlier context)."""
        fields = present(
            {"intentId": intent_id, "intentName": intent_name, "confidenceScore": confidence}
        )
        return self._with(context=checked(MessageContext, fields, ("context",)))

    def build(self) -> SendMessagesRequest:
        """The validated ``SendMessagesRequest``; RequestValidationError if it has no message."""
        if not self._items:
            raise RequestValidationError("messages", "minItems", "add at least one message")
        body: dict[str, Any] = {"messages": list(self._items)}
        if self._context is not None:
            body["context"] = self._context
        return remember(SendMessagesRequest.model_validate(body, strict=True))
