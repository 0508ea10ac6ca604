from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ApiKeyCredentials")


@_attrs_define
class ApiKeyCredentials:
    """A login name and the four API key values generated for the user.

    Attributes:
        username (str):
        app_key (str):
        secret (str):
        access_token (str):
        access_token_secret (str):
    """

    username: str
    app_key: str
    secret: str
    access_token: str
    access_token_secret: str

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        app_key = self.app_key

        secret = self.secret

        access_token = self.access_token

        access_token_secret = self.access_token_secret

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "username": username,
                "appKey": app_key,
                "secret": secret,
                "accessToken": access_token,
                "accessTokenSecret": access_token_secret,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        username = d.pop("username")

        app_key = d.pop("appKey")

        secret = d.pop("secret")

        access_token = d.pop("accessToken")

        access_token_secret = d.pop("accessTokenSecret")

        api_key_credentials = cls(
            username=username,
            app_key=app_key,
            secret=secret,
            access_token=access_token,
            access_token_secret=access_token_secret,
        )

        return api_key_credentials
