from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.add_to_cart_action import AddToCartAction
    from ..models.custom_action import CustomAction
    from ..models.date_picker_action import DatePickerAction
    from ..models.link_action import LinkAction
    from ..models.loose_metadata_item import LooseMetadataItem
    from ..models.navigate_action import NavigateAction
    from ..models.publish_text_action import PublishTextAction
    from ..models.schedule_slot_list_action import ScheduleSlotListAction


T = TypeVar("T", bound="Click")


@_attrs_define
class Click:
    """What happens when the user clicks an element or layout: up to 4 actions, plus conversation metadata sent along with
    the click.

        Attributes:
            actions (list[AddToCartAction | CustomAction | DatePickerAction | LinkAction | NavigateAction |
                PublishTextAction | ScheduleSlotListAction] | Unset):
            metadata (list[LooseMetadataItem] | Unset): Conversation metadata sent with the click; items are not validated.
    """

    actions: (
        list[
            AddToCartAction
            | CustomAction
            | DatePickerAction
            | LinkAction
            | NavigateAction
            | PublishTextAction
            | ScheduleSlotListAction
        ]
        | Unset
    ) = UNSET
    metadata: list[LooseMetadataItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.add_to_cart_action import AddToCartAction  # noqa: PLC0415
        from ..models.custom_action import CustomAction  # noqa: PLC0415
        from ..models.date_picker_action import DatePickerAction  # noqa: PLC0415
        from ..models.link_action import LinkAction  # noqa: PLC0415
        from ..models.navigate_action import NavigateAction  # noqa: PLC0415
        from ..models.publish_text_action import PublishTextAction  # noqa: PLC0415

        actions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.actions, Unset):
            actions = []
            for actions_item_data in self.actions:
                actions_item: dict[str, Any]
                if isinstance(actions_item_data, PublishTextAction):
                    actions_item = actions_item_data.to_dict()
                elif isinstance(actions_item_data, LinkAction):
                    actions_item = actions_item_data.to_dict()
                elif isinstance(actions_item_data, NavigateAction):
                    actions_item = actions_item_data.to_dict()
                elif isinstance(actions_item_data, AddToCartAction):
                    actions_item = actions_item_data.to_dict()
                elif isinstance(actions_item_data, CustomAction):
                    actions_item = actions_item_data.to_dict()
                elif isinstance(actions_item_data, DatePickerAction):
                    actions_item = actions_item_data.to_dict()
                else:
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
        from ..models.add_to_cart_action import AddToCartAction  # noqa: PLC0415
        from ..models.custom_action import CustomAction  # noqa: PLC0415
        from ..models.date_picker_action import DatePickerAction  # noqa: PLC0415
        from ..models.link_action import LinkAction  # noqa: PLC0415
        from ..models.loose_metadata_item import LooseMetadataItem  # noqa: PLC0415
        from ..models.navigate_action import NavigateAction  # noqa: PLC0415
        from ..models.publish_text_action import PublishTextAction  # noqa: PLC0415
        from ..models.schedule_slot_list_action import ScheduleSlotListAction  # noqa: PLC0415

        d = dict(src_dict)
        _actions = d.pop("actions", UNSET)
        actions: (
            list[
                AddToCartAction
                | CustomAction
                | DatePickerAction
                | LinkAction
                | NavigateAction
                | PublishTextAction
                | ScheduleSlotListAction
            ]
            | Unset
        ) = UNSET
        if _actions is not UNSET:
            actions = []
            for actions_item_data in _actions:

                def _parse_actions_item(
                    data: object,
                ) -> (
                    AddToCartAction
                    | CustomAction
                    | DatePickerAction
                    | LinkAction
                    | NavigateAction
                    | PublishTextAction
                    | ScheduleSlotListAction
                ):
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_action_type_0 = PublishTextAction.from_dict(
                            data
                        )

                        return componentsschemas_action_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_action_type_1 = LinkAction.from_dict(data)

                        return componentsschemas_action_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_action_type_2 = NavigateAction.from_dict(data)

                        return componentsschemas_action_type_2
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_action_type_3 = AddToCartAction.from_dict(
                            data
                        )

                        return componentsschemas_action_type_3
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_action_type_4 = CustomAction.from_dict(data)

                        return componentsschemas_action_type_4
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_action_type_5 = DatePickerAction.from_dict(
                            data
                        )

                        return componentsschemas_action_type_5
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_action_type_6 = ScheduleSlotListAction.from_dict(
                        data
                    )

                    return componentsschemas_action_type_6

                actions_item = _parse_actions_item(actions_item_data)

                actions.append(actions_item)

        _metadata = d.pop("metadata", UNSET)
        metadata: list[LooseMetadataItem] | Unset = UNSET
        if _metadata is not UNSET:
            metadata = []
            for metadata_item_data in _metadata:
                metadata_item = LooseMetadataItem.from_dict(metadata_item_data)

                metadata.append(metadata_item)

        click = cls(
            actions=actions,
            metadata=metadata,
        )

        return click
