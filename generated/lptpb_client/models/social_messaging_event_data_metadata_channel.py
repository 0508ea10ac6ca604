from typing import Literal

SocialMessagingEventDataMetadataChannel = Literal["Private", "Public"]

SOCIAL_MESSAGING_EVENT_DATA_METADATA_CHANNEL_VALUES: set[
    SocialMessagingEventDataMetadataChannel
] = {
    "Private",
    "Public",
}


def check_social_messaging_event_data_metadata_channel(
    value: str,
) -> SocialMessagingEventDataMetadataChannel:
    if value in SOCIAL_MESSAGING_EVENT_DATA_METADATA_CHANNEL_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SOCIAL_MESSAGING_EVENT_DATA_METADATA_CHANNEL_VALUES!r}"
    )
