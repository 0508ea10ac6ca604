from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AddToCartItem")


@_attrs_define
class AddToCartItem:
    """One product line of an addToCart action.

    Attributes:
        product_id (str | Unset):
        quantity (int | Unset):
    """

    product_id: str | Unset = UNSET
    quantity: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        product_id = self.product_id

        quantity = self.quantity

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if product_id is not UNSET:
            field_dict["productId"] = product_id
        if quantity is not UNSET:
            field_dict["quantity"] = quantity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        product_id = d.pop("productId", UNSET)

        quantity = d.pop("quantity", UNSET)

        add_to_cart_item = cls(
            product_id=product_id,
            quantity=quantity,
        )

        return add_to_cart_item
