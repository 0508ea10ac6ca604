from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConnectorPaymentResponseMetadata")


@_attrs_define
class ConnectorPaymentResponseMetadata:
    """The outcome of a payment request made through a channel connector.

    Attributes:
        type_ (Literal['ConnectorPaymentResponse']):
        status (bool | Unset):
        request_identifier (str | Unset):
    """

    type_: Literal["ConnectorPaymentResponse"]
    status: bool | Unset = UNSET
    request_identifier: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        status = self.status

        request_identifier = self.request_identifier

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if status is not UNSET:
            field_dict["Status"] = status
        if request_identifier is not UNSET:
            field_dict["requestIdentifier"] = request_identifier

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["ConnectorPaymentResponse"], d.pop("type"))
        if type_ != "ConnectorPaymentResponse":
            raise ValueError(
                f"type must match const 'ConnectorPaymentResponse', got '{type_}'"
            )

        status = d.pop("Status", UNSET)

        request_identifier = d.pop("requestIdentifier", UNSET)

        connector_payment_response_metadata = cls(
            type_=type_,
            status=status,
            request_identifier=request_identifier,
        )

        connector_payment_response_metadata.additional_properties = d
        return connector_payment_response_metadata

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
