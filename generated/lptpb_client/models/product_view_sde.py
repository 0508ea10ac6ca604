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
    from ..models.sde_product_view import SdeProductView


T = TypeVar("T", bound="ProductViewSde")


@_attrs_define
class ProductViewSde:
    """Products the consumer looked at.

    Attributes:
        type_ (Literal['prodView']):
        currency (str | Unset):
        products (list[SdeProductView] | Unset):
    """

    type_: Literal["prodView"]
    currency: str | Unset = UNSET
    products: list[SdeProductView] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

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
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency
        if products is not UNSET:
            field_dict["products"] = products

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sde_product_view import SdeProductView  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["prodView"], d.pop("type"))
        if type_ != "prodView":
            raise ValueError(f"type must match const 'prodView', got '{type_}'")

        currency = d.pop("currency", UNSET)

        _products = d.pop("products", UNSET)
        products: list[SdeProductView] | Unset = UNSET
        if _products is not UNSET:
            products = []
            for products_item_data in _products:
                products_item = SdeProductView.from_dict(products_item_data)

                products.append(products_item)

        product_view_sde = cls(
            type_=type_,
            currency=currency,
            products=products,
        )

        return product_view_sde
