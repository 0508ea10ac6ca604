from typing import Literal

TextSize = Literal["large", "medium", "small"]

TEXT_SIZE_VALUES: set[TextSize] = {
    "large",
    "medium",
    "small",
}


def check_text_size(value: str) -> TextSize:
    if value in TEXT_SIZE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TEXT_SIZE_VALUES!r}")
