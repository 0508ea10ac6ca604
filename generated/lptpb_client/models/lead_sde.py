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
    from ..models.sde_lead import SdeLead


T = TypeVar("T", bound="LeadSde")


@_attrs_define
class LeadSde:
    """A sales lead.

    Attributes:
        type_ (Literal['lead']):
        lead (SdeLead): Lead details.
    """

    type_: Literal["lead"]
    lead: SdeLead

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        lead = self.lead.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "lead": lead,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sde_lead import SdeLead  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["lead"], d.pop("type"))
        if type_ != "lead":
            raise ValueError(f"type must match const 'lead', got '{type_}'")

        lead = SdeLead.from_dict(d.pop("lead"))

        lead_sde = cls(
            type_=type_,
            lead=lead,
        )

        return lead_sde
