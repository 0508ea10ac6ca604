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
    from ..models.sde_visitor_error import SdeVisitorError


T = TypeVar("T", bound="VisitorErrorSde")


@_attrs_define
class VisitorErrorSde:
    """An error the consumer ran into.

    Attributes:
        type_ (Literal['error']):
        error (SdeVisitorError): Visitor error details.
    """

    type_: Literal["error"]
    error: SdeVisitorError

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        error = self.error.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sde_visitor_error import SdeVisitorError  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["error"], d.pop("type"))
        if type_ != "error":
            raise ValueError(f"type must match const 'error', got '{type_}'")

        error = SdeVisitorError.from_dict(d.pop("error"))

        visitor_error_sde = cls(
            type_=type_,
            error=error,
        )

        return visitor_error_sde
