from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.command_state import CommandState, check_command_state

if TYPE_CHECKING:
    from ..models.command_data import CommandData
    from ..models.command_result import CommandResult


T = TypeVar("T", bound="Command")


@_attrs_define
class Command:
    """A command created by one of the conversation calls: what was asked, its state, and once it ran, its result.

    Attributes:
        id (str): The command's id, a digit string such as "21".
        data (CommandData): What the command asks for, in the service's own normalised form.
        result (CommandResult | None): `null` while the command waits; then its timing and any error.
        state (CommandState): `waiting` until the command runs, then `completed` or `failed`.
    """

    id: str
    data: CommandData
    result: CommandResult | None
    state: CommandState
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.command_result import CommandResult  # noqa: PLC0415

        id = self.id

        data = self.data.to_dict()

        result: dict[str, Any] | None
        if isinstance(self.result, CommandResult):
            result = self.result.to_dict()
        else:
            result = self.result

        state: str = self.state

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "data": data,
                "result": result,
                "state": state,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.command_data import CommandData  # noqa: PLC0415
        from ..models.command_result import CommandResult  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        data = CommandData.from_dict(d.pop("data"))

        def _parse_result(data: object) -> CommandResult | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = CommandResult.from_dict(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CommandResult | None, data)

        result = _parse_result(d.pop("result"))

        state = check_command_state(d.pop("state"))

        command = cls(
            id=id,
            data=data,
            result=result,
            state=state,
        )

        command.additional_properties = d
        return command

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
