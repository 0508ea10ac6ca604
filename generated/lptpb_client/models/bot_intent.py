from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BotIntent")


@_attrs_define
class BotIntent:
    """An intent the bot matched, with its confidence.

    Attributes:
        id (str):
        confidence_score (float):
        name (str | Unset):
        confidence (str | Unset): A coarse label such as `low`, `medium` or `high`.
    """

    id: str
    confidence_score: float
    name: str | Unset = UNSET
    confidence: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        confidence_score = self.confidence_score

        name = self.name

        confidence = self.confidence

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "confidenceScore": confidence_score,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if confidence is not UNSET:
            field_dict["confidence"] = confidence

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        confidence_score = d.pop("confidenceScore")

        name = d.pop("name", UNSET)

        confidence = d.pop("confidence", UNSET)

        bot_intent = cls(
            id=id,
            confidence_score=confidence_score,
            name=name,
            confidence=confidence,
        )

        return bot_intent
