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
    from ..models.sde_customer_info import SdeCustomerInfo


T = TypeVar("T", bound="CustomerInfoSde")


@_attrs_define
class CustomerInfoSde:
    """Who the customer is to the brand (tier, status, balance, ids).

    Attributes:
        type_ (Literal['ctmrinfo']):
        info (SdeCustomerInfo): Customer information. `ctype` (tier, e.g. "vip") and `cstatus` (e.g. "cancelled") are
            free strings compared case-insensitively. `storeZipCode` and `storeNumber` are not honoured for authenticated
            consumers.
    """

    type_: Literal["ctmrinfo"]
    info: SdeCustomerInfo

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        info = self.info.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "info": info,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sde_customer_info import SdeCustomerInfo  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["ctmrinfo"], d.pop("type"))
        if type_ != "ctmrinfo":
            raise ValueError(f"type must match const 'ctmrinfo', got '{type_}'")

        info = SdeCustomerInfo.from_dict(d.pop("info"))

        customer_info_sde = cls(
            type_=type_,
            info=info,
        )

        return customer_info_sde
