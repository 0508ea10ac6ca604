from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sde_product import SdeProduct


T = TypeVar("T", bound="SdeProductView")


@_attrs_define
class SdeProductView:
    """A product that was viewed.

    Attributes:
        product (SdeProduct | Unset): A product.
    """

    product: SdeProduct | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        product: dict[str, Any] | Unset = UNSET
        if not isinstance(self.product, Unset):
            product = self.product.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if product is not UNSET:
            field_dict["product"] = product

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

        sde_product_view = cls(
            product=product,
        )

        return sde_product_view
