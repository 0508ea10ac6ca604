from typing import Literal

SdeMarketingChannelDigit = Literal["0", "1", "2", "3", "4"]

SDE_MARKETING_CHANNEL_DIGIT_VALUES: set[SdeMarketingChannelDigit] = {
    "0",
    "1",
    "2",
    "3",
    "4",
}


def check_sde_marketing_channel_digit(value: str) -> SdeMarketingChannelDigit:
    if value in SDE_MARKETING_CHANNEL_DIGIT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SDE_MARKETING_CHANNEL_DIGIT_VALUES!r}"
    )
