from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.command_error import CommandError


T = TypeVar("T", bound="CommandResult")


@_attrs_define
class CommandResult:
    """When the command ran and, if it failed, why.

    Attributes:
        start_time (int | Unset): Milliseconds since the epoch.
        end_time (int | Unset): Milliseconds since the epoch.
        execution_time (int | Unset): Milliseconds the command took to run.
        error (CommandError | Unset): Why the command failed, for example `com.liveperson.bot-connectors-
            worker.error.public-api.execution-failed` when it did not run before its `ttl`.
    """

    start_time: int | Unset = UNSET
    end_time: int | Unset = UNSET
    execution_time: int | Unset = UNSET
    error: CommandError | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start_time = self.start_time

        end_time = self.end_time

        execution_time = self.execution_time

        error: dict[str, Any] | Unset = UNSET
        if not isinstance(self.error, Unset):
            error = self.error.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if start_time is not UNSET:
            field_dict["startTime"] = start_time
        if end_time is not UNSET:
            field_dict["endTime"] = end_time
        if execution_time is not UNSET:
            field_dict["executionTime"] = execution_time
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.command_error import CommandError  # noqa: PLC0415

        d = dict(src_dict)
        start_time = d.pop("startTime", UNSET)

        end_time = d.pop("endTime", UNSET)

        execution_time = d.pop("executionTime", UNSET)

        _error = d.pop("error", UNSET)
        error: CommandError | Unset
        if isinstance(_error, Unset):
            error = UNSET
        else:
            error = CommandError.from_dict(_error)

        command_result = cls(
            start_time=start_time,
            end_time=end_time,
            execution_time=execution_time,
            error=error,
        )

        command_result.additional_properties = d
        return command_result

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
