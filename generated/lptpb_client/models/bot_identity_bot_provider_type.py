from typing import Literal

BotIdentityBotProviderType = Literal["1P", "3P_EXTERNAL_CONNECTOR", "3P_LP_CONNECTOR"]

BOT_IDENTITY_BOT_PROVIDER_TYPE_VALUES: set[BotIdentityBotProviderType] = {
    "1P",
    "3P_EXTERNAL_CONNECTOR",
    "3P_LP_CONNECTOR",
}


def check_bot_identity_bot_provider_type(value: str) -> BotIdentityBotProviderType:
    if value in BOT_IDENTITY_BOT_PROVIDER_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BOT_IDENTITY_BOT_PROVIDER_TYPE_VALUES!r}"
    )
