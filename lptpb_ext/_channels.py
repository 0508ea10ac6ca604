"""What each channel will show: :func:`check_channel` checks structured content against a channel.

The contract (``openapi.yaml``) says what the API accepts; a message it accepts can still be
refused, cut or dropped where the customer is. Facebook Messenger takes at most 13 quick
replies, LINE at most 4 buttons on a card, SMS shows text only::

    from lptpb_ext import check_channel, sc

    card = sc.vertical(sc.text("Pick one"), *(sc.button(f"Option {n}") for n in range(5)))
    for problem in check_channel(card, "facebook"):
        print(problem)
    # <content>: error: Facebook Messenger shows at most 3 buttons on a card (5 found) [...]

``structured_content`` is any of: structured content (a dict in the API's spelling, or a
generated model), quick replies as ``{"type": "quickReplies", ...}``, a quick-replies message
``{"quickReplies": {...}, "message": "..."}``, or a whole message item ``{"structuredContent":
..., "metadata": [...]}`` (paths then start with ``structuredContent``). ``metadata`` is the
message's metadata, for the rules that need it (Apple's list picker); a message item brings
its own. Each :class:`ChannelProblem` names the JSON path in the API's spelling, the rule, a
message, the page the rule comes from, whether its author was sure of it, and a severity:
``error`` when the channel refuses or drops the content, ``warning`` when it only truncates or
degrades it.

The rules are data: ``lptpb_ext/channels/<channel>.toml`` (see :mod:`._channel_rules`);
``docs/channels.md`` is generated from them. Channels: ``web``, ``facebook``, ``instagram``,
``twitter``, ``gbm`` (Google Business Messages), ``rbm`` (Google RCS Business Messaging),
``apple`` (Apple Messages for Business), ``whatsapp``, ``line``, ``sms``; aliases such as
``x``, ``messenger`` and ``abc`` are accepted.

Choices where the issue is silent:

- Content that is not a JSON object gives no problems, and malformed parts are skipped: this
  checks channels, ``validate_body`` checks the contract. It never raises for any JSON value;
  an unknown channel is a ``ValueError``.
- A card's *title* and *subtitle* are the texts tagged ``title``/``subtitle``, else its first
  and second text: the convention LivePerson's connectors use to map a card onto a channel's
  template (``examples/templates/lineCard.json`` of JSON Pollock tags them).
- Lengths are counted in characters (code points), as the channels' documentation words them.
- Warnings never stop anything; the builder returns them (``Messages.build(channels=...)``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from lptpb_ext._channel_rules import Rule, channel_rules, resolve_channel
from lptpb_ext._errors import RequestValidationError
from lptpb_ext._paths import Key, format_path

__all__ = ["ChannelError", "ChannelProblem", "check_body", "check_channel", "errors_in"]

Severity = Literal["error", "warning"]
_CONTAINERS = frozenset({"carousel", "tabs", "carouselSelect", "accordionSelect"})
_LAYOUTS = frozenset({"horizontal", "vertical"})


@dataclass(frozen=True)
class ChannelProblem:
    """Something ``channel`` would refuse or drop (``error``) or cut or degrade (``warning``).

    ``path`` is the JSON path in the API's spelling (``""`` for the content itself), ``rule``
    the rule's id in the channel's file, ``source`` the documentation page it comes from and
    ``sure`` whether the rule's author was sure of it.
    """

    channel: str
    path: str
    rule: str
    severity: Severity
    message: str
    source: str
    sure: bool = True

    def __str__(self) -> str:
        return f"{self.path or '<content>'}: {self.severity}: {self.message} [{self.rule}]"

    def to_json(self) -> dict[str, object]:
        """The problem as a JSON object (for ``--json`` output and logs)."""
        return {
            "channel": self.channel,
            "path": self.path,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "source": self.source,
            "sure": self.sure,
        }


class ChannelError(RequestValidationError):
    """A channel would refuse or drop the content. Nothing was sent.

    ``problems`` holds every problem found (the errors and the warnings); ``path`` and ``rule``
    are those of the first error.
    """

    def __init__(self, problems: Sequence[ChannelProblem]) -> None:
        self.problems = tuple(problems)
        errors = errors_in(self.problems)
        first = errors[0] if errors else self.problems[0]
        more = f" (and {len(errors) - 1} more error(s))" if len(errors) > 1 else ""
        super().__init__(first.path, first.rule, f"{first.channel}: {first.message}{more}")


def errors_in(problems: Iterable[ChannelProblem]) -> list[ChannelProblem]:
    """The problems of severity ``error``."""
    return [p for p in problems if p.severity == "error"]


# ---- the content as a tree of nodes --------------------------------------------------------
@dataclass(eq=False)
class _Node:
    value: Mapping[str, Any]
    keys: tuple[Key, ...]
    kinds: set[str]
    card: _Node | None = None
    children: list[_Node] = field(default_factory=list)

    def descendants(self) -> Iterable[_Node]:
        for child in self.children:
            yield child
            yield from child.descendants()


class _Tree:
    """The nodes of one message's content, in document order."""

    def __init__(self) -> None:
        self.nodes: list[_Node] = []

    def add(
        self,
        value: Mapping[str, Any],
        keys: tuple[Key, ...],
        kinds: set[str],
        parent: _Node | None,
        *,
        typed: bool = True,
    ) -> _Node:
        kind = _type(value)
        if typed and kind is not None:
            kinds.add(kind)
        node = _Node(value, keys, kinds, parent.card if parent is not None else None)
        if parent is not None:
            parent.children.append(node)
        self.nodes.append(node)
        return node

    def actions(self, node: _Node, kind: str = "action") -> None:
        click = node.value.get("click")
        if isinstance(click, Mapping):
            for i, action in _items(click, "actions"):
                self.add(action, (*node.keys, "click", "actions", i), {kind}, node)

    def inside(self, node: _Node) -> None:
        """The node's click actions, then its elements, recursively."""
        self.actions(node)
        for i, element in _items(node.value, "elements"):
            self.inside(self.add(element, (*node.keys, "elements", i), set(), node))

    def structure(self, value: Mapping[str, Any], keys: tuple[Key, ...]) -> None:
        root = self.add(value, keys, {"root"}, None)
        if _type(value) in _CONTAINERS:
            self.actions(root)
            for i, element in _items(value, "elements"):
                card = self.add(element, (*keys, "elements", i), {"card", "carouselCard"}, root)
                card.card = card
                self.inside(card)
                _roles(card)
        else:
            root.kinds.add("card")
            root.card = root
            self.inside(root)
            _roles(root)

    def quick_replies(self, value: Mapping[str, Any], keys: tuple[Key, ...]) -> None:
        replies = self.add(value, keys, {"quickReplies"}, None)
        for i, chip in _items(value, "replies"):
            chip_node = self.add(chip, (*keys, "replies", i), {"chip"}, replies, typed=False)
            self.actions(chip_node, "chipAction")


def _type(value: Mapping[str, Any]) -> str | None:
    """The node's ``type`` tag, when it is text (malformed content may hold anything there)."""
    kind = value.get("type")
    return kind if isinstance(kind, str) else None


def _items(value: Mapping[str, Any], key: str) -> Iterable[tuple[int, Mapping[str, Any]]]:
    found = value.get(key)
    if isinstance(found, list):
        yield from ((i, item) for i, item in enumerate(found) if isinstance(item, Mapping))


def _roles(card: _Node) -> None:
    """Mark a layout card's title and subtitle texts (tagged so, else its first two texts)."""
    if _type(card.value) not in _LAYOUTS:
        return
    texts = [n for n in card.descendants() if "text" in n.kinds]
    tagged = [n for n in texts if n.value.get("tag") in ("title", "subtitle")]
    if tagged:
        for node in tagged:
            node.kinds.add(str(node.value["tag"]))
        return
    for node, role in zip(texts, ("title", "subtitle"), strict=False):
        node.kinds.add(role)


def _tree(content: Mapping[str, Any], keys: tuple[Key, ...]) -> _Tree:
    tree = _Tree()
    quick = content.get("quickReplies")
    if isinstance(quick, Mapping):
        tree.quick_replies(quick, (*keys, "quickReplies"))
    elif content.get("type") == "quickReplies":
        tree.quick_replies(content, keys)
    else:
        tree.structure(content, keys)
    return tree


# ---- the checks ----------------------------------------------------------------------------
def _selected(rule: Rule, node: _Node) -> bool:
    if not rule.select & node.kinds:
        return False
    if rule.where and not all(_equal(node, k, vs) for k, vs in rule.where):
        return False
    if rule.where_not and all(_equal(node, k, vs) for k, vs in rule.where_not):
        return False
    if rule.card_has:
        card = node.card
        if card is None:
            return False
        return any(rule.card_has & n.kinds for n in (card, *card.descendants()))
    return True


def _equal(node: _Node, key: str, values: tuple[Any, ...]) -> bool:
    value = node.value.get(key)
    return any(value == v and type(value) is type(v) for v in values)


def _violation(  # noqa: PLR0911, PLR0912 - one branch per check kind, read side by side
    rule: Rule, node: _Node, metadata: object, message_keys: tuple[Key, ...]
) -> tuple[tuple[Key, ...], str] | None:
    """Where and why ``node`` breaks ``rule``, or ``None``."""
    name = rule.field or ""
    value = node.value.get(name) if rule.field else None
    limit = rule.limit or 0
    if rule.check in ("max_items", "min_items"):
        if not isinstance(value, list):
            return None
        if rule.check == "max_items" and len(value) > limit:
            return (*node.keys, name), f"{len(value)} given"
        if rule.check == "min_items" and len(value) < limit:
            return (*node.keys, name), f"{len(value)} given"
    elif rule.check == "max_length":
        if isinstance(value, str) and len(value) > limit:
            return (*node.keys, name), f"{len(value)} characters"
    elif rule.check in ("max_value", "min_value"):
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        if (value > limit) if rule.check == "max_value" else (value < limit):
            return (*node.keys, name), f"{value} given"
    elif rule.check == "allowed":
        if value is not None and not any(value == v for v in rule.values):
            where = node.keys if name == "type" else (*node.keys, name)
            return where, f"{value!r} given; supported: {', '.join(rule.values)}"
    elif rule.check == "unsupported":
        return node.keys, f"{node.value.get('type', 'this element')!r} is not supported"
    elif rule.check == "max_count":
        count = sum(1 for n in node.descendants() if rule.of & n.kinds)
        if count > limit:
            return node.keys, f"{count} found"
    elif rule.check == "requires":
        if not any(rule.of & n.kinds for n in node.descendants()):
            return node.keys, f"needs {' or '.join(sorted(rule.of))}"
    elif rule.check == "metadata":
        items = metadata if isinstance(metadata, list) else []
        types = {_type(m) for m in items if isinstance(m, Mapping)}
        if not any(v in types for v in rule.values):
            return (*message_keys, "metadata"), f"no metadata of type {', '.join(rule.values)}"
    elif rule.check == "url_scheme" and isinstance(value, str):
        scheme = value.partition(":")[0].lower() if ":" in value else ""
        if scheme not in rule.values:
            return (*node.keys, name), f"{scheme or 'no'} scheme; needs {', '.join(rule.values)}"
    return None


def _as_json(content: object) -> object:
    """``content`` with every generated model in it (at any depth) turned into its JSON."""
    dump = getattr(content, "model_dump", None)
    if callable(dump):
        return dump(by_alias=True, exclude_unset=True, mode="json")
    if isinstance(content, Mapping):
        return {k: _as_json(v) for k, v in content.items()}
    if isinstance(content, list | tuple):
        return [_as_json(v) for v in content]
    return content


def _check(
    content: object, channel: str, metadata: object, message_keys: tuple[Key, ...]
) -> list[ChannelProblem]:
    rules = channel_rules(channel)
    content, metadata = _as_json(content), _as_json(metadata)
    if not isinstance(content, Mapping):
        return []
    keys = message_keys
    if "structuredContent" in content:
        metadata = content.get("metadata") if metadata is None else metadata
        content = content["structuredContent"]
        keys = (*message_keys, "structuredContent")
        if not isinstance(content, Mapping):
            return []
    found = []
    for node in _tree(content, keys).nodes:
        for rule in rules.rules:
            if not _selected(rule, node):
                continue
            hit = _violation(rule, node, metadata, message_keys)
            if hit is not None:
                where, detail = hit
                found.append(
                    ChannelProblem(
                        rules.channel,
                        format_path(where),
                        rule.id,
                        rule.severity,
                        f"{rule.message} ({detail})",
                        rule.source,
                        rule.sure,
                    )
                )
    return found


def check_channel(
    structured_content: object, channel: str, *, metadata: Sequence[object] | None = None
) -> list[ChannelProblem]:
    """What ``channel`` would refuse (``error``) or degrade (``warning``) in the content.

    See the module docstring for the forms ``structured_content`` may take.
    """
    return _check(structured_content, resolve_channel(channel), metadata, ())


def check_body(body: object, channels: str | Iterable[str]) -> list[ChannelProblem]:
    """Every channel's problems with the structured-content messages of a send-messages body.

    ``body`` is ``{"messages": [...]}`` (or its model); paths start with ``messages[i]``.
    Plain text, pauses and private texts are not checked.
    """
    names = [resolve_channel(channels)] if isinstance(channels, str) else []
    if not isinstance(channels, str):
        names = list(dict.fromkeys(resolve_channel(c) for c in channels))
    body = _as_json(body)
    messages = body.get("messages") if isinstance(body, Mapping) else None
    found: list[ChannelProblem] = []
    for name in names:
        for i, item in enumerate(messages if isinstance(messages, list) else []):
            if isinstance(item, Mapping) and "structuredContent" in item:
                found += _check(item, name, None, ("messages", i))
    return found
