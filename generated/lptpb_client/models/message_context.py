from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MessageContext")


@_attrs_define
class MessageContext:
    """The intent that the batch answers, for reporting.

    Attributes:
        intent_id (str | Unset):
        intent_name (str | Unset):
        confidence_score (float | Unset):
    """

    intent_id: str | Unset = UNSET
    intent_name: str | Unset = UNSET
    confidence_score: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        intent_id = self.intent_id

        intent_name = self.intent_name

        confidence_score = self.confidence_score

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if intent_id is not UNSET:
            field_dict["intentId"] = intent_id
        if intent_name is not UNSET:
            field_dict["intentName"] = intent_name
        if confidence_score is not UNSET:
            field_dict["confidenceScore"] = confidence_score

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        intent_id = d.pop("intentId", UNSET)

        intent_name = d.pop("intentName", UNSET)

        confidence_score = d.pop("confidenceScore", UNSET)

        message_context = cls(
            intent_id=intent_id,
            intent_name=intent_name,
            confidence_score=confidence_score,
        )

        return message_context
