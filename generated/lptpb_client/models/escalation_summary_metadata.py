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

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.escalation_business_case import EscalationBusinessCase


T = TypeVar("T", bound="EscalationSummaryMetadata")


@_attrs_define
class EscalationSummaryMetadata:
    """A summary handed to the agent when the bot escalates.

    Attributes:
        type_ (Literal['EscalationSummary']):
        escalation_cause (str | Unset):
        business_cases (list[EscalationBusinessCase] | Unset):
        conversation_duration (int | Unset):
        escalated_during_business_case (str | Unset):
    """

    type_: Literal["EscalationSummary"]
    escalation_cause: str | Unset = UNSET
    business_cases: list[EscalationBusinessCase] | Unset = UNSET
    conversation_duration: int | Unset = UNSET
    escalated_during_business_case: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        escalation_cause = self.escalation_cause

        business_cases: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.business_cases, Unset):
            business_cases = []
            for business_cases_item_data in self.business_cases:
                business_cases_item = business_cases_item_data.to_dict()
                business_cases.append(business_cases_item)

        conversation_duration = self.conversation_duration

        escalated_during_business_case = self.escalated_during_business_case

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
            }
        )
        if escalation_cause is not UNSET:
            field_dict["escalationCause"] = escalation_cause
        if business_cases is not UNSET:
            field_dict["businessCases"] = business_cases
        if conversation_duration is not UNSET:
            field_dict["conversationDuration"] = conversation_duration
        if escalated_during_business_case is not UNSET:
            field_dict["escalatedDuringBusinessCase"] = escalated_during_business_case

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.escalation_business_case import EscalationBusinessCase  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["EscalationSummary"], d.pop("type"))
        if type_ != "EscalationSummary":
            raise ValueError(
                f"type must match const 'EscalationSummary', got '{type_}'"
            )

        escalation_cause = d.pop("escalationCause", UNSET)

        _business_cases = d.pop("businessCases", UNSET)
        business_cases: list[EscalationBusinessCase] | Unset = UNSET
        if _business_cases is not UNSET:
            business_cases = []
            for business_cases_item_data in _business_cases:
                business_cases_item = EscalationBusinessCase.from_dict(
                    business_cases_item_data
                )

                business_cases.append(business_cases_item)

        conversation_duration = d.pop("conversationDuration", UNSET)

        escalated_during_business_case = d.pop("escalatedDuringBusinessCase", UNSET)

        escalation_summary_metadata = cls(
            type_=type_,
            escalation_cause=escalation_cause,
            business_cases=business_cases,
            conversation_duration=conversation_duration,
            escalated_during_business_case=escalated_during_business_case,
        )

        return escalation_summary_metadata
