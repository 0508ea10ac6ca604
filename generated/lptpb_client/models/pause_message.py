from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PauseMessage")


@_attrs_define
class PauseMessage:
    """A pause of `delay` whole seconds before the next message, showing the typing indicator unless `typing` is false.

    Attributes:
        delay (int): Seconds to wait.
        typing (bool | Unset): Whether the consumer sees the bot typing during the pause. Default: True.
    """

    delay: int
    typing: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        delay = self.delay

        typing = self.typing

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "delay": delay,
            }
        )
        if typing is not UNSET:
            field_dict["typing"] = typing

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        delay = d.pop("delay")

        typing = d.pop("typing", UNSET)

        pause_message = cls(
            delay=delay,
            typing=typing,
        )

        return pause_message
