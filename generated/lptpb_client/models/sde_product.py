from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SdeProduct")


@_attrs_define
class SdeProduct:
    """A product.

    Attributes:
        name (str | Unset):
        category (str | Unset):
        sku (str | Unset):
        price (float | Unset):
    """

    name: str | Unset = UNSET
    category: str | Unset = UNSET
    sku: str | Unset = UNSET
    price: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        category = self.category

        sku = self.sku

        price = self.price

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if category is not UNSET:
            field_dict["category"] = category
        if sku is not UNSET:
            field_dict["sku"] = sku
        if price is not UNSET:
            field_dict["price"] = price

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        category = d.pop("category", UNSET)

        sku = d.pop("sku", UNSET)

        price = d.pop("price", UNSET)

        sde_product = cls(
            name=name,
            category=category,
            sku=sku,
            price=price,
        )

        return sde_product
