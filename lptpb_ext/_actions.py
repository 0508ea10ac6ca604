"""Click actions, clicks, styles and quick-reply chips for structured content.

Every function returns the JSON of its value, a dict in the API's spelling, checked when it
joins a message (see :mod:`lptpb_ext._make`). Re-exported through ``lptpb_ext.sc``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, TypeAlias

from pydantic import BaseModel

from lptpb_ext._make import json_value
from lptpb_ext._validation import adopt
from lptpb_models import (
    Action,
    AddToCartAction,
    Click,
    CustomAction,
    DatePickerAction,
    LinkAction,
    NavigateAction,
    PublishTextAction,
    ScheduleSlot,
    ScheduleSlotListAction,
    Style,
)

__all__ = [
    "ActionLike",
    "ClickLike",
    "add_to_cart",
    "as_click",
    "chip",
    "click",
    "custom",
    "date_picker",
    "link",
    "navigate",
    "publish_text",
    "schedule_slot",
    "schedule_slots",
    "style",
]

ActionLike: TypeAlias = (
    PublishTextAction
    | LinkAction
    | NavigateAction
    | AddToCartAction
    | CustomAction
    | DatePickerAction
    | ScheduleSlotListAction
    | Action
    | Mapping[str, Any]
)
"""An action: one of the generated action models, or its JSON as a mapping."""

ClickLike: TypeAlias = Click | ActionLike | Sequence[ActionLike]
"""What an element's ``click=`` takes: a :func:`click`, one action, or a list of actions."""


def publish_text(text: str) -> dict[str, Any]:
    """Send ``text`` into the conversation as if the consumer typed it (at most 256 chars)."""
    return {"type": "publishText", "text": text}


def link(
    uri: str,
    *,
    name: str | None = None,
    target: Literal["self", "blank", "slideout"] | None = None,
    ios: str | None = None,
    android: str | None = None,
    web: str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Open ``uri`` (absolute), optionally with per-platform URIs and a target."""
    platforms = {"ios": ios, "android": android, "web": web}
    fields: dict[str, Any] = {"type": "link", "uri": uri, "name": name, "target": target}
    fields.update({k: {"uri": v} for k, v in platforms.items() if v is not None})
    return json_value("link", fields, extra)


def navigate(*, la: float, lo: float, name: str | None = None) -> dict[str, Any]:
    """Start navigation to latitude ``la``, longitude ``lo``."""
    return json_value("navigate", {"type": "navigate", "la": la, "lo": lo, "name": name}, None)


def add_to_cart(*items: tuple[str, int] | Mapping[str, Any]) -> dict[str, Any]:
    """Add products to the cart: ``("sku-1", 2)`` pairs of product id and quantity."""
    lines = [{"productId": i[0], "quantity": i[1]} if isinstance(i, tuple) else i for i in items]
    return json_value("addToCart", {"type": "addToCart", "items": lines}, None)


def custom(data: Mapping[str, str] | None = None) -> dict[str, Any]:
    """An integration-defined action carrying key/value pairs (at most 10)."""
    pairs = None if data is None else [{"key": k, "value": v} for k, v in data.items()]
    return json_value("custom", {"type": "custom", "data": pairs}, None)


def date_picker(
    kind: Literal["single", "range"] = "single",
    *,
    title: str | None = None,
    min_date: int | None = None,
    max_date: int | None = None,
    date_format: str | None = None,
) -> dict[str, Any]:
    """Open a date picker for one date or a range; dates are Unix timestamps."""
    fields = {
        "type": "datePicker",
        "class": kind,
        "title": title,
        "minDate": min_date,
        "maxDate": max_date,
        "dateFormat": date_format,
    }
    return json_value("datePicker", fields, None)


def schedule_slot(
    slot_id: str,
    start: int,
    *,
    end: int | None = None,
    title: str | None = None,
    description: str | None = None,
    image_url: str | None = None,
) -> dict[str, Any]:
    """One appointment slot (times are Unix timestamps)."""
    fields = {
        "type": "scheduleSlot",
        "id": slot_id,
        "start": start,
        "end": end,
        "title": title,
        "description": description,
        "imageUrl": image_url,
    }
    return json_value("scheduleSlot", fields, None)


def schedule_slots(
    *slots: ScheduleSlot | Mapping[str, Any],
    title: str | None = None,
    first_day_of_the_week: Literal["sun", "mon"] | None = None,
) -> dict[str, Any]:
    """Offer appointment slots (see :func:`schedule_slot`)."""
    fields = {
        "type": "scheduleSlotList",
        "slots": list(slots),
        "title": title,
        "firstDayOfTheWeek": first_day_of_the_week,
    }
    return json_value("scheduleSlotList", fields, None)


def click(
    *actions: ActionLike, metadata: Iterable[BaseModel | Mapping[str, Any]] | None = None
) -> dict[str, Any]:
    """What a click does: up to 4 actions, plus metadata sent with it (e.g. an ExternalId)."""
    found: dict[str, Any] = {}
    if actions:
        found["actions"] = [a if a.__class__ is dict else adopt(a) for a in actions]
    if metadata is not None:
        found["metadata"] = [m if m.__class__ is dict else adopt(m) for m in metadata]
    return found


def as_click(value: ClickLike | None) -> object:
    """Normalise an element's ``click=`` argument (the element's validation checks it)."""
    if value is None:
        return None
    if value.__class__ is dict or isinstance(value, Mapping):
        return value if "actions" in value or "metadata" in value else {"actions": [value]}
    if isinstance(value, Click):
        return adopt(value)
    if isinstance(value, BaseModel):
        return {"actions": [adopt(value)]}
    return {"actions": [adopt(a) for a in value]}


def chip(
    title: str,
    *,
    click: ClickLike | None = None,
    tooltip: str | None = None,
    style: Style | Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A quick-reply chip (title at most 128 characters; channels show 20 to 36, see
    :func:`~lptpb_ext.check_channel`).

    With no ``click``, the chip publishes its own title, which is what a consumer expects a
    chip to do.
    """
    action = as_click(click) if click is not None else {"actions": [publish_text(title)]}
    found: dict[str, Any] = {"type": "button", "title": title, "click": action}
    if tooltip is not None:
        found["tooltip"] = tooltip
    if style is not None:
        found["style"] = adopt(style)
    return found


def style(
    *,
    color: str | None = None,
    background_color: str | None = None,
    border_color: str | None = None,
    border_radius: float | None = None,
    bold: bool | None = None,
    italic: bool | None = None,
    size: Literal["small", "medium", "large"] | None = None,
    font_family: str | None = None,
    text_alignment: Literal["leading", "center", "trailing"] | None = None,
    padding: Mapping[str, float] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Styling; ``extra`` takes the other style keys (``{"color-hover": "#333"}``)."""
    fields = {
        "color": color,
        "background-color": background_color,
        "border-color": border_color,
        "border-radius": border_radius,
        "bold": bold,
        "italic": italic,
        "size": size,
        "font-family": font_family,
        "text-alignment": text_alignment,
        "padding": padding,
    }
    return json_value("style", fields, extra)
