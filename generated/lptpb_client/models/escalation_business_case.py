from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="EscalationBusinessCase")


@_attrs_define
class EscalationBusinessCase:
    """A business case the bot went through, and when.

    Attributes:
        id (str | Unset):
        time (int | Unset):
    """

    id: str | Unset = UNSET
    time: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        time = self.time

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if time is not UNSET:
            field_dict["time"] = time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        time = d.pop("time", UNSET)

        escalation_business_case = cls(
            id=id,
            time=time,
        )

        return escalation_business_case
