from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.selection_mode import SelectionMode, check_selection_mode

T = TypeVar("T", bound="CarouselSelectMode")


@_attrs_define
class CarouselSelectMode:
    """Names a carouselSelect and says whether one or several cards may be selected.

    Attributes:
        name (str): Identifier referred to by a button's `ref.name`.
        type_ (SelectionMode): Whether a carouselSelect allows one selected card or several.
    """

    name: str
    type_: SelectionMode

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_: str = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        type_ = check_selection_mode(d.pop("type"))

        carousel_select_mode = cls(
            name=name,
            type_=type_,
        )

        return carousel_select_mode
