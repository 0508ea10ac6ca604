from typing import Literal

SocialEventSource = Literal["Facebook", "Twitter"]

SOCIAL_EVENT_SOURCE_VALUES: set[SocialEventSource] = {
    "Facebook",
    "Twitter",
}


def check_social_event_source(value: str) -> SocialEventSource:
    if value in SOCIAL_EVENT_SOURCE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SOCIAL_EVENT_SOURCE_VALUES!r}"
    )
