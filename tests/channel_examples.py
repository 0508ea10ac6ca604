"""A compliant and a violating example for every channel rule, written by hand.

``EXAMPLES[rule id] = (compliant, violating)``: each is a message item ``{"structuredContent":
..., "metadata": [...]}`` as :func:`lptpb_ext.check_channel` takes it. The compliant one sits
right at the rule's limit where it has one, the violating one just past it. ``CONTRACT_REFUSES``
lists the rules whose violating example the contract refuses too (the channel's limit is the
contract's own), which ``tests/test_channels.py`` checks as such.
"""

from __future__ import annotations

from typing import Any

from lptpb_ext import meta, sc

IMAGE = "https://img.example/shoe.png"
Example = tuple[dict[str, Any], dict[str, Any]]


def message(content: dict[str, Any], metadata: list[Any] | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {"structuredContent": content}
    if metadata is not None:
        item["metadata"] = metadata
    return item


def chips(
    count: int = 2, title: str = "Yes", click: Any = None, per_row: int = 8
) -> dict[str, Any]:
    """A quick-replies message of ``count`` chips titled ``title``, ``per_row`` to a row."""
    replies = [sc.chip(title, click=click) for _ in range(count)]
    content = {
        "quickReplies": {"type": "quickReplies", "itemsPerRow": per_row, "replies": replies},
        "message": "Pick one",
    }
    return message(content)


def card(*elements: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return message(sc.vertical(*elements, extra=extra or None))


def buttons(count: int, title: str = "Buy", action: Any = None) -> list[dict[str, Any]]:
    click = action if action is not None else sc.publish_text("buy")
    return [sc.button(title, click=click) for _ in range(count)]


def carousel(cards: int, buttons_each: int = 1) -> dict[str, Any]:
    return message(
        sc.carousel(*(sc.vertical(sc.text("T"), *buttons(buttons_each)) for _ in range(cards)))
    )


def text(length: int) -> dict[str, Any]:
    return message(sc.text("x" * length))


def titled(title: int, subtitle: int | None = None) -> dict[str, Any]:
    """A generic-template card: image, title (and subtitle) of these lengths, one button."""
    texts = [sc.text("t" * title)] + ([sc.text("s" * subtitle)] if subtitle is not None else [])
    return card(sc.image(IMAGE), *texts, *buttons(1))


def action(kind: dict[str, Any]) -> dict[str, Any]:
    return card(sc.text("Go"), sc.button("Go", click=kind))


def element(content: dict[str, Any]) -> dict[str, Any]:
    return message(content)


PUBLISH = sc.publish_text("yes")
LINK = sc.link("https://shop.example/buy")
NAVIGATE = sc.navigate(la=51.5, lo=-0.12)
ADD_TO_CART = sc.add_to_cart(("sku-1", 1))
DATE_PICKER = sc.date_picker("single", title="When?")
HORIZONTAL = sc.horizontal(sc.text("a"), sc.text("b"))
MAP = sc.map(la=51.5, lo=-0.12)
TABS = {"type": "tabs", "elements": [sc.vertical(sc.text("a"))]}
CAROUSEL = sc.carousel(sc.vertical(sc.text("a")), sc.vertical(sc.text("b")))
PLAIN_CARD = sc.vertical(sc.text("Hello"), *buttons(1))
RICH_LINK = {"tag": "richLink"}
BUBBLE = [meta.business_chat_message({"title": "Pick a time"})]


def _shared(channel: str, *, chips_max: int, chip_title: int) -> dict[str, Example]:
    """The quick-reply pair most channels have: a count and a title length."""
    return {
        f"{channel}.quick-replies.count": (chips(chips_max), chips(chips_max + 1)),
        f"{channel}.chip.title": (chips(2, "q" * chip_title), chips(2, "q" * (chip_title + 1))),
    }


def _cards(channel: str, *, buttons_max: int, title: int) -> dict[str, Example]:
    """Buttons per card and button-title length."""
    return {
        f"{channel}.card.buttons": (
            card(sc.text("T"), *buttons(buttons_max)),
            card(sc.text("T"), *buttons(buttons_max + 1)),
        ),
        f"{channel}.button.title": (
            card(sc.text("T"), *buttons(1, "b" * title)),
            card(sc.text("T"), *buttons(1, "b" * (title + 1))),
        ),
    }


def _titles(channel: str, title: int, subtitle: int) -> dict[str, Example]:
    return {
        f"{channel}.card.title": (titled(title), titled(title + 1)),
        f"{channel}.card.subtitle": (titled(5, subtitle), titled(5, subtitle + 1)),
    }


def _unsupported(channel: str, bad: dict[str, Any]) -> dict[str, Example]:
    return {f"{channel}.elements": (element(PLAIN_CARD), element(bad))}


def _meta_like(channel: str) -> dict[str, Example]:
    """Facebook and Instagram share their template limits."""
    return {
        **_shared(channel, chips_max=13, chip_title=20),
        f"{channel}.carousel.cards": (carousel(10), carousel(11)),
        **_cards(channel, buttons_max=3, title=20),
        **_titles(channel, 80, 80),
        f"{channel}.actions": (action(LINK), action(NAVIGATE)),
        **_unsupported(channel, HORIZONTAL),
    }


def _google(channel: str, chips_max: int) -> dict[str, Example]:
    """Business Messages and RBM share their rich-card limits."""
    return {
        **_shared(channel, chips_max=chips_max, chip_title=25),
        f"{channel}.carousel.cards": (carousel(10), carousel(11)),
        **_cards(channel, buttons_max=4, title=25),
        **_titles(channel, 200, 2000),
        f"{channel}.card.images": (
            card(sc.image(IMAGE), sc.text("T")),
            card(sc.image(IMAGE), sc.image(IMAGE), sc.text("T")),
        ),
        **_unsupported(channel, TABS),
    }


EXAMPLES: dict[str, Example] = {
    # web: warnings only
    "web.chip.title": (chips(2, "w" * 25), chips(2, "w" * 26)),
    "web.quick-replies.per-row": (chips(2, per_row=8), chips(2, per_row=9)),
    "web.quick-replies.per-row-min": (chips(2, per_row=1), chips(2, per_row=0)),
    "web.actions": (action(NAVIGATE), action(ADD_TO_CART)),
    "web.root.types": (element(CAROUSEL), element(TABS)),
    # facebook, instagram
    **_meta_like("facebook"),
    "facebook.text.length": (text(2000), text(2001)),
    **_meta_like("instagram"),
    "instagram.text.length": (text(1000), text(1001)),
    # twitter
    **_shared("twitter", chips_max=20, chip_title=36),
    **_cards("twitter", buttons_max=3, title=36),
    "twitter.actions": (action(LINK), action(PUBLISH)),
    "twitter.card.images": (
        card(sc.image(IMAGE), sc.text("T")),
        card(sc.image(IMAGE), sc.image(IMAGE), sc.text("T")),
    ),
    "twitter.elements": (element(PLAIN_CARD), element(CAROUSEL)),
    # google
    **_google("gbm", 13),
    "gbm.actions": (action(LINK), action(NAVIGATE)),
    **_google("rbm", 11),
    "rbm.actions": (action(NAVIGATE), action(DATE_PICKER)),
    "rbm.text.length": (text(3072), text(3073)),
    # apple
    "apple.quick-replies.count": (chips(5), chips(6)),
    "apple.quick-replies.minimum": (chips(2), chips(1)),
    "apple.metadata": (
        message(sc.vertical(sc.text("Pick a time")), BUBBLE),
        message(sc.vertical(sc.text("Pick a time"))),
    ),
    "apple.rich-link.image": (
        card(sc.image(IMAGE), sc.button("Open", click=LINK), **RICH_LINK),
        card(sc.text("Shoes"), sc.button("Open", click=LINK), **RICH_LINK),
    ),
    "apple.rich-link.link": (
        card(sc.image(IMAGE), sc.button("Open", click=LINK), **RICH_LINK),
        card(sc.image(IMAGE), sc.button("Open", click=PUBLISH), **RICH_LINK),
    ),
    "apple.elements": (
        message(PLAIN_CARD, BUBBLE),
        message(CAROUSEL, BUBBLE),
    ),
    # whatsapp
    **_shared("whatsapp", chips_max=3, chip_title=20),
    **_cards("whatsapp", buttons_max=3, title=20),
    "whatsapp.text.length": (text(4096), text(4097)),
    "whatsapp.actions": (action(LINK), action(NAVIGATE)),
    **_unsupported("whatsapp", CAROUSEL),
    # line
    **_shared("line", chips_max=13, chip_title=20),
    "line.carousel.cards": (carousel(10), carousel(11)),
    **_cards("line", buttons_max=4, title=20),
    "line.carousel-card.buttons": (carousel(2, buttons_each=3), carousel(2, buttons_each=4)),
    **_titles("line", 40, 60),
    "line.image.https": (
        card(sc.image(IMAGE), sc.text("T")),
        card(sc.image("http://img.example/shoe.png"), sc.text("T")),
    ),
    "line.image.url-length": (
        card(sc.image(IMAGE + "?" + "q" * (2000 - len(IMAGE) - 1)), sc.text("T")),
        card(sc.image(IMAGE + "?" + "q" * (2001 - len(IMAGE) - 1)), sc.text("T")),
    ),
    "line.actions": (action(DATE_PICKER), action(NAVIGATE)),
    **_unsupported("line", MAP),
    # sms
    "sms.structured-content": (text(20), element(PLAIN_CARD)),
    "sms.quick-replies": (text(20), chips(2)),
}

# The violating example breaks the contract too: these channels' limit is the contract's own.
CONTRACT_REFUSES = frozenset(
    {
        "facebook.carousel.cards",
        "instagram.carousel.cards",
        "gbm.carousel.cards",
        "rbm.carousel.cards",
        "line.carousel.cards",
    }
)
