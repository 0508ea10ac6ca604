from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.command_accepted import CommandAccepted
from ...models.remove_agent_request import RemoveAgentRequest
from ...types import Response


def _get_kwargs(
    account_id: str,
    conversation_id: str,
    *,
    body: RemoveAgentRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/account/{account_id}/conversation/{conversation_id}/removeAgent".format(
            account_id=quote(str(account_id), safe=""),
            conversation_id=quote(str(conversation_id), safe=""),
        ),
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
    body: RemoveAgentRequest,
) -> Response[CommandAccepted | str]:
    """Remove a bot from the conversation

     Removes a Third-Party Bots bot, by its agent id, from the conversation, saying `agentMessage` first
    when one is given.

    Args:
        account_id (str):
        conversation_id (str):
        body (RemoveAgentRequest): The bot to remove and what it says before leaving.

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
    body: RemoveAgentRequest,
) -> CommandAccepted | str | None:
    """Remove a bot from the conversation

     Removes a Third-Party Bots bot, by its agent id, from the conversation, saying `agentMessage` first
    when one is given.

    Args:
        account_id (str):
        conversation_id (str):
        body (RemoveAgentRequest): The bot to remove and what it says before leaving.

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
    ).parsed


async def asyncio_detailed(
    account_id: str,
    conversation_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RemoveAgentRequest,
) -> Response[CommandAccepted | str]:
    """Remove a bot from the conversation

     Removes a Third-Party Bots bot, by its agent id, from the conversation, saying `agentMessage` first
    when one is given.

    Args:
        account_id (str):
        conversation_id (str):
        body (RemoveAgentRequest): The bot to remove and what it says before leaving.

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
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account_id: str,
    conversation_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RemoveAgentRequest,
) -> CommandAccepted | str | None:
    """Remove a bot from the conversation

     Removes a Third-Party Bots bot, by its agent id, from the conversation, saying `agentMessage` first
    when one is given.

    Args:
        account_id (str):
        conversation_id (str):
        body (RemoveAgentRequest): The bot to remove and what it says before leaving.

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
        )
    ).parsed
