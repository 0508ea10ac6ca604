"""The fluent, immutable message builder: ``Messages()...build()`` -> ``SendMessagesRequest``.

Every step returns a new ``Messages`` holding one more message as its JSON; ``build()``
validates the whole batch once (strict types, the contract's schema and the API's limits) and
returns the generated pydantic ``SendMessagesRequest``, which the client sends as it is. A
mistake raises :class:`~lptpb_ext.RequestValidationError` from ``build()``, naming the message
and the field by path (``messages[2].structuredContent.quickReplies.replies[0].title``) and the
broken rule; nothing has been sent. Seed 003's full example::

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

Channels: ``build(channels=["facebook", "line"])`` also checks every structured-content message
against those channels' rules (:func:`~lptpb_ext.check_channel`). An error (the channel refuses
or drops the content) raises :class:`~lptpb_ext.ChannelError`, a ``RequestValidationError``
whose ``problems`` lists them all; otherwise it returns a :class:`ChannelBuild`, a named pair
``(request, warnings)``, so ``request, warnings = batch.build(channels=["facebook"])`` reads the
warnings (cut or degraded content) next to the request. Without ``channels`` ``build()``
returns the ``SendMessagesRequest`` as before: the new return type appears only where it is
asked for, and the channel check costs nothing when it is not.

Why one validation at the end rather than one per step: pydantic's cost is per call, so
validating each constructor's element and then each message took 3.97 times a bare
``model_validate`` of the same payload; building the JSON and validating it once is within
1.5 times (``make bench-builder``). The path in the error says which step made the mistake.

Choices where the issue is silent: ``encoded_metadata`` given as ``bytes`` or ``str`` is encoded
to base64 for you (text as UTF-8); an ``EncodedMetadata`` model is taken as already encoded.
``pause`` leaves ``typing`` out unless given (the API's default is true). Quick replies default
to 8 per row, the most the API allows, and a chip given as a bare string publishes its title.
A dict given to a step is kept, not copied, until ``build()``: change it afterwards and the
batch changes too. A generated pydantic model given to a step is turned into its JSON and
validated like the rest.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple, TypeAlias, overload

from lptpb_ext._actions import chip
from lptpb_ext._channels import ChannelError, ChannelProblem, check_body, errors_in
from lptpb_ext._errors import RequestValidationError
from lptpb_ext._metadata import MetadataLike
from lptpb_ext._structured import Element
from lptpb_ext._validation import adopt, validate_data
from lptpb_models import (
    EncodedMetadata,
    MessageItem,
    QuickRepliesContent,
    QuickReply,
    SendMessagesRequest,
)

__all__ = ["ChannelBuild", "EncodedMetadataLike", "Messages"]

_new = object.__new__
_set = object.__setattr__

EncodedMetadataLike: TypeAlias = bytes | str | EncodedMetadata
"""Raw bytes or text (encoded to base64 for you), or an ``EncodedMetadata`` already encoded."""


class ChannelBuild(NamedTuple):
    """What ``Messages.build(channels=...)`` returns: the request and the channels' warnings."""

    request: SendMessagesRequest
    warnings: tuple[ChannelProblem, ...]


def _encoded(value: EncodedMetadataLike) -> str:
    if isinstance(value, str):
        return base64.b64encode(value.encode()).decode("ascii")
    if isinstance(value, EncodedMetadata):
        return value.root
    return base64.b64encode(value).decode("ascii")


def _structured(
    content: object,
    metadata: Iterable[MetadataLike] | None,
    encoded_metadata: EncodedMetadataLike | None,
) -> dict[str, Any]:
    """A structured-content message's JSON. ``x.__class__ is dict`` is tested first because
    isinstance against pydantic's ABC-based classes costs more than the rest of a step."""
    fields: dict[str, Any] = {
        "structuredContent": content if content.__class__ is dict else adopt(content)
    }
    if metadata is not None:
        fields["metadata"] = [m if m.__class__ is dict else adopt(m) for m in metadata]
    if encoded_metadata is not None:
        fields["encodedMetadata"] = _encoded(encoded_metadata)
    return fields


class Messages:
    """An immutable batch of messages under construction; every step returns a new one."""

    __slots__ = ("_context", "_items")

    _items: tuple[object, ...]
    _context: dict[str, Any] | None

    def __init__(self) -> None:
        object.__setattr__(self, "_items", ())
        object.__setattr__(self, "_context", None)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Messages is immutable; {name} cannot be set")

    def _with(self, item: object) -> Messages:
        return _messages((*self._items, item), self._context)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"<Messages: {len(self._items)} message(s)>"

    def text(self, text: str) -> Messages:
        """Add a plain text message, shown to the consumer."""
        return self._with(text)

    def pause(self, seconds: int, *, typing: bool | None = None) -> Messages:
        """Add a pause of whole ``seconds``; ``typing`` shows the typing indicator (default)."""
        if typing is None:
            return self._with({"delay": seconds})
        return self._with({"delay": seconds, "typing": typing})

    def private(self, text: str) -> Messages:
        """Add a private text, seen by agents and managers only (an account feature)."""
        return self._with({"text": text, "messageAudience": "AGENTS_AND_MANAGERS"})

    def structured(
        self,
        content: Element | QuickRepliesContent,
        *,
        metadata: Iterable[MetadataLike] | None = None,
        encoded_metadata: EncodedMetadataLike | None = None,
    ) -> Messages:
        """Add structured content (from ``sc``, a generated model, or its JSON as a dict)."""
        return self._with(_structured(content, metadata, encoded_metadata))

    def quick_replies(
        self,
        message: str,
        *chips: QuickReply | Mapping[str, Any] | str,
        items_per_row: int = 8,
        metadata: Iterable[MetadataLike] | None = None,
        encoded_metadata: EncodedMetadataLike | None = None,
    ) -> Messages:
        """Add ``message`` with quick-reply chips under it (messaging only; 1-24 chips)."""
        replies = [
            c if c.__class__ is dict else chip(c) if isinstance(c, str) else adopt(c) for c in chips
        ]
        content = {
            "quickReplies": {
                "type": "quickReplies",
                "itemsPerRow": items_per_row,
                "replies": replies,
            },
            "message": message,
        }
        return self._with(_structured(content, metadata, encoded_metadata))

    def message(self, item: MessageItem | str | Mapping[str, Any]) -> Messages:
        """Add any message as its JSON (or a generated ``MessageItem``)."""
        return self._with(adopt(item))

    def context(
        self,
        *,
        intent_id: str | None = None,
        intent_name: str | None = None,
        confidence: float | None = None,
    ) -> Messages:
        """Set the intent the batch answers (replaces any earlier context)."""
        context: dict[str, Any] = {}
        if intent_id is not None:
            context["intentId"] = intent_id
        if intent_name is not None:
            context["intentName"] = intent_name
        if confidence is not None:
            context["confidenceScore"] = confidence
        return _messages(self._items, context)

    @overload
    def build(self, *, channels: None = None) -> SendMessagesRequest: ...

    @overload
    def build(self, *, channels: str | Iterable[str]) -> ChannelBuild: ...

    def build(
        self, *, channels: str | Iterable[str] | None = None
    ) -> SendMessagesRequest | ChannelBuild:
        """The validated ``SendMessagesRequest``, or RequestValidationError naming the problem.

        With ``channels``, also checked against each channel: ChannelError on an error, else
        ``ChannelBuild(request, warnings)``.
        """
        if not self._items:
            raise RequestValidationError("messages", "minItems", "add at least one message")
        body: dict[str, Any] = {"messages": list(self._items)}
        if self._context is not None:
            body["context"] = self._context
        request = validate_data(SendMessagesRequest, body)
        if channels is None:
            return request
        problems = check_body(request, channels)
        if errors_in(problems):
            raise ChannelError(problems)
        return ChannelBuild(request, tuple(problems))


def _messages(items: tuple[object, ...], context: dict[str, Any] | None) -> Messages:
    """A ``Messages`` holding ``items`` and ``context`` (it refuses attribute assignment)."""
    new = _new(Messages)
    _set(new, "_items", items)
    _set(new, "_context", context)
    return new
