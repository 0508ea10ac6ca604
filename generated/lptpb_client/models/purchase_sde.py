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
    from ..models.sde_purchase_cart import SdePurchaseCart


T = TypeVar("T", bound="PurchaseSde")


@_attrs_define
class PurchaseSde:
    """A purchase the consumer made.

    Attributes:
        type_ (Literal['purchase']):
        total (float | Unset):
        currency (str | Unset):
        order_id (str | Unset):
        cart (SdePurchaseCart | Unset): What the purchase contained.
    """

    type_: Literal["purchase"]
    total: float | Unset = UNSET
    currency: str | Unset = UNSET
    order_id: str | Unset = UNSET
    cart: SdePurchaseCart | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        total = self.total

        currency = self.currency

        order_id = self.order_id

        cart: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cart, Unset):
            cart = self.cart.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
            }
        )
        if total is not UNSET:
            field_dict["total"] = total
        if currency is not UNSET:
            field_dict["currency"] = currency
        if order_id is not UNSET:
            field_dict["orderId"] = order_id
        if cart is not UNSET:
            field_dict["cart"] = cart

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sde_purchase_cart import SdePurchaseCart  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["purchase"], d.pop("type"))
        if type_ != "purchase":
            raise ValueError(f"type must match const 'purchase', got '{type_}'")

        total = d.pop("total", UNSET)

        currency = d.pop("currency", UNSET)

        order_id = d.pop("orderId", UNSET)

        _cart = d.pop("cart", UNSET)
        cart: SdePurchaseCart | Unset
        if isinstance(_cart, Unset):
            cart = UNSET
        else:
            cart = SdePurchaseCart.from_dict(_cart)

        purchase_sde = cls(
            type_=type_,
            total=total,
            currency=currency,
            order_id=order_id,
            cart=cart,
        )

        return purchase_sde
