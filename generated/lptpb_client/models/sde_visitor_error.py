from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SdeVisitorError")


@_attrs_define
class SdeVisitorError:
    """Visitor error details.

    Attributes:
        context_id (str | Unset):
        message (str | Unset):
        code (str | Unset):
        level (int | Unset):
        resolved (bool | Unset):
    """

    context_id: str | Unset = UNSET
    message: str | Unset = UNSET
    code: str | Unset = UNSET
    level: int | Unset = UNSET
    resolved: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        context_id = self.context_id

        message = self.message

        code = self.code

        level = self.level

        resolved = self.resolved

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if context_id is not UNSET:
            field_dict["contextId"] = context_id
        if message is not UNSET:
            field_dict["message"] = message
        if code is not UNSET:
            field_dict["code"] = code
        if level is not UNSET:
            field_dict["level"] = level
        if resolved is not UNSET:
            field_dict["resolved"] = resolved

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        context_id = d.pop("contextId", UNSET)

        message = d.pop("message", UNSET)

        code = d.pop("code", UNSET)

        level = d.pop("level", UNSET)

        resolved = d.pop("resolved", UNSET)

        sde_visitor_error = cls(
            context_id=context_id,
            message=message,
            code=code,
            level=level,
            resolved=resolved,
        )

        return sde_visitor_error
