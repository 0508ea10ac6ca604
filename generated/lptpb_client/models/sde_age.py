from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SdeAge")


@_attrs_define
class SdeAge:
    """Age, and date of birth.

    Attributes:
        age (int | Unset):
        year (int | Unset):
        month (int | Unset):
        day (int | Unset):
    """

    age: int | Unset = UNSET
    year: int | Unset = UNSET
    month: int | Unset = UNSET
    day: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        age = self.age

        year = self.year

        month = self.month

        day = self.day

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if age is not UNSET:
            field_dict["age"] = age
        if year is not UNSET:
            field_dict["year"] = year
        if month is not UNSET:
            field_dict["month"] = month
        if day is not UNSET:
            field_dict["day"] = day

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        age = d.pop("age", UNSET)

        year = d.pop("year", UNSET)

        month = d.pop("month", UNSET)

        day = d.pop("day", UNSET)

        sde_age = cls(
            age=age,
            year=year,
            month=month,
            day=day,
        )

        return sde_age
