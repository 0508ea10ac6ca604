from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AccordionTitle")


@_attrs_define
class AccordionTitle:
    """The heading of one accordionSelect section (name plus optional extra text).

    Attributes:
        name (str):
        additional (str | Unset): Secondary text shown with the heading.
    """

    name: str
    additional: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        additional = self.additional

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if additional is not UNSET:
            field_dict["additional"] = additional

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        additional = d.pop("additional", UNSET)

        accordion_title = cls(
            name=name,
            additional=additional,
        )

        return accordion_title
