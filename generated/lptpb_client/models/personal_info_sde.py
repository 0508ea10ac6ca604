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
    from ..models.sde_personal_info import SdePersonalInfo


T = TypeVar("T", bound="PersonalInfoSde")


@_attrs_define
class PersonalInfoSde:
    """The consumer's personal details.

    Attributes:
        type_ (Literal['personal']):
        personal (SdePersonalInfo): Personal details.
    """

    type_: Literal["personal"]
    personal: SdePersonalInfo

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        personal = self.personal.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "personal": personal,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sde_personal_info import SdePersonalInfo  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["personal"], d.pop("type"))
        if type_ != "personal":
            raise ValueError(f"type must match const 'personal', got '{type_}'")

        personal = SdePersonalInfo.from_dict(d.pop("personal"))

        personal_info_sde = cls(
            type_=type_,
            personal=personal,
        )

        return personal_info_sde
