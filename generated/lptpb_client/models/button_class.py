from typing import Literal

ButtonClass = Literal["button", "text"]

BUTTON_CLASS_VALUES: set[ButtonClass] = {
    "button",
    "text",
}


def check_button_class(value: str) -> ButtonClass:
    if value in BUTTON_CLASS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BUTTON_CLASS_VALUES!r}"
    )
