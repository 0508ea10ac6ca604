"""Typed structured-content constructors, public as ``lptpb_ext.sc``.

Each returns the generated pydantic element, validated::

    from lptpb_ext import sc

    card = sc.vertical(
        sc.image("https://example.com/shoe.png", caption="Runner 2"),
        sc.text("Runner 2", style=sc.style(bold=True, size="large")),
        sc.button("Buy", click=sc.link("https://example.com/buy")),
        sc.button("Ask a human", click=sc.publish_text("agent")),
    )

Elements: :func:`text`, :func:`image`, :func:`button`, :func:`map`, :func:`link_preview`;
layouts :func:`vertical` and :func:`horizontal`; :func:`carousel`. Actions, clicks, styles and
quick-reply chips come from :mod:`lptpb_ext._actions`. The named keywords are the common
fields; ``extra`` takes any other field in the API's spelling (``{"tagVersion": "2"}``), and the
rarer containers (tabs, list, carouselSelect, accordionSelect, template, keyValuePairList) are
written as dicts or as their generated models, which the builder accepts as they are.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, TypeAlias

from lptpb_ext._actions import (
    ActionLike,
    ClickLike,
    add_to_cart,
    as_click,
    chip,
    click,
    custom,
    date_picker,
    link,
    navigate,
    publish_text,
    schedule_slot,
    schedule_slots,
    style,
)
from lptpb_ext._make import make
from lptpb_models import (
    AccordionSelectElement,
    ButtonElement,
    CarouselElement,
    CarouselSelectElement,
    HorizontalLayout,
    ImageElement,
    KeyValuePairListElement,
    LinkPreviewElement,
    ListElement,
    MapElement,
    QuickReplyTemplateElement,
    StructuredContent,
    Style,
    TabsElement,
    TextElement,
    VerticalLayout,
)

__all__ = [
    "ActionLike",
    "Card",
    "ClickLike",
    "Element",
    "add_to_cart",
    "button",
    "carousel",
    "chip",
    "click",
    "custom",
    "date_picker",
    "horizontal",
    "image",
    "link",
    "link_preview",
    "map",
    "navigate",
    "publish_text",
    "schedule_slot",
    "schedule_slots",
    "style",
    "text",
    "vertical",
]

Card: TypeAlias = (
    TextElement
    | ImageElement
    | ButtonElement
    | MapElement
    | LinkPreviewElement
    | QuickReplyTemplateElement
    | KeyValuePairListElement
    | HorizontalLayout
    | VerticalLayout
    | Mapping[str, Any]
)
"""What a carousel holds: a basic element or a layout, as a model or as its JSON."""

Element: TypeAlias = (
    Card
    | CarouselElement
    | CarouselSelectElement
    | AccordionSelectElement
    | ListElement
    | TabsElement
    | StructuredContent
)
"""Any structured content: what a layout holds and what ``Messages.structured`` sends."""

StyleLike: TypeAlias = Style | Mapping[str, Any]


def _common(
    kind: str,
    *,
    click: ClickLike | None,
    style: StyleLike | None,
    tooltip: str | None,
    alt: str | None,
) -> dict[str, Any]:
    return {"type": kind, "click": as_click(click), "style": style, "tooltip": tooltip, "alt": alt}


def text(
    value: str,
    *,
    style: StyleLike | None = None,
    click: ClickLike | None = None,
    tooltip: str | None = None,
    alt: str | None = None,
    rtl: bool | None = None,
    tag: str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> TextElement:
    """A block of text (at most 5000 characters)."""
    fields = _common("text", click=click, style=style, tooltip=tooltip, alt=alt)
    fields.update(text=value, rtl=rtl, tag=tag)
    return make(TextElement, "text", fields, extra)


def image(
    url: str,
    *,
    caption: str | None = None,
    style: StyleLike | None = None,
    click: ClickLike | None = None,
    tooltip: str | None = None,
    alt: str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> ImageElement:
    """An image from ``url`` (its domain must be on the account's allowlist, https only)."""
    fields = _common("image", click=click, style=style, tooltip=tooltip, alt=alt)
    fields.update(url=url, caption=caption)
    return make(ImageElement, "image", fields, extra)


def button(
    title: str,
    *,
    click: ClickLike | None = None,
    subtitle: str | None = None,
    kind: Literal["text", "button"] | None = None,
    style: StyleLike | None = None,
    tooltip: str | None = None,
    alt: str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> ButtonElement:
    """A button; ``kind`` is the API's ``class`` (a text-like link, the default, or raised)."""
    fields = _common("button", click=click, style=style, tooltip=tooltip, alt=alt)
    fields.update({"title": title, "subtitle": subtitle, "class": kind})
    return make(ButtonElement, "button", fields, extra)


# The element is called map in the API, and sc.map reads as it should; this module never
# needs the builtin.
def map(
    *,
    la: float,
    lo: float,
    click: ClickLike | None = None,
    style: StyleLike | None = None,
    tooltip: str | None = None,
    alt: str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> MapElement:
    """A map pinned at latitude ``la`` and longitude ``lo``."""
    fields = _common("map", click=click, style=style, tooltip=tooltip, alt=alt)
    fields.update(la=la, lo=lo)
    return make(MapElement, "map", fields, extra)


def link_preview(
    url: str,
    *,
    title: str | None = None,
    click: ClickLike | None = None,
    style: StyleLike | None = None,
    tooltip: str | None = None,
    alt: str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> LinkPreviewElement:
    """A preview of the web page at ``url``."""
    fields = _common("linkPreview", click=click, style=style, tooltip=tooltip, alt=alt)
    fields.update(url=url, title=title)
    return make(LinkPreviewElement, "linkPreview", fields, extra)


def vertical(
    *elements: Element,
    click: ClickLike | None = None,
    style: StyleLike | None = None,
    tooltip: str | None = None,
    alt: str | None = None,
    border: Literal["border", "borderLess", "dropShadow"] | None = None,
    scroll: Literal["disable", "enable"] | None = None,
    separator: Mapping[str, Any] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> VerticalLayout:
    """Stack ``elements`` top to bottom: the usual shape of a card."""
    fields = _common("vertical", click=click, style=style, tooltip=tooltip, alt=alt)
    fields.update(elements=list(elements), border=border, scroll=scroll, separator=separator)
    return make(VerticalLayout, "vertical", fields, extra)


def horizontal(
    *elements: Element,
    percentages: Sequence[float] | None = None,
    click: ClickLike | None = None,
    style: StyleLike | None = None,
    tooltip: str | None = None,
    alt: str | None = None,
    border: Literal["border", "borderLess", "dropShadow"] | None = None,
    border_line: bool | None = None,
    extra: Mapping[str, Any] | None = None,
) -> HorizontalLayout:
    """Lay ``elements`` side by side; ``percentages`` are their relative widths."""
    fields = _common("horizontal", click=click, style=style, tooltip=tooltip, alt=alt)
    widths = None if percentages is None else list(percentages)
    fields.update(elements=list(elements), percentages=widths, border=border)
    fields["borderLine"] = border_line
    return make(HorizontalLayout, "horizontal", fields, extra)


def carousel(
    *cards: Card,
    padding: float | None = None,
    style: StyleLike | None = None,
    tooltip: str | None = None,
    alt: str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> CarouselElement:
    """A horizontally scrolling row of 2 to 10 cards."""
    fields = {"type": "carousel", "elements": list(cards), "padding": padding, "style": style}
    fields.update(tooltip=tooltip, alt=alt)
    return make(CarouselElement, "carousel", fields, extra)
