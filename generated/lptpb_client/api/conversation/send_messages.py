from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.command_accepted import CommandAccepted
from ...models.send_messages_request import SendMessagesRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    account_id: str,
    conversation_id: str,
    *,
    body: SendMessagesRequest,
    ttl: int | Unset = 30,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["ttl"] = ttl

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/account/{account_id}/conversation/{conversation_id}/messages".format(
            account_id=quote(str(account_id), safe=""),
            conversation_id=quote(str(conversation_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CommandAccepted | str | None:
    if response.status_code == 200:
        response_200 = CommandAccepted.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = response.text
        return response_400

    if response.status_code == 401:
        response_401 = response.text
        return response_401

    if response.status_code == 403:
        response_403 = response.text
        return response_403

    if response.status_code == 404:
        response_404 = response.text
        return response_404

    if response.status_code == 429:
        response_429 = response.text
        return response_429

    if response.status_code == 500:
        response_500 = response.text
        return response_500

    if response.status_code == 502:
        response_502 = response.text
        return response_502

    if response.status_code == 503:
        response_503 = response.text
        return response_503

    if response.status_code == 504:
        response_504 = response.text
        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CommandAccepted | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    account_id: str,
    conversation_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SendMessagesRequest,
    ttl: int | Unset = 30,
) -> Response[CommandAccepted | str]:
    """Send messages

     Sends one or more messages, in order, to the conversation: plain text, pauses, private text for
    agents and managers, structured content and quick replies, each structured message with optional
    `metadata` and `encodedMetadata`, and an optional intent `context` for the batch. Quick replies and
    `encodedMetadata` work on messaging conversations only; private text and encoded metadata need their
    account features. Structured content may be at most 15000 bytes.

    Args:
        account_id (str):
        conversation_id (str):
        ttl (int | Unset):  Default: 30.
        body (SendMessagesRequest): A batch of messages, sent in order, with an optional intent
            context.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommandAccepted | str]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        conversation_id=conversation_id,
        body=body,
        ttl=ttl,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    account_id: str,
    conversation_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SendMessagesRequest,
    ttl: int | Unset = 30,
) -> CommandAccepted | str | None:
    """Send messages

     Sends one or more messages, in order, to the conversation: plain text, pauses, private text for
    agents and managers, structured content and quick replies, each structured message with optional
    `metadata` and `encodedMetadata`, and an optional intent `context` for the batch. Quick replies and
    `encodedMetadata` work on messaging conversations only; private text and encoded metadata need their
    account features. Structured content may be at most 15000 bytes.

    Args:
        account_id (str):
        conversation_id (str):
        ttl (int | Unset):  Default: 30.
        body (SendMessagesRequest): A batch of messages, sent in order, with an optional intent
            context.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommandAccepted | str
    """

    return sync_detailed(
        account_id=account_id,
        conversation_id=conversation_id,
        client=client,
        body=body,
        ttl=ttl,
    ).parsed


async def asyncio_detailed(
    account_id: str,
    conversation_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SendMessagesRequest,
    ttl: int | Unset = 30,
) -> Response[CommandAccepted | str]:
    """Send messages

     Sends one or more messages, in order, to the conversation: plain text, pauses, private text for
    agents and managers, structured content and quick replies, each structured message with optional
    `metadata` and `encodedMetadata`, and an optional intent `context` for the batch. Quick replies and
    `encodedMetadata` work on messaging conversations only; private text and encoded metadata need their
    account features. Structured content may be at most 15000 bytes.

    Args:
        account_id (str):
        conversation_id (str):
        ttl (int | Unset):  Default: 30.
        body (SendMessagesRequest): A batch of messages, sent in order, with an optional intent
            context.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommandAccepted | str]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        conversation_id=conversation_id,
        body=body,
        ttl=ttl,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account_id: str,
    conversation_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SendMessagesRequest,
    ttl: int | Unset = 30,
) -> CommandAccepted | str | None:
    """Send messages

     Sends one or more messages, in order, to the conversation: plain text, pauses, private text for
    agents and managers, structured content and quick replies, each structured message with optional
    `metadata` and `encodedMetadata`, and an optional intent `context` for the batch. Quick replies and
    `encodedMetadata` work on messaging conversations only; private text and encoded metadata need their
    account features. Structured content may be at most 15000 bytes.

    Args:
        account_id (str):
        conversation_id (str):
        ttl (int | Unset):  Default: 30.
        body (SendMessagesRequest): A batch of messages, sent in order, with an optional intent
            context.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommandAccepted | str
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            conversation_id=conversation_id,
            client=client,
            body=body,
            ttl=ttl,
        )
    ).parsed
