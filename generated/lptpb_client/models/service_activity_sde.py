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
    from ..models.sde_service_activity import SdeServiceActivity


T = TypeVar("T", bound="ServiceActivitySde")


@_attrs_define
class ServiceActivitySde:
    """A service request and its progress.

    Attributes:
        type_ (Literal['service']):
        service (SdeServiceActivity): Service activity details.
    """

    type_: Literal["service"]
    service: SdeServiceActivity

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        service = self.service.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "service": service,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sde_service_activity import SdeServiceActivity  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["service"], d.pop("type"))
        if type_ != "service":
            raise ValueError(f"type must match const 'service', got '{type_}'")

        service = SdeServiceActivity.from_dict(d.pop("service"))

        service_activity_sde = cls(
            type_=type_,
            service=service,
        )

        return service_activity_sde
