from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CloseConversationRequest")


@_attrs_define
class CloseConversationRequest:
    """Closing takes no parameters; an empty object may be sent."""

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        close_conversation_request = cls()

        return close_conversation_request
