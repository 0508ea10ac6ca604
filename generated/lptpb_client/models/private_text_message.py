from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.private_text_message_message_audience import (
    PrivateTextMessageMessageAudience,
    check_private_text_message_message_audience,
)

T = TypeVar("T", bound="PrivateTextMessage")


@_attrs_define
class PrivateTextMessage:
    """A text that only agents and managers see, never the consumer. Needs the private messages account feature.

    Attributes:
        text (str):
        message_audience (PrivateTextMessageMessageAudience): Who sees the text (case-sensitive).
    """

    text: str
    message_audience: PrivateTextMessageMessageAudience

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        message_audience: str = self.message_audience

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "text": text,
                "messageAudience": message_audience,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text")

        message_audience = check_private_text_message_message_audience(
            d.pop("messageAudience")
        )

        private_text_message = cls(
            text=text,
            message_audience=message_audience,
        )

        return private_text_message
