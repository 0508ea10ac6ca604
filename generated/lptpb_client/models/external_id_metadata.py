from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

T = TypeVar("T", bound="ExternalIdMetadata")


@_attrs_define
class ExternalIdMetadata:
    """Your own id for the message or a click, reported back in sent, delivered, viewed and clicked analytics.

    Attributes:
        type_ (Literal['ExternalId']):
        id (str):
    """

    type_: Literal["ExternalId"]
    id: str

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "id": id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["ExternalId"], d.pop("type"))
        if type_ != "ExternalId":
            raise ValueError(f"type must match const 'ExternalId', got '{type_}'")

        id = d.pop("id")

        external_id_metadata = cls(
            type_=type_,
            id=id,
        )

        return external_id_metadata
