from typing import Literal

PrivateTextMessageMessageAudience = Literal["AGENTS_AND_MANAGERS"]

PRIVATE_TEXT_MESSAGE_MESSAGE_AUDIENCE_VALUES: set[PrivateTextMessageMessageAudience] = {
    "AGENTS_AND_MANAGERS",
}


def check_private_text_message_message_audience(
    value: str,
) -> PrivateTextMessageMessageAudience:
    if value in PRIVATE_TEXT_MESSAGE_MESSAGE_AUDIENCE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PRIVATE_TEXT_MESSAGE_MESSAGE_AUDIENCE_VALUES!r}"
    )
