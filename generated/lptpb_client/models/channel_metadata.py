from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel_metadata_type import (
    ChannelMetadataType,
    check_channel_metadata_type,
)

T = TypeVar("T", bound="ChannelMetadata")


@_attrs_define
class ChannelMetadata:
    """A documented channel metadata type whose fields this contract does not check (Apple Messages for Business events and
    forms, connector requests, WhatsApp products): the tag is checked, any fields are allowed.

        Attributes:
            type_ (ChannelMetadataType):
    """

    type_: ChannelMetadataType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = check_channel_metadata_type(d.pop("type"))

        channel_metadata = cls(
            type_=type_,
        )

        channel_metadata.additional_properties = d
        return channel_metadata

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
