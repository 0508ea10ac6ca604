"""Credentials: what the client logs in with, kept out of every repr, str and log line.

Four kinds, matching the contract's login operations:

- :class:`UserPassword`: ``login`` with ``authType: USER_PASS``.
- :class:`ApiKey`: ``login`` with ``authType: API_KEY`` and the user's four OAuth 1 values.
- :class:`LegacyUserPassword`: the deprecated ``legacyLogin`` (flat ``{username, password}``).
- :class:`Bearer`: a bearer obtained elsewhere. The client cannot log in again with it, so a
  rejected bearer ends in :class:`~lptpb_ext.AuthenticationError`.

A login body holds the secrets too. It is made as :class:`SecretBytes` (bytes whose ``repr`` and
``str`` say only ``<redacted N bytes>``) in one expression, so no frame keeps it in a plain
local or a model: tools that show a traceback's locals (``pytest -l``, Sentry) never print it.

>>> UserPassword("bot-api-user", "s3cret")
UserPassword(username='bot-api-user', password=***)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from lptpb_ext._errors import ConfigurationError

if TYPE_CHECKING:  # the models load with the first login body, not with the credentials
    from lptpb_models import (
        LegacyLoginRequest,
        LoginRequest,
    )

__all__ = [
    "ApiKey",
    "Bearer",
    "Credentials",
    "LegacyUserPassword",
    "SecretBytes",
    "UserPassword",
]

_HIDDEN = "***"


class SecretBytes(bytes):
    """Bytes that hold secrets (a login body): usable as bytes, shown as ``<redacted N bytes>``.

    >>> SecretBytes(b'{"password": "s3cret"}')
    <redacted 22 bytes>
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<redacted {len(self)} bytes>"

    __str__ = __repr__


def _require(kind: str, **values: str) -> None:
    for name, value in values.items():
        if not isinstance(value, str) or not value:
            raise ConfigurationError(f"{kind}: {name} must be a non-empty string")


@dataclass(frozen=True, repr=False)
class UserPassword:
    """A Public API user's login name and password (login method "Password")."""

    username: str
    password: str

    def __post_init__(self) -> None:
        _require("UserPassword", username=self.username, password=self.password)

    def __repr__(self) -> str:
        return f"UserPassword(username={self.username!r}, password={_HIDDEN})"

    @property
    def secrets(self) -> tuple[str, ...]:
        """The values to mask wherever they could appear (error bodies, messages)."""
        return (self.password,)

    @property
    def operation(self) -> Literal["login", "legacyLogin"]:
        """The contract operation that logs in with these credentials."""
        return "login"

    def login_body(self) -> LoginRequest | LegacyLoginRequest:
        """The body of :attr:`operation`, as the generated pydantic model."""
        from lptpb_models import LoginRequest, UserPassCredentials, UserPassLogin  # noqa: PLC0415

        credentials = UserPassCredentials(username=self.username, password=self.password)
        return LoginRequest(UserPassLogin(authType="USER_PASS", credentials=credentials))


@dataclass(frozen=True, repr=False)
class ApiKey:
    """A Public API user's login name and its four API key values (login method "API Key")."""

    username: str
    app_key: str
    secret: str
    access_token: str
    access_token_secret: str

    def __post_init__(self) -> None:
        _require(
            "ApiKey",
            username=self.username,
            app_key=self.app_key,
            secret=self.secret,
            access_token=self.access_token,
            access_token_secret=self.access_token_secret,
        )

    def __repr__(self) -> str:
        return f"ApiKey(username={self.username!r}, app_key={_HIDDEN}, secret={_HIDDEN}, ...)"

    @property
    def secrets(self) -> tuple[str, ...]:
        """The values to mask wherever they could appear (error bodies, messages)."""
        return (self.app_key, self.secret, self.access_token, self.access_token_secret)

    @property
    def operation(self) -> Literal["login", "legacyLogin"]:
        """The contract operation that logs in with these credentials."""
        return "login"

    def login_body(self) -> LoginRequest | LegacyLoginRequest:
        """The body of :attr:`operation`, as the generated pydantic model."""
        from lptpb_models import ApiKeyCredentials, ApiKeyLogin, LoginRequest  # noqa: PLC0415

        credentials = ApiKeyCredentials(
            username=self.username,
            appKey=self.app_key,
            secret=self.secret,
            accessToken=self.access_token,
            accessTokenSecret=self.access_token_secret,
        )
        return LoginRequest(ApiKeyLogin(authType="API_KEY", credentials=credentials))


@dataclass(frozen=True, repr=False)
class LegacyUserPassword:
    """Username and password for the deprecated ``legacyLogin`` (seed 000's flat body)."""

    username: str
    password: str

    def __post_init__(self) -> None:
        _require("LegacyUserPassword", username=self.username, password=self.password)

    def __repr__(self) -> str:
        return f"LegacyUserPassword(username={self.username!r}, password={_HIDDEN})"

    @property
    def secrets(self) -> tuple[str, ...]:
        """The values to mask wherever they could appear (error bodies, messages)."""
        return (self.password,)

    @property
    def operation(self) -> Literal["login", "legacyLogin"]:
        """The contract operation that logs in with these credentials."""
        return "legacyLogin"

    def login_body(self) -> LoginRequest | LegacyLoginRequest:
        """The body of :attr:`operation`, as the generated pydantic model."""
        from lptpb_models import LegacyLoginRequest  # noqa: PLC0415

        return LegacyLoginRequest(username=self.username, password=self.password)


@dataclass(frozen=True, repr=False)
class Bearer:
    """A ready bearer. Used as is until the API rejects it; there is nothing to log in with."""

    token: str

    def __post_init__(self) -> None:
        _require("Bearer", token=self.token)

    def __repr__(self) -> str:
        return f"Bearer(token={_HIDDEN})"

    @property
    def secrets(self) -> tuple[str, ...]:
        """The values to mask wherever they could appear (error bodies, messages)."""
        return (self.token,)


LoginCredentials = UserPassword | ApiKey | LegacyUserPassword
Credentials = LoginCredentials | Bearer
