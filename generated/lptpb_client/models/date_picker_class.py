from typing import Literal

DatePickerClass = Literal["range", "single"]

DATE_PICKER_CLASS_VALUES: set[DatePickerClass] = {
    "range",
    "single",
}


def check_date_picker_class(value: str) -> DatePickerClass:
    if value in DATE_PICKER_CLASS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {DATE_PICKER_CLASS_VALUES!r}"
    )
