from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="AccordionSelectMode")


@_attrs_define
class AccordionSelectMode:
    """Names an accordionSelect so that a button's `ref` can submit its selection.

    Attributes:
        name (str): Identifier referred to by a button's `ref.name`.
    """

    name: str

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        accordion_select_mode = cls(
            name=name,
        )

        return accordion_select_mode
