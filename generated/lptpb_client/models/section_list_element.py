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
    from ..models.custom_container_settings import CustomContainerSettings
    from ..models.custom_settings import CustomSettings
    from ..models.section_element import SectionElement


T = TypeVar("T", bound="SectionListElement")


@_attrs_define
class SectionListElement:
    """The middle item of a list; holds 1 to 256 sections.

    Attributes:
        type_ (Literal['sectionList']):
        elements (list[SectionElement]):
        tooltip (str | Unset):
        alt (str | Unset): Alternative text for screen readers.
        custom_settings (CustomSettings | Unset): Channel behaviour flags for an element or action.
        custom_container_settings (CustomContainerSettings | Unset): Behaviour flags for the conversation window while
            the content is shown.
    """

    type_: Literal["sectionList"]
    elements: list[SectionElement]
    tooltip: str | Unset = UNSET
    alt: str | Unset = UNSET
    custom_settings: CustomSettings | Unset = UNSET
    custom_container_settings: CustomContainerSettings | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        elements = []
        for elements_item_data in self.elements:
            elements_item = elements_item_data.to_dict()
            elements.append(elements_item)

        tooltip = self.tooltip

        alt = self.alt

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
                "elements": elements,
            }
        )
        if tooltip is not UNSET:
            field_dict["tooltip"] = tooltip
        if alt is not UNSET:
            field_dict["alt"] = alt
        if custom_settings is not UNSET:
            field_dict["customSettings"] = custom_settings
        if custom_container_settings is not UNSET:
            field_dict["customContainerSettings"] = custom_container_settings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.custom_container_settings import CustomContainerSettings  # noqa: PLC0415
        from ..models.custom_settings import CustomSettings  # noqa: PLC0415
        from ..models.section_element import SectionElement  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["sectionList"], d.pop("type"))
        if type_ != "sectionList":
            raise ValueError(f"type must match const 'sectionList', got '{type_}'")

        elements = []
        _elements = d.pop("elements")
        for elements_item_data in _elements:
            elements_item = SectionElement.from_dict(elements_item_data)

            elements.append(elements_item)

        tooltip = d.pop("tooltip", UNSET)

        alt = d.pop("alt", UNSET)

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

        section_list_element = cls(
            type_=type_,
            elements=elements,
            tooltip=tooltip,
            alt=alt,
            custom_settings=custom_settings,
            custom_container_settings=custom_container_settings,
        )

        return section_list_element
