"""Where the API lives, without I/O: zone names, hosts and base URLs, and the Domain API lookup.

:func:`base_url_for` turns any of these into the API's base URL (``scheme://host[:port]``, no
trailing slash):

==========================================  ===============================================
value                                       base URL
==========================================  ===============================================
``z1`` / ``z2`` / ``z3``                    the zone's API host (table below)
``z1.bot-connectors.liveperson.net`` ...    the same table (the older ``botConnectorsDomain``)
``bot-platform-api.fs.liveperson.com``      ``https://`` + the host (a ``thirdPartyBots`` value)
``https://host[:port]``                     itself, normalised (an explicit base URL)
``http://127.0.0.1:8080``                   itself, for loopback hosts only (the simulator)
==========================================  ===============================================

Choices made where the issue is silent:

- **Case and spaces.** Zone names and host names are case-insensitive (DNS is), so ``Z2``
  works and hosts come back lower-cased. Whitespace around the value (a newline from an
  environment file) is dropped; whitespace inside it is an error.
- **Plain http** is refused except to loopback hosts (``localhost``, ``127.0.0.0/8``,
  ``[::1]``): the bearer and the login credentials would otherwise travel in clear.
- **A base URL is an origin only.** ``https://host/`` is accepted; a path, query, fragment or
  ``user:password@`` part is refused. Default ports (443, 80) are dropped.
- **Bare host names** must have at least two labels (``localhost`` excepted), so a mistyped
  zone such as ``emea`` fails here instead of as a DNS error at the first request. A value
  that looks like a zone (``z4``) is reported as an unknown zone. Host names must be ASCII
  (give internationalised names in their ``xn--`` form).
- **Only LivePerson's hosts get credentials** unless told otherwise. A bare host, whether given
  as ``zone=`` or answered by the Domain API, must be a name under one of
  :data:`TRUSTED_DOMAINS` (``liveperson.com``, ``liveperson.net``: every host the
  documentation names, the zone hosts ``bot-platform-api[.emea|.apac].fs.liveperson.com``,
  the ``z1``-``z3.bot-connectors.liveperson.net`` entries and the Domain API's own
  ``api``/``adminlogin.liveperson.net``) on the https port, 443; the bare domain itself (the
  web site) is not an API host. Anything else (IP literals, loopback, private names, other
  ports, lookalikes such as ``….liveperson.com.evil.com``) raises :class:`ConfigurationError`
  before a credential is sent, so a hostile or tampered Domain API answer cannot collect the
  password or the bearer. Other hosts are reached through an explicit ``base_url``
  (``https://host:port``, or ``http://`` to loopback: the simulator), or, for tests and
  private deployments whose Domain API answers their own hosts, with ``allow_any_host=True``
  on the client or resolver, which accepts any well-formed host.
- **Error messages** quote the value after masking any ``user:password@`` part, so a
  credential pasted into a URL never reaches a log.

The Domain API lookup (:func:`lookup_flow`, driven by :mod:`lptpb_ext._domain`) asks the
contract's ``getServiceDomain`` for ``thirdPartyBots`` (whose value is the API host) and, only
when the account has no such entry, for ``botConnectorsDomain`` (a zone host, mapped through
:data:`BOT_CONNECTORS_HOSTS`). The request comes from the route table of
:mod:`lptpb_ext._routes` (path, ``version=1.0``); answers are read with the pydantic
``ServiceDomainLookup``, which takes the bare entry or the ``baseURIs`` wrapper. Choices:

- **"No entry"** is any of: HTTP 404; a 200 with an empty body, or a body that is not JSON or
  not a ``ServiceDomainLookup``; no entry for the service in the answer; an empty ``baseURI``.
  How the CSDS answers for a service the account lacks is not documented. These are the answers
  for which ``get_service_domain`` raises :class:`~lptpb_ext.ServiceNotFoundError` (all but the
  empty ``baseURI`` and the body that is not an entry). When neither service
  gives a host, :class:`ConfigurationError` says what each lookup answered. An entry's
  ``account`` is not compared with the account asked (its format is not documented either).
- **No fallback from errors:** 400 and 401 (the Domain API does not know the account) raise at
  once, as do 403, 429 and 5xx, as typed :class:`~lptpb_ext.ApiError` subclasses; a ``baseURI``
  that is not a host, a host outside :data:`TRUSTED_DOMAINS` (unless ``allow_any_host``), or
  an unknown ``botConnectorsDomain``, raises :class:`ConfigurationError` (no fallback either);
  a timeout raises :class:`~lptpb_ext.RequestTimeoutError`, any other failure below HTTP
  :class:`~lptpb_ext.TransportError`.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Generator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from urllib.parse import SplitResult, urlsplit

import httpx
import pydantic

from lptpb_ext._errors import ConfigurationError, RequestTimeoutError, TransportError, redact
from lptpb_ext._responses import api_error
from lptpb_ext._routes import route
from lptpb_models import ServiceDomain, ServiceDomainLookup

__all__ = [
    "BOT_CONNECTORS_HOSTS",
    "OPERATION",
    "SERVICES",
    "TRUSTED_DOMAINS",
    "TRUSTED_PORT",
    "ZONE_HOSTS",
    "LookupCall",
    "LookupTarget",
    "Resolution",
    "ResolutionSource",
    "base_url_for",
    "https_base_url_for_host",
    "is_trusted_host",
    "lookup_entries",
    "lookup_flow",
    "resolution_for",
    "transport_error",
]

OPERATION = "getServiceDomain"

#: The API host of each zone (domain facts §2; the contract's ``botDomain`` enum, in order).
ZONE_HOSTS: dict[str, str] = {
    "z1": "bot-platform-api.fs.liveperson.com",
    "z2": "bot-platform-api.emea.fs.liveperson.com",
    "z3": "bot-platform-api.apac.fs.liveperson.com",
}

#: ``botConnectorsDomain`` values (the older Domain API entry) and the zone each one names.
BOT_CONNECTORS_HOSTS: dict[str, str] = {
    f"{zone}.bot-connectors.liveperson.net": zone for zone in ZONE_HOSTS
}

#: The domains whose hosts may be named by ``zone=`` or the Domain API (see the module notes).
TRUSTED_DOMAINS = ("liveperson.com", "liveperson.net")
#: The only port a trusted host is reached on (https).
TRUSTED_PORT = 443

_BOT_CONNECTORS_SUFFIX = ".bot-connectors.liveperson.net"
_ZONE_LIKE = re.compile(r"z\d+", re.IGNORECASE)
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_MAX_HOST_CHARS = 253
_DEFAULT_PORTS = {"https": 443, "http": 80}
_USERINFO = re.compile(r"(//)?[^/@\s]*@")
# Characters that end a host in a URL: a bare host containing one is something else.
_NOT_IN_A_HOST = ("://", "/", "@", "?", "#", "\\")


class ResolutionSource(StrEnum):
    """Where a base URL came from."""

    EXPLICIT = "explicit"
    """A base URL given as such (``https://…``)."""
    ZONE = "zone"
    """A zone name (``z1``/``z2``/``z3``)."""
    THIRD_PARTY_BOTS = "thirdPartyBots"
    """A ``thirdPartyBots`` host: given directly, or answered by the Domain API."""
    BOT_CONNECTORS_DOMAIN = "botConnectorsDomain"
    """A ``botConnectorsDomain`` host, mapped to its zone: given, or answered by the Domain API."""


@dataclass(frozen=True)
class Resolution:
    """One answer to "where is the API?", for use and for logging.

    ``value`` is what was resolved (the zone name, host or URL, masked as in error messages).
    ``account_id``, ``csds_domain`` and ``fetched_at`` are set only when the Domain API was
    asked; ``fetched_at`` is a reading of the resolver's clock (``time.monotonic`` unless one
    was injected).
    """

    base_url: str
    source: ResolutionSource
    value: str
    account_id: str | None = None
    csds_domain: str | None = None
    fetched_at: float | None = None


#: The Domain API services asked for the API host, in order.
SERVICES = (ResolutionSource.THIRD_PARTY_BOTS, ResolutionSource.BOT_CONNECTORS_DOMAIN)


def base_url_for(value: str, *, allow_any_host: bool = False) -> str:
    """The API base URL for a zone, a Domain API host or an explicit base URL.

    >>> base_url_for("z2")
    'https://bot-platform-api.emea.fs.liveperson.com'
    >>> base_url_for("z3.bot-connectors.liveperson.net")
    'https://bot-platform-api.apac.fs.liveperson.com'
    >>> base_url_for("http://127.0.0.1:8080/")
    'http://127.0.0.1:8080'

    Raises :class:`~lptpb_ext.ConfigurationError` naming the value when it is an unknown zone
    or ``botConnectorsDomain``, a malformed host or URL, plain http to a remote host, or a bare
    host outside :data:`TRUSTED_DOMAINS` (unless ``allow_any_host``).
    """
    return resolution_for(value, allow_any_host=allow_any_host).base_url


def resolution_for(value: str, *, allow_any_host: bool = False) -> Resolution:
    """Like :func:`base_url_for`, but also says which form the value had."""
    text = value.strip()
    if not text:
        raise ConfigurationError("empty zone, host or base URL")
    shown = _mask(text)
    if "://" in text:
        return Resolution(_explicit(text, shown), ResolutionSource.EXPLICIT, shown)
    lowered = text.lower()
    if lowered in ZONE_HOSTS:
        return Resolution(f"https://{ZONE_HOSTS[lowered]}", ResolutionSource.ZONE, lowered)
    if _ZONE_LIKE.fullmatch(text):
        raise ConfigurationError(f"unknown zone {shown!r}; the zones are {_known_zones()}")
    if lowered.endswith(_BOT_CONNECTORS_SUFFIX):
        zone = BOT_CONNECTORS_HOSTS.get(lowered)
        if zone is None:
            raise ConfigurationError(
                f"unknown botConnectorsDomain {shown!r}; the known ones are "
                f"{', '.join(BOT_CONNECTORS_HOSTS)}"
            )
        return Resolution(
            f"https://{ZONE_HOSTS[zone]}", ResolutionSource.BOT_CONNECTORS_DOMAIN, lowered
        )
    return Resolution(
        https_base_url_for_host(text, allow_any_host=allow_any_host),
        ResolutionSource.THIRD_PARTY_BOTS,
        lowered,
    )


def https_base_url_for_host(value: str, *, allow_any_host: bool = False) -> str:
    """``https://`` + a bare ``host[:port]`` (a ``thirdPartyBots`` value), validated.

    The host must be a LivePerson host (:func:`is_trusted_host`) unless ``allow_any_host``.

    >>> https_base_url_for_host("Bot-Platform-API.fs.liveperson.com")
    'https://bot-platform-api.fs.liveperson.com'
    """
    shown = _mask(value)
    if any(mark in value for mark in _NOT_IN_A_HOST) or value != value.strip():
        raise ConfigurationError(f"malformed host {shown!r}: expected a bare host[:port]")
    parts = _split(f"//{value}", shown)
    host = _host(parts, shown, bare=True)
    port = _port(parts, shown)
    if not allow_any_host and not is_trusted_host(host, port):
        raise ConfigurationError(
            f"{shown!r} is not a LivePerson host (a name under "
            f"{' or '.join(TRUSTED_DOMAINS)} on port {TRUSTED_PORT}), so no credential is sent "
            "to it; give another host as base_url='https://host[:port]', or pass "
            "allow_any_host=True (tests, private deployments)"
        )
    return _origin("https", host, port)


def is_trusted_host(host: str, port: int | None) -> bool:
    """Whether ``host`` (lower-case, as :func:`base_url_for` leaves it) may get credentials.

    >>> is_trusted_host("bot-platform-api.fs.liveperson.com", None)
    True
    >>> is_trusted_host("bot-platform-api.fs.liveperson.com.evil.com", None)
    False
    """
    if port not in (None, TRUSTED_PORT):
        return False
    return any(host.endswith(f".{domain}") for domain in TRUSTED_DOMAINS)


def _explicit(text: str, shown: str) -> str:
    parts = _split(text, shown)
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise ConfigurationError(
            f"base URL {shown!r}: the scheme must be https (or http to a loopback host)"
        )
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise ConfigurationError(f"base URL {shown!r}: credentials do not belong in the URL")
    if parts.path not in ("", "/") or parts.query or parts.fragment or text.endswith(("?", "#")):
        raise ConfigurationError(
            f"base URL {shown!r}: give scheme://host[:port] only, without a path or query"
        )
    host = _host(parts, shown, bare=False)
    if scheme == "http" and not _is_loopback(host):
        raise ConfigurationError(
            f"base URL {shown!r}: plain http is allowed to loopback hosts only "
            "(the bearer would travel in clear); use https"
        )
    return _origin(scheme, host, _port(parts, shown))


def _split(text: str, shown: str) -> SplitResult:
    if any(ch.isspace() for ch in text):
        raise ConfigurationError(f"malformed host or URL {shown!r}: it contains whitespace")
    try:
        return urlsplit(text)
    except ValueError as exc:
        raise ConfigurationError(f"malformed host or URL {shown!r}: {exc}") from None


def _port(parts: SplitResult, shown: str) -> int | None:
    try:
        port = parts.port
    except ValueError:
        port = 0
    if port == 0 or parts.netloc.endswith(":"):
        raise ConfigurationError(f"malformed host or URL {shown!r}: bad port")
    return port


def _host(parts: SplitResult, shown: str, *, bare: bool) -> str:
    host = parts.hostname  # lower-cased, brackets of IPv6 literals removed
    if not host:
        raise ConfigurationError(f"malformed host or URL {shown!r}: no host")
    if not host.isascii():
        raise ConfigurationError(
            f"malformed host {shown!r}: give internationalised names in their xn-- form"
        )
    if ":" in host:  # only an IPv6 literal can contain one here
        try:
            return f"[{ipaddress.IPv6Address(host)}]"
        except ValueError:
            raise ConfigurationError(f"malformed host {shown!r}: bad IPv6 address") from None
    labels = host.split(".")
    if all(label.isdigit() for label in labels):
        try:
            return str(ipaddress.IPv4Address(host))
        except ValueError:
            raise ConfigurationError(f"malformed host {shown!r}: bad IPv4 address") from None
    if len(host) > _MAX_HOST_CHARS or not all(_LABEL.fullmatch(label) for label in labels):
        raise ConfigurationError(
            f"malformed host {shown!r}: a host name is dot-separated labels of letters, "
            "digits and inner hyphens"
        )
    if labels[-1].isdigit():
        raise ConfigurationError(f"malformed host {shown!r}: numeric top-level label")
    if bare and len(labels) == 1 and host != "localhost":
        raise ConfigurationError(
            f"{shown!r} is neither a zone ({_known_zones()}) nor a fully qualified host name"
        )
    return host


def _origin(scheme: str, host: str, port: int | None) -> str:
    if port is None or port == _DEFAULT_PORTS[scheme]:
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _mask(text: str) -> str:
    """The value with any ``user:password@`` part replaced, for error messages."""
    return _USERINFO.sub(lambda m: f"{m.group(1) or ''}***@", text, count=1)


def _known_zones() -> str:
    return ", ".join(ZONE_HOSTS)


# ---------------------------------------------------------------- the Domain API, sans I/O
@dataclass(frozen=True)
class LookupCall:
    """One request of the lookup: an absolute URL on the Domain API host, and its query."""

    method: str
    url: str
    params: dict[str, Any]


@dataclass(frozen=True)
class _Miss:
    reason: str


@dataclass(frozen=True)
class LookupTarget:
    """Whose host is looked up, and where."""

    account_id: str
    csds_base: str  # scheme://host[:port] of the Domain API
    csds_domain: str  # how it is named in messages and resolutions
    allow_any_host: bool = False  # accept answers outside TRUSTED_DOMAINS


def _call(target: LookupTarget, service: str) -> LookupCall:
    found = route("getServiceDomain")
    path = found.path(target.account_id, service)
    return LookupCall(found.method, target.csds_base + path, found.query_params())


def _interpret(
    target: LookupTarget, service: ResolutionSource, response: httpx.Response
) -> tuple[str, str] | _Miss:
    """The ``baseURI`` an answer gives and its base URL, or why there is none; raises on errors."""
    if response.status_code == 404:
        return _Miss("HTTP 404")
    if response.status_code != 200:
        raise api_error(OPERATION, response)
    base_uri = _base_uri(service, response.content)
    if isinstance(base_uri, _Miss):
        return base_uri
    try:
        if service is ResolutionSource.THIRD_PARTY_BOTS:
            return base_uri, https_base_url_for_host(base_uri, allow_any_host=target.allow_any_host)
        mapped = resolution_for(base_uri)
        if mapped.source is not service:
            raise ConfigurationError(f"{base_uri!r} is not a known botConnectorsDomain")
    except ConfigurationError as exc:
        raise ConfigurationError(
            f"{OPERATION}: account {target.account_id}: the Domain API at {target.csds_domain} "
            f"answered {service} = {redact(_mask(base_uri), limit=80)!r}, which is unusable: {exc}"
        ) from None
    return base_uri, mapped.base_url


def lookup_entries(lookup: ServiceDomainLookup) -> list[ServiceDomain] | None:
    """The entries of a ``getServiceDomain`` answer, bare or wrapped; None if it is neither.

    The contract's ``ServiceDomainLookup`` is one object with the properties of both shapes,
    exactly one set of them required (a ``oneOf`` of ``required`` lists, which the generated
    model does not enforce): the wrapper's ``baseURIs``, or one entry's ``service``,
    ``account`` and ``baseURI``.
    """
    single = (lookup.service, lookup.account, lookup.baseURI)
    has_single = all(value is not None for value in single)
    if lookup.baseURIs is not None:
        return None if has_single else list(lookup.baseURIs)
    if not has_single:
        return None
    return [ServiceDomain.model_validate(lookup.model_dump(by_alias=True, exclude={"baseURIs"}))]


def _base_uri(service: str, body: bytes) -> str | _Miss:
    """The service's ``baseURI`` in a 200 answer, or why it has none."""
    if not body.strip():
        return _Miss("an empty body")
    try:
        entries = lookup_entries(ServiceDomainLookup.model_validate_json(body))
    except pydantic.ValidationError:
        entries = None
    if entries is None:
        return _Miss("an answer that is not a service entry")
    base_uri = next((entry.baseURI for entry in entries if entry.service == service), None)
    if base_uri is None:
        return _Miss("no entry for the service")
    return base_uri or _Miss("an empty baseURI")


def lookup_flow(
    target: LookupTarget, clock: Callable[[], float]
) -> Generator[LookupCall, httpx.Response, Resolution]:
    """Ask for each service in turn until one answers a host."""
    misses: list[str] = []
    for service in SERVICES:
        response = yield _call(target, service)
        answer = _interpret(target, service, response)
        if isinstance(answer, _Miss):
            misses.append(f"{service}: {answer.reason}")
            continue
        return Resolution(
            base_url=answer[1],
            source=service,
            value=answer[0],
            account_id=target.account_id,
            csds_domain=target.csds_domain,
            fetched_at=clock(),
        )
    raise ConfigurationError(
        f"{OPERATION}: account {target.account_id}: the Domain API at {target.csds_domain} gave "
        f"no API host ({'; '.join(misses)}); check the account id, or give a zone or base URL"
    )


def transport_error(call: LookupCall, exc: httpx.RequestError) -> TransportError:
    """The SDK's error for a lookup request that failed below HTTP."""
    what = f"{call.method} {call.url}"
    if isinstance(exc, httpx.TimeoutException):
        return RequestTimeoutError(OPERATION, f"{what} timed out ({type(exc).__name__})", call.url)
    return TransportError(OPERATION, f"{what} failed: {type(exc).__name__}: {exc}", call.url)
