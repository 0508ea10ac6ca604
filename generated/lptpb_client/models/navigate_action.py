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
    from ..models.custom_settings import CustomSettings


T = TypeVar("T", bound="NavigateAction")


@_attrs_define
class NavigateAction:
    """Opens navigation to a location. Coordinates are not range-checked (Pollock accepts any numbers).

    Attributes:
        type_ (Literal['navigate']):
        la (float): Latitude.
        lo (float): Longitude.
        name (str | Unset): Name of the destination.
        custom_settings (CustomSettings | Unset): Channel behaviour flags for an element or action.
    """

    type_: Literal["navigate"]
    la: float
    lo: float
    name: str | Unset = UNSET
    custom_settings: CustomSettings | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        la = self.la

        lo = self.lo

        name = self.name

        custom_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.custom_settings, Unset):
            custom_settings = self.custom_settings.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "la": la,
                "lo": lo,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if custom_settings is not UNSET:
            field_dict["customSettings"] = custom_settings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.custom_settings import CustomSettings  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["navigate"], d.pop("type"))
        if type_ != "navigate":
            raise ValueError(f"type must match const 'navigate', got '{type_}'")

        la = d.pop("la")

        lo = d.pop("lo")

        name = d.pop("name", UNSET)

        _custom_settings = d.pop("customSettings", UNSET)
        custom_settings: CustomSettings | Unset
        if isinstance(_custom_settings, Unset):
            custom_settings = UNSET
        else:
            custom_settings = CustomSettings.from_dict(_custom_settings)

        navigate_action = cls(
            type_=type_,
            la=la,
            lo=lo,
            name=name,
            custom_settings=custom_settings,
        )

        return navigate_action
