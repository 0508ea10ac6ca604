from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RemoveAgentRequest")


@_attrs_define
class RemoveAgentRequest:
    """The bot to remove and what it says before leaving.

    Attributes:
        agent_id (str): The agent id of the Third-Party Bots bot to remove. Not `.` or `..`, as every id.
        agent_message (str | Unset): A message the bot sends before it leaves.
    """

    agent_id: str
    agent_message: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        agent_id = self.agent_id

        agent_message = self.agent_message

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "agentId": agent_id,
            }
        )
        if agent_message is not UNSET:
            field_dict["agentMessage"] = agent_message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agent_id = d.pop("agentId")

        agent_message = d.pop("agentMessage", UNSET)

        remove_agent_request = cls(
            agent_id=agent_id,
            agent_message=agent_message,
        )

        return remove_agent_request
