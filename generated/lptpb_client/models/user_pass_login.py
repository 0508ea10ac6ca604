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
    from ..models.user_pass_credentials import UserPassCredentials


T = TypeVar("T", bound="UserPassLogin")


@_attrs_define
class UserPassLogin:
    """Log in with the user's password (login method Password).

    Attributes:
        auth_type (Literal['USER_PASS']):
        credentials (UserPassCredentials): A login name and its password.
    """

    auth_type: Literal["USER_PASS"]
    credentials: UserPassCredentials

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
        from ..models.user_pass_credentials import UserPassCredentials  # noqa: PLC0415

        d = dict(src_dict)
        auth_type = cast(Literal["USER_PASS"], d.pop("authType"))
        if auth_type != "USER_PASS":
            raise ValueError(
                f"authType must match const 'USER_PASS', got '{auth_type}'"
            )

        credentials = UserPassCredentials.from_dict(d.pop("credentials"))

        user_pass_login = cls(
            auth_type=auth_type,
            credentials=credentials,
        )

        return user_pass_login
