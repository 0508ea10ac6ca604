from typing import Literal

LinkTarget = Literal["blank", "self", "slideout"]

LINK_TARGET_VALUES: set[LinkTarget] = {
    "blank",
    "self",
    "slideout",
}


def check_link_target(value: str) -> LinkTarget:
    if value in LINK_TARGET_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LINK_TARGET_VALUES!r}"
    )
