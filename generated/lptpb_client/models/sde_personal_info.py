from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.sde_gender_code import SdeGenderCode, check_sde_gender_code
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sde_age import SdeAge
    from ..models.sde_contact import SdeContact


T = TypeVar("T", bound="SdePersonalInfo")


@_attrs_define
class SdePersonalInfo:
    """Personal details.

    Attributes:
        firstname (str | Unset):
        lastname (str | Unset):
        age (SdeAge | Unset): Age, and date of birth.
        contacts (list[SdeContact] | Unset):
        gender (SdeGenderCode | str | Unset): Gender, as its code (0 male, 1 female, 2 other) or its name in any case
            (`MALE`, `Male`, `female`, …): LivePerson's own examples use both.
        company (str | Unset):
        language (str | Unset): A language tag such as `en-US`.
    """

    firstname: str | Unset = UNSET
    lastname: str | Unset = UNSET
    age: SdeAge | Unset = UNSET
    contacts: list[SdeContact] | Unset = UNSET
    gender: SdeGenderCode | str | Unset = UNSET
    company: str | Unset = UNSET
    language: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        firstname = self.firstname

        lastname = self.lastname

        age: dict[str, Any] | Unset = UNSET
        if not isinstance(self.age, Unset):
            age = self.age.to_dict()

        contacts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.contacts, Unset):
            contacts = []
            for contacts_item_data in self.contacts:
                contacts_item = contacts_item_data.to_dict()
                contacts.append(contacts_item)

        gender: int | str | Unset
        if isinstance(self.gender, Unset):
            gender = UNSET
        elif isinstance(self.gender, int):
            gender = self.gender
        else:
            gender = self.gender

        company = self.company

        language = self.language

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if firstname is not UNSET:
            field_dict["firstname"] = firstname
        if lastname is not UNSET:
            field_dict["lastname"] = lastname
        if age is not UNSET:
            field_dict["age"] = age
        if contacts is not UNSET:
            field_dict["contacts"] = contacts
        if gender is not UNSET:
            field_dict["gender"] = gender
        if company is not UNSET:
            field_dict["company"] = company
        if language is not UNSET:
            field_dict["language"] = language

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sde_age import SdeAge  # noqa: PLC0415
        from ..models.sde_contact import SdeContact  # noqa: PLC0415

        d = dict(src_dict)
        firstname = d.pop("firstname", UNSET)

        lastname = d.pop("lastname", UNSET)

        _age = d.pop("age", UNSET)
        age: SdeAge | Unset
        if isinstance(_age, Unset):
            age = UNSET
        else:
            age = SdeAge.from_dict(_age)

        _contacts = d.pop("contacts", UNSET)
        contacts: list[SdeContact] | Unset = UNSET
        if _contacts is not UNSET:
            contacts = []
            for contacts_item_data in _contacts:
                contacts_item = SdeContact.from_dict(contacts_item_data)

                contacts.append(contacts_item)

        def _parse_gender(data: object) -> SdeGenderCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                componentsschemas_sde_gender_type_0 = check_sde_gender_code(data)

                return componentsschemas_sde_gender_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(SdeGenderCode | str | Unset, data)

        gender = _parse_gender(d.pop("gender", UNSET))

        company = d.pop("company", UNSET)

        language = d.pop("language", UNSET)

        sde_personal_info = cls(
            firstname=firstname,
            lastname=lastname,
            age=age,
            contacts=contacts,
            gender=gender,
            company=company,
            language=language,
        )

        return sde_personal_info
