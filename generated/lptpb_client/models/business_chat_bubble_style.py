from typing import Literal

BusinessChatBubbleStyle = Literal["icon", "large", "small"]

BUSINESS_CHAT_BUBBLE_STYLE_VALUES: set[BusinessChatBubbleStyle] = {
    "icon",
    "large",
    "small",
}


def check_business_chat_bubble_style(value: str) -> BusinessChatBubbleStyle:
    if value in BUSINESS_CHAT_BUBBLE_STYLE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BUSINESS_CHAT_BUBBLE_STYLE_VALUES!r}"
    )
