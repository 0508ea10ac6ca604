from typing import Literal

ButtonRefType = Literal["accordionSelect", "carouselSelect"]

BUTTON_REF_TYPE_VALUES: set[ButtonRefType] = {
    "accordionSelect",
    "carouselSelect",
}


def check_button_ref_type(value: str) -> ButtonRefType:
    if value in BUTTON_REF_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BUTTON_REF_TYPE_VALUES!r}"
    )
