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
    from ..models.custom_settings import CustomSettings


T = TypeVar("T", bound="ScheduleSlot")


@_attrs_define
class ScheduleSlot:
    """One appointment slot of a scheduleSlotList action.

    Attributes:
        type_ (Literal['scheduleSlot']):
        id (str):
        start (int): Slot start (Unix timestamp).
        end (int | Unset): Slot end (Unix timestamp).
        title (str | Unset):
        description (str | Unset):
        image_url (str | Unset): Absolute URI. Pollock declares `format: uri`; this pattern (a scheme, then no
            whitespace) stands in for it so generated pydantic models keep the string as given instead of normalising it as
            AnyUrl.
        custom_settings (CustomSettings | Unset): Channel behaviour flags for an element or action.
    """

    type_: Literal["scheduleSlot"]
    id: str
    start: int
    end: int | Unset = UNSET
    title: str | Unset = UNSET
    description: str | Unset = UNSET
    image_url: str | Unset = UNSET
    custom_settings: CustomSettings | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = self.id

        start = self.start

        end = self.end

        title = self.title

        description = self.description

        image_url = self.image_url

        custom_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.custom_settings, Unset):
            custom_settings = self.custom_settings.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "id": id,
                "start": start,
            }
        )
        if end is not UNSET:
            field_dict["end"] = end
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if image_url is not UNSET:
            field_dict["imageUrl"] = image_url
        if custom_settings is not UNSET:
            field_dict["customSettings"] = custom_settings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.custom_settings import CustomSettings  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["scheduleSlot"], d.pop("type"))
        if type_ != "scheduleSlot":
            raise ValueError(f"type must match const 'scheduleSlot', got '{type_}'")

        id = d.pop("id")

        start = d.pop("start")

        end = d.pop("end", UNSET)

        title = d.pop("title", UNSET)

        description = d.pop("description", UNSET)

        image_url = d.pop("imageUrl", UNSET)

        _custom_settings = d.pop("customSettings", UNSET)
        custom_settings: CustomSettings | Unset
        if isinstance(_custom_settings, Unset):
            custom_settings = UNSET
        else:
            custom_settings = CustomSettings.from_dict(_custom_settings)

        schedule_slot = cls(
            type_=type_,
            id=id,
            start=start,
            end=end,
            title=title,
            description=description,
            image_url=image_url,
            custom_settings=custom_settings,
        )

        return schedule_slot
