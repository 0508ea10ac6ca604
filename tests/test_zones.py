"""Zone, host and base URL forms, and the Domain API lookup with its cache (sync and async).

The Domain API is faked at the transport with respx; the resolvers run their real code,
including the generated ``_get_kwargs`` and the pydantic models.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Callable
from typing import Any

import anyio
import httpx
import pytest
import respx
from hypothesis import given
from hypothesis import strategies as st

from lptpb_ext._domain import CSDS_DOMAINS, DEFAULT_TTL, AsyncDomainResolver, DomainResolver
from lptpb_ext._errors import (
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    RequestTimeoutError,
    ServerError,
    TransportError,
    UnexpectedStatusError,
)
from lptpb_ext._zones import (
    BOT_CONNECTORS_HOSTS,
    ZONE_HOSTS,
    Resolution,
    ResolutionSource,
    base_url_for,
    resolution_for,
)
from tests.spec import spec

ACCOUNT = "12345678"
CSDS = "https://api.liveperson.net"
Z1 = "https://bot-platform-api.fs.liveperson.com"
Z2 = "https://bot-platform-api.emea.fs.liveperson.com"
Z3 = "https://bot-platform-api.apac.fs.liveperson.com"
TPB = ResolutionSource.THIRD_PARTY_BOTS
BCD = ResolutionSource.BOT_CONNECTORS_DOMAIN


# ---------------------------------------------------------------- static forms
@pytest.mark.parametrize(
    ("value", "expected", "source"),
    [
        ("z1", Z1, ResolutionSource.ZONE),
        ("z2", Z2, ResolutionSource.ZONE),
        ("z3", Z3, ResolutionSource.ZONE),
        ("Z2", Z2, ResolutionSource.ZONE),
        (" z3\n", Z3, ResolutionSource.ZONE),
        ("z1.bot-connectors.liveperson.net", Z1, BCD),
        ("z2.bot-connectors.liveperson.net", Z2, BCD),
        ("Z3.Bot-Connectors.LivePerson.net", Z3, BCD),
        ("bot-platform-api.fs.liveperson.com", Z1, TPB),
        ("BOT-PLATFORM-API.EMEA.FS.LIVEPERSON.COM", Z2, TPB),
        ("bot-platform-api.apac.fs.liveperson.com:443", Z3, TPB),
        (Z1, Z1, ResolutionSource.EXPLICIT),
        (Z1 + "/", Z1, ResolutionSource.EXPLICIT),
        ("HTTPS://Bot-Platform-API.fs.liveperson.com:443/", Z1, ResolutionSource.EXPLICIT),
        ("https://sim:8443", "https://sim:8443", ResolutionSource.EXPLICIT),
        ("https://[2001:DB8::1]:8443", "https://[2001:db8::1]:8443", ResolutionSource.EXPLICIT),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080", ResolutionSource.EXPLICIT),
        ("http://127.9.9.9:8080", "http://127.9.9.9:8080", ResolutionSource.EXPLICIT),
        ("http://localhost", "http://localhost", ResolutionSource.EXPLICIT),
        ("http://localhost:80", "http://localhost", ResolutionSource.EXPLICIT),
        ("http://[::1]:9000", "http://[::1]:9000", ResolutionSource.EXPLICIT),
    ],
)
def test_every_form_gives_a_normalised_base_url(value, expected, source):
    """Zones, botConnectorsDomain hosts, thirdPartyBots hosts and URLs give the documented URL."""
    assert base_url_for(value) == expected
    assert resolution_for(value).source is source
    assert base_url_for(expected) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("api.example.com:8443", "https://api.example.com:8443"),
        ("localhost:8443", "https://localhost:8443"),
        ("127.0.0.1:8443", "https://127.0.0.1:8443"),
        ("[::1]:8443", "https://[::1]:8443"),
        (
            "bot-platform-api.fs.liveperson.com:8443",
            "https://bot-platform-api.fs.liveperson.com:8443",
        ),
    ],
)
def test_other_bare_hosts_need_the_opt_out(value, expected):
    """A bare host outside LivePerson's domains (or port) is refused unless allow_any_host."""
    with pytest.raises(ConfigurationError, match="is not a LivePerson host"):
        base_url_for(value)
    found = resolution_for(value, allow_any_host=True)
    assert (found.base_url, found.source) == (expected, TPB)
    assert base_url_for(expected) == expected  # an explicit base URL needs no opt-out


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("z4", "unknown zone 'z4'"),
        ("Z0", "unknown zone 'Z0'"),
        ("", "empty"),
        ("  \n", "empty"),
        ("z9.bot-connectors.liveperson.net", "unknown botConnectorsDomain"),
        ("emea", "neither a zone"),
        ("http://bot-platform-api.fs.liveperson.com", "plain http"),
        ("http://10.0.0.1:8080", "plain http"),
        ("http://localhost.example.com", "plain http"),
        ("ftp://bot-platform-api.fs.liveperson.com", "scheme"),
        ("https://bot-platform-api.fs.liveperson.com/api", "without a path"),
        ("https://bot-platform-api.fs.liveperson.com?x=1", "without a path"),
        ("https://bot-platform-api.fs.liveperson.com?", "without a path"),
        ("https://bot-platform-api.fs.liveperson.com#top", "without a path"),
        ("https://host.example.com:0", "bad port"),
        ("https://host.example.com:99999", "bad port"),
        ("https://host.example.com:abc", "bad port"),
        ("https://host.example.com:", "bad port"),
        ("https://", "no host"),
        ("https:///api", "without a path"),
        ("bot platform.example.com", "whitespace"),
        ("https://bot-platform-api.fs.liveperson.com /", "whitespace"),
        ("-bad.example.com", "labels"),
        ("bad-.example.com", "labels"),
        ("a..example.com", "labels"),
        ("under_score.example.com", "labels"),
        (("a" * 64) + ".example.com", "labels"),
        (".".join(["abcdefghi"] * 26) + ".com", "labels"),
        ("host.example.com/path", "bare host"),
        ("evil.example.com#.liveperson.com", "bare host"),
        ("evil.example.com?.liveperson.com", "bare host"),
        ("evil.example.com\\.liveperson.com", "bare host"),
        ("1.2.3.999", "IPv4"),
        ("999.1.1.1:8443", "IPv4"),
        ("host.123", "numeric top-level"),
        ("bücher.example", "xn--"),
        ("https://[::zz]:8443", "malformed"),
        ("https://[::1", "malformed"),
    ],
)
def test_bad_values_raise_a_configuration_error_naming_them(value, says):
    """Unknown zones, malformed hosts and URLs, and remote plain http are refused by name."""
    with pytest.raises(ConfigurationError) as caught:
        base_url_for(value)
    assert says in str(caught.value)
    if value.strip() and "\n" not in value:
        assert repr(value.strip())[1:-1] in str(caught.value)


@pytest.mark.parametrize(
    "value",
    [
        "https://alice:s3cret-pw@bot-platform-api.fs.liveperson.com",
        "https://alice:s3cret-pw@bot-platform-api.fs.liveperson.com/path",
        "alice:s3cret-pw@bot-platform-api.fs.liveperson.com",
        "http://alice:s3cret-pw@example.com",
    ],
)
def test_credentials_in_a_url_are_refused_and_never_echoed(value):
    """A user:password@ part is refused, and the message masks it."""
    with pytest.raises(ConfigurationError) as caught:
        base_url_for(value)
    assert "s3cret-pw" not in str(caught.value)
    assert "alice" not in str(caught.value)
    assert "***@" in str(caught.value)


def test_zone_table_matches_the_contract():
    """ZONE_HOSTS is the contract's botDomain enum in zone order, and each zone maps back."""
    enum = spec()["servers"][0]["variables"]["botDomain"]["enum"]
    assert list(ZONE_HOSTS.values()) == enum
    assert list(ZONE_HOSTS) == ["z1", "z2", "z3"]
    for host, zone in BOT_CONNECTORS_HOSTS.items():
        assert host == f"{zone}.bot-connectors.liveperson.net"
        assert base_url_for(host) == base_url_for(zone)


def test_csds_hosts_match_the_contract():
    """CSDS_DOMAINS is the contract's csdsDomain enum, its default first."""
    path = spec()["paths"]["/api/account/{accountId}/service/{serviceName}/baseURI.json"]
    variable = path["servers"][0]["variables"]["csdsDomain"]
    assert list(CSDS_DOMAINS) == variable["enum"]
    assert CSDS_DOMAINS[0] == variable["default"]


_URLISH = st.sampled_from(["", "https://", "http://", "//", "z", "[", "::", "@", ":"])


@given(prefix=_URLISH, text=st.text(max_size=40))
def test_any_text_gives_a_fixed_point_or_a_configuration_error(prefix, text):
    """Arbitrary input never escapes as another exception, and accepted URLs are normal forms."""
    try:
        url = base_url_for(prefix + text)
    except ConfigurationError:
        return
    assert base_url_for(url) == url
    assert url.startswith(("https://", "http://"))
    assert not url.endswith("/")


# ---------------------------------------------------------------- Domain API harness
class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class Harness:
    """One resolver, sync or async, behind a synchronous face; its client is the fake's."""

    def __init__(self, kind: str, router: respx.MockRouter, clock: FakeClock, **options: Any):
        self.kind = kind
        self.client: httpx.Client | httpx.AsyncClient
        self.resolver: DomainResolver | AsyncDomainResolver
        if kind == "sync":
            self.client = httpx.Client(transport=httpx.MockTransport(router.handler))
            self.resolver = DomainResolver(self.client, clock=clock, **options)
        else:
            self.client = httpx.AsyncClient(transport=httpx.MockTransport(router.async_handler))
            self.resolver = AsyncDomainResolver(self.client, clock=clock, **options)

    def _call(self, method: str, account: str) -> Resolution:
        bound: Callable[[str], Any] = getattr(self.resolver, method)
        if self.kind == "sync":
            return bound(account)
        return anyio.run(bound, account)

    def resolve(self, account: str = ACCOUNT) -> Resolution:
        return self._call("resolve", account)

    def refresh(self, account: str = ACCOUNT) -> Resolution:
        return self._call("refresh", account)


def url(service: str, account: str = ACCOUNT, base: str = CSDS) -> str:
    return f"{base}/api/account/{account}/service/{service}/baseURI.json"


def entry(service: str, base_uri: str, account: str = ACCOUNT) -> dict[str, str]:
    return {"service": service, "account": account, "baseURI": base_uri}


def ok(body: Any) -> httpx.Response:
    return httpx.Response(200, json=body)


@pytest.fixture
def router():
    return respx.MockRouter(assert_all_called=False)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture(params=["sync", "async"])
def make(request, router, clock):
    def build(**options: Any) -> Harness:
        return Harness(request.param, router, clock, **options)

    return build


@pytest.fixture
def tpb(router):
    """The thirdPartyBots route, answering zone 1 unless a test says otherwise."""
    return router.get(url("thirdPartyBots")).mock(
        return_value=ok(entry("thirdPartyBots", "bot-platform-api.fs.liveperson.com"))
    )


@pytest.fixture
def bcd(router):
    """The botConnectorsDomain route, answering zone 2 unless a test says otherwise."""
    return router.get(url("botConnectorsDomain")).mock(
        return_value=ok(entry("botConnectorsDomain", "z2.bot-connectors.liveperson.net"))
    )


# ---------------------------------------------------------------- the lookup
def test_thirdpartybots_answer_is_the_api_host(make, clock, tpb, bcd):
    """A thirdPartyBots entry gives https:// + its host, asked once with the contract's URL."""
    found = make().resolve()
    assert found == Resolution(
        base_url=Z1,
        source=TPB,
        value="bot-platform-api.fs.liveperson.com",
        account_id=ACCOUNT,
        csds_domain="api.liveperson.net",
        fetched_at=clock.now,
    )
    assert tpb.call_count == 1
    assert not bcd.called
    request = tpb.calls.last.request
    assert request.method == "GET"
    assert str(request.url) == url("thirdPartyBots") + "?version=1.0"


def test_list_wrapper_answer_is_read_too(make, tpb):
    """The baseURIs wrapper (with other services in it) is accepted for the single lookup."""
    tpb.mock(
        return_value=ok(
            {
                "baseURIs": [
                    entry("liveEngageUI", "lo.le1.liveperson.net"),
                    entry("thirdPartyBots", "bot-platform-api.apac.fs.liveperson.com"),
                ]
            }
        )
    )
    assert make().resolve().base_url == Z3


MISSING_ANSWERS = {
    "404": httpx.Response(404, text="Not Found"),
    "empty body": httpx.Response(200),
    "blank body": httpx.Response(200, text=" \n"),
    "not JSON": httpx.Response(200, text="<html>maintenance</html>"),
    "empty object": ok({}),
    "JSON array": ok([]),
    "empty list": ok({"baseURIs": []}),
    "other services only": ok({"baseURIs": [entry("liveEngageUI", "lo.le1.liveperson.net")]}),
    "bare entry of another service": ok(entry("thirdpartybots", "x.example.com")),
    "empty baseURI": ok(entry("thirdPartyBots", "")),
    "entry missing fields": ok({"baseURI": "bot-platform-api.fs.liveperson.com"}),
}


@pytest.mark.parametrize("answer", MISSING_ANSWERS.values(), ids=MISSING_ANSWERS.keys())
def test_no_thirdpartybots_entry_falls_back_to_botconnectorsdomain(make, tpb, bcd, answer):
    """Every form of "no thirdPartyBots entry" leads to the botConnectorsDomain lookup."""
    tpb.mock(return_value=answer)
    found = make().resolve()
    assert (found.base_url, found.source) == (Z2, BCD)
    assert found.value == "z2.bot-connectors.liveperson.net"
    assert (tpb.call_count, bcd.call_count) == (1, 1)
    assert str(bcd.calls.last.request.url) == url("botConnectorsDomain") + "?version=1.0"


def test_neither_entry_is_a_configuration_error_saying_what_each_answered(make, tpb, bcd):
    """With no entry for either service, the error reports both answers and the account."""
    tpb.mock(return_value=httpx.Response(404))
    bcd.mock(return_value=ok({"baseURIs": []}))
    with pytest.raises(ConfigurationError) as caught:
        make().resolve()
    message = str(caught.value)
    assert "getServiceDomain" in message
    assert ACCOUNT in message
    assert "thirdPartyBots: HTTP 404" in message
    assert "botConnectorsDomain: no entry for the service" in message


@pytest.mark.parametrize(
    ("status", "error"),
    [(400, BadRequestError), (401, AuthenticationError), (500, ServerError)],
)
def test_error_statuses_raise_typed_errors_without_fallback(make, tpb, bcd, status, error):
    """400/401/5xx raise the typed error for getServiceDomain, redacted, and ask nothing more."""
    tpb.mock(return_value=httpx.Response(status, json={"msg": "no such site", "bearer": "tok-9"}))
    with pytest.raises(error) as caught:
        make().resolve()
    assert (caught.value.operation, caught.value.status) == ("getServiceDomain", status)
    assert "no such site" in caught.value.body
    assert "tok-9" not in str(caught.value)
    assert not bcd.called


@pytest.mark.parametrize(
    ("service", "base_uri"),
    [
        ("thirdPartyBots", "not a host!"),
        ("thirdPartyBots", "https://bot-platform-api.fs.liveperson.com"),
        ("thirdPartyBots", "bot-platform-api.fs.liveperson.com/api"),
        ("botConnectorsDomain", "z7.bot-connectors.liveperson.net"),
        ("botConnectorsDomain", "bot-platform-api.fs.liveperson.com"),
        ("botConnectorsDomain", "z1"),
    ],
)
def test_unusable_baseuri_is_a_configuration_error(make, tpb, bcd, service, base_uri):
    """A baseURI that is not a host, or an unknown botConnectorsDomain, is refused by name."""
    tpb.mock(return_value=httpx.Response(404))
    (tpb if service == "thirdPartyBots" else bcd).mock(return_value=ok(entry(service, base_uri)))
    with pytest.raises(ConfigurationError) as caught:
        make().resolve()
    assert service in str(caught.value)
    assert repr(base_uri) in str(caught.value)


@pytest.mark.parametrize(
    ("failure", "error"),
    [(httpx.ConnectError, TransportError), (httpx.ReadTimeout, RequestTimeoutError)],
)
def test_transport_failures_raise_and_are_not_cached(make, tpb, failure, error):
    """Connect errors raise TransportError, timeouts RequestTimeoutError; the next call asks."""
    tpb.mock(side_effect=[failure("boom"), tpb.return_value])
    harness = make()
    with pytest.raises(error) as caught:
        harness.resolve()
    assert caught.value.operation == "getServiceDomain"
    assert type(caught.value) is error
    assert "api.liveperson.net" in str(caught.value)
    assert harness.resolve().base_url == Z1
    assert tpb.call_count == 2


# ---------------------------------------------------------------- the cache
def test_answer_is_cached_for_the_ttl_then_asked_again(make, clock, tpb):
    """Within the TTL (60 s by default) no request is made; at the TTL the account is re-asked."""
    harness = make()
    first = harness.resolve()
    clock.advance(DEFAULT_TTL - 0.001)
    assert harness.resolve() is first
    assert harness.resolver.cached(ACCOUNT) is first
    assert tpb.call_count == 1
    clock.advance(0.001)
    assert harness.resolver.cached(ACCOUNT) is None
    second = harness.resolve()
    assert tpb.call_count == 2
    assert second.fetched_at == clock.now


def test_ttl_is_configurable_and_zero_disables_the_cache(make, clock, tpb):
    """ttl=5 expires after 5 s; ttl=0 asks on every call."""
    short = make(ttl=5)
    short.resolve()
    clock.advance(4.9)
    short.resolve()
    assert tpb.call_count == 1
    clock.advance(0.1)
    short.resolve()
    assert tpb.call_count == 2
    never = make(ttl=0)
    never.resolve()
    never.resolve()
    assert tpb.call_count == 4


def test_cache_is_per_account(make, router, tpb):
    """Two accounts are asked separately and keep their own answers."""
    other = router.get(url("thirdPartyBots", "999")).mock(
        return_value=ok(entry("thirdPartyBots", "bot-platform-api.emea.fs.liveperson.com", "999"))
    )
    harness = make()
    assert harness.resolve().base_url == Z1
    assert harness.resolve("999").base_url == Z2
    assert harness.resolve().base_url == Z1
    assert (tpb.call_count, other.call_count) == (1, 1)


def test_refresh_asks_again_while_the_cache_is_fresh(make, tpb):
    """refresh() makes a request regardless of the cache and stores the new answer."""
    harness = make()
    assert harness.resolve().base_url == Z1
    tpb.mock(return_value=ok(entry("thirdPartyBots", "bot-platform-api.apac.fs.liveperson.com")))
    assert harness.refresh().base_url == Z3
    assert harness.resolve().base_url == Z3
    assert tpb.call_count == 2


def test_invalidate_makes_the_next_call_ask_again(make, tpb):
    """invalidate() drops the entry (True), and a second invalidate finds nothing (False)."""
    harness = make()
    harness.resolve()
    assert harness.resolver.invalidate(ACCOUNT) is True
    assert harness.resolver.invalidate(ACCOUNT) is False
    harness.resolve()
    assert tpb.call_count == 2


def test_invalidate_with_a_base_url_only_drops_that_host(make, tpb):
    """Compare-and-clear: a report about another host keeps the cached answer."""
    harness = make()
    harness.resolve()
    assert harness.resolver.invalidate(ACCOUNT, Z3) is False
    harness.resolve()
    assert tpb.call_count == 1
    assert harness.resolver.invalidate(ACCOUNT, Z1 + "/") is True
    harness.resolve()
    assert tpb.call_count == 2


def test_connection_failure_to_the_api_host_then_invalidate_re_resolves(make, router, tpb):
    """The client's path: the cached host refuses connections, invalidate, the new host is used."""
    router.get(f"{Z1}/probe").mock(side_effect=httpx.ConnectError("refused"))
    harness = make()
    old = harness.resolve()
    tpb.mock(return_value=ok(entry("thirdPartyBots", "bot-platform-api.emea.fs.liveperson.com")))
    probe = httpx.Client(transport=httpx.MockTransport(router.handler))
    with pytest.raises(httpx.ConnectError):
        probe.get(f"{old.base_url}/probe")
    harness.resolver.invalidate(ACCOUNT, old.base_url)
    assert harness.resolve().base_url == Z2
    assert tpb.call_count == 2


# ---------------------------------------------------------------- configuration
def test_csds_domain_is_configurable(make, router):
    """adminlogin.liveperson.net (any case) is asked instead of api.liveperson.net."""
    base = "https://adminlogin.liveperson.net"
    route = router.get(url("thirdPartyBots", base=base)).mock(
        return_value=ok(entry("thirdPartyBots", "bot-platform-api.fs.liveperson.com"))
    )
    found = make(csds_domain="AdminLogin.LivePerson.net").resolve()
    assert (found.base_url, found.csds_domain) == (Z1, "adminlogin.liveperson.net")
    assert route.call_count == 1


def test_csds_base_url_points_the_lookup_at_a_simulator(make, router):
    """csds_base_url (plain http to loopback allowed) replaces the Domain API host; its
    answer of a loopback host is taken with allow_any_host=True only."""
    base = "http://127.0.0.1:8765"
    route = router.get(url("thirdPartyBots", base=base)).mock(
        return_value=ok(entry("thirdPartyBots", "localhost:8443"))
    )
    with pytest.raises(ConfigurationError, match="not a LivePerson host"):
        make(csds_base_url=base + "/").resolve()
    found = make(csds_base_url=base + "/", allow_any_host=True).resolve()
    assert (found.base_url, found.csds_domain) == ("https://localhost:8443", base)
    assert route.call_count == 2


@pytest.mark.parametrize(
    ("options", "says"),
    [
        ({"csds_domain": "csds.example.com"}, "unknown Domain API host"),
        ({"csds_base_url": "z1"}, "must be a URL"),
        ({"csds_base_url": "http://csds.example.com"}, "plain http"),
        ({"ttl": -1}, "ttl"),
        ({"ttl": math.nan}, "ttl"),
    ],
)
def test_bad_resolver_options_are_configuration_errors(make, options, says):
    """Unknown CSDS hosts, non-URL or remote-http overrides and negative TTLs are refused."""
    with pytest.raises(ConfigurationError, match=says):
        make(**options)


@pytest.mark.parametrize("account", ["", " 123", "123\n"])
def test_malformed_account_ids_are_refused_before_asking(make, router, account):
    """An empty account id, or one with surrounding whitespace, sends nothing."""
    with pytest.raises(ConfigurationError, match="account id"):
        make().resolve(account)
    assert not router.calls


def test_injected_client_auth_is_not_applied(make, tpb):
    """A client whose auth would add a bearer sends none to the Domain API."""
    harness = make()
    harness.client.auth = ("user", "secret")
    harness.resolve()
    assert "authorization" not in tpb.calls.last.request.headers


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_redirects_are_never_followed_even_by_a_following_client(make, router, tpb, status):
    """A Domain API redirect is an UnexpectedStatusError even when the injected client follows
    redirects: the other host is never asked."""
    elsewhere = router.get(host="elsewhere.example").mock(
        return_value=ok(entry("thirdPartyBots", "bot-platform-api.fs.liveperson.com"))
    )
    tpb.mock(
        return_value=httpx.Response(status, headers={"Location": "https://elsewhere.example/x"})
    )
    harness = make()
    harness.client.follow_redirects = True
    with pytest.raises(UnexpectedStatusError, match="redirects are never followed"):
        harness.resolve()
    assert not elsewhere.called


def test_default_client_has_explicit_timeouts_and_is_closed():
    """Without a client, the resolver makes one with 5 s connect and 10 s read timeouts."""
    with respx.mock(assert_all_called=True) as mock:
        route = mock.get(url("thirdPartyBots")).mock(
            return_value=ok(entry("thirdPartyBots", "bot-platform-api.fs.liveperson.com"))
        )
        with DomainResolver() as resolver:
            assert resolver.resolve(ACCOUNT).base_url == Z1
        timeout = route.calls.last.request.extensions["timeout"]
        assert (timeout["connect"], timeout["read"]) == (5.0, 10.0)
        with pytest.raises(RuntimeError):
            resolver.refresh(ACCOUNT)


def test_async_default_client_has_explicit_timeouts():
    """The async resolver's own client has the same timeouts and is closed by aclose()."""

    async def main() -> dict[str, float]:
        async with AsyncDomainResolver() as resolver:
            assert (await resolver.resolve(ACCOUNT)).base_url == Z1
        with pytest.raises(RuntimeError):
            await resolver.refresh(ACCOUNT)
        return route.calls.last.request.extensions["timeout"]

    with respx.mock(assert_all_called=True) as mock:
        route = mock.get(url("thirdPartyBots")).mock(
            return_value=ok(entry("thirdPartyBots", "bot-platform-api.fs.liveperson.com"))
        )
        timeout = anyio.run(main)
    assert (timeout["connect"], timeout["read"]) == (5.0, 10.0)


def test_injected_client_is_not_closed(make, tpb):
    """close()/aclose() leave a caller's client open."""
    harness = make()
    harness.resolve()
    if isinstance(harness.resolver, DomainResolver):
        harness.resolver.close()
    else:
        anyio.run(harness.resolver.aclose)
    assert not harness.client.is_closed


# ---------------------------------------------------------------- one lookup in flight
def _held_answer(gate: threading.Event, started: list[int], status: int = 200):
    def answer(request: httpx.Request) -> httpx.Response:
        started.append(1)
        gate.wait(10)
        body = entry("thirdPartyBots", "bot-platform-api.fs.liveperson.com")
        return httpx.Response(status, text=json.dumps(body))

    return answer


def _run_threads(resolver: DomainResolver, gate: threading.Event, count: int):
    start = threading.Barrier(count + 1)
    results: list[Resolution] = []
    errors: list[Exception] = []

    def worker() -> None:
        start.wait()
        try:
            results.append(resolver.resolve(ACCOUNT))
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    start.wait()
    time.sleep(0.1)  # let every thread reach the resolver while the fake holds the first lookup
    gate.set()
    for thread in threads:
        thread.join(10)
    return results, errors


def test_fifty_threads_share_one_lookup(router, clock):
    """50 threads asking at once for one account cause one request and get one answer."""
    gate, started = threading.Event(), []
    route = router.get(url("thirdPartyBots")).mock(side_effect=_held_answer(gate, started))
    client = httpx.Client(transport=httpx.MockTransport(router.handler))
    results, errors = _run_threads(DomainResolver(client, clock=clock), gate, 50)
    assert (len(started), route.call_count, errors) == (1, 1, [])
    assert len(results) == 50
    assert all(result is results[0] for result in results)


def test_fifty_threads_share_one_failure_and_the_next_call_asks_again(router, clock):
    """A failed shared lookup raises in every waiting thread, once, and is not cached."""
    gate, started = threading.Event(), []
    route = router.get(url("thirdPartyBots")).mock(side_effect=_held_answer(gate, started, 401))
    client = httpx.Client(transport=httpx.MockTransport(router.handler))
    resolver = DomainResolver(client, clock=clock)
    results, errors = _run_threads(resolver, gate, 50)
    assert (len(started), results, len(errors)) == (1, [], 50)
    assert all(isinstance(error, AuthenticationError) for error in errors)
    with pytest.raises(AuthenticationError):
        resolver.resolve(ACCOUNT)
    assert route.call_count == 2


def test_two_hundred_tasks_share_one_lookup(router, clock):
    """200 tasks asking at once for one account cause one request and get one answer."""
    started: list[int] = []

    async def main() -> list[Resolution]:
        gate = anyio.Event()

        async def answer(request: httpx.Request) -> httpx.Response:
            started.append(1)
            await gate.wait()
            return ok(entry("thirdPartyBots", "bot-platform-api.fs.liveperson.com"))

        router.get(url("thirdPartyBots")).mock(side_effect=answer)
        client = httpx.AsyncClient(transport=httpx.MockTransport(router.async_handler))
        resolver = AsyncDomainResolver(client, clock=clock)
        results: list[Resolution] = []

        async def one() -> None:
            results.append(await resolver.resolve(ACCOUNT))

        async with anyio.create_task_group() as group:
            for _ in range(200):
                group.start_soon(one)
            await anyio.wait_all_tasks_blocked()
            gate.set()
        return results

    results = anyio.run(main)
    assert len(started) == 1
    assert len(results) == 200
    assert all(result is results[0] for result in results)


def test_a_cancelled_lookup_is_taken_over_by_a_waiting_task(router, clock):
    """When the task making the lookup is cancelled, one waiter asks again and all get it."""
    calls: list[int] = []

    async def main() -> list[Resolution]:
        first_started, gate = anyio.Event(), anyio.Event()

        async def answer(request: httpx.Request) -> httpx.Response:
            calls.append(1)
            if len(calls) == 1:
                first_started.set()
                await anyio.sleep_forever()
            await gate.wait()
            return ok(entry("thirdPartyBots", "bot-platform-api.fs.liveperson.com"))

        router.get(url("thirdPartyBots")).mock(side_effect=answer)
        client = httpx.AsyncClient(transport=httpx.MockTransport(router.async_handler))
        resolver = AsyncDomainResolver(client, clock=clock)
        results: list[Resolution] = []
        leader_scope = anyio.CancelScope()

        async def leader() -> None:
            with leader_scope:
                await resolver.resolve(ACCOUNT)

        async def waiter() -> None:
            results.append(await resolver.resolve(ACCOUNT))

        async with anyio.create_task_group() as group:
            group.start_soon(leader)
            await first_started.wait()
            for _ in range(10):
                group.start_soon(waiter)
            await anyio.wait_all_tasks_blocked()
            leader_scope.cancel()
            await anyio.wait_all_tasks_blocked()
            gate.set()
        return results

    results = anyio.run(main)
    assert len(calls) == 2
    assert len(results) == 10
    assert all(result.base_url == Z1 for result in results)
