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
    from ..models.accessibility import Accessibility
    from ..models.checkbox_click import CheckboxClick
    from ..models.custom_settings import CustomSettings
    from ..models.style import Style


T = TypeVar("T", bound="CheckboxElement")


@_attrs_define
class CheckboxElement:
    """One checkbox of a checklist. Its click may only carry `checked` actions (CheckboxClick).

    Attributes:
        type_ (Literal['checkbox']):
        text (str):
        click (CheckboxClick): The click of a checkbox; its actions may only be `checked` (at most 4).
        rtl (bool | Unset): Render right-to-left.
        tooltip (str | Unset):
        tag (str | Unset): Free-form label for the element.
        tag_version (str | Unset):
        style (Style | Unset): Visual styling of an element. Colour properties are CSS color strings (for example
            `#E0E0E0`), up to 256 characters; Pollock's non-standard `format: color` is not carried over.
        border_line (bool | Unset): Draw a border around the checkbox. Default: True.
        border_color (str | Unset): CSS color string for the border.
        accessibility (Accessibility | Unset): Accessibility attributes of an element, per platform (only web is
            defined).
        custom_settings (CustomSettings | Unset): Channel behaviour flags for an element or action.
    """

    type_: Literal["checkbox"]
    text: str
    click: CheckboxClick
    rtl: bool | Unset = UNSET
    tooltip: str | Unset = UNSET
    tag: str | Unset = UNSET
    tag_version: str | Unset = UNSET
    style: Style | Unset = UNSET
    border_line: bool | Unset = True
    border_color: str | Unset = UNSET
    accessibility: Accessibility | Unset = UNSET
    custom_settings: CustomSettings | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        text = self.text

        click = self.click.to_dict()

        rtl = self.rtl

        tooltip = self.tooltip

        tag = self.tag

        tag_version = self.tag_version

        style: dict[str, Any] | Unset = UNSET
        if not isinstance(self.style, Unset):
            style = self.style.to_dict()

        border_line = self.border_line

        border_color = self.border_color

        accessibility: dict[str, Any] | Unset = UNSET
        if not isinstance(self.accessibility, Unset):
            accessibility = self.accessibility.to_dict()

        custom_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.custom_settings, Unset):
            custom_settings = self.custom_settings.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "text": text,
                "click": click,
            }
        )
        if rtl is not UNSET:
            field_dict["rtl"] = rtl
        if tooltip is not UNSET:
            field_dict["tooltip"] = tooltip
        if tag is not UNSET:
            field_dict["tag"] = tag
        if tag_version is not UNSET:
            field_dict["tagVersion"] = tag_version
        if style is not UNSET:
            field_dict["style"] = style
        if border_line is not UNSET:
            field_dict["borderLine"] = border_line
        if border_color is not UNSET:
            field_dict["borderColor"] = border_color
        if accessibility is not UNSET:
            field_dict["accessibility"] = accessibility
        if custom_settings is not UNSET:
            field_dict["customSettings"] = custom_settings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.accessibility import Accessibility  # noqa: PLC0415
        from ..models.checkbox_click import CheckboxClick  # noqa: PLC0415
        from ..models.custom_settings import CustomSettings  # noqa: PLC0415
        from ..models.style import Style  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["checkbox"], d.pop("type"))
        if type_ != "checkbox":
            raise ValueError(f"type must match const 'checkbox', got '{type_}'")

        text = d.pop("text")

        click = CheckboxClick.from_dict(d.pop("click"))

        rtl = d.pop("rtl", UNSET)

        tooltip = d.pop("tooltip", UNSET)

        tag = d.pop("tag", UNSET)

        tag_version = d.pop("tagVersion", UNSET)

        _style = d.pop("style", UNSET)
        style: Style | Unset
        if isinstance(_style, Unset):
            style = UNSET
        else:
            style = Style.from_dict(_style)

        border_line = d.pop("borderLine", UNSET)

        border_color = d.pop("borderColor", UNSET)

        _accessibility = d.pop("accessibility", UNSET)
        accessibility: Accessibility | Unset
        if isinstance(_accessibility, Unset):
            accessibility = UNSET
        else:
            accessibility = Accessibility.from_dict(_accessibility)

        _custom_settings = d.pop("customSettings", UNSET)
        custom_settings: CustomSettings | Unset
        if isinstance(_custom_settings, Unset):
            custom_settings = UNSET
        else:
            custom_settings = CustomSettings.from_dict(_custom_settings)

        checkbox_element = cls(
            type_=type_,
            text=text,
            click=click,
            rtl=rtl,
            tooltip=tooltip,
            tag=tag,
            tag_version=tag_version,
            style=style,
            border_line=border_line,
            border_color=border_color,
            accessibility=accessibility,
            custom_settings=custom_settings,
        )

        return checkbox_element
