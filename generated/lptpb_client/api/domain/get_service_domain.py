from http import HTTPStatus
from typing import Any, Literal
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.service_domain_lookup import ServiceDomainLookup
from ...types import UNSET, Response


def _get_kwargs(
    account_id: str,
    service_name: str,
    *,
    version: Literal["1.0"],
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["version"] = version

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/account/{account_id}/service/{service_name}/baseURI.json".format(
            account_id=quote(str(account_id), safe=""),
            service_name=quote(str(service_name), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ServiceDomainLookup | str | None:
    if response.status_code == 200:
        response_200 = ServiceDomainLookup.from_dict(response.json())

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
) -> Response[ServiceDomainLookup | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    account_id: str,
    service_name: str,
    *,
    client: AuthenticatedClient | Client,
    version: Literal["1.0"],
) -> Response[ServiceDomainLookup | str]:
    """Look up one service's host

     Answers the host (no scheme, no trailing slash) of one LivePerson service for the account. Service
    names are case-sensitive. Ask for `thirdPartyBots` to get this API's host, or for
    `botConnectorsDomain` on accounts that only have the older entry. The service has been seen to
    answer either the single entry or the list wrapper.

    Args:
        account_id (str):
        service_name (str):
        version (Literal['1.0']):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ServiceDomainLookup | str]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        service_name=service_name,
        version=version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    account_id: str,
    service_name: str,
    *,
    client: AuthenticatedClient | Client,
    version: Literal["1.0"],
) -> ServiceDomainLookup | str | None:
    """Look up one service's host

     Answers the host (no scheme, no trailing slash) of one LivePerson service for the account. Service
    names are case-sensitive. Ask for `thirdPartyBots` to get this API's host, or for
    `botConnectorsDomain` on accounts that only have the older entry. The service has been seen to
    answer either the single entry or the list wrapper.

    Args:
        account_id (str):
        service_name (str):
        version (Literal['1.0']):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ServiceDomainLookup | str
    """

    return sync_detailed(
        account_id=account_id,
        service_name=service_name,
        client=client,
        version=version,
    ).parsed


async def asyncio_detailed(
    account_id: str,
    service_name: str,
    *,
    client: AuthenticatedClient | Client,
    version: Literal["1.0"],
) -> Response[ServiceDomainLookup | str]:
    """Look up one service's host

     Answers the host (no scheme, no trailing slash) of one LivePerson service for the account. Service
    names are case-sensitive. Ask for `thirdPartyBots` to get this API's host, or for
    `botConnectorsDomain` on accounts that only have the older entry. The service has been seen to
    answer either the single entry or the list wrapper.

    Args:
        account_id (str):
        service_name (str):
        version (Literal['1.0']):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ServiceDomainLookup | str]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        service_name=service_name,
        version=version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account_id: str,
    service_name: str,
    *,
    client: AuthenticatedClient | Client,
    version: Literal["1.0"],
) -> ServiceDomainLookup | str | None:
    """Look up one service's host

     Answers the host (no scheme, no trailing slash) of one LivePerson service for the account. Service
    names are case-sensitive. Ask for `thirdPartyBots` to get this API's host, or for
    `botConnectorsDomain` on accounts that only have the older entry. The service has been seen to
    answer either the single entry or the list wrapper.

    Args:
        account_id (str):
        service_name (str):
        version (Literal['1.0']):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ServiceDomainLookup | str
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            service_name=service_name,
            client=client,
            version=version,
        )
    ).parsed
