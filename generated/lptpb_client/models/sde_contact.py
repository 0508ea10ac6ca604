from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.sde_contact_phone_type import (
    SdeContactPhoneType,
    check_sde_contact_phone_type,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sde_address import SdeAddress


T = TypeVar("T", bound="SdeContact")


@_attrs_define
class SdeContact:
    """A way to reach the consumer.

    Attributes:
        email (str | Unset):
        phone (str | Unset):
        phone_type (SdeContactPhoneType | Unset):
        address (SdeAddress | Unset): Where the consumer lives.
    """

    email: str | Unset = UNSET
    phone: str | Unset = UNSET
    phone_type: SdeContactPhoneType | Unset = UNSET
    address: SdeAddress | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        phone = self.phone

        phone_type: str | Unset = UNSET
        if not isinstance(self.phone_type, Unset):
            phone_type = self.phone_type

        address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.address, Unset):
            address = self.address.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone
        if phone_type is not UNSET:
            field_dict["phoneType"] = phone_type
        if address is not UNSET:
            field_dict["address"] = address

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sde_address import SdeAddress  # noqa: PLC0415

        d = dict(src_dict)
        email = d.pop("email", UNSET)

        phone = d.pop("phone", UNSET)

        _phone_type = d.pop("phoneType", UNSET)
        phone_type: SdeContactPhoneType | Unset
        if isinstance(_phone_type, Unset):
            phone_type = UNSET
        else:
            phone_type = check_sde_contact_phone_type(_phone_type)

        _address = d.pop("address", UNSET)
        address: SdeAddress | Unset
        if isinstance(_address, Unset):
            address = UNSET
        else:
            address = SdeAddress.from_dict(_address)

        sde_contact = cls(
            email=email,
            phone=phone,
            phone_type=phone_type,
            address=address,
        )

        return sde_contact
