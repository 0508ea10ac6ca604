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

from ..models.layout_border import LayoutBorder, check_layout_border
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.accessibility import Accessibility
    from ..models.accordion_select_element import AccordionSelectElement
    from ..models.button_element import ButtonElement
    from ..models.carousel_element import CarouselElement
    from ..models.carousel_select_element import CarouselSelectElement
    from ..models.click import Click
    from ..models.custom_container_settings import CustomContainerSettings
    from ..models.custom_settings import CustomSettings
    from ..models.image_element import ImageElement
    from ..models.key_value_pair_list_element import KeyValuePairListElement
    from ..models.link_preview_element import LinkPreviewElement
    from ..models.list_element import ListElement
    from ..models.loose_metadata_item import LooseMetadataItem
    from ..models.map_element import MapElement
    from ..models.quick_reply_template_element import QuickReplyTemplateElement
    from ..models.separator import Separator
    from ..models.style import Style
    from ..models.tabs_element import TabsElement
    from ..models.text_element import TextElement
    from ..models.vertical_layout import VerticalLayout


T = TypeVar("T", bound="HorizontalLayout")


@_attrs_define
class HorizontalLayout:
    """Lays out up to 256 structured-content items side by side. Items may be any StructuredContent, so layouts nest.

    Attributes:
        type_ (Literal['horizontal']):
        elements (list[AccordionSelectElement | ButtonElement | CarouselElement | CarouselSelectElement |
            HorizontalLayout | ImageElement | KeyValuePairListElement | LinkPreviewElement | ListElement | MapElement |
            QuickReplyTemplateElement | TabsElement | TextElement | VerticalLayout]):
        tag (str | Unset): Free-form label for the layout.
        tag_version (str | Unset):
        border_line (bool | Unset): Draw a line between the items. Default: True.
        border (LayoutBorder | Unset): Border style of a horizontal or vertical layout (default `border`).
        percentages (list[float] | Unset): Relative width of each item, in percent.
        alt (str | Unset): Alternative text for screen readers.
        accessibility (Accessibility | Unset): Accessibility attributes of an element, per platform (only web is
            defined).
        custom_settings (CustomSettings | Unset): Channel behaviour flags for an element or action.
        custom_container_settings (CustomContainerSettings | Unset): Behaviour flags for the conversation window while
            the content is shown.
        tooltip (str | Unset):
        group_as_single_accessible_element (bool | Unset): Present the child elements to assistive technology as one
            element. Default: False.
        style (Style | Unset): Visual styling of an element. Colour properties are CSS color strings (for example
            `#E0E0E0`), up to 256 characters; Pollock's non-standard `format: color` is not carried over.
        click (Click | Unset): What happens when the user clicks an element or layout: up to 4 actions, plus
            conversation metadata sent along with the click.
        separator (Separator | Unset): A separator line drawn between the items of a layout.
        metadata (list[LooseMetadataItem] | Unset): Conversation metadata attached to the layout; items are not
            validated.
    """

    type_: Literal["horizontal"]
    elements: list[
        AccordionSelectElement
        | ButtonElement
        | CarouselElement
        | CarouselSelectElement
        | HorizontalLayout
        | ImageElement
        | KeyValuePairListElement
        | LinkPreviewElement
        | ListElement
        | MapElement
        | QuickReplyTemplateElement
        | TabsElement
        | TextElement
        | VerticalLayout
    ]
    tag: str | Unset = UNSET
    tag_version: str | Unset = UNSET
    border_line: bool | Unset = True
    border: LayoutBorder | Unset = UNSET
    percentages: list[float] | Unset = UNSET
    alt: str | Unset = UNSET
    accessibility: Accessibility | Unset = UNSET
    custom_settings: CustomSettings | Unset = UNSET
    custom_container_settings: CustomContainerSettings | Unset = UNSET
    tooltip: str | Unset = UNSET
    group_as_single_accessible_element: bool | Unset = False
    style: Style | Unset = UNSET
    click: Click | Unset = UNSET
    separator: Separator | Unset = UNSET
    metadata: list[LooseMetadataItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.accordion_select_element import AccordionSelectElement  # noqa: PLC0415
        from ..models.button_element import ButtonElement  # noqa: PLC0415
        from ..models.carousel_element import CarouselElement  # noqa: PLC0415
        from ..models.carousel_select_element import CarouselSelectElement  # noqa: PLC0415
        from ..models.image_element import ImageElement  # noqa: PLC0415
        from ..models.key_value_pair_list_element import KeyValuePairListElement  # noqa: PLC0415
        from ..models.link_preview_element import LinkPreviewElement  # noqa: PLC0415
        from ..models.list_element import ListElement  # noqa: PLC0415
        from ..models.map_element import MapElement  # noqa: PLC0415
        from ..models.quick_reply_template_element import QuickReplyTemplateElement  # noqa: PLC0415
        from ..models.text_element import TextElement  # noqa: PLC0415
        from ..models.vertical_layout import VerticalLayout  # noqa: PLC0415

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
            elif isinstance(elements_item_data, VerticalLayout):
                elements_item = elements_item_data.to_dict()
            elif isinstance(elements_item_data, CarouselElement):
                elements_item = elements_item_data.to_dict()
            elif isinstance(elements_item_data, CarouselSelectElement):
                elements_item = elements_item_data.to_dict()
            elif isinstance(elements_item_data, AccordionSelectElement):
                elements_item = elements_item_data.to_dict()
            elif isinstance(elements_item_data, ListElement):
                elements_item = elements_item_data.to_dict()
            else:
                elements_item = elements_item_data.to_dict()

            elements.append(elements_item)

        tag = self.tag

        tag_version = self.tag_version

        border_line = self.border_line

        border: str | Unset = UNSET
        if not isinstance(self.border, Unset):
            border = self.border

        percentages: list[float] | Unset = UNSET
        if not isinstance(self.percentages, Unset):
            percentages = self.percentages

        alt = self.alt

        accessibility: dict[str, Any] | Unset = UNSET
        if not isinstance(self.accessibility, Unset):
            accessibility = self.accessibility.to_dict()

        custom_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.custom_settings, Unset):
            custom_settings = self.custom_settings.to_dict()

        custom_container_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.custom_container_settings, Unset):
            custom_container_settings = self.custom_container_settings.to_dict()

        tooltip = self.tooltip

        group_as_single_accessible_element = self.group_as_single_accessible_element

        style: dict[str, Any] | Unset = UNSET
        if not isinstance(self.style, Unset):
            style = self.style.to_dict()

        click: dict[str, Any] | Unset = UNSET
        if not isinstance(self.click, Unset):
            click = self.click.to_dict()

        separator: dict[str, Any] | Unset = UNSET
        if not isinstance(self.separator, Unset):
            separator = self.separator.to_dict()

        metadata: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = []
            for metadata_item_data in self.metadata:
                metadata_item = metadata_item_data.to_dict()
                metadata.append(metadata_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "elements": elements,
            }
        )
        if tag is not UNSET:
            field_dict["tag"] = tag
        if tag_version is not UNSET:
            field_dict["tagVersion"] = tag_version
        if border_line is not UNSET:
            field_dict["borderLine"] = border_line
        if border is not UNSET:
            field_dict["border"] = border
        if percentages is not UNSET:
            field_dict["percentages"] = percentages
        if alt is not UNSET:
            field_dict["alt"] = alt
        if accessibility is not UNSET:
            field_dict["accessibility"] = accessibility
        if custom_settings is not UNSET:
            field_dict["customSettings"] = custom_settings
        if custom_container_settings is not UNSET:
            field_dict["customContainerSettings"] = custom_container_settings
        if tooltip is not UNSET:
            field_dict["tooltip"] = tooltip
        if group_as_single_accessible_element is not UNSET:
            field_dict["groupAsSingleAccessibleElement"] = (
                group_as_single_accessible_element
            )
        if style is not UNSET:
            field_dict["style"] = style
        if click is not UNSET:
            field_dict["click"] = click
        if separator is not UNSET:
            field_dict["separator"] = separator
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.accessibility import Accessibility  # noqa: PLC0415
        from ..models.accordion_select_element import AccordionSelectElement  # noqa: PLC0415
        from ..models.button_element import ButtonElement  # noqa: PLC0415
        from ..models.carousel_element import CarouselElement  # noqa: PLC0415
        from ..models.carousel_select_element import CarouselSelectElement  # noqa: PLC0415
        from ..models.click import Click  # noqa: PLC0415
        from ..models.custom_container_settings import CustomContainerSettings  # noqa: PLC0415
        from ..models.custom_settings import CustomSettings  # noqa: PLC0415
        from ..models.image_element import ImageElement  # noqa: PLC0415
        from ..models.key_value_pair_list_element import KeyValuePairListElement  # noqa: PLC0415
        from ..models.link_preview_element import LinkPreviewElement  # noqa: PLC0415
        from ..models.list_element import ListElement  # noqa: PLC0415
        from ..models.loose_metadata_item import LooseMetadataItem  # noqa: PLC0415
        from ..models.map_element import MapElement  # noqa: PLC0415
        from ..models.quick_reply_template_element import QuickReplyTemplateElement  # noqa: PLC0415
        from ..models.separator import Separator  # noqa: PLC0415
        from ..models.style import Style  # noqa: PLC0415
        from ..models.tabs_element import TabsElement  # noqa: PLC0415
        from ..models.text_element import TextElement  # noqa: PLC0415
        from ..models.vertical_layout import VerticalLayout  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["horizontal"], d.pop("type"))
        if type_ != "horizontal":
            raise ValueError(f"type must match const 'horizontal', got '{type_}'")

        elements = []
        _elements = d.pop("elements")
        for elements_item_data in _elements:

            def _parse_elements_item(
                data: object,
            ) -> (
                AccordionSelectElement
                | ButtonElement
                | CarouselElement
                | CarouselSelectElement
                | HorizontalLayout
                | ImageElement
                | KeyValuePairListElement
                | LinkPreviewElement
                | ListElement
                | MapElement
                | QuickReplyTemplateElement
                | TabsElement
                | TextElement
                | VerticalLayout
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_structured_content_type_0 = TextElement.from_dict(
                        data
                    )

                    return componentsschemas_structured_content_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_structured_content_type_1 = (
                        ImageElement.from_dict(data)
                    )

                    return componentsschemas_structured_content_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_structured_content_type_2 = (
                        ButtonElement.from_dict(data)
                    )

                    return componentsschemas_structured_content_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_structured_content_type_3 = MapElement.from_dict(
                        data
                    )

                    return componentsschemas_structured_content_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_structured_content_type_4 = (
                        LinkPreviewElement.from_dict(data)
                    )

                    return componentsschemas_structured_content_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_structured_content_type_5 = (
                        QuickReplyTemplateElement.from_dict(data)
                    )

                    return componentsschemas_structured_content_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_structured_content_type_6 = (
                        KeyValuePairListElement.from_dict(data)
                    )

                    return componentsschemas_structured_content_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_structured_content_type_7 = (
                        HorizontalLayout.from_dict(data)
                    )

                    return componentsschemas_structured_content_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_structured_content_type_8 = (
                        VerticalLayout.from_dict(data)
                    )

                    return componentsschemas_structured_content_type_8
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_structured_content_type_9 = (
                        CarouselElement.from_dict(data)
                    )

                    return componentsschemas_structured_content_type_9
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_structured_content_type_10 = (
                        CarouselSelectElement.from_dict(data)
                    )

                    return componentsschemas_structured_content_type_10
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_structured_content_type_11 = (
                        AccordionSelectElement.from_dict(data)
                    )

                    return componentsschemas_structured_content_type_11
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_structured_content_type_12 = (
                        ListElement.from_dict(data)
                    )

                    return componentsschemas_structured_content_type_12
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_structured_content_type_13 = TabsElement.from_dict(
                    data
                )

                return componentsschemas_structured_content_type_13

            elements_item = _parse_elements_item(elements_item_data)

            elements.append(elements_item)

        tag = d.pop("tag", UNSET)

        tag_version = d.pop("tagVersion", UNSET)

        border_line = d.pop("borderLine", UNSET)

        _border = d.pop("border", UNSET)
        border: LayoutBorder | Unset
        if isinstance(_border, Unset):
            border = UNSET
        else:
            border = check_layout_border(_border)

        percentages = cast(list[float], d.pop("percentages", UNSET))

        alt = d.pop("alt", UNSET)

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

        tooltip = d.pop("tooltip", UNSET)

        group_as_single_accessible_element = d.pop(
            "groupAsSingleAccessibleElement", UNSET
        )

        _style = d.pop("style", UNSET)
        style: Style | Unset
        if isinstance(_style, Unset):
            style = UNSET
        else:
            style = Style.from_dict(_style)

        _click = d.pop("click", UNSET)
        click: Click | Unset
        if isinstance(_click, Unset):
            click = UNSET
        else:
            click = Click.from_dict(_click)

        _separator = d.pop("separator", UNSET)
        separator: Separator | Unset
        if isinstance(_separator, Unset):
            separator = UNSET
        else:
            separator = Separator.from_dict(_separator)

        _metadata = d.pop("metadata", UNSET)
        metadata: list[LooseMetadataItem] | Unset = UNSET
        if _metadata is not UNSET:
            metadata = []
            for metadata_item_data in _metadata:
                metadata_item = LooseMetadataItem.from_dict(metadata_item_data)

                metadata.append(metadata_item)

        horizontal_layout = cls(
            type_=type_,
            elements=elements,
            tag=tag,
            tag_version=tag_version,
            border_line=border_line,
            border=border,
            percentages=percentages,
            alt=alt,
            accessibility=accessibility,
            custom_settings=custom_settings,
            custom_container_settings=custom_container_settings,
            tooltip=tooltip,
            group_as_single_accessible_element=group_as_single_accessible_element,
            style=style,
            click=click,
            separator=separator,
            metadata=metadata,
        )

        return horizontal_layout
