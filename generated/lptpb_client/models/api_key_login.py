from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.api_key_credentials import ApiKeyCredentials


T = TypeVar("T", bound="ApiKeyLogin")


@_attrs_define
class ApiKeyLogin:
    """Log in with the user's API keys (login method API Key): the four OAuth 1 values generated for the user.

    Attributes:
        auth_type (Literal['API_KEY']):
        credentials (ApiKeyCredentials): A login name and the four API key values generated for the user.
    """

    auth_type: Literal["API_KEY"]
    credentials: ApiKeyCredentials

    def to_dict(self) -> dict[str, Any]:
        auth_type = self.auth_type

        credentials = self.credentials.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "authType": auth_type,
                "credentials": credentials,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.api_key_credentials import ApiKeyCredentials  # noqa: PLC0415

        d = dict(src_dict)
        auth_type = cast(Literal["API_KEY"], d.pop("authType"))
        if auth_type != "API_KEY":
            raise ValueError(f"authType must match const 'API_KEY', got '{auth_type}'")

        credentials = ApiKeyCredentials.from_dict(d.pop("credentials"))

        api_key_login = cls(
            auth_type=auth_type,
            credentials=credentials,
        )

        return api_key_login
