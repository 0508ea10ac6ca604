from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.ttr_type import TtrType, check_ttr_type

T = TypeVar("T", bound="SetTtrRequest")


@_attrs_define
class SetTtrRequest:
    """The time-to-response priority to set.

    Attributes:
        ttr_type (TtrType): A time-to-response priority (case-sensitive). The older `CUSTOM` type, with a `value` in
            seconds, is no longer documented and is refused.
    """

    ttr_type: TtrType

    def to_dict(self) -> dict[str, Any]:
        ttr_type: str = self.ttr_type

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ttrType": ttr_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ttr_type = check_ttr_type(d.pop("ttrType"))

        set_ttr_request = cls(
            ttr_type=ttr_type,
        )

        return set_ttr_request
