from typing import Literal

LayoutScroll = Literal["disable", "enable"]

LAYOUT_SCROLL_VALUES: set[LayoutScroll] = {
    "disable",
    "enable",
}


def check_layout_scroll(value: str) -> LayoutScroll:
    if value in LAYOUT_SCROLL_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LAYOUT_SCROLL_VALUES!r}"
    )
