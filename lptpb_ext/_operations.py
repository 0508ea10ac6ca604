"""Each contract operation as a validated :class:`~lptpb_ext._engine.Call`, plus its parser.

Both clients build their calls here, so validation happens in one place and always before
anything is sent: a bad body or ``ttl`` raises :class:`~lptpb_ext.RequestValidationError`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

import httpx
import pydantic

from lptpb_ext._engine import Call, dump
from lptpb_ext._errors import (
    InvalidResponseError,
    Reconciliation,
    RequestValidationError,
    ServiceNotFoundError,
)
from lptpb_ext._limits import TTL_DEFAULT
from lptpb_ext._responses import parse, request_id
from lptpb_ext._routes import DOT_SEGMENTS
from lptpb_ext._validation import validate_body, validate_ttl, wire_body
from lptpb_ext._zones import lookup_entries
from lptpb_models import (
    CloseConversationRequest,
    Command,
    CommandAccepted,
    CommandList,
    JoinConversationRequest,
    RemoveAgentRequest,
    SendMessagesRequest,
    ServiceDomain,
    ServiceDomainList,
    ServiceDomainLookup,
    SetSdesRequest,
    SetTtrRequest,
    TransferRequest,
)

__all__ = [
    "Body",
    "Call",
    "TtrType",
    "accepted",
    "candidates",
    "check_id",
    "close_conversation",
    "command",
    "commands",
    "get_command",
    "join_conversation",
    "list_commands",
    "list_service_domains",
    "one_service_domain",
    "remove_agent",
    "send_messages",
    "service_domain",
    "service_domains",
    "set_sdes",
    "set_ttr",
    "transfer",
]

TtrType = Literal["URGENT", "NORMAL", "PRIORITIZED"]
Body = Mapping[str, Any]


def check_id(name: str, value: object) -> str:
    """``value`` if it is an id the contract accepts, else :class:`RequestValidationError`."""
    if not isinstance(value, str) or not value:
        raise RequestValidationError(name, "type", "must be a non-empty string")
    if value in DOT_SEGMENTS:
        raise RequestValidationError(
            name, "pattern", f"{value!r} is not an id: a URL would drop it as a dot-segment"
        )
    return value


def _command(
    operation: str, conversation_id: str, content: bytes, ttl: int | None, *, has_ttl: bool
) -> Call:
    return Call(
        operation,
        "command",
        (check_id("conversationId", conversation_id),),
        content,
        ttl=None if not has_ttl or ttl is None else validate_ttl(ttl),
        conversation_id=conversation_id,
    )


def send_messages(conversation_id: str, body: SendMessagesRequest | Body, ttl: int | None) -> Call:
    content = wire_body(SendMessagesRequest, body)
    return _command("sendMessages", conversation_id, content, ttl, has_ttl=True)


def transfer(conversation_id: str, skill: str, agent_id: str | None, ttl: int | None) -> Call:
    fields: dict[str, str] = {"skill": skill}
    if agent_id is not None:
        fields["agentId"] = agent_id
    model = validate_body(TransferRequest, fields)
    return _command("transferConversation", conversation_id, dump(model), ttl, has_ttl=True)


def close_conversation(conversation_id: str, ttl: int | None) -> Call:
    model = validate_body(CloseConversationRequest, {})
    return _command("closeConversation", conversation_id, dump(model), ttl, has_ttl=True)


def set_sdes(
    conversation_id: str,
    sdes: Sequence[pydantic.BaseModel | Body],
    shark_visitor_id: str,
    shark_session_id: str,
    ttl: int | None,
) -> Call:
    items = [
        sde.model_dump(by_alias=True, exclude_unset=True)
        if isinstance(sde, pydantic.BaseModel)
        else sde
        for sde in sdes
    ]
    body = {"sdes": items, "sharkVisitorId": shark_visitor_id, "sharkSessionId": shark_session_id}
    model = validate_body(SetSdesRequest, body)
    return _command("setSdes", conversation_id, dump(model), ttl, has_ttl=True)


def set_ttr(conversation_id: str, ttr_type: TtrType, ttl: int | None) -> Call:
    model = validate_body(SetTtrRequest, {"ttrType": ttr_type})
    return _command("setTtr", conversation_id, dump(model), ttl, has_ttl=True)


def _agent_body(agent_id: str, agent_message: str | None) -> dict[str, str]:
    fields = {"agentId": agent_id}
    if agent_message is not None:
        fields["agentMessage"] = agent_message
    return fields


def join_conversation(conversation_id: str, agent_id: str, agent_message: str | None) -> Call:
    model = validate_body(JoinConversationRequest, _agent_body(agent_id, agent_message))
    return _command("joinConversation", conversation_id, dump(model), None, has_ttl=False)


def remove_agent(conversation_id: str, agent_id: str, agent_message: str | None) -> Call:
    model = validate_body(RemoveAgentRequest, _agent_body(agent_id, agent_message))
    return _command("removeAgent", conversation_id, dump(model), None, has_ttl=False)


def list_commands(conversation_id: str) -> Call:
    conversation = check_id("conversationId", conversation_id)
    return Call("listCommands", "read", (conversation,), conversation_id=conversation)


def get_command(conversation_id: str, command_id: str) -> Call:
    conversation = check_id("conversationId", conversation_id)
    ids = (conversation, check_id("commandId", command_id))
    return Call("getCommand", "read", ids, conversation_id=conversation)


def service_domain(service_name: str) -> Call:
    ids = (check_id("serviceName", service_name),)
    return Call("getServiceDomain", "read", ids, authenticated=False, domain_api=True)


def list_service_domains() -> Call:
    return Call("listServiceDomains", "read", (), authenticated=False, domain_api=True)


def accepted(call: Call, response: httpx.Response) -> CommandAccepted:
    return parse(call.operation, CommandAccepted, response)


def command(call: Call, response: httpx.Response) -> Command:
    return parse(call.operation, Command, response)


def commands(call: Call, response: httpx.Response) -> list[Command]:
    return parse(call.operation, CommandList, response).root


def service_domains(call: Call, response: httpx.Response) -> list[ServiceDomain]:
    return parse(call.operation, ServiceDomainList, response).baseURIs


def one_service_domain(call: Call, response: httpx.Response) -> ServiceDomain:
    """The entry for the service asked for, from the bare entry or the ``baseURIs`` wrapper.

    An answer that names only other services (or none) is the account having no entry for this
    one: :class:`~lptpb_ext.ServiceNotFoundError`, as a 404 is, whichever shape it came in.
    """
    entries = lookup_entries(parse(call.operation, ServiceDomainLookup, response))
    if entries is None:
        raise InvalidResponseError(
            call.operation,
            response.status_code,
            body="neither one entry (service, account, baseURI) nor the baseURIs wrapper",
            request_id=request_id(response),
        )
    service = call.ids[0]
    for entry in entries:
        if entry.service == service:
            return entry
    raise ServiceNotFoundError(
        call.operation,
        response.status_code,
        request_id=request_id(response),
        service=service,
        listed=tuple(entry.service for entry in entries),
    )


#: ``data.type`` of the commands an operation creates, where the documentation shows it.
COMMAND_TYPES = {"sendMessages": "messages", "setSdes": "sdes"}
CLOCK_SKEW_MS = 5000


def candidates(reconciliation: Reconciliation, listed: list[Command]) -> list[Command]:
    """Commands ``reconciliation``'s uncertain call may have created, newest first.

    A command's creation time is ``timeoutTime - ttl``; candidates began at or after the call
    was sent (less a 5 s allowance for clock skew) and, where the type name is documented,
    have the operation's ``data.type``.
    """
    ttl_ms = (reconciliation.ttl or TTL_DEFAULT) * 1000
    since = reconciliation.sent_at_ms - CLOCK_SKEW_MS
    kind = COMMAND_TYPES.get(reconciliation.operation)
    return [
        found
        for found in listed
        if found.data.timeoutTime is not None
        and found.data.timeoutTime - ttl_ms >= since
        and (kind is None or found.data.type == kind)
    ]
