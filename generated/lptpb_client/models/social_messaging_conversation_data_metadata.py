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
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.social_user_profile import SocialUserProfile


T = TypeVar("T", bound="SocialMessagingConversationDataMetadata")


@_attrs_define
class SocialMessagingConversationDataMetadata:
    """The social network identity of the consumer of a social messaging conversation.

    Attributes:
        type_ (Literal['SocialMessagingConversationData']):
        direct_messaging_id (str | Unset):
        user_profile (SocialUserProfile | Unset): The consumer's profile on the social network, as the network gives it.
    """

    type_: Literal["SocialMessagingConversationData"]
    direct_messaging_id: str | Unset = UNSET
    user_profile: SocialUserProfile | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        direct_messaging_id = self.direct_messaging_id

        user_profile: dict[str, Any] | Unset = UNSET
        if not isinstance(self.user_profile, Unset):
            user_profile = self.user_profile.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if direct_messaging_id is not UNSET:
            field_dict["directMessagingId"] = direct_messaging_id
        if user_profile is not UNSET:
            field_dict["userProfile"] = user_profile

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.social_user_profile import SocialUserProfile  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["SocialMessagingConversationData"], d.pop("type"))
        if type_ != "SocialMessagingConversationData":
            raise ValueError(
                f"type must match const 'SocialMessagingConversationData', got '{type_}'"
            )

        direct_messaging_id = d.pop("directMessagingId", UNSET)

        _user_profile = d.pop("userProfile", UNSET)
        user_profile: SocialUserProfile | Unset
        if isinstance(_user_profile, Unset):
            user_profile = UNSET
        else:
            user_profile = SocialUserProfile.from_dict(_user_profile)

        social_messaging_conversation_data_metadata = cls(
            type_=type_,
            direct_messaging_id=direct_messaging_id,
            user_profile=user_profile,
        )

        social_messaging_conversation_data_metadata.additional_properties = d
        return social_messaging_conversation_data_metadata

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
