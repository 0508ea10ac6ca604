from typing import Literal

FirstDayOfWeek = Literal["mon", "sun"]

FIRST_DAY_OF_WEEK_VALUES: set[FirstDayOfWeek] = {
    "mon",
    "sun",
}


def check_first_day_of_week(value: str) -> FirstDayOfWeek:
    if value in FIRST_DAY_OF_WEEK_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {FIRST_DAY_OF_WEEK_VALUES!r}"
    )
