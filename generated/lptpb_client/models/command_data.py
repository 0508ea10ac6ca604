from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CommandData")


@_attrs_define
class CommandData:
    """What the command asks for, in the service's own normalised form.

    Attributes:
        type_ (str): The kind of command, for example `messages` or `sdes`; the names of the other kinds are not
            documented.
        payload (Any): The request as the service stored it. For `sdes` the request body; for `messages` a list of
            normalised messages such as `{"type": "text", "payload": "Hi", "metadata": []}`.
        conversation_id (str | Unset):
        is_internal (bool | Unset):
        timeout_time (int | Unset): When the command's `ttl` runs out, in milliseconds since the epoch.
    """

    type_: str
    payload: Any
    conversation_id: str | Unset = UNSET
    is_internal: bool | Unset = UNSET
    timeout_time: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        payload = self.payload

        conversation_id = self.conversation_id

        is_internal = self.is_internal

        timeout_time = self.timeout_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "payload": payload,
            }
        )
        if conversation_id is not UNSET:
            field_dict["conversationId"] = conversation_id
        if is_internal is not UNSET:
            field_dict["isInternal"] = is_internal
        if timeout_time is not UNSET:
            field_dict["timeoutTime"] = timeout_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type")

        payload = d.pop("payload")

        conversation_id = d.pop("conversationId", UNSET)

        is_internal = d.pop("isInternal", UNSET)

        timeout_time = d.pop("timeoutTime", UNSET)

        command_data = cls(
            type_=type_,
            payload=payload,
            conversation_id=conversation_id,
            is_internal=is_internal,
            timeout_time=timeout_time,
        )

        command_data.additional_properties = d
        return command_data

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
