from typing import Literal

ChannelMetadataType = Literal[
    "BusinessChatCustomMessage",
    "BusinessEvent",
    "BusinessFormEvent",
    "CbBotResponseMetaData",
    "ConnectorAuthenticationRequest",
    "ConnectorPaymentRequest",
    "WhatsAppMultipleProduct",
    "WhatsAppSingleProduct",
]

CHANNEL_METADATA_TYPE_VALUES: set[ChannelMetadataType] = {
    "BusinessChatCustomMessage",
    "BusinessEvent",
    "BusinessFormEvent",
    "CbBotResponseMetaData",
    "ConnectorAuthenticationRequest",
    "ConnectorPaymentRequest",
    "WhatsAppMultipleProduct",
    "WhatsAppSingleProduct",
}


def check_channel_metadata_type(value: str) -> ChannelMetadataType:
    if value in CHANNEL_METADATA_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CHANNEL_METADATA_TYPE_VALUES!r}"
    )
