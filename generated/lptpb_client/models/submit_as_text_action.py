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
    from ..models.accessibility import Accessibility
    from ..models.custom_settings import CustomSettings


T = TypeVar("T", bound="SubmitAsTextAction")


@_attrs_define
class SubmitAsTextAction:
    """The only action a submitButton click may carry: submits the list's checked boxes as text.

    Attributes:
        type_ (Literal['submitAsText']):
        submit (bool):  Default: False.
        accessibility (Accessibility | Unset): Accessibility attributes of an element, per platform (only web is
            defined).
        custom_settings (CustomSettings | Unset): Channel behaviour flags for an element or action.
    """

    type_: Literal["submitAsText"]
    submit: bool = False
    accessibility: Accessibility | Unset = UNSET
    custom_settings: CustomSettings | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        submit = self.submit

        accessibility: dict[str, Any] | Unset = UNSET
        if not isinstance(self.accessibility, Unset):
            accessibility = self.accessibility.to_dict()

        custom_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.custom_settings, Unset):
            custom_settings = self.custom_settings.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "submit": submit,
            }
        )
        if accessibility is not UNSET:
            field_dict["accessibility"] = accessibility
        if custom_settings is not UNSET:
            field_dict["customSettings"] = custom_settings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.accessibility import Accessibility  # noqa: PLC0415
        from ..models.custom_settings import CustomSettings  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["submitAsText"], d.pop("type"))
        if type_ != "submitAsText":
            raise ValueError(f"type must match const 'submitAsText', got '{type_}'")

        submit = d.pop("submit")

        _accessibility = d.pop("accessibility", UNSET)
        accessibility: Accessibility | Unset
        if isinstance(_accessibility, Unset):
            accessibility = UNSET
        else:
            accessibility = Accessibility.from_dict(_accessibility)

        _custom_settings = d.pop("customSettings", UNSET)
        custom_settings: CustomSettings | Unset
        if isinstance(_custom_settings, Unset):
            custom_settings = UNSET
        else:
            custom_settings = CustomSettings.from_dict(_custom_settings)

        submit_as_text_action = cls(
            type_=type_,
            submit=submit,
            accessibility=accessibility,
            custom_settings=custom_settings,
        )

        return submit_as_text_action
