from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SdeAddress")


@_attrs_define
class SdeAddress:
    """Where the consumer lives.

    Attributes:
        country (str | Unset): ISO 3166-1 alpha-2 code, upper case.
        region (str | Unset):
    """

    country: str | Unset = UNSET
    region: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        country = self.country

        region = self.region

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if country is not UNSET:
            field_dict["country"] = country
        if region is not UNSET:
            field_dict["region"] = region

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        country = d.pop("country", UNSET)

        region = d.pop("region", UNSET)

        sde_address = cls(
            country=country,
            region=region,
        )

        return sde_address
