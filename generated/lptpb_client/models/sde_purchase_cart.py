from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sde_product_line import SdeProductLine


T = TypeVar("T", bound="SdePurchaseCart")


@_attrs_define
class SdePurchaseCart:
    """What the purchase contained.

    Attributes:
        products (list[SdeProductLine]):
        num_items (int | Unset):
    """

    products: list[SdeProductLine]
    num_items: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        products = []
        for products_item_data in self.products:
            products_item = products_item_data.to_dict()
            products.append(products_item)

        num_items = self.num_items

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "products": products,
            }
        )
        if num_items is not UNSET:
            field_dict["numItems"] = num_items

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sde_product_line import SdeProductLine  # noqa: PLC0415

        d = dict(src_dict)
        products = []
        _products = d.pop("products")
        for products_item_data in _products:
            products_item = SdeProductLine.from_dict(products_item_data)

            products.append(products_item)

        num_items = d.pop("numItems", UNSET)

        sde_purchase_cart = cls(
            products=products,
            num_items=num_items,
        )

        return sde_purchase_cart
