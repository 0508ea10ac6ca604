from typing import Literal

QuickReplyTemplateElementTemplateType = Literal["quickReply"]

QUICK_REPLY_TEMPLATE_ELEMENT_TEMPLATE_TYPE_VALUES: set[
    QuickReplyTemplateElementTemplateType
] = {
    "quickReply",
}


def check_quick_reply_template_element_template_type(
    value: str,
) -> QuickReplyTemplateElementTemplateType:
    if value in QUICK_REPLY_TEMPLATE_ELEMENT_TEMPLATE_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {QUICK_REPLY_TEMPLATE_ELEMENT_TEMPLATE_TYPE_VALUES!r}"
    )
