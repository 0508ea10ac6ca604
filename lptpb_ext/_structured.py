"""Typed structured-content constructors, public as ``lptpb_ext.sc``.

Each returns the element's JSON, a dict in the API's spelling, checked in full (strict types,
the schema and the 15000-byte limit) when it joins a message, where a mistake is reported with
its path in the batch (``messages[0].structuredContent.elements[2].title``)::

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

from pydantic import BaseModel

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
from lptpb_ext._make import json_value
from lptpb_ext._validation import adopt
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


def _element(  # noqa: PLR0917 - positional on purpose: called once per element
    what: str,
    found: dict[str, Any],
    click: ClickLike | None,
    style: StyleLike | None,
    tooltip: str | None,
    alt: str | None,
    extra: Mapping[str, Any] | None,
) -> dict[str, Any]:
    """``found`` plus the fields every element shares, where given. Written out, not looped:
    a constructor runs once per element, and its cost is most of the builder's own."""
    if click is not None:
        found["click"] = as_click(click)
    if style is not None:
        found["style"] = adopt(style) if isinstance(style, BaseModel) else style
    if tooltip is not None:
        found["tooltip"] = tooltip
    if alt is not None:
        found["alt"] = alt
    return json_value(what, found, extra) if extra else found


def _elements(items: Sequence[object]) -> list[object]:
    return [e if e.__class__ is dict else adopt(e) for e in items]


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
) -> dict[str, Any]:
    """A block of text (at most 5000 characters)."""
    found: dict[str, Any] = {"type": "text", "text": value}
    if rtl is not None:
        found["rtl"] = rtl
    if tag is not None:
        found["tag"] = tag
    return _element("text", found, click, style, tooltip, alt, extra)


def image(
    url: str,
    *,
    caption: str | None = None,
    style: StyleLike | None = None,
    click: ClickLike | None = None,
    tooltip: str | None = None,
    alt: str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """An image from ``url`` (its domain must be on the account's allowlist, https only)."""
    found: dict[str, Any] = {"type": "image", "url": url}
    if caption is not None:
        found["caption"] = caption
    return _element("image", found, click, style, tooltip, alt, extra)


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
) -> dict[str, Any]:
    """A button; ``kind`` is the API's ``class`` (a text-like link, the default, or raised)."""
    found: dict[str, Any] = {"type": "button", "title": title}
    if subtitle is not None:
        found["subtitle"] = subtitle
    if kind is not None:
        found["class"] = kind
    return _element("button", found, click, style, tooltip, alt, extra)


def map(
    *,
    la: float,
    lo: float,
    click: ClickLike | None = None,
    style: StyleLike | None = None,
    tooltip: str | None = None,
    alt: str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A map pinned at latitude ``la`` and longitude ``lo``."""
    found: dict[str, Any] = {"type": "map", "la": la, "lo": lo}
    return _element("map", found, click, style, tooltip, alt, extra)


def link_preview(
    url: str,
    *,
    title: str | None = None,
    click: ClickLike | None = None,
    style: StyleLike | None = None,
    tooltip: str | None = None,
    alt: str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A preview of the web page at ``url``."""
    found: dict[str, Any] = {"type": "linkPreview", "url": url}
    if title is not None:
        found["title"] = title
    return _element("linkPreview", found, click, style, tooltip, alt, extra)


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
) -> dict[str, Any]:
    """Stack ``elements`` top to bottom: the usual shape of a card."""
    found: dict[str, Any] = {"type": "vertical", "elements": _elements(elements)}
    if border is not None:
        found["border"] = border
    if scroll is not None:
        found["scroll"] = scroll
    if separator is not None:
        found["separator"] = separator
    return _element("vertical", found, click, style, tooltip, alt, extra)


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
) -> dict[str, Any]:
    """Lay ``elements`` side by side; ``percentages`` are their relative widths."""
    found: dict[str, Any] = {"type": "horizontal", "elements": _elements(elements)}
    if percentages is not None:
        found["percentages"] = list(percentages)
    if border is not None:
        found["border"] = border
    if border_line is not None:
        found["borderLine"] = border_line
    return _element("horizontal", found, click, style, tooltip, alt, extra)


def carousel(
    *cards: Card,
    padding: float | None = None,
    style: StyleLike | None = None,
    tooltip: str | None = None,
    alt: str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A horizontally scrolling row of 2 to 10 cards."""
    found: dict[str, Any] = {"type": "carousel", "elements": _elements(cards)}
    if padding is not None:
        found["padding"] = padding
    return _element("carousel", found, None, style, tooltip, alt, extra)
