from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SocialEvent")


@_attrs_define
class SocialEvent:
    """Where a social messaging event comes from and what kind it is.

    Attributes:
        source (str | Unset): The social network, by the name its connector uses. LivePerson's metadata guide shows
            `Facebook` and `Twitter`; the social channels LivePerson connects have grown since, and each connector sends its
            own name, so any string is accepted.
        type_ (str | Unset): `DirectMessage`, `Post`, `CC` or `CP` on Facebook; `DirectMessage`, `Tweet`, `Reply` or
            `Retweet` on Twitter.
    """

    source: str | Unset = UNSET
    type_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source = self.source

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if source is not UNSET:
            field_dict["source"] = source
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source = d.pop("source", UNSET)

        type_ = d.pop("type", UNSET)

        social_event = cls(
            source=source,
            type_=type_,
        )

        social_event.additional_properties = d
        return social_event

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
