from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.service_domain import ServiceDomain


T = TypeVar("T", bound="ServiceDomainLookup")


@_attrs_define
class ServiceDomainLookup:
    """One service's host, either bare (`service`, `account` and `baseURI`, as in ServiceDomain) or inside the list wrapper
    (`baseURIs`, as in ServiceDomainList). One object with the properties of both shapes, exactly one set of which is
    required (the `allOf`/`oneOf` below), rather than a union of the two schemas: both are tolerant response objects, so
    a generator that decodes a union by trying each variant (openapi-generator's Java) fills both from either answer,
    and generators that cannot model a union of required sets (openapi-python-client) still write one class.

        Attributes:
            service (str | Unset):
            account (str | Unset):
            base_uri (str | Unset): A bare host name, with no scheme and no trailing slash.
            base_ur_is (list[ServiceDomain] | Unset):
    """

    service: str | Unset = UNSET
    account: str | Unset = UNSET
    base_uri: str | Unset = UNSET
    base_ur_is: list[ServiceDomain] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        service = self.service

        account = self.account

        base_uri = self.base_uri

        base_ur_is: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.base_ur_is, Unset):
            base_ur_is = []
            for base_ur_is_item_data in self.base_ur_is:
                base_ur_is_item = base_ur_is_item_data.to_dict()
                base_ur_is.append(base_ur_is_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if service is not UNSET:
            field_dict["service"] = service
        if account is not UNSET:
            field_dict["account"] = account
        if base_uri is not UNSET:
            field_dict["baseURI"] = base_uri
        if base_ur_is is not UNSET:
            field_dict["baseURIs"] = base_ur_is

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.service_domain import ServiceDomain  # noqa: PLC0415

        d = dict(src_dict)
        service = d.pop("service", UNSET)

        account = d.pop("account", UNSET)

        base_uri = d.pop("baseURI", UNSET)

        _base_ur_is = d.pop("baseURIs", UNSET)
        base_ur_is: list[ServiceDomain] | Unset = UNSET
        if _base_ur_is is not UNSET:
            base_ur_is = []
            for base_ur_is_item_data in _base_ur_is:
                base_ur_is_item = ServiceDomain.from_dict(base_ur_is_item_data)

                base_ur_is.append(base_ur_is_item)

        service_domain_lookup = cls(
            service=service,
            account=account,
            base_uri=base_uri,
            base_ur_is=base_ur_is,
        )

        service_domain_lookup.additional_properties = d
        return service_domain_lookup

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
