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
    from ..models.click import Click
    from ..models.style import Style


T = TypeVar("T", bound="TextElement")


@_attrs_define
class TextElement:
    """A block of text (up to 5000 characters). Intended difference from Pollock: `type` is required here.

    Attributes:
        type_ (Literal['text']):
        text (str):
        rtl (bool | Unset): Render right-to-left.
        tooltip (str | Unset):
        tag (str | Unset): Free-form label for the element (for example `title` or `subtitle`).
        tag_version (str | Unset):
        style (Style | Unset): Visual styling of an element. Colour properties are CSS color strings (for example
            `#E0E0E0`), up to 256 characters; Pollock's non-standard `format: color` is not carried over.
        alt (str | Unset): Alternative text for screen readers.
        click (Click | Unset): What happens when the user clicks an element or layout: up to 4 actions, plus
            conversation metadata sent along with the click.
        accessibility (Accessibility | Unset): Accessibility attributes of an element, per platform (only web is
            defined).
    """

    type_: Literal["text"]
    text: str
    rtl: bool | Unset = UNSET
    tooltip: str | Unset = UNSET
    tag: str | Unset = UNSET
    tag_version: str | Unset = UNSET
    style: Style | Unset = UNSET
    alt: str | Unset = UNSET
    click: Click | Unset = UNSET
    accessibility: Accessibility | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        text = self.text

        rtl = self.rtl

        tooltip = self.tooltip

        tag = self.tag

        tag_version = self.tag_version

        style: dict[str, Any] | Unset = UNSET
        if not isinstance(self.style, Unset):
            style = self.style.to_dict()

        alt = self.alt

        click: dict[str, Any] | Unset = UNSET
        if not isinstance(self.click, Unset):
            click = self.click.to_dict()

        accessibility: dict[str, Any] | Unset = UNSET
        if not isinstance(self.accessibility, Unset):
            accessibility = self.accessibility.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "text": text,
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
        if alt is not UNSET:
            field_dict["alt"] = alt
        if click is not UNSET:
            field_dict["click"] = click
        if accessibility is not UNSET:
            field_dict["accessibility"] = accessibility

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.accessibility import Accessibility  # noqa: PLC0415
        from ..models.click import Click  # noqa: PLC0415
        from ..models.style import Style  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["text"], d.pop("type"))
        if type_ != "text":
            raise ValueError(f"type must match const 'text', got '{type_}'")

        text = d.pop("text")

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

        alt = d.pop("alt", UNSET)

        _click = d.pop("click", UNSET)
        click: Click | Unset
        if isinstance(_click, Unset):
            click = UNSET
        else:
            click = Click.from_dict(_click)

        _accessibility = d.pop("accessibility", UNSET)
        accessibility: Accessibility | Unset
        if isinstance(_accessibility, Unset):
            accessibility = UNSET
        else:
            accessibility = Accessibility.from_dict(_accessibility)

        text_element = cls(
            type_=type_,
            text=text,
            rtl=rtl,
            tooltip=tooltip,
            tag=tag,
            tag_version=tag_version,
            style=style,
            alt=alt,
            click=click,
            accessibility=accessibility,
        )

        return text_element
