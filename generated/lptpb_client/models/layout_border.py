from typing import Literal

LayoutBorder = Literal["border", "borderLess", "dropShadow"]

LAYOUT_BORDER_VALUES: set[LayoutBorder] = {
    "border",
    "borderLess",
    "dropShadow",
}


def check_layout_border(value: str) -> LayoutBorder:
    if value in LAYOUT_BORDER_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LAYOUT_BORDER_VALUES!r}"
    )
