from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

T = TypeVar("T", bound="SearchContentSde")


@_attrs_define
class SearchContentSde:
    """What the consumer searched for.

    Attributes:
        type_ (Literal['searchInfo']):
        keywords (list[str]):
    """

    type_: Literal["searchInfo"]
    keywords: list[str]

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        keywords = self.keywords

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "keywords": keywords,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["searchInfo"], d.pop("type"))
        if type_ != "searchInfo":
            raise ValueError(f"type must match const 'searchInfo', got '{type_}'")

        keywords = cast(list[str], d.pop("keywords"))

        search_content_sde = cls(
            type_=type_,
            keywords=keywords,
        )

        return search_content_sde
