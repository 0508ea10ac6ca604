from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ActionReasonMetadata")


@_attrs_define
class ActionReasonMetadata:
    """Why the bot acted, for example why it escalated (`escalated_by_user`, `escalated_by_bot`,
    `escalated_by_configuration`, `escalated_by_error`).

        Attributes:
            type_ (Literal['ActionReason']):
            reason (str):
            reason_id (str | Unset):
    """

    type_: Literal["ActionReason"]
    reason: str
    reason_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        reason = self.reason

        reason_id = self.reason_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "reason": reason,
            }
        )
        if reason_id is not UNSET:
            field_dict["reasonId"] = reason_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["ActionReason"], d.pop("type"))
        if type_ != "ActionReason":
            raise ValueError(f"type must match const 'ActionReason', got '{type_}'")

        reason = d.pop("reason")

        reason_id = d.pop("reasonId", UNSET)

        action_reason_metadata = cls(
            type_=type_,
            reason=reason,
            reason_id=reason_id,
        )

        return action_reason_metadata
