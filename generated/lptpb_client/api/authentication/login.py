from http import HTTPStatus
from typing import Any, Literal
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_key_login import ApiKeyLogin
from ...models.login_response import LoginResponse
from ...models.user_pass_login import UserPassLogin
from ...types import UNSET, Response


def _get_kwargs(
    account_id: str,
    *,
    body: ApiKeyLogin | UserPassLogin,
    v: Literal["1.3"],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["v"] = v

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/account/{account_id}/login".format(
            account_id=quote(str(account_id), safe=""),
        ),
        "params": params,
    }

    if isinstance(body, UserPassLogin):
        _kwargs["json"] = body.to_dict()
    else:
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

    if response.status_code == 409:
        response_409 = response.text
        return response_409

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
    body: ApiKeyLogin | UserPassLogin,
    v: Literal["1.3"],
) -> Response[LoginResponse | str]:
    """Log in and obtain a bearer

     Logs the dedicated Public API user in, with a password (`authType: USER_PASS`) or with API keys
    (`authType: API_KEY`; the tag is case-sensitive), and answers a bearer for every other call. Logging
    in invalidates the bearer of this user's previous session. The user must be enabled, hold at least
    the Agent role, and use the matching login method.

    Args:
        account_id (str):
        v (Literal['1.3']):
        body (ApiKeyLogin | UserPassLogin): A login with a password or with API keys, told apart
            by `authType` (case-sensitive).

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
    body: ApiKeyLogin | UserPassLogin,
    v: Literal["1.3"],
) -> LoginResponse | str | None:
    """Log in and obtain a bearer

     Logs the dedicated Public API user in, with a password (`authType: USER_PASS`) or with API keys
    (`authType: API_KEY`; the tag is case-sensitive), and answers a bearer for every other call. Logging
    in invalidates the bearer of this user's previous session. The user must be enabled, hold at least
    the Agent role, and use the matching login method.

    Args:
        account_id (str):
        v (Literal['1.3']):
        body (ApiKeyLogin | UserPassLogin): A login with a password or with API keys, told apart
            by `authType` (case-sensitive).

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
    body: ApiKeyLogin | UserPassLogin,
    v: Literal["1.3"],
) -> Response[LoginResponse | str]:
    """Log in and obtain a bearer

     Logs the dedicated Public API user in, with a password (`authType: USER_PASS`) or with API keys
    (`authType: API_KEY`; the tag is case-sensitive), and answers a bearer for every other call. Logging
    in invalidates the bearer of this user's previous session. The user must be enabled, hold at least
    the Agent role, and use the matching login method.

    Args:
        account_id (str):
        v (Literal['1.3']):
        body (ApiKeyLogin | UserPassLogin): A login with a password or with API keys, told apart
            by `authType` (case-sensitive).

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
    body: ApiKeyLogin | UserPassLogin,
    v: Literal["1.3"],
) -> LoginResponse | str | None:
    """Log in and obtain a bearer

     Logs the dedicated Public API user in, with a password (`authType: USER_PASS`) or with API keys
    (`authType: API_KEY`; the tag is case-sensitive), and answers a bearer for every other call. Logging
    in invalidates the bearer of this user's previous session. The user must be enabled, hold at least
    the Agent role, and use the matching login method.

    Args:
        account_id (str):
        v (Literal['1.3']):
        body (ApiKeyLogin | UserPassLogin): A login with a password or with API keys, told apart
            by `authType` (case-sensitive).

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
