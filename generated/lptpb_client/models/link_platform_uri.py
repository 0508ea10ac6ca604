from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LinkPlatformUri")


@_attrs_define
class LinkPlatformUri:
    """A platform-specific URI (ios, android or web) overriding a link action's `uri`.

    Attributes:
        uri (str | Unset): Absolute URI. Pollock declares `format: uri`; this pattern (a scheme, then no whitespace)
            stands in for it so generated pydantic models keep the string as given instead of normalising it as AnyUrl.
    """

    uri: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        uri = self.uri

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if uri is not UNSET:
            field_dict["uri"] = uri

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uri = d.pop("uri", UNSET)

        link_platform_uri = cls(
            uri=uri,
        )

        return link_platform_uri
