from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SdeLead")


@_attrs_define
class SdeLead:
    """Lead details.

    Attributes:
        topic (str | Unset):
        value (float | Unset):
        currency (str | Unset):
        lead_id (str | Unset):
    """

    topic: str | Unset = UNSET
    value: float | Unset = UNSET
    currency: str | Unset = UNSET
    lead_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        topic = self.topic

        value = self.value

        currency = self.currency

        lead_id = self.lead_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if topic is not UNSET:
            field_dict["topic"] = topic
        if value is not UNSET:
            field_dict["value"] = value
        if currency is not UNSET:
            field_dict["currency"] = currency
        if lead_id is not UNSET:
            field_dict["leadId"] = lead_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        topic = d.pop("topic", UNSET)

        value = d.pop("value", UNSET)

        currency = d.pop("currency", UNSET)

        lead_id = d.pop("leadId", UNSET)

        sde_lead = cls(
            topic=topic,
            value=value,
            currency=currency,
            lead_id=lead_id,
        )

        return sde_lead
