from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.business_chat_bubble import BusinessChatBubble


T = TypeVar("T", bound="BusinessChatMessageMetadata")


@_attrs_define
class BusinessChatMessageMetadata:
    """How an Apple Messages for Business list picker or time picker is shown.

    Attributes:
        type_ (Literal['BusinessChatMessage']):
        received_message (BusinessChatBubble): The bubble an Apple Messages for Business consumer sees.
        reply_message (BusinessChatBubble | Unset): The bubble an Apple Messages for Business consumer sees.
    """

    type_: Literal["BusinessChatMessage"]
    received_message: BusinessChatBubble
    reply_message: BusinessChatBubble | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        received_message = self.received_message.to_dict()

        reply_message: dict[str, Any] | Unset = UNSET
        if not isinstance(self.reply_message, Unset):
            reply_message = self.reply_message.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "receivedMessage": received_message,
            }
        )
        if reply_message is not UNSET:
            field_dict["replyMessage"] = reply_message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.business_chat_bubble import BusinessChatBubble  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["BusinessChatMessage"], d.pop("type"))
        if type_ != "BusinessChatMessage":
            raise ValueError(
                f"type must match const 'BusinessChatMessage', got '{type_}'"
            )

        received_message = BusinessChatBubble.from_dict(d.pop("receivedMessage"))

        _reply_message = d.pop("replyMessage", UNSET)
        reply_message: BusinessChatBubble | Unset
        if isinstance(_reply_message, Unset):
            reply_message = UNSET
        else:
            reply_message = BusinessChatBubble.from_dict(_reply_message)

        business_chat_message_metadata = cls(
            type_=type_,
            received_message=received_message,
            reply_message=reply_message,
        )

        business_chat_message_metadata.additional_properties = d
        return business_chat_message_metadata

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
