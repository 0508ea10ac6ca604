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
    from ..models.sde_product_line import SdeProductLine


T = TypeVar("T", bound="CartSde")


@_attrs_define
class CartSde:
    """The consumer's cart as it is now.

    Attributes:
        type_ (Literal['cart']):
        total (float):
        num_items (int):
        currency (str | Unset):
        products (list[SdeProductLine] | Unset):
    """

    type_: Literal["cart"]
    total: float
    num_items: int
    currency: str | Unset = UNSET
    products: list[SdeProductLine] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        total = self.total

        num_items = self.num_items

        currency = self.currency

        products: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.products, Unset):
            products = []
            for products_item_data in self.products:
                products_item = products_item_data.to_dict()
                products.append(products_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "total": total,
                "numItems": num_items,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency
        if products is not UNSET:
            field_dict["products"] = products

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sde_product_line import SdeProductLine  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["cart"], d.pop("type"))
        if type_ != "cart":
            raise ValueError(f"type must match const 'cart', got '{type_}'")

        total = d.pop("total")

        num_items = d.pop("numItems")

        currency = d.pop("currency", UNSET)

        _products = d.pop("products", UNSET)
        products: list[SdeProductLine] | Unset = UNSET
        if _products is not UNSET:
            products = []
            for products_item_data in _products:
                products_item = SdeProductLine.from_dict(products_item_data)

                products.append(products_item)

        cart_sde = cls(
            type_=type_,
            total=total,
            num_items=num_items,
            currency=currency,
            products=products,
        )

        return cart_sde
