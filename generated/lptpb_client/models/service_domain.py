from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ServiceDomain")


@_attrs_define
class ServiceDomain:
    """The host of one service for one account.

    Attributes:
        service (str):
        account (str):
        base_uri (str): A bare host name, with no scheme and no trailing slash.
    """

    service: str
    account: str
    base_uri: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        service = self.service

        account = self.account

        base_uri = self.base_uri

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "service": service,
                "account": account,
                "baseURI": base_uri,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        service = d.pop("service")

        account = d.pop("account")

        base_uri = d.pop("baseURI")

        service_domain = cls(
            service=service,
            account=account,
            base_uri=base_uri,
        )

        service_domain.additional_properties = d
        return service_domain

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
