from http import HTTPStatus
from typing import Any, Literal
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.legacy_login_request import LegacyLoginRequest
from ...models.login_response import LoginResponse
from ...types import UNSET, Response


def _get_kwargs(
    account_id: str,
    *,
    body: LegacyLoginRequest,
    v: Literal["1.3"],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["v"] = v

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/account/{account_id}/login".format(
            account_id=quote(str(account_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LoginResponse | str | None:
    if response.status_code == 200:
        response_200 = LoginResponse.from_dict(response.json())

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
) -> Response[LoginResponse | str]:
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
    body: LegacyLoginRequest,
    v: Literal["1.3"],
) -> Response[LoginResponse | str]:
    """Log in with the legacy flat body

     The login of the oldest documentation: the same bearer, from a flat `username` and `password` body
    on a path without `/v1`. Replaced by `login`; kept for services that still call it.

    Args:
        account_id (str):
        v (Literal['1.3']):
        body (LegacyLoginRequest): The flat login body of the oldest documentation (deprecated).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LoginResponse | str]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        body=body,
        v=v,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    account_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: LegacyLoginRequest,
    v: Literal["1.3"],
) -> LoginResponse | str | None:
    """Log in with the legacy flat body

     The login of the oldest documentation: the same bearer, from a flat `username` and `password` body
    on a path without `/v1`. Replaced by `login`; kept for services that still call it.

    Args:
        account_id (str):
        v (Literal['1.3']):
        body (LegacyLoginRequest): The flat login body of the oldest documentation (deprecated).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LoginResponse | str
    """

    return sync_detailed(
        account_id=account_id,
        client=client,
        body=body,
        v=v,
    ).parsed


async def asyncio_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: LegacyLoginRequest,
    v: Literal["1.3"],
) -> Response[LoginResponse | str]:
    """Log in with the legacy flat body

     The login of the oldest documentation: the same bearer, from a flat `username` and `password` body
    on a path without `/v1`. Replaced by `login`; kept for services that still call it.

    Args:
        account_id (str):
        v (Literal['1.3']):
        body (LegacyLoginRequest): The flat login body of the oldest documentation (deprecated).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LoginResponse | str]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        body=body,
        v=v,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: LegacyLoginRequest,
    v: Literal["1.3"],
) -> LoginResponse | str | None:
    """Log in with the legacy flat body

     The login of the oldest documentation: the same bearer, from a flat `username` and `password` body
    on a path without `/v1`. Replaced by `login`; kept for services that still call it.

    Args:
        account_id (str):
        v (Literal['1.3']):
        body (LegacyLoginRequest): The flat login body of the oldest documentation (deprecated).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LoginResponse | str
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            client=client,
            body=body,
            v=v,
        )
    ).parsed
