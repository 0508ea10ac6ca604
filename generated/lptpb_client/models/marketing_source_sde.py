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
    from ..models.sde_marketing_info import SdeMarketingInfo


T = TypeVar("T", bound="MarketingSourceSde")


@_attrs_define
class MarketingSourceSde:
    """How the consumer came to the brand.

    Attributes:
        type_ (Literal['mrktInfo']):
        info (SdeMarketingInfo): Marketing source.
    """

    type_: Literal["mrktInfo"]
    info: SdeMarketingInfo

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
        from ..models.sde_marketing_info import SdeMarketingInfo  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["mrktInfo"], d.pop("type"))
        if type_ != "mrktInfo":
            raise ValueError(f"type must match const 'mrktInfo', got '{type_}'")

        info = SdeMarketingInfo.from_dict(d.pop("info"))

        marketing_source_sde = cls(
            type_=type_,
            info=info,
        )

        return marketing_source_sde
