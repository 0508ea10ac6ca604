from typing import Literal

TtrType = Literal["NORMAL", "PRIORITIZED", "URGENT"]

TTR_TYPE_VALUES: set[TtrType] = {
    "NORMAL",
    "PRIORITIZED",
    "URGENT",
}


def check_ttr_type(value: str) -> TtrType:
    if value in TTR_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TTR_TYPE_VALUES!r}")
