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
    from ..models.social_event import SocialEvent


T = TypeVar("T", bound="SocialMessagingEventDataMetadata")


@_attrs_define
class SocialMessagingEventDataMetadata:
    """The social network event (a Facebook or Twitter post, reply, direct message, …, or one of another social connector)
    that a social messaging message answers.

        Attributes:
            type_ (Literal['SocialMessagingEventData']):
            event (SocialEvent | Unset): Where a social messaging event comes from and what kind it is.
            channel (str | Unset): Which side of the social network the event is on: LivePerson documents `Public` and
                `Private`. An open string: the connector reads it, not this API, so other values are passed on rather than
                refused here.
            reply_to_id (str | Unset):
    """

    type_: Literal["SocialMessagingEventData"]
    event: SocialEvent | Unset = UNSET
    channel: str | Unset = UNSET
    reply_to_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        event: dict[str, Any] | Unset = UNSET
        if not isinstance(self.event, Unset):
            event = self.event.to_dict()

        channel = self.channel

        reply_to_id = self.reply_to_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if event is not UNSET:
            field_dict["event"] = event
        if channel is not UNSET:
            field_dict["channel"] = channel
        if reply_to_id is not UNSET:
            field_dict["replyToId"] = reply_to_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.social_event import SocialEvent  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["SocialMessagingEventData"], d.pop("type"))
        if type_ != "SocialMessagingEventData":
            raise ValueError(
                f"type must match const 'SocialMessagingEventData', got '{type_}'"
            )

        _event = d.pop("event", UNSET)
        event: SocialEvent | Unset
        if isinstance(_event, Unset):
            event = UNSET
        else:
            event = SocialEvent.from_dict(_event)

        channel = d.pop("channel", UNSET)

        reply_to_id = d.pop("replyToId", UNSET)

        social_messaging_event_data_metadata = cls(
            type_=type_,
            event=event,
            channel=channel,
            reply_to_id=reply_to_id,
        )

        social_messaging_event_data_metadata.additional_properties = d
        return social_messaging_event_data_metadata

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
