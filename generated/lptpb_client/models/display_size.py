from typing import Literal

DisplaySize = Literal["compact", "contain", "cover", "full", "large", "tall"]

DISPLAY_SIZE_VALUES: set[DisplaySize] = {
    "compact",
    "contain",
    "cover",
    "full",
    "large",
    "tall",
}


def check_display_size(value: str) -> DisplaySize:
    if value in DISPLAY_SIZE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {DISPLAY_SIZE_VALUES!r}"
    )
