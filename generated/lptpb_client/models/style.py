from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.text_alignment import TextAlignment, check_text_alignment
from ..models.text_size import TextSize, check_text_size
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.style_padding import StylePadding


T = TypeVar("T", bound="Style")


@_attrs_define
class Style:
    """Visual styling of an element. Colour properties are CSS color strings (for example `#E0E0E0`), up to 256 characters;
    Pollock's non-standard `format: color` is not carried over.

        Attributes:
            background_color (str | Unset):
            background_color_active (str | Unset):
            background_color_hover (str | Unset):
            border_color (str | Unset):
            border_color_selected (str | Unset):
            border_color_hover (str | Unset):
            border_radius (float | Unset):
            font_family (str | Unset):
            bold (bool | Unset):
            italic (bool | Unset):
            color (str | Unset): Text colour.
            color_hover (str | Unset):
            color_active (str | Unset):
            size (TextSize | Unset): Text size of a styled element.
            fill (str | Unset):
            text_alignment (TextAlignment | Unset): Horizontal text alignment; leading and trailing follow the text
                direction.
            padding (StylePadding | Unset): Padding around an element in logical units, each side 0 to 50.
    """

    background_color: str | Unset = UNSET
    background_color_active: str | Unset = UNSET
    background_color_hover: str | Unset = UNSET
    border_color: str | Unset = UNSET
    border_color_selected: str | Unset = UNSET
    border_color_hover: str | Unset = UNSET
    border_radius: float | Unset = UNSET
    font_family: str | Unset = UNSET
    bold: bool | Unset = UNSET
    italic: bool | Unset = UNSET
    color: str | Unset = UNSET
    color_hover: str | Unset = UNSET
    color_active: str | Unset = UNSET
    size: TextSize | Unset = UNSET
    fill: str | Unset = UNSET
    text_alignment: TextAlignment | Unset = UNSET
    padding: StylePadding | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        background_color = self.background_color

        background_color_active = self.background_color_active

        background_color_hover = self.background_color_hover

        border_color = self.border_color

        border_color_selected = self.border_color_selected

        border_color_hover = self.border_color_hover

        border_radius = self.border_radius

        font_family = self.font_family

        bold = self.bold

        italic = self.italic

        color = self.color

        color_hover = self.color_hover

        color_active = self.color_active

        size: str | Unset = UNSET
        if not isinstance(self.size, Unset):
            size = self.size

        fill = self.fill

        text_alignment: str | Unset = UNSET
        if not isinstance(self.text_alignment, Unset):
            text_alignment = self.text_alignment

        padding: dict[str, Any] | Unset = UNSET
        if not isinstance(self.padding, Unset):
            padding = self.padding.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if background_color is not UNSET:
            field_dict["background-color"] = background_color
        if background_color_active is not UNSET:
            field_dict["background-color-active"] = background_color_active
        if background_color_hover is not UNSET:
            field_dict["background-color-hover"] = background_color_hover
        if border_color is not UNSET:
            field_dict["border-color"] = border_color
        if border_color_selected is not UNSET:
            field_dict["border-color-selected"] = border_color_selected
        if border_color_hover is not UNSET:
            field_dict["border-color-hover"] = border_color_hover
        if border_radius is not UNSET:
            field_dict["border-radius"] = border_radius
        if font_family is not UNSET:
            field_dict["font-family"] = font_family
        if bold is not UNSET:
            field_dict["bold"] = bold
        if italic is not UNSET:
            field_dict["italic"] = italic
        if color is not UNSET:
            field_dict["color"] = color
        if color_hover is not UNSET:
            field_dict["color-hover"] = color_hover
        if color_active is not UNSET:
            field_dict["color-active"] = color_active
        if size is not UNSET:
            field_dict["size"] = size
        if fill is not UNSET:
            field_dict["fill"] = fill
        if text_alignment is not UNSET:
            field_dict["text-alignment"] = text_alignment
        if padding is not UNSET:
            field_dict["padding"] = padding

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.style_padding import StylePadding  # noqa: PLC0415

        d = dict(src_dict)
        background_color = d.pop("background-color", UNSET)

        background_color_active = d.pop("background-color-active", UNSET)

        background_color_hover = d.pop("background-color-hover", UNSET)

        border_color = d.pop("border-color", UNSET)

        border_color_selected = d.pop("border-color-selected", UNSET)

        border_color_hover = d.pop("border-color-hover", UNSET)

        border_radius = d.pop("border-radius", UNSET)

        font_family = d.pop("font-family", UNSET)

        bold = d.pop("bold", UNSET)

        italic = d.pop("italic", UNSET)

        color = d.pop("color", UNSET)

        color_hover = d.pop("color-hover", UNSET)

        color_active = d.pop("color-active", UNSET)

        _size = d.pop("size", UNSET)
        size: TextSize | Unset
        if isinstance(_size, Unset):
            size = UNSET
        else:
            size = check_text_size(_size)

        fill = d.pop("fill", UNSET)

        _text_alignment = d.pop("text-alignment", UNSET)
        text_alignment: TextAlignment | Unset
        if isinstance(_text_alignment, Unset):
            text_alignment = UNSET
        else:
            text_alignment = check_text_alignment(_text_alignment)

        _padding = d.pop("padding", UNSET)
        padding: StylePadding | Unset
        if isinstance(_padding, Unset):
            padding = UNSET
        else:
            padding = StylePadding.from_dict(_padding)

        style = cls(
            background_color=background_color,
            background_color_active=background_color_active,
            background_color_hover=background_color_hover,
            border_color=border_color,
            border_color_selected=border_color_selected,
            border_color_hover=border_color_hover,
            border_radius=border_radius,
            font_family=font_family,
            bold=bold,
            italic=italic,
            color=color,
            color_hover=color_hover,
            color_active=color_active,
            size=size,
            fill=fill,
            text_alignment=text_alignment,
            padding=padding,
        )

        return style
