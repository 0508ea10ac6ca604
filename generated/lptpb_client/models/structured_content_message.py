from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.accordion_select_element import AccordionSelectElement
    from ..models.action_reason_metadata import ActionReasonMetadata
    from ..models.bot_response_metadata import BotResponseMetadata
    from ..models.business_chat_message_metadata import BusinessChatMessageMetadata
    from ..models.button_element import ButtonElement
    from ..models.carousel_element import CarouselElement
    from ..models.carousel_select_element import CarouselSelectElement
    from ..models.channel_metadata import ChannelMetadata
    from ..models.connector_authentication_response_metadata import (
        ConnectorAuthenticationResponseMetadata,
    )
    from ..models.connector_payment_response_metadata import (
        ConnectorPaymentResponseMetadata,
    )
    from ..models.escalation_summary_metadata import EscalationSummaryMetadata
    from ..models.external_id_metadata import ExternalIdMetadata
    from ..models.horizontal_layout import HorizontalLayout
    from ..models.image_element import ImageElement
    from ..models.key_value_pair_list_element import KeyValuePairListElement
    from ..models.link_preview_element import LinkPreviewElement
    from ..models.list_element import ListElement
    from ..models.map_element import MapElement
    from ..models.quick_replies_content import QuickRepliesContent
    from ..models.quick_reply_template_element import QuickReplyTemplateElement
    from ..models.social_messaging_conversation_data_metadata import (
        SocialMessagingConversationDataMetadata,
    )
    from ..models.social_messaging_event_data_metadata import (
        SocialMessagingEventDataMetadata,
    )
    from ..models.tabs_element import TabsElement
    from ..models.text_element import TextElement
    from ..models.vertical_layout import VerticalLayout


T = TypeVar("T", bound="StructuredContentMessage")


@_attrs_define
class StructuredContentMessage:
    """Structured content (a card, carousel, list, …) or quick replies, with optional message metadata and encoded
    metadata.

        Attributes:
            structured_content (AccordionSelectElement | ButtonElement | CarouselElement | CarouselSelectElement |
                HorizontalLayout | ImageElement | KeyValuePairListElement | LinkPreviewElement | ListElement | MapElement |
                QuickRepliesContent | QuickReplyTemplateElement | TabsElement | TextElement | VerticalLayout): What a structured
                message carries: quick replies (QuickRepliesContent) or rich content, any of StructuredContent's variants. Quick
                replies have no tag on the wire, so this union has no discriminator; the shapes keep the variants apart instead:
                QuickRepliesContent is a closed object that requires `quickReplies` and `message` and has no `type`, while every
                rich-content variant is a closed object that requires its own `type` value (`const`) and has neither
                `quickReplies` nor `message`. The variants are listed one by one rather than as StructuredContent, a union
                inside this union: generators decode a nested tagged union wrongly here (openapi-generator's typescript-fetch
                imports a type guard it never writes for one; its Go client takes an untagged object for a StructuredContent
                with nothing in it), while each variant's own model checks its `type` value (typescript-fetch, Java, Python; Go
                with the project's `model_simple.mustache` override in `contrib/openapi-generator/templates/go`). The same JSON
                is accepted either way.
            metadata (list[ActionReasonMetadata | BotResponseMetadata | BusinessChatMessageMetadata | ChannelMetadata |
                ConnectorAuthenticationResponseMetadata | ConnectorPaymentResponseMetadata | EscalationSummaryMetadata |
                ExternalIdMetadata | SocialMessagingConversationDataMetadata | SocialMessagingEventDataMetadata] | Unset):
                Conversation metadata for the message (for example an `ExternalId`).
            encoded_metadata (str | Unset): Opaque data for the receiving side, base64-encoded, at most 5120 bytes of base64
                text. Needs the encoded metadata account feature (`Common.EncodedMetadata`) and a messaging conversation;
                LivePerson drops a message whose encoded metadata breaks a rule.
    """

    structured_content: (
        AccordionSelectElement
        | ButtonElement
        | CarouselElement
        | CarouselSelectElement
        | HorizontalLayout
        | ImageElement
        | KeyValuePairListElement
        | LinkPreviewElement
        | ListElement
        | MapElement
        | QuickRepliesContent
        | QuickReplyTemplateElement
        | TabsElement
        | TextElement
        | VerticalLayout
    )
    metadata: (
        list[
            ActionReasonMetadata
            | BotResponseMetadata
            | BusinessChatMessageMetadata
            | ChannelMetadata
            | ConnectorAuthenticationResponseMetadata
            | ConnectorPaymentResponseMetadata
            | EscalationSummaryMetadata
            | ExternalIdMetadata
            | SocialMessagingConversationDataMetadata
            | SocialMessagingEventDataMetadata
        ]
        | Unset
    ) = UNSET
    encoded_metadata: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.accordion_select_element import AccordionSelectElement  # noqa: PLC0415
        from ..models.action_reason_metadata import ActionReasonMetadata  # noqa: PLC0415
        from ..models.bot_response_metadata import BotResponseMetadata  # noqa: PLC0415
        from ..models.business_chat_message_metadata import BusinessChatMessageMetadata  # noqa: PLC0415
        from ..models.button_element import ButtonElement  # noqa: PLC0415
        from ..models.carousel_element import CarouselElement  # noqa: PLC0415
        from ..models.carousel_select_element import CarouselSelectElement  # noqa: PLC0415
        from ..models.connector_authentication_response_metadata import (
            ConnectorAuthenticationResponseMetadata,  # noqa: PLC0415
        )
        from ..models.connector_payment_response_metadata import (
            ConnectorPaymentResponseMetadata,  # noqa: PLC0415
        )
        from ..models.escalation_summary_metadata import EscalationSummaryMetadata  # noqa: PLC0415
        from ..models.external_id_metadata import ExternalIdMetadata  # noqa: PLC0415
        from ..models.horizontal_layout import HorizontalLayout  # noqa: PLC0415
        from ..models.image_element import ImageElement  # noqa: PLC0415
        from ..models.key_value_pair_list_element import KeyValuePairListElement  # noqa: PLC0415
        from ..models.link_preview_element import LinkPreviewElement  # noqa: PLC0415
        from ..models.list_element import ListElement  # noqa: PLC0415
        from ..models.map_element import MapElement  # noqa: PLC0415
        from ..models.quick_replies_content import QuickRepliesContent  # noqa: PLC0415
        from ..models.quick_reply_template_element import QuickReplyTemplateElement  # noqa: PLC0415
        from ..models.social_messaging_conversation_data_metadata import (
            SocialMessagingConversationDataMetadata,  # noqa: PLC0415
        )
        from ..models.social_messaging_event_data_metadata import (
            SocialMessagingEventDataMetadata,  # noqa: PLC0415
        )
        from ..models.text_element import TextElement  # noqa: PLC0415
        from ..models.vertical_layout import VerticalLayout  # noqa: PLC0415

        structured_content: dict[str, Any]
        if isinstance(self.structured_content, QuickRepliesContent):
            structured_content = self.structured_content.to_dict()
        elif isinstance(self.structured_content, TextElement):
            structured_content = self.structured_content.to_dict()
        elif isinstance(self.structured_content, ImageElement):
            structured_content = self.structured_content.to_dict()
        elif isinstance(self.structured_content, ButtonElement):
            structured_content = self.structured_content.to_dict()
        elif isinstance(self.structured_content, MapElement):
            structured_content = self.structured_content.to_dict()
        elif isinstance(self.structured_content, LinkPreviewElement):
            structured_content = self.structured_content.to_dict()
        elif isinstance(self.structured_content, QuickReplyTemplateElement):
            structured_content = self.structured_content.to_dict()
        elif isinstance(self.structured_content, KeyValuePairListElement):
            structured_content = self.structured_content.to_dict()
        elif isinstance(self.structured_content, HorizontalLayout):
            structured_content = self.structured_content.to_dict()
        elif isinstance(self.structured_content, VerticalLayout):
            structured_content = self.structured_content.to_dict()
        elif isinstance(self.structured_content, CarouselElement):
            structured_content = self.structured_content.to_dict()
        elif isinstance(self.structured_content, CarouselSelectElement):
            structured_content = self.structured_content.to_dict()
        elif isinstance(self.structured_content, AccordionSelectElement):
            structured_content = self.structured_content.to_dict()
        elif isinstance(self.structured_content, ListElement):
            structured_content = self.structured_content.to_dict()
        else:
            structured_content = self.structured_content.to_dict()

        metadata: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = []
            for metadata_item_data in self.metadata:
                metadata_item: dict[str, Any]
                if isinstance(metadata_item_data, ExternalIdMetadata):
                    metadata_item = metadata_item_data.to_dict()
                elif isinstance(metadata_item_data, BotResponseMetadata):
                    metadata_item = metadata_item_data.to_dict()
                elif isinstance(metadata_item_data, ActionReasonMetadata):
                    metadata_item = metadata_item_data.to_dict()
                elif isinstance(metadata_item_data, EscalationSummaryMetadata):
                    metadata_item = metadata_item_data.to_dict()
                elif isinstance(metadata_item_data, ConnectorPaymentResponseMetadata):
                    metadata_item = metadata_item_data.to_dict()
                elif isinstance(
                    metadata_item_data, ConnectorAuthenticationResponseMetadata
                ):
                    metadata_item = metadata_item_data.to_dict()
                elif isinstance(
                    metadata_item_data, SocialMessagingConversationDataMetadata
                ):
                    metadata_item = metadata_item_data.to_dict()
                elif isinstance(metadata_item_data, SocialMessagingEventDataMetadata):
                    metadata_item = metadata_item_data.to_dict()
                elif isinstance(metadata_item_data, BusinessChatMessageMetadata):
                    metadata_item = metadata_item_data.to_dict()
                else:
                    metadata_item = metadata_item_data.to_dict()

                metadata.append(metadata_item)

        encoded_metadata = self.encoded_metadata

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "structuredContent": structured_content,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if encoded_metadata is not UNSET:
            field_dict["encodedMetadata"] = encoded_metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.accordion_select_element import AccordionSelectElement  # noqa: PLC0415
        from ..models.action_reason_metadata import ActionReasonMetadata  # noqa: PLC0415
        from ..models.bot_response_metadata import BotResponseMetadata  # noqa: PLC0415
        from ..models.business_chat_message_metadata import BusinessChatMessageMetadata  # noqa: PLC0415
        from ..models.button_element import ButtonElement  # noqa: PLC0415
        from ..models.carousel_element import CarouselElement  # noqa: PLC0415
        from ..models.carousel_select_element import CarouselSelectElement  # noqa: PLC0415
        from ..models.channel_metadata import ChannelMetadata  # noqa: PLC0415
        from ..models.connector_authentication_response_metadata import (
            ConnectorAuthenticationResponseMetadata,  # noqa: PLC0415
        )
        from ..models.connector_payment_response_metadata import (
            ConnectorPaymentResponseMetadata,  # noqa: PLC0415
        )
        from ..models.escalation_summary_metadata import EscalationSummaryMetadata  # noqa: PLC0415
        from ..models.external_id_metadata import ExternalIdMetadata  # noqa: PLC0415
        from ..models.horizontal_layout import HorizontalLayout  # noqa: PLC0415
        from ..models.image_element import ImageElement  # noqa: PLC0415
        from ..models.key_value_pair_list_element import KeyValuePairListElement  # noqa: PLC0415
        from ..models.link_preview_element import LinkPreviewElement  # noqa: PLC0415
        from ..models.list_element import ListElement  # noqa: PLC0415
        from ..models.map_element import MapElement  # noqa: PLC0415
        from ..models.quick_replies_content import QuickRepliesContent  # noqa: PLC0415
        from ..models.quick_reply_template_element import QuickReplyTemplateElement  # noqa: PLC0415
        from ..models.social_messaging_conversation_data_metadata import (
            SocialMessagingConversationDataMetadata,  # noqa: PLC0415
        )
        from ..models.social_messaging_event_data_metadata import (
            SocialMessagingEventDataMetadata,  # noqa: PLC0415
        )
        from ..models.tabs_element import TabsElement  # noqa: PLC0415
        from ..models.text_element import TextElement  # noqa: PLC0415
        from ..models.vertical_layout import VerticalLayout  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_structured_content(
            data: object,
        ) -> (
            AccordionSelectElement
            | ButtonElement
            | CarouselElement
            | CarouselSelectElement
            | HorizontalLayout
            | ImageElement
            | KeyValuePairListElement
            | LinkPreviewElement
            | ListElement
            | MapElement
            | QuickRepliesContent
            | QuickReplyTemplateElement
            | TabsElement
            | TextElement
            | VerticalLayout
        ):
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_message_content_type_0 = (
                    QuickRepliesContent.from_dict(data)
                )

                return componentsschemas_message_content_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_message_content_type_1 = TextElement.from_dict(data)

                return componentsschemas_message_content_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_message_content_type_2 = ImageElement.from_dict(data)

                return componentsschemas_message_content_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_message_content_type_3 = ButtonElement.from_dict(data)

                return componentsschemas_message_content_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_message_content_type_4 = MapElement.from_dict(data)

                return componentsschemas_message_content_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_message_content_type_5 = LinkPreviewElement.from_dict(
                    data
                )

                return componentsschemas_message_content_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_message_content_type_6 = (
                    QuickReplyTemplateElement.from_dict(data)
                )

                return componentsschemas_message_content_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_message_content_type_7 = (
                    KeyValuePairListElement.from_dict(data)
                )

                return componentsschemas_message_content_type_7
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_message_content_type_8 = HorizontalLayout.from_dict(
                    data
                )

                return componentsschemas_message_content_type_8
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_message_content_type_9 = VerticalLayout.from_dict(
                    data
                )

                return componentsschemas_message_content_type_9
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_message_content_type_10 = CarouselElement.from_dict(
                    data
                )

                return componentsschemas_message_content_type_10
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_message_content_type_11 = (
                    CarouselSelectElement.from_dict(data)
                )

                return componentsschemas_message_content_type_11
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_message_content_type_12 = (
                    AccordionSelectElement.from_dict(data)
                )

                return componentsschemas_message_content_type_12
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_message_content_type_13 = ListElement.from_dict(data)

                return componentsschemas_message_content_type_13
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_message_content_type_14 = TabsElement.from_dict(data)

            return componentsschemas_message_content_type_14

        structured_content = _parse_structured_content(d.pop("structuredContent"))

        _metadata = d.pop("metadata", UNSET)
        metadata: (
            list[
                ActionReasonMetadata
                | BotResponseMetadata
                | BusinessChatMessageMetadata
                | ChannelMetadata
                | ConnectorAuthenticationResponseMetadata
                | ConnectorPaymentResponseMetadata
                | EscalationSummaryMetadata
                | ExternalIdMetadata
                | SocialMessagingConversationDataMetadata
                | SocialMessagingEventDataMetadata
            ]
            | Unset
        ) = UNSET
        if _metadata is not UNSET:
            metadata = []
            for metadata_item_data in _metadata:

                def _parse_metadata_item(
                    data: object,
                ) -> (
                    ActionReasonMetadata
                    | BotResponseMetadata
                    | BusinessChatMessageMetadata
                    | ChannelMetadata
                    | ConnectorAuthenticationResponseMetadata
                    | ConnectorPaymentResponseMetadata
                    | EscalationSummaryMetadata
                    | ExternalIdMetadata
                    | SocialMessagingConversationDataMetadata
                    | SocialMessagingEventDataMetadata
                ):
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_message_metadata_type_0 = (
                            ExternalIdMetadata.from_dict(data)
                        )

                        return componentsschemas_message_metadata_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_message_metadata_type_1 = (
                            BotResponseMetadata.from_dict(data)
                        )

                        return componentsschemas_message_metadata_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_message_metadata_type_2 = (
                            ActionReasonMetadata.from_dict(data)
                        )

                        return componentsschemas_message_metadata_type_2
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_message_metadata_type_3 = (
                            EscalationSummaryMetadata.from_dict(data)
                        )

                        return componentsschemas_message_metadata_type_3
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_message_metadata_type_4 = (
                            ConnectorPaymentResponseMetadata.from_dict(data)
                        )

                        return componentsschemas_message_metadata_type_4
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_message_metadata_type_5 = (
                            ConnectorAuthenticationResponseMetadata.from_dict(data)
                        )

                        return componentsschemas_message_metadata_type_5
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_message_metadata_type_6 = (
                            SocialMessagingConversationDataMetadata.from_dict(data)
                        )

                        return componentsschemas_message_metadata_type_6
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_message_metadata_type_7 = (
                            SocialMessagingEventDataMetadata.from_dict(data)
                        )

                        return componentsschemas_message_metadata_type_7
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_message_metadata_type_8 = (
                            BusinessChatMessageMetadata.from_dict(data)
                        )

                        return componentsschemas_message_metadata_type_8
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_message_metadata_type_9 = (
                        ChannelMetadata.from_dict(data)
                    )

                    return componentsschemas_message_metadata_type_9

                metadata_item = _parse_metadata_item(metadata_item_data)

                metadata.append(metadata_item)

        encoded_metadata = d.pop("encodedMetadata", UNSET)

        structured_content_message = cls(
            structured_content=structured_content,
            metadata=metadata,
            encoded_metadata=encoded_metadata,
        )

        return structured_content_message
