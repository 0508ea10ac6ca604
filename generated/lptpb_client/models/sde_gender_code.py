from typing import Literal

SdeGenderCode = Literal[0, 1, 2]

SDE_GENDER_CODE_VALUES: set[SdeGenderCode] = {
    0,
    1,
    2,
}


def check_sde_gender_code(value: int) -> SdeGenderCode:
    if value in SDE_GENDER_CODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SDE_GENDER_CODE_VALUES!r}"
    )
