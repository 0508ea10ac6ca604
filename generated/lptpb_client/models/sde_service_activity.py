from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SdeServiceActivity")


@_attrs_define
class SdeServiceActivity:
    """Service activity details.

    Attributes:
        topic (str | Unset):
        status (int | Unset): 0 complete, 1 in progress, 2 approved, 3 cancelled, 4 not approved, 5 reviewed, 6 missing
            details, 7 closed, 8 removed, 9 assigned, 10 waiting.
        category (str | Unset):
        service_id (str | Unset):
    """

    topic: str | Unset = UNSET
    status: int | Unset = UNSET
    category: str | Unset = UNSET
    service_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        topic = self.topic

        status = self.status

        category = self.category

        service_id = self.service_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if topic is not UNSET:
            field_dict["topic"] = topic
        if status is not UNSET:
            field_dict["status"] = status
        if category is not UNSET:
            field_dict["category"] = category
        if service_id is not UNSET:
            field_dict["serviceId"] = service_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        topic = d.pop("topic", UNSET)

        status = d.pop("status", UNSET)

        category = d.pop("category", UNSET)

        service_id = d.pop("serviceId", UNSET)

        sde_service_activity = cls(
            topic=topic,
            status=status,
            category=category,
            service_id=service_id,
        )

        return sde_service_activity
