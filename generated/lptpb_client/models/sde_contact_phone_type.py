from typing import Literal

SdeContactPhoneType = Literal[
    "FAX", "HOME", "HOME_FAX", "MAIN", "MOBILE", "OTHER", "PAGER", "WORK", "WORK_FAX"
]

SDE_CONTACT_PHONE_TYPE_VALUES: set[SdeContactPhoneType] = {
    "FAX",
    "HOME",
    "HOME_FAX",
    "MAIN",
    "MOBILE",
    "OTHER",
    "PAGER",
    "WORK",
    "WORK_FAX",
}


def check_sde_contact_phone_type(value: str) -> SdeContactPhoneType:
    if value in SDE_CONTACT_PHONE_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SDE_CONTACT_PHONE_TYPE_VALUES!r}"
    )
