"""Turn HTTP answers into models or typed errors.

Success is status 200, the only one the contract documents, and its body is parsed by the
public pydantic models (tolerant of added fields, as the contract says). Every other status is
an error: 500-599 :class:`~lptpb_ext.ServerError`, the documented 4xx their own classes, and
anything else (1xx, another 2xx, any 3xx, a status beyond 599) ``UnexpectedStatusError``; a
redirect gets a hint saying it was not followed. Error bodies are undocumented: they may be
empty, plain text, an HTML page from the WAF or JSON, so an error keeps only a short, redacted
excerpt.
"""

from __future__ import annotations

import contextlib
from typing import TypeVar

import httpx
import pydantic

from lptpb_ext._errors import (
    ApiError,
    AuthenticationError,
    BadRequestError,
    BotUserConflictError,
    ForbiddenError,
    InvalidResponseError,
    NotFoundError,
    RateLimitError,
    ServerError,
    ServiceNotFoundError,
    UnexpectedStatusError,
    redact,
)

__all__ = ["api_error", "parse", "request_id"]

M = TypeVar("M", bound=pydantic.BaseModel)

REQUEST_ID_HEADERS = ("x-request-id", "x-correlation-id", "x-amzn-requestid", "request-id")
WAF_HINT = (
    "the Reblaze web application firewall in front of the API may have flagged the request; "
    "look for content in the body that could read as an attack and retry with it changed"
)
_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: ForbiddenError,
    404: NotFoundError,
    409: BotUserConflictError,
    429: RateLimitError,
}


def request_id(response: httpx.Response) -> str | None:
    """The server's request id, when it sent one under a common header name."""
    for name in REQUEST_ID_HEADERS:
        value: str | None = response.headers.get(name)
        if value:
            return value[:128]
    return None


def api_error(
    operation: str, response: httpx.Response, secrets: tuple[str, ...] = (), service: str = ""
) -> ApiError:
    """The typed error for an error ``response`` of ``operation``, with a redacted excerpt.

    ``service`` is ``getServiceDomain``'s service name: its 404 is a
    :class:`~lptpb_ext.ServiceNotFoundError` naming it.
    """
    status = response.status_code
    if 500 <= status <= 599:
        cls: type[ApiError] = ServerError
    else:
        cls = _BY_STATUS.get(status, UnexpectedStatusError)
    try:
        text = response.text
    except (httpx.ResponseNotRead, UnicodeDecodeError, LookupError):
        text = ""
    hint = None
    if status == 403:
        hint = WAF_HINT
    elif status == 401 and operation in ("login", "legacyLogin"):
        hint = "check the user name, password or API keys, and the user's login method"
    elif status == 401 and operation in ("getServiceDomain", "listServiceDomains"):
        hint = "the Domain API does not know this account id"
    elif status == 404 and operation == "getCommand":
        hint = "the command left the last 200 commands or its conversation was closed"
    elif 300 <= status <= 399:
        hint = _redirect_hint(response)
    if status == 404 and operation == "getServiceDomain":
        return ServiceNotFoundError(
            operation,
            status,
            body=redact(text, secrets),
            request_id=request_id(response),
            service=service,
        )
    return cls(
        operation,
        status,
        body=redact(text, secrets),
        request_id=request_id(response),
        hint=hint,
    )


def _redirect_hint(response: httpx.Response) -> str:
    """Why a redirect is an error, naming the host it pointed at (never its path or query)."""
    host = ""
    with contextlib.suppress(httpx.InvalidURL, TypeError, ValueError):
        host = httpx.URL(response.headers.get("location", "")).host
    target = f" to {redact(host, limit=80)}" if host else ""
    return (
        f"the server redirected{target}; redirects are never followed, so credentials and "
        "commands go only to the configured host: check the zone or base URL"
    )


def parse(operation: str, model: type[M], response: httpx.Response) -> M:
    """``response``'s JSON body as ``model``; a body that does not fit is an error, not None."""
    try:
        return model.model_validate_json(response.content)
    except pydantic.ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"]) or "<body>"
        raise InvalidResponseError(
            operation,
            response.status_code,
            body=f"{where}: {first['msg']}",
            request_id=request_id(response),
        ) from None
