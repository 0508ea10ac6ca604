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

from ..models.link_target import LinkTarget, check_link_target
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.accessibility import Accessibility
    from ..models.custom_settings import CustomSettings
    from ..models.link_platform_uri import LinkPlatformUri


T = TypeVar("T", bound="LinkAction")


@_attrs_define
class LinkAction:
    """Opens a URI (up to 1024 characters), optionally with per-platform overrides.

    Attributes:
        type_ (Literal['link']):
        uri (str): Absolute URI. Pollock declares `format: uri`; this pattern (a scheme, then no whitespace) stands in
            for it so generated pydantic models keep the string as given instead of normalising it as AnyUrl.
        name (str | Unset):
        ios (LinkPlatformUri | Unset): A platform-specific URI (ios, android or web) overriding a link action's `uri`.
        android (LinkPlatformUri | Unset): A platform-specific URI (ios, android or web) overriding a link action's
            `uri`.
        web (LinkPlatformUri | Unset): A platform-specific URI (ios, android or web) overriding a link action's `uri`.
        target (LinkTarget | Unset): Where a link action opens (default `self`), in the same window, a new window or a
            slide-out panel.
        accessibility (Accessibility | Unset): Accessibility attributes of an element, per platform (only web is
            defined).
        custom_settings (CustomSettings | Unset): Channel behaviour flags for an element or action.
    """

    type_: Literal["link"]
    uri: str
    name: str | Unset = UNSET
    ios: LinkPlatformUri | Unset = UNSET
    android: LinkPlatformUri | Unset = UNSET
    web: LinkPlatformUri | Unset = UNSET
    target: LinkTarget | Unset = UNSET
    accessibility: Accessibility | Unset = UNSET
    custom_settings: CustomSettings | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        uri = self.uri

        name = self.name

        ios: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ios, Unset):
            ios = self.ios.to_dict()

        android: dict[str, Any] | Unset = UNSET
        if not isinstance(self.android, Unset):
            android = self.android.to_dict()

        web: dict[str, Any] | Unset = UNSET
        if not isinstance(self.web, Unset):
            web = self.web.to_dict()

        target: str | Unset = UNSET
        if not isinstance(self.target, Unset):
            target = self.target

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
                "uri": uri,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if ios is not UNSET:
            field_dict["ios"] = ios
        if android is not UNSET:
            field_dict["android"] = android
        if web is not UNSET:
            field_dict["web"] = web
        if target is not UNSET:
            field_dict["target"] = target
        if accessibility is not UNSET:
            field_dict["accessibility"] = accessibility
        if custom_settings is not UNSET:
            field_dict["customSettings"] = custom_settings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.accessibility import Accessibility  # noqa: PLC0415
        from ..models.custom_settings import CustomSettings  # noqa: PLC0415
        from ..models.link_platform_uri import LinkPlatformUri  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["link"], d.pop("type"))
        if type_ != "link":
            raise ValueError(f"type must match const 'link', got '{type_}'")

        uri = d.pop("uri")

        name = d.pop("name", UNSET)

        _ios = d.pop("ios", UNSET)
        ios: LinkPlatformUri | Unset
        if isinstance(_ios, Unset):
            ios = UNSET
        else:
            ios = LinkPlatformUri.from_dict(_ios)

        _android = d.pop("android", UNSET)
        android: LinkPlatformUri | Unset
        if isinstance(_android, Unset):
            android = UNSET
        else:
            android = LinkPlatformUri.from_dict(_android)

        _web = d.pop("web", UNSET)
        web: LinkPlatformUri | Unset
        if isinstance(_web, Unset):
            web = UNSET
        else:
            web = LinkPlatformUri.from_dict(_web)

        _target = d.pop("target", UNSET)
        target: LinkTarget | Unset
        if isinstance(_target, Unset):
            target = UNSET
        else:
            target = check_link_target(_target)

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

        link_action = cls(
            type_=type_,
            uri=uri,
            name=name,
            ios=ios,
            android=android,
            web=web,
            target=target,
            accessibility=accessibility,
            custom_settings=custom_settings,
        )

        return link_action
