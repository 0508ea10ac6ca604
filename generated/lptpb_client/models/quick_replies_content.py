from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.quick_replies import QuickReplies


T = TypeVar("T", bound="QuickRepliesContent")


@_attrs_define
class QuickRepliesContent:
    """A quick-replies message body: the text shown to the user plus the chips offered under it. Messaging channels only;
    not part of JSON Pollock.

        Attributes:
            quick_replies (QuickReplies): A set of 1 to 24 quick-reply chips laid out 1 to 8 per row (LivePerson's channel
                `quickReplies` schema).
            message (str): The text shown with the chips.
    """

    quick_replies: QuickReplies
    message: str

    def to_dict(self) -> dict[str, Any]:
        quick_replies = self.quick_replies.to_dict()

        message = self.message

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "quickReplies": quick_replies,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quick_replies import QuickReplies  # noqa: PLC0415

        d = dict(src_dict)
        quick_replies = QuickReplies.from_dict(d.pop("quickReplies"))

        message = d.pop("message")

        quick_replies_content = cls(
            quick_replies=quick_replies,
            message=message,
        )

        return quick_replies_content
