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

if TYPE_CHECKING:
    from ..models.add_to_cart_item import AddToCartItem


T = TypeVar("T", bound="AddToCartAction")


@_attrs_define
class AddToCartAction:
    """Adds up to 10 products to the user's shopping cart.

    Attributes:
        type_ (Literal['addToCart']):
        items (list[AddToCartItem]):
    """

    type_: Literal["addToCart"]
    items: list[AddToCartItem]

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.add_to_cart_item import AddToCartItem  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["addToCart"], d.pop("type"))
        if type_ != "addToCart":
            raise ValueError(f"type must match const 'addToCart', got '{type_}'")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = AddToCartItem.from_dict(items_item_data)

            items.append(items_item)

        add_to_cart_action = cls(
            type_=type_,
            items=items,
        )

        return add_to_cart_action
