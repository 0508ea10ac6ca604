"""Message metadata constructors, public as ``lptpb_ext.meta``.

Each returns the JSON of one documented metadata ``type``, a dict in the API's spelling, checked
when the message it goes with is added to a batch::

    from lptpb_ext import meta

    meta.external_id("order-1234")
    meta.bot_response(intents=[meta.intent("greet", 0.93, name="Greeting")])
    meta.action_reason("escalated_by_user")

Types whose fields the contract leaves open (Apple Messages for Business events and forms,
connector requests, WhatsApp products) are made with :func:`channel`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, TypeAlias

from lptpb_ext._make import json_value
from lptpb_models import (
    ActionReasonMetadata,
    BotIntent,
    BotResponseMetadata,
    BusinessChatMessageMetadata,
    ChannelMetadata,
    ConnectorAuthenticationResponseMetadata,
    ConnectorPaymentResponseMetadata,
    EscalationSummaryMetadata,
    ExternalIdMetadata,
    MessageMetadata,
    SocialMessagingConversationDataMetadata,
    SocialMessagingEventDataMetadata,
)

__all__ = [
    "MetadataLike",
    "action_reason",
    "bot_response",
    "business_chat_message",
    "channel",
    "connector_authentication_response",
    "connector_payment_response",
    "escalation_summary",
    "external_id",
    "intent",
    "social_conversation_data",
    "social_event_data",
]

MetadataLike: TypeAlias = (
    ExternalIdMetadata
    | BotResponseMetadata
    | ActionReasonMetadata
    | EscalationSummaryMetadata
    | ConnectorPaymentResponseMetadata
    | ConnectorAuthenticationResponseMetadata
    | SocialMessagingConversationDataMetadata
    | SocialMessagingEventDataMetadata
    | BusinessChatMessageMetadata
    | ChannelMetadata
    | MessageMetadata
    | Mapping[str, Any]
)
"""One item of a message's ``metadata``: a model from this module, or its JSON."""

ChannelType: TypeAlias = Literal[
    "BusinessEvent",
    "BusinessFormEvent",
    "BusinessChatCustomMessage",
    "ConnectorPaymentRequest",
    "ConnectorAuthenticationRequest",
    "CbBotResponseMetaData",
    "WhatsAppSingleProduct",
    "WhatsAppMultipleProduct",
]


def external_id(value: str) -> dict[str, Any]:
    """Your id for the message or click (at most 64 characters), reported back in analytics."""
    return {"type": "ExternalId", "id": value}


def intent(
    intent_id: str,
    confidence_score: float,
    *,
    name: str | None = None,
    confidence: str | None = None,
) -> dict[str, Any]:
    """An intent the bot matched, with its score from 0 to 1 (and a label such as ``high``)."""
    fields = {"id": intent_id, "confidenceScore": confidence_score, "name": name}
    return json_value("intent", {**fields, "confidence": confidence}, None)


def bot_response(
    *,
    intents: Sequence[BotIntent | Mapping[str, Any]] | None = None,
    business_cases: Sequence[str] | None = None,
    external_conversation_id: str | None = None,
    bot: Mapping[str, Any] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """What the bot understood: intents, business cases and which bot it was."""
    fields = {
        "type": "BotResponse",
        "intents": None if intents is None else list(intents),
        "businessCases": None if business_cases is None else list(business_cases),
        "externalConversationId": external_conversation_id,
        "bot": bot,
    }
    return json_value("BotResponse", fields, extra)


def action_reason(reason: str, *, reason_id: str | None = None) -> dict[str, Any]:
    """Why the bot acted, e.g. ``escalated_by_user`` or ``escalated_by_bot``."""
    fields = {"type": "ActionReason", "reason": reason, "reasonId": reason_id}
    return json_value("ActionReason", fields, None)


def escalation_summary(
    *,
    escalation_cause: str | None = None,
    business_cases: Sequence[tuple[str, int] | Mapping[str, Any]] | None = None,
    conversation_duration: int | None = None,
    escalated_during_business_case: str | None = None,
) -> dict[str, Any]:
    """A summary for the agent when the bot escalates; business cases as ``(id, time)``."""
    cases = None
    if business_cases is not None:
        cases = [{"id": c[0], "time": c[1]} if isinstance(c, tuple) else c for c in business_cases]
    fields = {
        "type": "EscalationSummary",
        "escalationCause": escalation_cause,
        "businessCases": cases,
        "conversationDuration": conversation_duration,
        "escalatedDuringBusinessCase": escalated_during_business_case,
    }
    return json_value("EscalationSummary", fields, None)


def connector_payment_response(
    *,
    status: bool | None = None,
    request_identifier: str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The outcome of a payment request made through a channel connector."""
    fields = {
        "type": "ConnectorPaymentResponse",
        "Status": status,
        "requestIdentifier": request_identifier,
    }
    return json_value("ConnectorPaymentResponse", fields, extra)


def connector_authentication_response(
    *,
    status: bool | None = None,
    token: str | None = None,
    errors: Sequence[Any] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The outcome of an authentication request: a token on success, errors on failure."""
    fields = {
        "type": "ConnectorAuthenticationResponse",
        "Status": status,
        "token": token,
        "errors": None if errors is None else list(errors),
    }
    return json_value("ConnectorAuthenticationResponse", fields, extra)


def social_conversation_data(
    *,
    direct_messaging_id: str | None = None,
    user_profile: Mapping[str, Any] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The consumer's identity on the social network of a social messaging conversation."""
    fields = {
        "type": "SocialMessagingConversationData",
        "directMessagingId": direct_messaging_id,
        "userProfile": user_profile,
    }
    name = "SocialMessagingConversationData"
    return json_value(name, fields, extra)


def social_event_data(
    *,
    event: Mapping[str, Any] | None = None,
    channel: Literal["Public", "Private"] | None = None,
    reply_to_id: str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The social event (post, reply, direct message...) a message answers."""
    fields = {
        "type": "SocialMessagingEventData",
        "event": event,
        "channel": channel,
        "replyToId": reply_to_id,
    }
    return json_value("SocialMessagingEventData", fields, extra)


def business_chat_message(
    received_message: Mapping[str, Any],
    *,
    reply_message: Mapping[str, Any] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """How an Apple Messages for Business picker is shown (bubbles need a ``title``)."""
    fields = {
        "type": "BusinessChatMessage",
        "receivedMessage": received_message,
        "replyMessage": reply_message,
    }
    return json_value("BusinessChatMessage", fields, extra)


def channel(kind: ChannelType, fields: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A channel metadata item whose fields the contract does not check (tag checked)."""
    return json_value(kind, {"type": kind}, fields)
