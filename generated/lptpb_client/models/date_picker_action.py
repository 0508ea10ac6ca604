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

from ..models.date_picker_class import DatePickerClass, check_date_picker_class
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.custom_settings import CustomSettings


T = TypeVar("T", bound="DatePickerAction")


@_attrs_define
class DatePickerAction:
    """Opens a date picker for a single date or a date range.

    Attributes:
        type_ (Literal['datePicker']):
        class_ (DatePickerClass): Whether a date picker selects one date or a date range.
        title (str | Unset):
        min_date (int | Unset): Earliest selectable date (Unix timestamp).
        max_date (int | Unset): Latest selectable date (Unix timestamp).
        date_format (str | Unset):
        custom_settings (CustomSettings | Unset): Channel behaviour flags for an element or action.
    """

    type_: Literal["datePicker"]
    class_: DatePickerClass
    title: str | Unset = UNSET
    min_date: int | Unset = UNSET
    max_date: int | Unset = UNSET
    date_format: str | Unset = UNSET
    custom_settings: CustomSettings | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        class_: str = self.class_

        title = self.title

        min_date = self.min_date

        max_date = self.max_date

        date_format = self.date_format

        custom_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.custom_settings, Unset):
            custom_settings = self.custom_settings.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "class": class_,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if min_date is not UNSET:
            field_dict["minDate"] = min_date
        if max_date is not UNSET:
            field_dict["maxDate"] = max_date
        if date_format is not UNSET:
            field_dict["dateFormat"] = date_format
        if custom_settings is not UNSET:
            field_dict["customSettings"] = custom_settings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.custom_settings import CustomSettings  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["datePicker"], d.pop("type"))
        if type_ != "datePicker":
            raise ValueError(f"type must match const 'datePicker', got '{type_}'")

        class_ = check_date_picker_class(d.pop("class"))

        title = d.pop("title", UNSET)

        min_date = d.pop("minDate", UNSET)

        max_date = d.pop("maxDate", UNSET)

        date_format = d.pop("dateFormat", UNSET)

        _custom_settings = d.pop("customSettings", UNSET)
        custom_settings: CustomSettings | Unset
        if isinstance(_custom_settings, Unset):
            custom_settings = UNSET
        else:
            custom_settings = CustomSettings.from_dict(_custom_settings)

        date_picker_action = cls(
            type_=type_,
            class_=class_,
            title=title,
            min_date=min_date,
            max_date=max_date,
            date_format=date_format,
            custom_settings=custom_settings,
        )

        return date_picker_action
