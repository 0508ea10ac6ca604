from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sde_product import SdeProduct


T = TypeVar("T", bound="SdeProductLine")


@_attrs_define
class SdeProductLine:
    """A product and how many of it.

    Attributes:
        product (SdeProduct | Unset): A product.
        quantity (int | Unset):
    """

    product: SdeProduct | Unset = UNSET
    quantity: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        product: dict[str, Any] | Unset = UNSET
        if not isinstance(self.product, Unset):
            product = self.product.to_dict()

        quantity = self.quantity

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if product is not UNSET:
            field_dict["product"] = product
        if quantity is not UNSET:
            field_dict["quantity"] = quantity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sde_product import SdeProduct  # noqa: PLC0415

        d = dict(src_dict)
        _product = d.pop("product", UNSET)
        product: SdeProduct | Unset
        if isinstance(_product, Unset):
            product = UNSET
        else:
            product = SdeProduct.from_dict(_product)

        quantity = d.pop("quantity", UNSET)

        sde_product_line = cls(
            product=product,
            quantity=quantity,
        )

        return sde_product_line
