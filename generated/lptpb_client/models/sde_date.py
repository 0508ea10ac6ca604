from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SdeDate")


@_attrs_define
class SdeDate:
    """A calendar date.

    Attributes:
        day (int | Unset):
        month (int | Unset):
        year (int | Unset):
    """

    day: int | Unset = UNSET
    month: int | Unset = UNSET
    year: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        day = self.day

        month = self.month

        year = self.year

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if day is not UNSET:
            field_dict["day"] = day
        if month is not UNSET:
            field_dict["month"] = month
        if year is not UNSET:
            field_dict["year"] = year

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        day = d.pop("day", UNSET)

        month = d.pop("month", UNSET)

        year = d.pop("year", UNSET)

        sde_date = cls(
            day=day,
            month=month,
            year=year,
        )

        return sde_date
