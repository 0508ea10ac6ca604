from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.sde_marketing_channel_code import (
    SdeMarketingChannelCode,
    check_sde_marketing_channel_code,
)
from ..models.sde_marketing_channel_digit import (
    SdeMarketingChannelDigit,
    check_sde_marketing_channel_digit,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="SdeMarketingInfo")


@_attrs_define
class SdeMarketingInfo:
    """Marketing source.

    Attributes:
        channel (SdeMarketingChannelCode | SdeMarketingChannelDigit | Unset): How the consumer arrived: 0 direct, 1
            search, 2 social, 3 email, 4 referral, as the number or as its digit string (LivePerson's example sends "1").
        affiliate (str | Unset):
        campaign_id (str | Unset):
    """

    channel: SdeMarketingChannelCode | SdeMarketingChannelDigit | Unset = UNSET
    affiliate: str | Unset = UNSET
    campaign_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        channel: int | str | Unset
        if isinstance(self.channel, Unset):
            channel = UNSET
        elif isinstance(self.channel, int):
            channel = self.channel
        else:
            channel = self.channel

        affiliate = self.affiliate

        campaign_id = self.campaign_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if channel is not UNSET:
            field_dict["channel"] = channel
        if affiliate is not UNSET:
            field_dict["affiliate"] = affiliate
        if campaign_id is not UNSET:
            field_dict["campaignId"] = campaign_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_channel(
            data: object,
        ) -> SdeMarketingChannelCode | SdeMarketingChannelDigit | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                componentsschemas_sde_marketing_channel_type_0 = (
                    check_sde_marketing_channel_code(data)
                )

                return componentsschemas_sde_marketing_channel_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            componentsschemas_sde_marketing_channel_type_1 = (
                check_sde_marketing_channel_digit(data)
            )

            return componentsschemas_sde_marketing_channel_type_1

        channel = _parse_channel(d.pop("channel", UNSET))

        affiliate = d.pop("affiliate", UNSET)

        campaign_id = d.pop("campaignId", UNSET)

        sde_marketing_info = cls(
            channel=channel,
            affiliate=affiliate,
            campaign_id=campaign_id,
        )

        return sde_marketing_info
