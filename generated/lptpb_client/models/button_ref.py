from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.button_ref_type import ButtonRefType, check_button_ref_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="ButtonRef")


@_attrs_define
class ButtonRef:
    """Links a button to the carouselSelect or accordionSelect whose selection it submits (`ref` of a button element).

    Attributes:
        name (str | Unset): The `selectMode.name` of the referenced select element.
        type_ (ButtonRefType | Unset): The kind of select element a button's `ref` points at.
    """

    name: str | Unset = UNSET
    type_: ButtonRefType | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: ButtonRefType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = check_button_ref_type(_type_)

        button_ref = cls(
            name=name,
            type_=type_,
        )

        return button_ref
