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
    from ..models.button_element import ButtonElement
    from ..models.carousel_select_mode import CarouselSelectMode
    from ..models.display_settings import DisplaySettings
    from ..models.horizontal_layout import HorizontalLayout
    from ..models.image_element import ImageElement
    from ..models.key_value_pair_list_element import KeyValuePairListElement
    from ..models.link_preview_element import LinkPreviewElement
    from ..models.map_element import MapElement
    from ..models.quick_reply_template_element import QuickReplyTemplateElement
    from ..models.style import Style
    from ..models.text_element import TextElement
    from ..models.vertical_layout import VerticalLayout


T = TypeVar("T", bound="CarouselSelectElement")


@_attrs_define
class CarouselSelectElement:
    """A carousel of 1 to 20 selectable cards; a button whose `ref` names this element's `selectMode.name` submits the
    selection.

        Attributes:
            type_ (Literal['carouselSelect']):
            elements (list[ButtonElement | HorizontalLayout | ImageElement | KeyValuePairListElement | LinkPreviewElement |
                MapElement | QuickReplyTemplateElement | TextElement | VerticalLayout]):
            select_mode (CarouselSelectMode): Names a carouselSelect and says whether one or several cards may be selected.
            tooltip (str | Unset):
            padding (float | Unset): Space between the cards. Default: 0.0.
            style (Style | Unset): Visual styling of an element. Colour properties are CSS color strings (for example
                `#E0E0E0`), up to 256 characters; Pollock's non-standard `format: color` is not carried over.
            alt (str | Unset): Alternative text for screen readers.
            display (DisplaySettings | Unset): Image display hints (aspect ratio and size) for vertical layouts and
                carousels.
            accessibility (Accessibility | Unset): Accessibility attributes of an element, per platform (only web is
                defined).
    """

    type_: Literal["carouselSelect"]
    elements: list[
        ButtonElement
        | HorizontalLayout
        | ImageElement
        | KeyValuePairListElement
        | LinkPreviewElement
        | MapElement
        | QuickReplyTemplateElement
        | TextElement
        | VerticalLayout
    ]
    select_mode: CarouselSelectMode
    tooltip: str | Unset = UNSET
    padding: float | Unset = 0.0
    style: Style | Unset = UNSET
    alt: str | Unset = UNSET
    display: DisplaySettings | Unset = UNSET
    accessibility: Accessibility | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.button_element import ButtonElement  # noqa: PLC0415
        from ..models.horizontal_layout import HorizontalLayout  # noqa: PLC0415
        from ..models.image_element import ImageElement  # noqa: PLC0415
        from ..models.key_value_pair_list_element import KeyValuePairListElement  # noqa: PLC0415
        from ..models.link_preview_element import LinkPreviewElement  # noqa: PLC0415
        from ..models.map_element import MapElement  # noqa: PLC0415
        from ..models.quick_reply_template_element import QuickReplyTemplateElement  # noqa: PLC0415
        from ..models.text_element import TextElement  # noqa: PLC0415

        type_ = self.type_

        elements = []
        for elements_item_data in self.elements:
            elements_item: dict[str, Any]
            if isinstance(elements_item_data, TextElement):
                elements_item = elements_item_data.to_dict()
            elif isinstance(elements_item_data, ImageElement):
                elements_item = elements_item_data.to_dict()
            elif isinstance(elements_item_data, ButtonElement):
                elements_item = elements_item_data.to_dict()
            elif isinstance(elements_item_data, MapElement):
                elements_item = elements_item_data.to_dict()
            elif isinstance(elements_item_data, LinkPreviewElement):
                elements_item = elements_item_data.to_dict()
            elif isinstance(elements_item_data, QuickReplyTemplateElement):
                elements_item = elements_item_data.to_dict()
            elif isinstance(elements_item_data, KeyValuePairListElement):
                elements_item = elements_item_data.to_dict()
            elif isinstance(elements_item_data, HorizontalLayout):
                elements_item = elements_item_data.to_dict()
            else:
                elements_item = elements_item_data.to_dict()

            elements.append(elements_item)

        select_mode = self.select_mode.to_dict()

        tooltip = self.tooltip

        padding = self.padding

        style: dict[str, Any] | Unset = UNSET
        if not isinstance(self.style, Unset):
            style = self.style.to_dict()

        alt = self.alt

        display: dict[str, Any] | Unset = UNSET
        if not isinstance(self.display, Unset):
            display = self.display.to_dict()

        accessibility: dict[str, Any] | Unset = UNSET
        if not isinstance(self.accessibility, Unset):
            accessibility = self.accessibility.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "elements": elements,
                "selectMode": select_mode,
            }
        )
        if tooltip is not UNSET:
            field_dict["tooltip"] = tooltip
        if padding is not UNSET:
            field_dict["padding"] = padding
        if style is not UNSET:
            field_dict["style"] = style
        if alt is not UNSET:
            field_dict["alt"] = alt
        if display is not UNSET:
            field_dict["display"] = display
        if accessibility is not UNSET:
            field_dict["accessibility"] = accessibility

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.accessibility import Accessibility  # noqa: PLC0415
        from ..models.button_element import ButtonElement  # noqa: PLC0415
        from ..models.carousel_select_mode import CarouselSelectMode  # noqa: PLC0415
        from ..models.display_settings import DisplaySettings  # noqa: PLC0415
        from ..models.horizontal_layout import HorizontalLayout  # noqa: PLC0415
        from ..models.image_element import ImageElement  # noqa: PLC0415
        from ..models.key_value_pair_list_element import KeyValuePairListElement  # noqa: PLC0415
        from ..models.link_preview_element import LinkPreviewElement  # noqa: PLC0415
        from ..models.map_element import MapElement  # noqa: PLC0415
        from ..models.quick_reply_template_element import QuickReplyTemplateElement  # noqa: PLC0415
        from ..models.style import Style  # noqa: PLC0415
        from ..models.text_element import TextElement  # noqa: PLC0415
        from ..models.vertical_layout import VerticalLayout  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["carouselSelect"], d.pop("type"))
        if type_ != "carouselSelect":
            raise ValueError(f"type must match const 'carouselSelect', got '{type_}'")

        elements = []
        _elements = d.pop("elements")
        for elements_item_data in _elements:

            def _parse_elements_item(
                data: object,
            ) -> (
                ButtonElement
                | HorizontalLayout
                | ImageElement
                | KeyValuePairListElement
                | LinkPreviewElement
                | MapElement
                | QuickReplyTemplateElement
                | TextElement
                | VerticalLayout
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_card_type_0 = TextElement.from_dict(data)

                    return componentsschemas_card_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_card_type_1 = ImageElement.from_dict(data)

                    return componentsschemas_card_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_card_type_2 = ButtonElement.from_dict(data)

                    return componentsschemas_card_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_card_type_3 = MapElement.from_dict(data)

                    return componentsschemas_card_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_card_type_4 = LinkPreviewElement.from_dict(data)

                    return componentsschemas_card_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_card_type_5 = QuickReplyTemplateElement.from_dict(
                        data
                    )

                    return componentsschemas_card_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_card_type_6 = KeyValuePairListElement.from_dict(
                        data
                    )

                    return componentsschemas_card_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_card_type_7 = HorizontalLayout.from_dict(data)

                    return componentsschemas_card_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_card_type_8 = VerticalLayout.from_dict(data)

                return componentsschemas_card_type_8

            elements_item = _parse_elements_item(elements_item_data)

            elements.append(elements_item)

        select_mode = CarouselSelectMode.from_dict(d.pop("selectMode"))

        tooltip = d.pop("tooltip", UNSET)

        padding = d.pop("padding", UNSET)

        _style = d.pop("style", UNSET)
        style: Style | Unset
        if isinstance(_style, Unset):
            style = UNSET
        else:
            style = Style.from_dict(_style)

        alt = d.pop("alt", UNSET)

        _display = d.pop("display", UNSET)
        display: DisplaySettings | Unset
        if isinstance(_display, Unset):
            display = UNSET
        else:
            display = DisplaySettings.from_dict(_display)

        _accessibility = d.pop("accessibility", UNSET)
        accessibility: Accessibility | Unset
        if isinstance(_accessibility, Unset):
            accessibility = UNSET
        else:
            accessibility = Accessibility.from_dict(_accessibility)

        carousel_select_element = cls(
            type_=type_,
            elements=elements,
            select_mode=select_mode,
            tooltip=tooltip,
            padding=padding,
            style=style,
            alt=alt,
            display=display,
            accessibility=accessibility,
        )

        return carousel_select_element
