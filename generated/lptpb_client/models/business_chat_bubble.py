from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.business_chat_bubble_style import (
    BusinessChatBubbleStyle,
    check_business_chat_bubble_style,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="BusinessChatBubble")


@_attrs_define
class BusinessChatBubble:
    """The bubble an Apple Messages for Business consumer sees.

    Attributes:
        title (str):
        style (BusinessChatBubbleStyle | Unset):
        subtitle (str | Unset):
        image_url (str | Unset):
        image_identifier (str | Unset):
    """

    title: str
    style: BusinessChatBubbleStyle | Unset = UNSET
    subtitle: str | Unset = UNSET
    image_url: str | Unset = UNSET
    image_identifier: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        style: str | Unset = UNSET
        if not isinstance(self.style, Unset):
            style = self.style

        subtitle = self.subtitle

        image_url = self.image_url

        image_identifier = self.image_identifier

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "title": title,
            }
        )
        if style is not UNSET:
            field_dict["style"] = style
        if subtitle is not UNSET:
            field_dict["subtitle"] = subtitle
        if image_url is not UNSET:
            field_dict["imageURL"] = image_url
        if image_identifier is not UNSET:
            field_dict["imageIdentifier"] = image_identifier

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        _style = d.pop("style", UNSET)
        style: BusinessChatBubbleStyle | Unset
        if isinstance(_style, Unset):
            style = UNSET
        else:
            style = check_business_chat_bubble_style(_style)

        subtitle = d.pop("subtitle", UNSET)

        image_url = d.pop("imageURL", UNSET)

        image_identifier = d.pop("imageIdentifier", UNSET)

        business_chat_bubble = cls(
            title=title,
            style=style,
            subtitle=subtitle,
            image_url=image_url,
            image_identifier=image_identifier,
        )

        business_chat_bubble.additional_properties = d
        return business_chat_bubble

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
