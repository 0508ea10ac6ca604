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
    from ..models.key_value_pair import KeyValuePair


T = TypeVar("T", bound="KeyValuePairListElement")


@_attrs_define
class KeyValuePairListElement:
    """A table of 1 to 50 key/value rows.

    Attributes:
        type_ (Literal['keyValuePairList']):
        elements (list[KeyValuePair]):
    """

    type_: Literal["keyValuePairList"]
    elements: list[KeyValuePair]

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        elements = []
        for elements_item_data in self.elements:
            elements_item = elements_item_data.to_dict()
            elements.append(elements_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "elements": elements,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.key_value_pair import KeyValuePair  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["keyValuePairList"], d.pop("type"))
        if type_ != "keyValuePairList":
            raise ValueError(f"type must match const 'keyValuePairList', got '{type_}'")

        elements = []
        _elements = d.pop("elements")
        for elements_item_data in _elements:
            elements_item = KeyValuePair.from_dict(elements_item_data)

            elements.append(elements_item)

        key_value_pair_list_element = cls(
            type_=type_,
            elements=elements,
        )

        return key_value_pair_list_element
