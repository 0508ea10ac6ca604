from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.command import Command
from ...types import Response


def _get_kwargs(
    account_id: str,
    conversation_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/account/{account_id}/conversation/{conversation_id}/command".format(
            account_id=quote(str(account_id), safe=""),
            conversation_id=quote(str(conversation_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> list[Command] | str | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for componentsschemas_command_list_item_data in _response_200:
            componentsschemas_command_list_item = Command.from_dict(
                componentsschemas_command_list_item_data
            )

            response_200.append(componentsschemas_command_list_item)

        return response_200

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
) -> Response[list[Command] | str]:
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
) -> Response[list[Command] | str]:
    """List the conversation's commands

     Answers the commands created on this conversation through this API, newest first, as far as they are
    still among the bot's last 200 commands. A closed or unknown conversation answers `404`.

    Args:
        account_id (str):
        conversation_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[Command] | str]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        conversation_id=conversation_id,
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
) -> list[Command] | str | None:
    """List the conversation's commands

     Answers the commands created on this conversation through this API, newest first, as far as they are
    still among the bot's last 200 commands. A closed or unknown conversation answers `404`.

    Args:
        account_id (str):
        conversation_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[Command] | str
    """

    return sync_detailed(
        account_id=account_id,
        conversation_id=conversation_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    account_id: str,
    conversation_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[list[Command] | str]:
    """List the conversation's commands

     Answers the commands created on this conversation through this API, newest first, as far as they are
    still among the bot's last 200 commands. A closed or unknown conversation answers `404`.

    Args:
        account_id (str):
        conversation_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[Command] | str]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        conversation_id=conversation_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account_id: str,
    conversation_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> list[Command] | str | None:
    """List the conversation's commands

     Answers the commands created on this conversation through this API, newest first, as far as they are
    still among the bot's last 200 commands. A closed or unknown conversation answers `404`.

    Args:
        account_id (str):
        conversation_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[Command] | str
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            conversation_id=conversation_id,
            client=client,
        )
    ).parsed
