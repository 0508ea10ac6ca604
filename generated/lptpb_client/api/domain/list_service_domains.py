from http import HTTPStatus
from typing import Any, Literal
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.service_domain_list import ServiceDomainList
from ...types import UNSET, Response


def _get_kwargs(
    account_id: str,
    *,
    version: Literal["1.0"],
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["version"] = version

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/account/{account_id}/service/baseURI.json".format(
            account_id=quote(str(account_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ServiceDomainList | str | None:
    if response.status_code == 200:
        response_200 = ServiceDomainList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = response.text
        return response_400

    if response.status_code == 401:
        response_401 = response.text
        return response_401

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
) -> Response[ServiceDomainList | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient | Client,
    version: Literal["1.0"],
) -> Response[ServiceDomainList | str]:
    """Look up every service's host

     Answers the hosts of all LivePerson services of the account. Look for `thirdPartyBots` (newer) or
    `botConnectorsDomain` (older) to find this API's host.

    Args:
        account_id (str):
        version (Literal['1.0']):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ServiceDomainList | str]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        version=version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    account_id: str,
    *,
    client: AuthenticatedClient | Client,
    version: Literal["1.0"],
) -> ServiceDomainList | str | None:
    """Look up every service's host

     Answers the hosts of all LivePerson services of the account. Look for `thirdPartyBots` (newer) or
    `botConnectorsDomain` (older) to find this API's host.

    Args:
        account_id (str):
        version (Literal['1.0']):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ServiceDomainList | str
    """

    return sync_detailed(
        account_id=account_id,
        client=client,
        version=version,
    ).parsed


async def asyncio_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient | Client,
    version: Literal["1.0"],
) -> Response[ServiceDomainList | str]:
    """Look up every service's host

     Answers the hosts of all LivePerson services of the account. Look for `thirdPartyBots` (newer) or
    `botConnectorsDomain` (older) to find this API's host.

    Args:
        account_id (str):
        version (Literal['1.0']):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ServiceDomainList | str]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        version=version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account_id: str,
    *,
    client: AuthenticatedClient | Client,
    version: Literal["1.0"],
) -> ServiceDomainList | str | None:
    """Look up every service's host

     Answers the hosts of all LivePerson services of the account. Look for `thirdPartyBots` (newer) or
    `botConnectorsDomain` (older) to find this API's host.

    Args:
        account_id (str):
        version (Literal['1.0']):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ServiceDomainList | str
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            client=client,
            version=version,
        )
    ).parsed
