"""The channel rule files: ``lptpb_ext/channels/<channel>.toml``, one per channel, read lazily.

A channel's change is a data change: its file names the channel, its aliases, the page that
documents it, and its rules. A rule is a selector, one check and its numbers, a severity, the
page it comes from, and whether its author was sure of it (``sure``)::

    [[rule]]
    id = "facebook.quick-replies.count"   # <channel>.<what>, unique
    topic = "Quick replies"               # the row of docs/channels.md
    select = ["quickReplies"]             # node kinds (below)
    check = "max_items"                   # one of CHECKS
    field = "replies"
    limit = 13
    severity = "error"                    # error: refused or dropped; warning: truncated, degraded
    message = "Facebook Messenger takes at most 13 quick replies"
    source = "https://developers.facebook.com/docs/messenger-platform/send-messages/quick-replies"
    sure = true
    note = "..."                          # optional: what the rule assumes

Node kinds a rule selects (see :mod:`lptpb_ext._channels`, which walks the content): every
element by its ``type`` (``text``, ``button``, ``carousel``...); ``root`` (the structured
content itself, not quick replies); ``card`` (the root, or each element of a carousel, tabs,
carouselSelect or accordionSelect) and ``carouselCard`` (a card inside one of those);
``title`` and ``subtitle`` (text of a layout card: a text tagged so, else its first and second
text); ``quickReplies``, ``chip`` (one of its replies); ``action`` (a click action of an
element) or ``chipAction`` (of a chip), each plus the action's type (``link``, ...).

Optional narrowing: ``where`` / ``where_not`` (a field equal to a value, or in a list of
values) and ``card_has`` (the enclosing card holds a node of one of these kinds).

The checks (``CHECKS``): ``max_items`` / ``min_items`` (a list ``field``, ``limit``),
``max_length`` (a text ``field``, ``limit`` characters), ``max_value`` / ``min_value`` (an
integer ``field``, ``limit``), ``allowed`` (``field`` one of
``values``), ``unsupported`` (the node itself is the problem), ``max_count`` (at most ``limit``
nodes of kinds ``of`` inside it), ``requires`` (at least one node of kinds ``of`` inside it),
``metadata`` (the message's metadata holds an item whose ``type`` is one of ``values``) and
``url_scheme`` (``field`` is a URL with one of the schemes in ``values``).

``sure`` is honest bookkeeping: the files were written without network access, from knowledge
of LivePerson's per-channel pages and of the platforms' own (Meta, Google, LINE, X, Apple);
``sure = false`` marks a limit or a mapping (how LivePerson turns JSON Pollock into the
channel's format) that its author could not vouch for. A page may have moved since.

The loader checks every file against this vocabulary (:class:`RuleFileError`), so a typo in a
rule fails the first check of that channel, and ``tests/test_channels.py`` loads them all.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

__all__ = [
    "CHANNELS",
    "CHECKS",
    "ChannelRules",
    "Rule",
    "RuleFileError",
    "channel_rules",
    "parse_rules",
    "resolve_channel",
]

Severity = Literal["error", "warning"]

CHANNELS = (
    "web",
    "facebook",
    "instagram",
    "twitter",
    "gbm",
    "rbm",
    "apple",
    "whatsapp",
    "line",
    "sms",
)

# check -> (required keys, optional keys) beyond the common ones
CHECKS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "max_items": (frozenset({"field", "limit"}), frozenset()),
    "min_items": (frozenset({"field", "limit"}), frozenset()),
    "max_length": (frozenset({"field", "limit"}), frozenset()),
    "max_value": (frozenset({"field", "limit"}), frozenset()),
    "min_value": (frozenset({"field", "limit"}), frozenset()),
    "allowed": (frozenset({"field", "values"}), frozenset()),
    "unsupported": (frozenset(), frozenset()),
    "max_count": (frozenset({"of", "limit"}), frozenset()),
    "requires": (frozenset({"of"}), frozenset()),
    "metadata": (frozenset({"values"}), frozenset()),
    "url_scheme": (frozenset({"field", "values"}), frozenset()),
}
_COMMON = frozenset({"id", "topic", "select", "check", "severity", "message", "source", "sure"})
_OPTIONAL = frozenset({"note", "where", "where_not", "card_has"})


class RuleFileError(ValueError):
    """A rule file breaks the rule language; the message names the file and the rule."""


@dataclass(frozen=True)
class Rule:
    """One rule of one channel (see the module docstring for the fields)."""

    id: str
    topic: str
    select: frozenset[str]
    check: str
    severity: Severity
    message: str
    source: str
    sure: bool
    field: str | None = None
    limit: int | None = None
    values: tuple[str, ...] = ()
    of: frozenset[str] = frozenset()
    where: tuple[tuple[str, tuple[Any, ...]], ...] = ()
    where_not: tuple[tuple[str, tuple[Any, ...]], ...] = ()
    card_has: frozenset[str] = frozenset()
    note: str = ""


@dataclass(frozen=True)
class ChannelRules:
    """A channel's file: its name, title, aliases, main page, rules and what it leaves out."""

    channel: str
    title: str
    aliases: tuple[str, ...]
    about: str
    rules: tuple[Rule, ...]
    left_out: tuple[str, ...] = ()
    note: str = ""


def _strings(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and value and all(isinstance(v, str) and v for v in value):
        return tuple(value)
    raise RuleFileError(f"{where}: must be a string or a non-empty list of strings")


def _conditions(value: object, where: str) -> tuple[tuple[str, tuple[Any, ...]], ...]:
    if not isinstance(value, Mapping) or not value:
        raise RuleFileError(f"{where}: must be a non-empty table of field = value(s)")
    return tuple(
        (str(k), tuple(v) if isinstance(v, list) else (v,)) for k, v in sorted(value.items())
    )


def _rule(raw: Mapping[str, Any], channel: str, index: int) -> Rule:
    where = f"channels/{channel}.toml rule[{index}] ({raw.get('id', '?')})"
    check = raw.get("check")
    if check not in CHECKS:
        raise RuleFileError(f"{where}: check must be one of {sorted(CHECKS)}")
    needed, optional = CHECKS[check]
    missing = (_COMMON | needed) - raw.keys()
    extra = raw.keys() - _COMMON - needed - optional - _OPTIONAL
    if missing or extra:
        raise RuleFileError(f"{where}: missing {sorted(missing)}, unknown {sorted(extra)}")
    if not str(raw["id"]).startswith(f"{channel}."):
        raise RuleFileError(f"{where}: id must start with '{channel}.'")
    if raw["severity"] not in ("error", "warning"):
        raise RuleFileError(f"{where}: severity must be 'error' or 'warning'")
    if not str(raw["source"]).startswith("https://"):
        raise RuleFileError(f"{where}: source must be an https:// URL")
    if not isinstance(raw["sure"], bool):
        raise RuleFileError(f"{where}: sure must be true or false")
    limit = raw.get("limit")
    if "limit" in needed and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise RuleFileError(f"{where}: limit must be a whole number, 0 or more")
    return Rule(
        id=str(raw["id"]),
        topic=str(raw["topic"]),
        select=frozenset(_strings(raw["select"], f"{where}.select")),
        check=check,
        severity=raw["severity"],
        message=str(raw["message"]),
        source=str(raw["source"]),
        sure=raw["sure"],
        field=str(raw["field"]) if "field" in raw else None,
        limit=limit,
        values=_strings(raw["values"], f"{where}.values") if "values" in raw else (),
        of=frozenset(_strings(raw["of"], f"{where}.of")) if "of" in raw else frozenset(),
        where=_conditions(raw["where"], f"{where}.where") if "where" in raw else (),
        where_not=_conditions(raw["where_not"], f"{where}.where_not") if "where_not" in raw else (),
        card_has=frozenset(_strings(raw["card_has"], f"{where}.card_has"))
        if "card_has" in raw
        else frozenset(),
        note=str(raw.get("note", "")),
    )


def parse_rules(data: Mapping[str, Any], channel: str) -> ChannelRules:
    """A channel's rules from its file's data; :class:`RuleFileError` names what is wrong."""
    if data.get("channel") != channel:
        raise RuleFileError(f"channels/{channel}.toml: channel must be {channel!r}")
    if not str(data.get("about", "")).startswith("https://"):
        raise RuleFileError(f"channels/{channel}.toml: about must be an https:// URL")
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list) or not raw_rules:
        raise RuleFileError(f"channels/{channel}.toml: needs at least one [[rule]]")
    rules = tuple(_rule(r, channel, i) for i, r in enumerate(raw_rules))
    ids = [r.id for r in rules]
    if len(set(ids)) != len(ids):
        raise RuleFileError(f"channels/{channel}.toml: rule ids must be unique")
    return ChannelRules(
        channel=channel,
        title=str(data.get("title", channel)),
        aliases=tuple(data.get("aliases", ())),
        about=str(data["about"]),
        rules=rules,
        left_out=tuple(data.get("left_out", ())),
        note=str(data.get("note", "")),
    )


@functools.cache
def _data(name: str) -> dict[str, Any]:
    import tomllib  # noqa: PLC0415 - read only when a channel is first checked

    text = resources.files("lptpb_ext").joinpath("channels", f"{name}.toml").read_text("utf-8")
    return tomllib.loads(text)


@functools.cache
def _parsed(name: str) -> ChannelRules:
    return parse_rules(_data(name), name)


def channel_rules(channel: str) -> ChannelRules:
    """The rules of ``channel`` (a name of :data:`CHANNELS` or an alias), read once."""
    return _parsed(resolve_channel(channel))


@functools.cache
def _aliases() -> dict[str, str]:
    return {str(a).lower(): name for name in CHANNELS for a in _data(name).get("aliases", ())}


def resolve_channel(channel: object) -> str:
    """The channel's name in :data:`CHANNELS` for a name or an alias (any case), or ValueError."""
    if not isinstance(channel, str):
        raise TypeError(f"a channel is a string, not {type(channel).__name__}")
    key = channel.strip().lower()
    if key in CHANNELS:
        return key
    found = _aliases().get(key)
    if found is None:
        raise ValueError(f"unknown channel {channel!r}; known: {', '.join(CHANNELS)}")
    return found
