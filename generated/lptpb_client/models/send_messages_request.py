from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.message_context import MessageContext
    from ..models.pause_message import PauseMessage
    from ..models.private_text_message import PrivateTextMessage
    from ..models.structured_content_message import StructuredContentMessage


T = TypeVar("T", bound="SendMessagesRequest")


@_attrs_define
class SendMessagesRequest:
    """A batch of messages, sent in order, with an optional intent context.

    Attributes:
        messages (list[PauseMessage | PrivateTextMessage | str | StructuredContentMessage]):
        context (MessageContext | Unset): The intent that the batch answers, for reporting.
    """

    messages: list[PauseMessage | PrivateTextMessage | str | StructuredContentMessage]
    context: MessageContext | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.pause_message import PauseMessage  # noqa: PLC0415
        from ..models.private_text_message import PrivateTextMessage  # noqa: PLC0415
        from ..models.structured_content_message import StructuredContentMessage  # noqa: PLC0415

        messages = []
        for messages_item_data in self.messages:
            messages_item: dict[str, Any] | str
            if isinstance(messages_item_data, PauseMessage):
                messages_item = messages_item_data.to_dict()
            elif isinstance(messages_item_data, PrivateTextMessage):
                messages_item = messages_item_data.to_dict()
            elif isinstance(messages_item_data, StructuredContentMessage):
                messages_item = messages_item_data.to_dict()
            else:
                messages_item = messages_item_data
            messages.append(messages_item)

        context: dict[str, Any] | Unset = UNSET
        if not isinstance(self.context, Unset):
            context = self.context.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "messages": messages,
            }
        )
        if context is not UNSET:
            field_dict["context"] = context

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.message_context import MessageContext  # noqa: PLC0415
        from ..models.pause_message import PauseMessage  # noqa: PLC0415
        from ..models.private_text_message import PrivateTextMessage  # noqa: PLC0415
        from ..models.structured_content_message import StructuredContentMessage  # noqa: PLC0415

        d = dict(src_dict)
        messages = []
        _messages = d.pop("messages")
        for messages_item_data in _messages:

            def _parse_messages_item(
                data: object,
            ) -> PauseMessage | PrivateTextMessage | str | StructuredContentMessage:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_message_item_type_1 = PauseMessage.from_dict(data)

                    return componentsschemas_message_item_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_message_item_type_2 = (
                        PrivateTextMessage.from_dict(data)
                    )

                    return componentsschemas_message_item_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_message_item_type_3 = (
                        StructuredContentMessage.from_dict(data)
                    )

                    return componentsschemas_message_item_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(
                    PauseMessage | PrivateTextMessage | str | StructuredContentMessage,
                    data,
                )

            messages_item = _parse_messages_item(messages_item_data)

            messages.append(messages_item)

        _context = d.pop("context", UNSET)
        context: MessageContext | Unset
        if isinstance(_context, Unset):
            context = UNSET
        else:
            context = MessageContext.from_dict(_context)

        send_messages_request = cls(
            messages=messages,
            context=context,
        )

        return send_messages_request
