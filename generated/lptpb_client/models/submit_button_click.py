from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.loose_metadata_item import LooseMetadataItem
    from ..models.submit_as_text_action import SubmitAsTextAction


T = TypeVar("T", bound="SubmitButtonClick")


@_attrs_define
class SubmitButtonClick:
    """The click of a submitButton; its actions may only be `submitAsText` (at most 4).

    Attributes:
        actions (list[SubmitAsTextAction] | Unset):
        metadata (list[LooseMetadataItem] | Unset): Conversation metadata sent with the click; items are not validated.
    """

    actions: list[SubmitAsTextAction] | Unset = UNSET
    metadata: list[LooseMetadataItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        actions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.actions, Unset):
            actions = []
            for actions_item_data in self.actions:
                actions_item = actions_item_data.to_dict()
                actions.append(actions_item)

        metadata: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = []
            for metadata_item_data in self.metadata:
                metadata_item = metadata_item_data.to_dict()
                metadata.append(metadata_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if actions is not UNSET:
            field_dict["actions"] = actions
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.loose_metadata_item import LooseMetadataItem  # noqa: PLC0415
        from ..models.submit_as_text_action import SubmitAsTextAction  # noqa: PLC0415

        d = dict(src_dict)
        _actions = d.pop("actions", UNSET)
        actions: list[SubmitAsTextAction] | Unset = UNSET
        if _actions is not UNSET:
            actions = []
            for actions_item_data in _actions:
                actions_item = SubmitAsTextAction.from_dict(actions_item_data)

                actions.append(actions_item)

        _metadata = d.pop("metadata", UNSET)
        metadata: list[LooseMetadataItem] | Unset = UNSET
        if _metadata is not UNSET:
            metadata = []
            for metadata_item_data in _metadata:
                metadata_item = LooseMetadataItem.from_dict(metadata_item_data)

                metadata.append(metadata_item)

        submit_button_click = cls(
            actions=actions,
            metadata=metadata,
        )

        return submit_button_click
