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

from ..models.first_day_of_week import FirstDayOfWeek, check_first_day_of_week
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.custom_settings import CustomSettings
    from ..models.schedule_slot import ScheduleSlot


T = TypeVar("T", bound="ScheduleSlotListAction")


@_attrs_define
class ScheduleSlotListAction:
    """Offers up to 256 appointment slots for the user to pick from.

    Attributes:
        type_ (Literal['scheduleSlotList']):
        title (str | Unset):
        slots (list[ScheduleSlot] | Unset):
        first_day_of_the_week (FirstDayOfWeek | Unset): First day of the week shown by a schedule slot list (default
            `mon`).
        custom_settings (CustomSettings | Unset): Channel behaviour flags for an element or action.
    """

    type_: Literal["scheduleSlotList"]
    title: str | Unset = UNSET
    slots: list[ScheduleSlot] | Unset = UNSET
    first_day_of_the_week: FirstDayOfWeek | Unset = UNSET
    custom_settings: CustomSettings | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        title = self.title

        slots: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.slots, Unset):
            slots = []
            for slots_item_data in self.slots:
                slots_item = slots_item_data.to_dict()
                slots.append(slots_item)

        first_day_of_the_week: str | Unset = UNSET
        if not isinstance(self.first_day_of_the_week, Unset):
            first_day_of_the_week = self.first_day_of_the_week

        custom_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.custom_settings, Unset):
            custom_settings = self.custom_settings.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if slots is not UNSET:
            field_dict["slots"] = slots
        if first_day_of_the_week is not UNSET:
            field_dict["firstDayOfTheWeek"] = first_day_of_the_week
        if custom_settings is not UNSET:
            field_dict["customSettings"] = custom_settings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.custom_settings import CustomSettings  # noqa: PLC0415
        from ..models.schedule_slot import ScheduleSlot  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["scheduleSlotList"], d.pop("type"))
        if type_ != "scheduleSlotList":
            raise ValueError(f"type must match const 'scheduleSlotList', got '{type_}'")

        title = d.pop("title", UNSET)

        _slots = d.pop("slots", UNSET)
        slots: list[ScheduleSlot] | Unset = UNSET
        if _slots is not UNSET:
            slots = []
            for slots_item_data in _slots:
                slots_item = ScheduleSlot.from_dict(slots_item_data)

                slots.append(slots_item)

        _first_day_of_the_week = d.pop("firstDayOfTheWeek", UNSET)
        first_day_of_the_week: FirstDayOfWeek | Unset
        if isinstance(_first_day_of_the_week, Unset):
            first_day_of_the_week = UNSET
        else:
            first_day_of_the_week = check_first_day_of_week(_first_day_of_the_week)

        _custom_settings = d.pop("customSettings", UNSET)
        custom_settings: CustomSettings | Unset
        if isinstance(_custom_settings, Unset):
            custom_settings = UNSET
        else:
            custom_settings = CustomSettings.from_dict(_custom_settings)

        schedule_slot_list_action = cls(
            type_=type_,
            title=title,
            slots=slots,
            first_day_of_the_week=first_day_of_the_week,
            custom_settings=custom_settings,
        )

        return schedule_slot_list_action
