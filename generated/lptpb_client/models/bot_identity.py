from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bot_identity_bot_provider_type import (
    BotIdentityBotProviderType,
    check_bot_identity_bot_provider_type,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="BotIdentity")


@_attrs_define
class BotIdentity:
    """Which bot answered.

    Attributes:
        bot_id (str):
        bot_provider (str | Unset):
        bot_provider_type (BotIdentityBotProviderType | Unset):
        bot_type (str | Unset):
        bot_language (str | Unset):
        bot_last_update_timestamp (int | Unset):
    """

    bot_id: str
    bot_provider: str | Unset = UNSET
    bot_provider_type: BotIdentityBotProviderType | Unset = UNSET
    bot_type: str | Unset = UNSET
    bot_language: str | Unset = UNSET
    bot_last_update_timestamp: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bot_id = self.bot_id

        bot_provider = self.bot_provider

        bot_provider_type: str | Unset = UNSET
        if not isinstance(self.bot_provider_type, Unset):
            bot_provider_type = self.bot_provider_type

        bot_type = self.bot_type

        bot_language = self.bot_language

        bot_last_update_timestamp = self.bot_last_update_timestamp

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "botId": bot_id,
            }
        )
        if bot_provider is not UNSET:
            field_dict["botProvider"] = bot_provider
        if bot_provider_type is not UNSET:
            field_dict["botProviderType"] = bot_provider_type
        if bot_type is not UNSET:
            field_dict["botType"] = bot_type
        if bot_language is not UNSET:
            field_dict["botLanguage"] = bot_language
        if bot_last_update_timestamp is not UNSET:
            field_dict["botLastUpdateTimestamp"] = bot_last_update_timestamp

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        bot_id = d.pop("botId")

        bot_provider = d.pop("botProvider", UNSET)

        _bot_provider_type = d.pop("botProviderType", UNSET)
        bot_provider_type: BotIdentityBotProviderType | Unset
        if isinstance(_bot_provider_type, Unset):
            bot_provider_type = UNSET
        else:
            bot_provider_type = check_bot_identity_bot_provider_type(_bot_provider_type)

        bot_type = d.pop("botType", UNSET)

        bot_language = d.pop("botLanguage", UNSET)

        bot_last_update_timestamp = d.pop("botLastUpdateTimestamp", UNSET)

        bot_identity = cls(
            bot_id=bot_id,
            bot_provider=bot_provider,
            bot_provider_type=bot_provider_type,
            bot_type=bot_type,
            bot_language=bot_language,
            bot_last_update_timestamp=bot_last_update_timestamp,
        )

        bot_identity.additional_properties = d
        return bot_identity

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
