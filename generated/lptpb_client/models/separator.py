from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.style import Style


T = TypeVar("T", bound="Separator")


@_attrs_define
class Separator:
    """A separator line drawn between the items of a layout.

    Attributes:
        thickness (float): Line thickness in logical units. Default: 1.0.
        style (Style | Unset): Visual styling of an element. Colour properties are CSS color strings (for example
            `#E0E0E0`), up to 256 characters; Pollock's non-standard `format: color` is not carried over.
    """

    thickness: float = 1.0
    style: Style | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        thickness = self.thickness

        style: dict[str, Any] | Unset = UNSET
        if not isinstance(self.style, Unset):
            style = self.style.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "thickness": thickness,
            }
        )
        if style is not UNSET:
            field_dict["style"] = style

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.style import Style  # noqa: PLC0415

        d = dict(src_dict)
        thickness = d.pop("thickness")

        _style = d.pop("style", UNSET)
        style: Style | Unset
        if isinstance(_style, Unset):
            style = UNSET
        else:
            style = Style.from_dict(_style)

        separator = cls(
            thickness=thickness,
            style=style,
        )

        return separator
