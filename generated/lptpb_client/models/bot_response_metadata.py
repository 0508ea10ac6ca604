from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bot_identity import BotIdentity
    from ..models.bot_intent import BotIntent


T = TypeVar("T", bound="BotResponseMetadata")


@_attrs_define
class BotResponseMetadata:
    """What the bot understood: intents with their confidence, business cases, and the bot's identity. Channel validators
    may add fields, which are allowed.

        Attributes:
            type_ (Literal['BotResponse']):
            external_conversation_id (str | Unset):
            business_cases (list[str] | Unset):
            intents (list[BotIntent] | Unset):
            bot (BotIdentity | Unset): Which bot answered.
            consumer_utterance_sequence_numbers (list[int] | Unset):
    """

    type_: Literal["BotResponse"]
    external_conversation_id: str | Unset = UNSET
    business_cases: list[str] | Unset = UNSET
    intents: list[BotIntent] | Unset = UNSET
    bot: BotIdentity | Unset = UNSET
    consumer_utterance_sequence_numbers: list[int] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        external_conversation_id = self.external_conversation_id

        business_cases: list[str] | Unset = UNSET
        if not isinstance(self.business_cases, Unset):
            business_cases = self.business_cases

        intents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.intents, Unset):
            intents = []
            for intents_item_data in self.intents:
                intents_item = intents_item_data.to_dict()
                intents.append(intents_item)

        bot: dict[str, Any] | Unset = UNSET
        if not isinstance(self.bot, Unset):
            bot = self.bot.to_dict()

        consumer_utterance_sequence_numbers: list[int] | Unset = UNSET
        if not isinstance(self.consumer_utterance_sequence_numbers, Unset):
            consumer_utterance_sequence_numbers = (
                self.consumer_utterance_sequence_numbers
            )

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if external_conversation_id is not UNSET:
            field_dict["externalConversationId"] = external_conversation_id
        if business_cases is not UNSET:
            field_dict["businessCases"] = business_cases
        if intents is not UNSET:
            field_dict["intents"] = intents
        if bot is not UNSET:
            field_dict["bot"] = bot
        if consumer_utterance_sequence_numbers is not UNSET:
            field_dict["consumerUtteranceSequenceNumbers"] = (
                consumer_utterance_sequence_numbers
            )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bot_identity import BotIdentity  # noqa: PLC0415
        from ..models.bot_intent import BotIntent  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["BotResponse"], d.pop("type"))
        if type_ != "BotResponse":
            raise ValueError(f"type must match const 'BotResponse', got '{type_}'")

        external_conversation_id = d.pop("externalConversationId", UNSET)

        business_cases = cast(list[str], d.pop("businessCases", UNSET))

        _intents = d.pop("intents", UNSET)
        intents: list[BotIntent] | Unset = UNSET
        if _intents is not UNSET:
            intents = []
            for intents_item_data in _intents:
                intents_item = BotIntent.from_dict(intents_item_data)

                intents.append(intents_item)

        _bot = d.pop("bot", UNSET)
        bot: BotIdentity | Unset
        if isinstance(_bot, Unset):
            bot = UNSET
        else:
            bot = BotIdentity.from_dict(_bot)

        consumer_utterance_sequence_numbers = cast(
            list[int], d.pop("consumerUtteranceSequenceNumbers", UNSET)
        )

        bot_response_metadata = cls(
            type_=type_,
            external_conversation_id=external_conversation_id,
            business_cases=business_cases,
            intents=intents,
            bot=bot,
            consumer_utterance_sequence_numbers=consumer_utterance_sequence_numbers,
        )

        bot_response_metadata.additional_properties = d
        return bot_response_metadata

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
