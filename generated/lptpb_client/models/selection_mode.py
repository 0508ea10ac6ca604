from typing import Literal

SelectionMode = Literal["multiple", "single"]

SELECTION_MODE_VALUES: set[SelectionMode] = {
    "multiple",
    "single",
}


def check_selection_mode(value: str) -> SelectionMode:
    if value in SELECTION_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SELECTION_MODE_VALUES!r}"
    )
