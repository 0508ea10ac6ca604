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

T = TypeVar("T", bound="ConnectorAuthenticationResponseMetadata")


@_attrs_define
class ConnectorAuthenticationResponseMetadata:
    """The outcome of an authentication request made through a channel connector: a token on success, errors on failure.

    Attributes:
        type_ (Literal['ConnectorAuthenticationResponse']):
        status (bool | Unset):
        token (str | Unset):
        errors (list[Any] | Unset):
    """

    type_: Literal["ConnectorAuthenticationResponse"]
    status: bool | Unset = UNSET
    token: str | Unset = UNSET
    errors: list[Any] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        status = self.status

        token = self.token

        errors: list[Any] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = self.errors

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if status is not UNSET:
            field_dict["Status"] = status
        if token is not UNSET:
            field_dict["token"] = token
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["ConnectorAuthenticationResponse"], d.pop("type"))
        if type_ != "ConnectorAuthenticationResponse":
            raise ValueError(
                f"type must match const 'ConnectorAuthenticationResponse', got '{type_}'"
            )

        status = d.pop("Status", UNSET)

        token = d.pop("token", UNSET)

        errors = cast(list[Any], d.pop("errors", UNSET))

        connector_authentication_response_metadata = cls(
            type_=type_,
            status=status,
            token=token,
            errors=errors,
        )

        connector_authentication_response_metadata.additional_properties = d
        return connector_authentication_response_metadata

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
