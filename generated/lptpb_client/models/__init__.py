"""Contains all the data models used in inputs/outputs"""

from .accessibility import Accessibility
from .accessibility_web import AccessibilityWeb
from .accordion_select_element import AccordionSelectElement
from .accordion_select_mode import AccordionSelectMode
from .accordion_title import AccordionTitle
from .action_reason_metadata import ActionReasonMetadata
from .add_to_cart_action import AddToCartAction
from .add_to_cart_item import AddToCartItem
from .api_key_credentials import ApiKeyCredentials
from .api_key_login import ApiKeyLogin
from .aspect_ratio import AspectRatio
from .bot_identity import BotIdentity
from .bot_identity_bot_provider_type import BotIdentityBotProviderType
from .bot_intent import BotIntent
from .bot_response_metadata import BotResponseMetadata
from .business_chat_bubble import BusinessChatBubble
from .business_chat_bubble_style import BusinessChatBubbleStyle
from .business_chat_message_metadata import BusinessChatMessageMetadata
from .button_class import ButtonClass
from .button_element import ButtonElement
from .button_list_element import ButtonListElement
from .button_ref import ButtonRef
from .button_ref_type import ButtonRefType
from .carousel_element import CarouselElement
from .carousel_select_element import CarouselSelectElement
from .carousel_select_mode import CarouselSelectMode
from .cart_sde import CartSde
from .channel_metadata import ChannelMetadata
from .channel_metadata_type import ChannelMetadataType
from .checkbox_click import CheckboxClick
from .checkbox_element import CheckboxElement
from .checked_action import CheckedAction
from .checklist_element import ChecklistElement
from .click import Click
from .close_conversation_request import CloseConversationRequest
from .command import Command
from .command_accepted import CommandAccepted
from .command_data import CommandData
from .command_error import CommandError
from .command_result import CommandResult
from .command_state import CommandState
from .connector_authentication_response_metadata import (
    ConnectorAuthenticationResponseMetadata,
)
from .connector_payment_response_metadata import ConnectorPaymentResponseMetadata
from .custom_action import CustomAction
from .custom_container_settings import CustomContainerSettings
from .custom_settings import CustomSettings
from .customer_info_sde import CustomerInfoSde
from .date_picker_action import DatePickerAction
from .date_picker_class import DatePickerClass
from .display_settings import DisplaySettings
from .display_size import DisplaySize
from .error_body import ErrorBody
from .escalation_business_case import EscalationBusinessCase
from .escalation_summary_metadata import EscalationSummaryMetadata
from .external_id_metadata import ExternalIdMetadata
from .first_day_of_week import FirstDayOfWeek
from .horizontal_layout import HorizontalLayout
from .image_element import ImageElement
from .join_conversation_request import JoinConversationRequest
from .key_value_pair import KeyValuePair
from .key_value_pair_list_element import KeyValuePairListElement
from .layout_border import LayoutBorder
from .layout_scroll import LayoutScroll
from .lead_sde import LeadSde
from .legacy_login_request import LegacyLoginRequest
from .link_action import LinkAction
from .link_platform_uri import LinkPlatformUri
from .link_preview_element import LinkPreviewElement
from .link_target import LinkTarget
from .list_element import ListElement
from .login_response import LoginResponse
from .loose_metadata_item import LooseMetadataItem
from .map_element import MapElement
from .marketing_source_sde import MarketingSourceSde
from .message_context import MessageContext
from .navigate_action import NavigateAction
from .pause_message import PauseMessage
from .personal_info_sde import PersonalInfoSde
from .private_text_message import PrivateTextMessage
from .private_text_message_message_audience import PrivateTextMessageMessageAudience
from .product_view_sde import ProductViewSde
from .publish_text_action import PublishTextAction
from .purchase_sde import PurchaseSde
from .quick_replies import QuickReplies
from .quick_replies_content import QuickRepliesContent
from .quick_reply import QuickReply
from .quick_reply_template_element import QuickReplyTemplateElement
from .quick_reply_template_element_template_type import (
    QuickReplyTemplateElementTemplateType,
)
from .remove_agent_request import RemoveAgentRequest
from .schedule_slot import ScheduleSlot
from .schedule_slot_list_action import ScheduleSlotListAction
from .sde_address import SdeAddress
from .sde_age import SdeAge
from .sde_contact import SdeContact
from .sde_contact_phone_type import SdeContactPhoneType
from .sde_customer_info import SdeCustomerInfo
from .sde_date import SdeDate
from .sde_gender_code import SdeGenderCode
from .sde_lead import SdeLead
from .sde_marketing_channel_code import SdeMarketingChannelCode
from .sde_marketing_channel_digit import SdeMarketingChannelDigit
from .sde_marketing_info import SdeMarketingInfo
from .sde_personal_info import SdePersonalInfo
from .sde_product import SdeProduct
from .sde_product_line import SdeProductLine
from .sde_product_view import SdeProductView
from .sde_purchase_cart import SdePurchaseCart
from .sde_service_activity import SdeServiceActivity
from .sde_visitor_error import SdeVisitorError
from .search_content_sde import SearchContentSde
from .section_element import SectionElement
from .section_list_element import SectionListElement
from .selection_mode import SelectionMode
from .send_messages_request import SendMessagesRequest
from .separator import Separator
from .service_activity_sde import ServiceActivitySde
from .service_domain import ServiceDomain
from .service_domain_list import ServiceDomainList
from .service_domain_lookup import ServiceDomainLookup
from .set_sdes_request import SetSdesRequest
from .set_ttr_request import SetTtrRequest
from .social_event import SocialEvent
from .social_messaging_conversation_data_metadata import (
    SocialMessagingConversationDataMetadata,
)
from .social_messaging_event_data_metadata import SocialMessagingEventDataMetadata
from .social_user_profile import SocialUserProfile
from .structured_content_message import StructuredContentMessage
from .style import Style
from .style_padding import StylePadding
from .submit_as_text_action import SubmitAsTextAction
from .submit_button_click import SubmitButtonClick
from .submit_button_element import SubmitButtonElement
from .tabs_element import TabsElement
from .text_alignment import TextAlignment
from .text_element import TextElement
from .text_size import TextSize
from .transfer_request import TransferRequest
from .ttr_type import TtrType
from .user_pass_credentials import UserPassCredentials
from .user_pass_login import UserPassLogin
from .vertical_layout import VerticalLayout
from .visitor_error_sde import VisitorErrorSde

__all__ = (
    "Accessibility",
    "AccessibilityWeb",
    "AccordionSelectElement",
    "AccordionSelectMode",
    "AccordionTitle",
    "ActionReasonMetadata",
    "AddToCartAction",
    "AddToCartItem",
    "ApiKeyCredentials",
    "ApiKeyLogin",
    "AspectRatio",
    "BotIdentity",
    "BotIdentityBotProviderType",
    "BotIntent",
    "BotResponseMetadata",
    "BusinessChatBubble",
    "BusinessChatBubbleStyle",
    "BusinessChatMessageMetadata",
    "ButtonClass",
    "ButtonElement",
    "ButtonListElement",
    "ButtonRef",
    "ButtonRefType",
    "CarouselElement",
    "CarouselSelectElement",
    "CarouselSelectMode",
    "CartSde",
    "ChannelMetadata",
    "ChannelMetadataType",
    "CheckboxClick",
    "CheckboxElement",
    "CheckedAction",
    "ChecklistElement",
    "Click",
    "CloseConversationRequest",
    "Command",
    "CommandAccepted",
    "CommandData",
    "CommandError",
    "CommandResult",
    "CommandState",
    "ConnectorAuthenticationResponseMetadata",
    "ConnectorPaymentResponseMetadata",
    "CustomAction",
    "CustomContainerSettings",
    "CustomerInfoSde",
    "CustomSettings",
    "DatePickerAction",
    "DatePickerClass",
    "DisplaySettings",
    "DisplaySize",
    "ErrorBody",
    "EscalationBusinessCase",
    "EscalationSummaryMetadata",
    "ExternalIdMetadata",
    "FirstDayOfWeek",
    "HorizontalLayout",
    "ImageElement",
    "JoinConversationRequest",
    "KeyValuePair",
    "KeyValuePairListElement",
    "LayoutBorder",
    "LayoutScroll",
    "LeadSde",
    "LegacyLoginRequest",
    "LinkAction",
    "LinkPlatformUri",
    "LinkPreviewElement",
    "LinkTarget",
    "ListElement",
    "LoginResponse",
    "LooseMetadataItem",
    "MapElement",
    "MarketingSourceSde",
    "MessageContext",
    "NavigateAction",
    "PauseMessage",
    "PersonalInfoSde",
    "PrivateTextMessage",
    "PrivateTextMessageMessageAudience",
    "ProductViewSde",
    "PublishTextAction",
    "PurchaseSde",
    "QuickReplies",
    "QuickRepliesContent",
    "QuickReply",
    "QuickReplyTemplateElement",
    "QuickReplyTemplateElementTemplateType",
    "RemoveAgentRequest",
    "ScheduleSlot",
    "ScheduleSlotListAction",
    "SdeAddress",
    "SdeAge",
    "SdeContact",
    "SdeContactPhoneType",
    "SdeCustomerInfo",
    "SdeDate",
    "SdeGenderCode",
    "SdeLead",
    "SdeMarketingChannelCode",
    "SdeMarketingChannelDigit",
    "SdeMarketingInfo",
    "SdePersonalInfo",
    "SdeProduct",
    "SdeProductLine",
    "SdeProductView",
    "SdePurchaseCart",
    "SdeServiceActivity",
    "SdeVisitorError",
    "SearchContentSde",
    "SectionElement",
    "SectionListElement",
    "SelectionMode",
    "SendMessagesRequest",
    "Separator",
    "ServiceActivitySde",
    "ServiceDomain",
    "ServiceDomainList",
    "ServiceDomainLookup",
    "SetSdesRequest",
    "SetTtrRequest",
    "SocialEvent",
    "SocialMessagingConversationDataMetadata",
    "SocialMessagingEventDataMetadata",
    "SocialUserProfile",
    "StructuredContentMessage",
    "Style",
    "StylePadding",
    "SubmitAsTextAction",
    "SubmitButtonClick",
    "SubmitButtonElement",
    "TabsElement",
    "TextAlignment",
    "TextElement",
    "TextSize",
    "TransferRequest",
    "TtrType",
    "UserPassCredentials",
    "UserPassLogin",
    "VerticalLayout",
    "VisitorErrorSde",
)
