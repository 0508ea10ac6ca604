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

from ..models.quick_reply_template_element_template_type import (
    QuickReplyTemplateElementTemplateType,
    check_quick_reply_template_element_template_type,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.accessibility import Accessibility
    from ..models.click import Click
    from ..models.custom_container_settings import CustomContainerSettings
    from ..models.custom_settings import CustomSettings
    from ..models.style import Style


T = TypeVar("T", bound="QuickReplyTemplateElement")


@_attrs_define
class QuickReplyTemplateElement:
    """Pollock's `template` element: a title with 1 to 32 canned responses (quick-reply template). Not the same as the
    channel-level quick replies (QuickReplies). Intended difference from Pollock: `type` is required here.

        Attributes:
            type_ (Literal['template']):
            template_type (QuickReplyTemplateElementTemplateType):  Default: 'quickReply'.
            title (str):
            resp (list[str]): The canned responses offered to the user.
            rtl (bool | Unset): Render right-to-left.
            tooltip (str | Unset):
            tag (str | Unset): Free-form label for the element.
            tag_version (str | Unset):
            style (Style | Unset): Visual styling of an element. Colour properties are CSS color strings (for example
                `#E0E0E0`), up to 256 characters; Pollock's non-standard `format: color` is not carried over.
            alt (str | Unset): Alternative text for screen readers.
            click (Click | Unset): What happens when the user clicks an element or layout: up to 4 actions, plus
                conversation metadata sent along with the click.
            accessibility (Accessibility | Unset): Accessibility attributes of an element, per platform (only web is
                defined).
            custom_settings (CustomSettings | Unset): Channel behaviour flags for an element or action.
            custom_container_settings (CustomContainerSettings | Unset): Behaviour flags for the conversation window while
                the content is shown.
    """

    type_: Literal["template"]
    title: str
    resp: list[str]
    template_type: QuickReplyTemplateElementTemplateType = "quickReply"
    rtl: bool | Unset = UNSET
    tooltip: str | Unset = UNSET
    tag: str | Unset = UNSET
    tag_version: str | Unset = UNSET
    style: Style | Unset = UNSET
    alt: str | Unset = UNSET
    click: Click | Unset = UNSET
    accessibility: Accessibility | Unset = UNSET
    custom_settings: CustomSettings | Unset = UNSET
    custom_container_settings: CustomContainerSettings | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        template_type: str = self.template_type

        title = self.title

        resp = self.resp

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

        custom_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.custom_settings, Unset):
            custom_settings = self.custom_settings.to_dict()

        custom_container_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.custom_container_settings, Unset):
            custom_container_settings = self.custom_container_settings.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "templateType": template_type,
                "title": title,
                "resp": resp,
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
        if custom_settings is not UNSET:
            field_dict["customSettings"] = custom_settings
        if custom_container_settings is not UNSET:
            field_dict["customContainerSettings"] = custom_container_settings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.accessibility import Accessibility  # noqa: PLC0415
        from ..models.click import Click  # noqa: PLC0415
        from ..models.custom_container_settings import CustomContainerSettings  # noqa: PLC0415
        from ..models.custom_settings import CustomSettings  # noqa: PLC0415
        from ..models.style import Style  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["template"], d.pop("type"))
        if type_ != "template":
            raise ValueError(f"type must match const 'template', got '{type_}'")

        template_type = check_quick_reply_template_element_template_type(
            d.pop("templateType")
        )

        title = d.pop("title")

        resp = cast(list[str], d.pop("resp"))

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

        _custom_settings = d.pop("customSettings", UNSET)
        custom_settings: CustomSettings | Unset
        if isinstance(_custom_settings, Unset):
            custom_settings = UNSET
        else:
            custom_settings = CustomSettings.from_dict(_custom_settings)

        _custom_container_settings = d.pop("customContainerSettings", UNSET)
        custom_container_settings: CustomContainerSettings | Unset
        if isinstance(_custom_container_settings, Unset):
            custom_container_settings = UNSET
        else:
            custom_container_settings = CustomContainerSettings.from_dict(
                _custom_container_settings
            )

        quick_reply_template_element = cls(
            type_=type_,
            template_type=template_type,
            title=title,
            resp=resp,
            rtl=rtl,
            tooltip=tooltip,
            tag=tag,
            tag_version=tag_version,
            style=style,
            alt=alt,
            click=click,
            accessibility=accessibility,
            custom_settings=custom_settings,
            custom_container_settings=custom_container_settings,
        )

        return quick_reply_template_element
