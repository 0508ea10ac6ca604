from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.accessibility_web import AccessibilityWeb


T = TypeVar("T", bound="Accessibility")


@_attrs_define
class Accessibility:
    """Accessibility attributes of an element, per platform (only web is defined).

    Attributes:
        web (AccessibilityWeb | Unset): HTML accessibility attributes (`role`, `tabindex` and `aria-*`) applied on the
            web client; values are strings, each with Pollock's maximum length (10 to 1000 depending on the attribute).
    """

    web: AccessibilityWeb | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        web: dict[str, Any] | Unset = UNSET
        if not isinstance(self.web, Unset):
            web = self.web.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if web is not UNSET:
            field_dict["web"] = web

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.accessibility_web import AccessibilityWeb  # noqa: PLC0415

        d = dict(src_dict)
        _web = d.pop("web", UNSET)
        web: AccessibilityWeb | Unset
        if isinstance(_web, Unset):
            web = UNSET
        else:
            web = AccessibilityWeb.from_dict(_web)

        accessibility = cls(
            web=web,
        )

        return accessibility
