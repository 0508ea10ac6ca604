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
    from ..models.quick_reply import QuickReply


T = TypeVar("T", bound="QuickReplies")


@_attrs_define
class QuickReplies:
    """A set of 1 to 24 quick-reply chips laid out 1 to 8 per row (LivePerson's channel `quickReplies` schema).

    Attributes:
        type_ (Literal['quickReplies']):
        items_per_row (int): How many chips to show per row. LivePerson documents 1 to 8 as a rendering guideline: its
            own quickReplies schema writes the bounds with the non-standard `min`/`max` keywords, which nothing enforces, so
            they are not part of this schema; channels lay out what they can.
        replies (list[QuickReply]):
    """

    type_: Literal["quickReplies"]
    items_per_row: int
    replies: list[QuickReply]

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        items_per_row = self.items_per_row

        replies = []
        for replies_item_data in self.replies:
            replies_item = replies_item_data.to_dict()
            replies.append(replies_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "itemsPerRow": items_per_row,
                "replies": replies,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quick_reply import QuickReply  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["quickReplies"], d.pop("type"))
        if type_ != "quickReplies":
            raise ValueError(f"type must match const 'quickReplies', got '{type_}'")

        items_per_row = d.pop("itemsPerRow")

        replies = []
        _replies = d.pop("replies")
        for replies_item_data in _replies:
            replies_item = QuickReply.from_dict(replies_item_data)

            replies.append(replies_item)

        quick_replies = cls(
            type_=type_,
            items_per_row=items_per_row,
            replies=replies,
        )

        return quick_replies
