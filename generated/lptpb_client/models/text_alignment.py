from typing import Literal

TextAlignment = Literal["center", "leading", "trailing"]

TEXT_ALIGNMENT_VALUES: set[TextAlignment] = {
    "center",
    "leading",
    "trailing",
}


def check_text_alignment(value: str) -> TextAlignment:
    if value in TEXT_ALIGNMENT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {TEXT_ALIGNMENT_VALUES!r}"
    )
