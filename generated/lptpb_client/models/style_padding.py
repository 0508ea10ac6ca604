from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="StylePadding")


@_attrs_define
class StylePadding:
    """Padding around an element in logical units, each side 0 to 50.

    Attributes:
        top (float | Unset):  Default: 0.0.
        trailing (float | Unset): Trailing edge (right in left-to-right text, left in right-to-left). Default: 0.0.
        bottom (float | Unset):  Default: 0.0.
        leading (float | Unset): Leading edge (left in left-to-right text, right in right-to-left). Default: 0.0.
    """

    top: float | Unset = 0.0
    trailing: float | Unset = 0.0
    bottom: float | Unset = 0.0
    leading: float | Unset = 0.0

    def to_dict(self) -> dict[str, Any]:
        top = self.top

        trailing = self.trailing

        bottom = self.bottom

        leading = self.leading

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if top is not UNSET:
            field_dict["top"] = top
        if trailing is not UNSET:
            field_dict["trailing"] = trailing
        if bottom is not UNSET:
            field_dict["bottom"] = bottom
        if leading is not UNSET:
            field_dict["leading"] = leading

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        top = d.pop("top", UNSET)

        trailing = d.pop("trailing", UNSET)

        bottom = d.pop("bottom", UNSET)

        leading = d.pop("leading", UNSET)

        style_padding = cls(
            top=top,
            trailing=trailing,
            bottom=bottom,
            leading=leading,
        )

        return style_padding
