"""Each operation's method, path template and default query: the generated client's, as a table.

The generated ``_get_kwargs`` of every operation module knows the contract's paths and query
defaults (``ttl=30``, ``v=1.3``, ``version=1.0``). Importing those modules to ask them loads
every generated attrs model (about a third of ``import lptpb_ext``, measured by
``make bench``), so the routes are written out here instead, and ``tests/test_routes.py``
reads every one back from the generated client: a contract change that moves a URL fails the
tests until this table follows. Request bodies are serialised by the pydantic models, about 25
times faster than the attrs models' ``to_dict`` (10 µs against 259 µs for a four-message batch).

The URL of a call is built as one string (path and query), so httpx parses it once; passing
``params=`` separately makes httpx parse and check the whole URL a second time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import httpx

__all__ = ["DOT_SEGMENTS", "ID_PATTERN", "ROUTES", "Route", "route", "segment"]

#: The contract's ``pattern`` for every id (path parameters and ``agentId``): anything but
#: ``""``, ``.`` and ``..``. Those two are dot-segments, which httpx (as RFC 3986 says every
#: URL library must) removes, so the request would reach another operation:
#: ``conversationId`` ``..`` turns ``sendMessages`` into ``POST /api/v1/account/{id}/messages``.
#: Every other value keeps its own path segment once the routes quote it (``/`` and ``%`` are
#: percent-encoded, ``...`` is no dot-segment). No lookaround, so RE2 and ECMA-262 read it too.
ID_PATTERN = r"^(?:\.{0,2}[^.]|\.{3})(?:[^.]|\.)*$"
DOT_SEGMENTS = frozenset({".", ".."})

# What ``quote(value, safe="")`` leaves as it is: such a path segment needs no quoting.
_UNRESERVED = re.compile(r"[A-Za-z0-9_.~-]+")


def segment(value: object) -> str:
    """``value`` as one path segment: as it is when unreserved, else percent-encoded."""
    text = str(value)
    return text if _UNRESERVED.fullmatch(text) else quote(text, safe="")


@dataclass(frozen=True)
class Route:
    """How to address one operation: ``path(*ids)`` gives the quoted path."""

    operation: str
    method: str
    template: str
    params: dict[str, Any]
    has_ttl: bool
    _queries: dict[int | None, str] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def path(self, *ids: object) -> str:
        return self.template.format(*(segment(value) for value in ids))

    def query(self, ttl: int | None = None) -> str:
        """``?`` and the encoded query (defaults, ``ttl`` if given and taken), or ``""``."""
        found = self._queries.get(ttl)
        if found is None:
            params = self.query_params(ttl)
            found = f"?{httpx.QueryParams(params)}" if params else ""
            self._queries[ttl] = found  # one per ttl (10 to 120): a small, bounded cache
        return found

    def query_params(self, ttl: int | None = None) -> dict[str, Any]:
        params = dict(self.params)
        if ttl is not None and self.has_ttl:
            params["ttl"] = ttl
        return params


def _route(operation: str, method: str, template: str, **params: str | int) -> Route:
    return Route(operation, method, template, params, has_ttl="ttl" in params)


_ACCOUNT = "/api/v1/account/{0}"
_CONVERSATION = _ACCOUNT + "/conversation/{1}"
_DOMAIN = "/api/account/{0}/service"

ROUTES: dict[str, Route] = {
    found.operation: found
    for found in (
        _route("login", "POST", _ACCOUNT + "/login", v="1.3"),
        _route("legacyLogin", "POST", "/api/account/{0}/login", v="1.3"),
        _route("sendMessages", "POST", _CONVERSATION + "/messages", ttl=30),
        _route("transferConversation", "POST", _CONVERSATION + "/transfer", ttl=30),
        _route("closeConversation", "POST", _CONVERSATION + "/close", ttl=30),
        _route("setSdes", "POST", _CONVERSATION + "/sdes", ttl=30),
        _route("setTtr", "POST", _CONVERSATION + "/ttr", ttl=30),
        _route("joinConversation", "POST", _CONVERSATION + "/joinConversation"),
        _route("removeAgent", "POST", _CONVERSATION + "/removeAgent"),
        _route("listCommands", "GET", _CONVERSATION + "/command"),
        _route("getCommand", "GET", _CONVERSATION + "/command/{2}"),
        _route("getServiceDomain", "GET", _DOMAIN + "/{1}/baseURI.json", version="1.0"),
        _route("listServiceDomains", "GET", _DOMAIN + "/baseURI.json", version="1.0"),
    )
}


def route(operation: str) -> Route:
    """The route of ``operation`` (a contract operationId)."""
    return ROUTES[operation]
