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
    from ..models.button_element import ButtonElement
    from ..models.custom_settings import CustomSettings
    from ..models.submit_button_element import SubmitButtonElement


T = TypeVar("T", bound="ButtonListElement")


@_attrs_define
class ButtonListElement:
    """The last item of a list: a submit button, optionally followed by one ordinary button (`[submitButton]` or
    `[submitButton, button]`).

        Attributes:
            type_ (Literal['buttonList']):
            elements (list[ButtonElement | SubmitButtonElement]): `[submitButton]` or `[submitButton, button]`.
            tooltip (str | Unset):
            padding (float | Unset):  Default: 0.0.
            alt (str | Unset): Alternative text for screen readers.
            custom_settings (CustomSettings | Unset): Channel behaviour flags for an element or action.
    """

    type_: Literal["buttonList"]
    elements: list[ButtonElement | SubmitButtonElement]
    tooltip: str | Unset = UNSET
    padding: float | Unset = 0.0
    alt: str | Unset = UNSET
    custom_settings: CustomSettings | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.submit_button_element import SubmitButtonElement  # noqa: PLC0415

        type_ = self.type_

        elements = []
        for elements_item_data in self.elements:
            elements_item: dict[str, Any]
            if isinstance(elements_item_data, SubmitButtonElement):
                elements_item = elements_item_data.to_dict()
            else:
                elements_item = elements_item_data.to_dict()

            elements.append(elements_item)

        tooltip = self.tooltip

        padding = self.padding

        alt = self.alt

        custom_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.custom_settings, Unset):
            custom_settings = self.custom_settings.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "elements": elements,
            }
        )
        if tooltip is not UNSET:
            field_dict["tooltip"] = tooltip
        if padding is not UNSET:
            field_dict["padding"] = padding
        if alt is not UNSET:
            field_dict["alt"] = alt
        if custom_settings is not UNSET:
            field_dict["customSettings"] = custom_settings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.button_element import ButtonElement  # noqa: PLC0415
        from ..models.custom_settings import CustomSettings  # noqa: PLC0415
        from ..models.submit_button_element import SubmitButtonElement  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["buttonList"], d.pop("type"))
        if type_ != "buttonList":
            raise ValueError(f"type must match const 'buttonList', got '{type_}'")

        elements = []
        _elements = d.pop("elements")
        for elements_item_data in _elements:

            def _parse_elements_item(
                data: object,
            ) -> ButtonElement | SubmitButtonElement:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    elements_item_type_0 = SubmitButtonElement.from_dict(data)

                    return elements_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                elements_item_type_1 = ButtonElement.from_dict(data)

                return elements_item_type_1

            elements_item = _parse_elements_item(elements_item_data)

            elements.append(elements_item)

        tooltip = d.pop("tooltip", UNSET)

        padding = d.pop("padding", UNSET)

        alt = d.pop("alt", UNSET)

        _custom_settings = d.pop("customSettings", UNSET)
        custom_settings: CustomSettings | Unset
        if isinstance(_custom_settings, Unset):
            custom_settings = UNSET
        else:
            custom_settings = CustomSettings.from_dict(_custom_settings)

        button_list_element = cls(
            type_=type_,
            elements=elements,
            tooltip=tooltip,
            padding=padding,
            alt=alt,
            custom_settings=custom_settings,
        )

        return button_list_element
