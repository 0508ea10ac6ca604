from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="KeyValuePair")


@_attrs_define
class KeyValuePair:
    """A key (up to 128 characters) with an optional value (up to 2048); used by keyValuePairList rows and custom-action
    data.

        Attributes:
            key (str):
            value (str | Unset):
    """

    key: str
    value: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "key": key,
            }
        )
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        value = d.pop("value", UNSET)

        key_value_pair = cls(
            key=key,
            value=value,
        )

        return key_value_pair
