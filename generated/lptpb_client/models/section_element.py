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
    from ..models.checklist_element import ChecklistElement
    from ..models.custom_container_settings import CustomContainerSettings
    from ..models.custom_settings import CustomSettings
    from ..models.text_element import TextElement


T = TypeVar("T", bound="SectionElement")


@_attrs_define
class SectionElement:
    """One section of a list's sectionList: a checklist, optionally preceded by a TextElement sub-header.

    Attributes:
        type_ (Literal['section']):
        section_id (str): Identifier of the section.
        elements (list[ChecklistElement | TextElement]): Either `[checklist]` or `[text, checklist]`. Pollock writes
            this as a oneOf of two tuples; here it is one array of 1 or 2 items whose last item must be the only checklist
            (`prefixItems` fixes the second item to a checklist and `contains`/`maxContains` require exactly one checklist),
            which accepts exactly the same arrays.
        tooltip (str | Unset):
        padding (float | Unset):  Default: 0.0.
        alt (str | Unset): Alternative text for screen readers.
        accessibility (Accessibility | Unset): Accessibility attributes of an element, per platform (only web is
            defined).
        custom_settings (CustomSettings | Unset): Channel behaviour flags for an element or action.
        custom_container_settings (CustomContainerSettings | Unset): Behaviour flags for the conversation window while
            the content is shown.
    """

    type_: Literal["section"]
    section_id: str
    elements: list[ChecklistElement | TextElement]
    tooltip: str | Unset = UNSET
    padding: float | Unset = 0.0
    alt: str | Unset = UNSET
    accessibility: Accessibility | Unset = UNSET
    custom_settings: CustomSettings | Unset = UNSET
    custom_container_settings: CustomContainerSettings | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.text_element import TextElement  # noqa: PLC0415

        type_ = self.type_

        section_id = self.section_id

        elements = []
        for elements_item_data in self.elements:
            elements_item: dict[str, Any]
            if isinstance(elements_item_data, TextElement):
                elements_item = elements_item_data.to_dict()
            else:
                elements_item = elements_item_data.to_dict()

            elements.append(elements_item)

        tooltip = self.tooltip

        padding = self.padding

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "sectionID": section_id,
                "elements": elements,
            }
        )
        if tooltip is not UNSET:
            field_dict["tooltip"] = tooltip
        if padding is not UNSET:
            field_dict["padding"] = padding
        if alt is not UNSET:
            field_dict["alt"] = alt
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
        from ..models.checklist_element import ChecklistElement  # noqa: PLC0415
        from ..models.custom_container_settings import CustomContainerSettings  # noqa: PLC0415
        from ..models.custom_settings import CustomSettings  # noqa: PLC0415
        from ..models.text_element import TextElement  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["section"], d.pop("type"))
        if type_ != "section":
            raise ValueError(f"type must match const 'section', got '{type_}'")

        section_id = d.pop("sectionID")

        elements = []
        _elements = d.pop("elements")
        for elements_item_data in _elements:

            def _parse_elements_item(data: object) -> ChecklistElement | TextElement:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_section_item_type_0 = TextElement.from_dict(data)

                    return componentsschemas_section_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_section_item_type_1 = ChecklistElement.from_dict(data)

                return componentsschemas_section_item_type_1

            elements_item = _parse_elements_item(elements_item_data)

            elements.append(elements_item)

        tooltip = d.pop("tooltip", UNSET)

        padding = d.pop("padding", UNSET)

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

        section_element = cls(
            type_=type_,
            section_id=section_id,
            elements=elements,
            tooltip=tooltip,
            padding=padding,
            alt=alt,
            accessibility=accessibility,
            custom_settings=custom_settings,
            custom_container_settings=custom_container_settings,
        )

        return section_element
