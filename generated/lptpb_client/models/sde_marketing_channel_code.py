from typing import Literal

SdeMarketingChannelCode = Literal[0, 1, 2, 3, 4]

SDE_MARKETING_CHANNEL_CODE_VALUES: set[SdeMarketingChannelCode] = {
    0,
    1,
    2,
    3,
    4,
}


def check_sde_marketing_channel_code(value: int) -> SdeMarketingChannelCode:
    if value in SDE_MARKETING_CHANNEL_CODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SDE_MARKETING_CHANNEL_CODE_VALUES!r}"
    )
