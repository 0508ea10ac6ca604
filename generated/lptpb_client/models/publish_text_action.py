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

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.custom_settings import CustomSettings


T = TypeVar("T", bound="PublishTextAction")


@_attrs_define
class PublishTextAction:
    """Sends the given text (up to 256 characters) into the conversation as if the user typed it.

    Attributes:
        type_ (Literal['publishText']):
        text (str):
        custom_settings (CustomSettings | Unset): Channel behaviour flags for an element or action.
    """

    type_: Literal["publishText"]
    text: str
    custom_settings: CustomSettings | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        text = self.text

        custom_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.custom_settings, Unset):
            custom_settings = self.custom_settings.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "text": text,
            }
        )
        if custom_settings is not UNSET:
            field_dict["customSettings"] = custom_settings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.custom_settings import CustomSettings  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["publishText"], d.pop("type"))
        if type_ != "publishText":
            raise ValueError(f"type must match const 'publishText', got '{type_}'")

        text = d.pop("text")

        _custom_settings = d.pop("customSettings", UNSET)
        custom_settings: CustomSettings | Unset
        if isinstance(_custom_settings, Unset):
            custom_settings = UNSET
        else:
            custom_settings = CustomSettings.from_dict(_custom_settings)

        publish_text_action = cls(
            type_=type_,
            text=text,
            custom_settings=custom_settings,
        )

        return publish_text_action
