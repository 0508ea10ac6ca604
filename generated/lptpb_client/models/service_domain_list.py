from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.service_domain import ServiceDomain


T = TypeVar("T", bound="ServiceDomainList")


@_attrs_define
class ServiceDomainList:
    """The hosts of the account's services.

    Attributes:
        base_ur_is (list[ServiceDomain]):
    """

    base_ur_is: list[ServiceDomain]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        base_ur_is = []
        for base_ur_is_item_data in self.base_ur_is:
            base_ur_is_item = base_ur_is_item_data.to_dict()
            base_ur_is.append(base_ur_is_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "baseURIs": base_ur_is,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.service_domain import ServiceDomain  # noqa: PLC0415

        d = dict(src_dict)
        base_ur_is = []
        _base_ur_is = d.pop("baseURIs")
        for base_ur_is_item_data in _base_ur_is:
            base_ur_is_item = ServiceDomain.from_dict(base_ur_is_item_data)

            base_ur_is.append(base_ur_is_item)

        service_domain_list = cls(
            base_ur_is=base_ur_is,
        )

        service_domain_list.additional_properties = d
        return service_domain_list

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
