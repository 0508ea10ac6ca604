from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TransferRequest")


@_attrs_define
class TransferRequest:
    """The skill to transfer to, and optionally one agent of it.

    Attributes:
        skill (str): The skill's name, exactly as configured (case-sensitive).
        agent_id (str | Unset): The agent to transfer to, within the skill. Not `.` or `..`, as every id.
    """

    skill: str
    agent_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        skill = self.skill

        agent_id = self.agent_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "skill": skill,
            }
        )
        if agent_id is not UNSET:
            field_dict["agentId"] = agent_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        skill = d.pop("skill")

        agent_id = d.pop("agentId", UNSET)

        transfer_request = cls(
            skill=skill,
            agent_id=agent_id,
        )

        return transfer_request
