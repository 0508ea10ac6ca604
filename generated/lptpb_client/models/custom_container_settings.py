from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomContainerSettings")


@_attrs_define
class CustomContainerSettings:
    """Behaviour flags for the conversation window while the content is shown.

    Attributes:
        block_text_input (bool | Unset): Block the text input while the content is shown.
    """

    block_text_input: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        block_text_input = self.block_text_input

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if block_text_input is not UNSET:
            field_dict["blockTextInput"] = block_text_input

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        block_text_input = d.pop("blockTextInput", UNSET)

        custom_container_settings = cls(
            block_text_input=block_text_input,
        )

        return custom_container_settings
