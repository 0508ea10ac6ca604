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
    from ..models.click import Click
    from ..models.style import Style


T = TypeVar("T", bound="QuickReply")


@_attrs_define
class QuickReply:
    """One quick-reply chip: a button, whose title may be as long as any button's (JSON Pollock's button title limit, 128
    characters). How much of the title a channel shows is the channel's rendering, not an API limit: LivePerson's
    guideline is 25 characters (web messaging shows an ellipsis after 22), Facebook Messenger shows 20; a longer title
    is sent as it is. The SDK's channel check (`check_channel`) warns about it per channel.

        Attributes:
            type_ (Literal['button']):
            title (str): The chip's text, at most 128 characters. Rendering guideline: at most 25 (see the schema's
                description).
            tooltip (str | Unset):
            click (Click | Unset): What happens when the user clicks an element or layout: up to 4 actions, plus
                conversation metadata sent along with the click.
            style (Style | Unset): Visual styling of an element. Colour properties are CSS color strings (for example
                `#E0E0E0`), up to 256 characters; Pollock's non-standard `format: color` is not carried over.
    """

    type_: Literal["button"]
    title: str
    tooltip: str | Unset = UNSET
    click: Click | Unset = UNSET
    style: Style | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        title = self.title

        tooltip = self.tooltip

        click: dict[str, Any] | Unset = UNSET
        if not isinstance(self.click, Unset):
            click = self.click.to_dict()

        style: dict[str, Any] | Unset = UNSET
        if not isinstance(self.style, Unset):
            style = self.style.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "title": title,
            }
        )
        if tooltip is not UNSET:
            field_dict["tooltip"] = tooltip
        if click is not UNSET:
            field_dict["click"] = click
        if style is not UNSET:
            field_dict["style"] = style

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.click import Click  # noqa: PLC0415
        from ..models.style import Style  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["button"], d.pop("type"))
        if type_ != "button":
            raise ValueError(f"type must match const 'button', got '{type_}'")

        title = d.pop("title")

        tooltip = d.pop("tooltip", UNSET)

        _click = d.pop("click", UNSET)
        click: Click | Unset
        if isinstance(_click, Unset):
            click = UNSET
        else:
            click = Click.from_dict(_click)

        _style = d.pop("style", UNSET)
        style: Style | Unset
        if isinstance(_style, Unset):
            style = UNSET
        else:
            style = Style.from_dict(_style)

        quick_reply = cls(
            type_=type_,
            title=title,
            tooltip=tooltip,
            click=click,
            style=style,
        )

        return quick_reply
