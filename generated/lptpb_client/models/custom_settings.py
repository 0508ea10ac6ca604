from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomSettings")


@_attrs_define
class CustomSettings:
    """Channel behaviour flags for an element or action.

    Attributes:
        block_sc_when_not_last_msg (bool | Unset): Disable the structured content once it is no longer the last message.
    """

    block_sc_when_not_last_msg: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        block_sc_when_not_last_msg = self.block_sc_when_not_last_msg

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if block_sc_when_not_last_msg is not UNSET:
            field_dict["blockSCWhenNotLastMsg"] = block_sc_when_not_last_msg

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        block_sc_when_not_last_msg = d.pop("blockSCWhenNotLastMsg", UNSET)

        custom_settings = cls(
            block_sc_when_not_last_msg=block_sc_when_not_last_msg,
        )

        return custom_settings
