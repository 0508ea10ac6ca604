"""Credentials go only to LivePerson's hosts, whatever the Domain API answers.

A hostile or compromised Domain API answer (or a man in the middle of a private CSDS) names
the host that receives the login password and every bearer. Each answer below is something
such an answer could hold; for every one, with the sync and the async client, with a password
and with a ready bearer, the client must raise :class:`ConfigurationError` naming the host
before it sends anything but the lookup itself.
"""

from __future__ import annotations

import random
import re
from typing import Any

import anyio
import httpx
import pytest

from lptpb_ext import (
    AsyncClient,
    AsyncDomainResolver,
    Bearer,
    Client,
    ConfigurationError,
    DomainResolver,
    SessionPool,
    UserPassword,
    base_url_for,
)
from lptpb_ext._errors import redact
from lptpb_ext._zones import TRUSTED_DOMAINS, is_trusted_host

ACCOUNT = "12345678"
CONVERSATION = "2312ed0e-662e-4c94-9022-f0991058b4a4"
CSDS_HOST = "api.liveperson.net"
PASSWORD = "s3cret-pass"  # noqa: S105 - a test value
TOKEN = "eyJ.test-bearer.sig"  # noqa: S105 - a test value
CREDENTIALS = {"password": UserPassword("bot-api", PASSWORD), "bearer": Bearer(TOKEN)}

#: Answers a hostile Domain API could give for ``thirdPartyBots``: none may get a credential.
HOSTILE: dict[str, str] = {
    "cloud metadata IP": "169.254.169.254",
    "cloud metadata IP, port 80": "169.254.169.254:80",
    "GCP metadata name": "metadata.google.internal",
    "Kubernetes service name": "kubernetes.default.svc",
    "localhost": "localhost",
    "localhost, port 8443": "localhost:8443",
    "loopback, ssh port": "127.0.0.1:22",
    "loopback": "127.0.0.1",
    "loopback, decimal form": "2130706433",
    "unspecified address": "0.0.0.0",  # noqa: S104 - a hostile answer, not a bind
    "IPv6 loopback": "[::1]",
    "IPv4-mapped metadata IP": "[::ffff:169.254.169.254]",
    "IPv6 unique local, port 443": "[fd00::1]:443",
    "private 10/8": "10.0.0.5",
    "private 172.16/12": "172.16.0.10",
    "private 192.168/16, port 8443": "192.168.1.1:8443",
    "lookalike suffix": "bot-platform-api.fs.liveperson.com.evil.com",
    "lookalike suffix, upper case": "BOT-PLATFORM-API.FS.LIVEPERSON.COM.EVIL.COM",
    "lookalike .net suffix": "liveperson.net.attacker.io",
    "hyphen instead of a dot": "bot-platform-api.fs-liveperson.com",
    "name glued to the domain": "evilliveperson.com",
    "other top-level domain": "bot-platform-api.fs.liveperson.co",
    "IDN lookalike, xn-- form": "bot-platform-api.fs.xn--livepersn-72h.com",
    "IDN lookalike, Unicode form": "bot-platform-api.fs.livepers\u043en.com",
    "userinfo before an evil host": "bot-platform-api.fs.liveperson.com@evil.com",
    "userinfo with a password": "lp:hunter2@evil.com",
    "right host, port 8443": "bot-platform-api.fs.liveperson.com:8443",
    "right host, port 80": "bot-platform-api.fs.liveperson.com:80",
    "right host, trailing dot": "bot-platform-api.fs.liveperson.com.",
    "evil host, trailing dot": "evil.com.",
    "path trick": "evil.com/.liveperson.com",
    "fragment trick": "evil.com#.liveperson.com",
    "backslash trick": "evil.com\\.liveperson.com",
    "scheme included": "http://bot-platform-api.fs.liveperson.com",
    "apex domain (the web site, no API)": "liveperson.com",
}

#: Answers that are LivePerson's hosts and must keep working.
TRUSTED: dict[str, str] = {
    "zone 1": "bot-platform-api.fs.liveperson.com",
    "zone 2, upper case": "BOT-PLATFORM-API.EMEA.FS.LIVEPERSON.COM",
    "zone 3, port 443": "bot-platform-api.apac.fs.liveperson.com:443",
    "a future .net host": "bot-platform-api.z9.liveperson.net",
}


def _entry(base_uri: str) -> dict[str, str]:
    return {"service": "thirdPartyBots", "account": ACCOUNT, "baseURI": base_uri}


class Recorder:
    """The Domain API answers ``base_uri``; any other host accepts login and commands."""

    def __init__(self, base_uri: str) -> None:
        self.base_uri = base_uri
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.host == CSDS_HOST:
            if "/service/thirdPartyBots/" in request.url.path:
                return httpx.Response(200, json=_entry(self.base_uri))
            return httpx.Response(404)
        if request.url.path.endswith("/login"):
            return httpx.Response(200, json={"bearer": TOKEN})
        return httpx.Response(200, json={"commandId": "1"})

    def credentialed(self) -> list[httpx.Request]:
        """The requests that carried the password or the bearer, or went past the Domain API."""
        return [
            request
            for request in self.requests
            if request.url.host != CSDS_HOST
            or "authorization" in request.headers
            or PASSWORD.encode() in request.content
        ]


def _send(mode: str, recorder: Recorder, credentials: Any, **options: Any) -> None:
    """One send_messages through a client that must ask the Domain API for its host."""
    common: dict[str, Any] = {
        "session_pool": SessionPool(),
        "rand": random.Random(7),  # noqa: S311 - seeded jitter
        **options,
    }
    transport = httpx.MockTransport(recorder)
    batch = {"messages": ["Hello"]}
    if mode == "sync":
        with Client(
            ACCOUNT, credentials, http_client=httpx.Client(transport=transport), **common
        ) as client:
            client.send_messages(CONVERSATION, batch)
        return

    async def main() -> None:
        http = httpx.AsyncClient(transport=transport)
        async with AsyncClient(ACCOUNT, credentials, http_client=http, **common) as client:
            await client.send_messages(CONVERSATION, batch)

    anyio.run(main)


@pytest.mark.parametrize("credentials", CREDENTIALS.values(), ids=CREDENTIALS.keys())
@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("base_uri", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_domain_api_answers_get_no_credentials(base_uri, mode, credentials):
    """Every hostile answer raises ConfigurationError naming it; only the lookup was sent."""
    recorder = Recorder(base_uri)
    with pytest.raises(ConfigurationError) as caught:
        _send(mode, recorder, credentials)
    assert recorder.credentialed() == []
    assert recorder.requests, "the Domain API was asked"
    message = str(caught.value)
    assert "thirdPartyBots" in message
    shown = re.sub(r"^[^@]*@", "***@", base_uri)  # a user:password@ part is masked
    assert repr(redact(shown, limit=80)) in message
    assert "hunter2" not in message


def test_the_hostile_table_is_big_enough():
    """At least 19 distinct hostile answers, as the review asked."""
    assert len(set(HOSTILE.values())) >= 19


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("base_uri", TRUSTED.values(), ids=TRUSTED.keys())
def test_liveperson_answers_are_used(base_uri, mode):
    """Hosts under liveperson.com / liveperson.net on port 443 get the login and the command."""
    recorder = Recorder(base_uri)
    _send(mode, recorder, CREDENTIALS["password"])
    hosts = {r.url.host for r in recorder.requests} - {CSDS_HOST}
    assert hosts == {base_uri.split(":")[0].lower()}
    assert [r.url.port for r in recorder.requests if r.url.host != CSDS_HOST] == [None, None]


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize(
    "base_uri", ["127.0.0.1:8443", "localhost:8443", "bots.private.example:9443"]
)
def test_allow_any_host_is_the_explicit_opt_out(base_uri, mode):
    """allow_any_host=True (tests, private deployments) trusts any well-formed answer."""
    recorder = Recorder(base_uri)
    _send(mode, recorder, CREDENTIALS["password"], allow_any_host=True)
    assert {str(r.url.copy_with(path="/", query=None)) for r in recorder.credentialed()} == {
        f"https://{base_uri}/"
    }


def test_allow_any_host_still_refuses_malformed_answers():
    """The opt-out widens the allow-list, not the syntax: userinfo and paths stay refused."""
    for base_uri in ("lp:hunter2@evil.com", "evil.com/.liveperson.com", "http://evil.com"):
        recorder = Recorder(base_uri)
        with pytest.raises(ConfigurationError):
            _send("sync", recorder, CREDENTIALS["password"], allow_any_host=True)
        assert recorder.credentialed() == []


@pytest.mark.parametrize("kind", [DomainResolver, AsyncDomainResolver])
def test_resolvers_refuse_untrusted_answers_and_take_the_opt_out(kind):
    """The resolvers apply the same allow-list, with the same allow_any_host option."""
    recorder = Recorder("169.254.169.254")

    async def resolve(resolver: Any) -> str:
        if isinstance(resolver, DomainResolver):
            return resolver.resolve(ACCOUNT).base_url
        return (await resolver.resolve(ACCOUNT)).base_url

    def client() -> Any:
        transport = httpx.MockTransport(recorder)
        if kind is DomainResolver:
            return httpx.Client(transport=transport)
        return httpx.AsyncClient(transport=transport)

    with pytest.raises(ConfigurationError, match=r"'169\.254\.169\.254'.*not a LivePerson host"):
        anyio.run(resolve, kind(client()))
    opted_out = kind(client(), allow_any_host=True)
    assert anyio.run(resolve, opted_out) == "https://169.254.169.254"


def test_the_allow_list():
    """The trusted domains, and the host check the client and resolvers use."""
    assert TRUSTED_DOMAINS == ("liveperson.com", "liveperson.net")
    assert is_trusted_host("bot-platform-api.fs.liveperson.com", None)
    assert is_trusted_host("bot-platform-api.fs.liveperson.com", 443)
    assert is_trusted_host("adminlogin.liveperson.net", None)
    assert not is_trusted_host("bot-platform-api.fs.liveperson.com", 8443)
    assert not is_trusted_host("liveperson.com", None)
    assert not is_trusted_host("evilliveperson.com", None)
    assert not is_trusted_host("127.0.0.1", None)


@pytest.mark.parametrize(
    "zone", ["localhost:8443", "127.0.0.1:8443", "api.example.com:8443", "10.0.0.5"]
)
def test_a_zone_naming_another_host_needs_the_opt_out_or_a_base_url(zone):
    """zone= takes LivePerson hosts only; other hosts are an explicit base_url (or the opt-out)."""
    with pytest.raises(ConfigurationError, match="not a LivePerson host") as caught:
        Client(ACCOUNT, CREDENTIALS["password"], zone=zone)
    assert "base_url" in str(caught.value)
    with Client(ACCOUNT, CREDENTIALS["password"], zone=zone, allow_any_host=True) as client:
        assert client.base_url == f"https://{zone}"
    assert base_url_for(f"https://{zone}") == f"https://{zone}"
