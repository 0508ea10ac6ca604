"""Zones and the Domain API: who serves which account, and what the lookup answers."""

from __future__ import annotations

import httpx
import pytest

from lptpb_ext import Client, ServiceNotFoundError, UserPassword
from lptpb_ext.simulator import (
    DEFAULT_ACCOUNT,
    EMEA_ACCOUNT,
    EMEA_CONVERSATION,
    ManualClock,
    Simulator,
)
from lptpb_ext.simulator._schema import validator_for
from tests.test_simulator_rules import Api


@pytest.fixture
def sim():
    return Simulator(clock=ManualClock())


def lookup(sim, host, path):
    with httpx.Client(transport=sim.transport(), base_url=f"https://{host}") as client:
        return client.get(path, params={"version": "1.0"})


def conforms(component, value):
    return not list(validator_for(f"#/components/schemas/{component}").iter_errors(value))


@pytest.mark.parametrize("host", ["api.liveperson.net", "adminlogin.liveperson.net"])
def test_third_party_bots_on_a_liveperson_host_is_the_zone_host(sim, host):
    """Asked on LivePerson's Domain API host, thirdPartyBots is the account's zone host."""
    path = f"/api/account/{EMEA_ACCOUNT}/service/thirdPartyBots/baseURI.json"
    response = lookup(sim, host, path)
    assert response.json() == {
        "service": "thirdPartyBots",
        "account": EMEA_ACCOUNT,
        "baseURI": "bot-platform-api.emea.fs.liveperson.com",
    }
    assert conforms("ServiceDomainLookup", response.json())


def test_third_party_bots_elsewhere_points_back_at_the_simulator(sim):
    """Asked on any other host, thirdPartyBots answers that host, port included."""
    path = f"/api/account/{DEFAULT_ACCOUNT}/service/thirdPartyBots/baseURI.json"
    assert lookup(sim, "127.0.0.1:8080", path).json()["baseURI"] == "127.0.0.1:8080"


def test_bot_connectors_domain_and_the_full_list(sim):
    """botConnectorsDomain is z<zone>; the list wrapper carries both entries."""
    one = lookup(
        sim,
        "api.liveperson.net",
        f"/api/account/{EMEA_ACCOUNT}/service/botConnectorsDomain/baseURI.json",
    )
    every = lookup(sim, "api.liveperson.net", f"/api/account/{EMEA_ACCOUNT}/service/baseURI.json")
    assert one.json()["baseURI"] == "z2.bot-connectors.liveperson.net"
    assert conforms("ServiceDomainList", every.json())
    assert [e["service"] for e in every.json()["baseURIs"]] == [
        "thirdPartyBots",
        "botConnectorsDomain",
    ]


def test_domain_api_errors(sim):
    """Unknown account 401, missing or wrong version 400, unknown service an empty list."""
    base = f"/api/account/{DEFAULT_ACCOUNT}/service"
    with httpx.Client(transport=sim.transport(), base_url="https://api.liveperson.net") as client:
        assert client.get("/api/account/404/service/baseURI.json?version=1.0").status_code == 401
        assert client.get(f"{base}/baseURI.json").status_code == 400
        assert client.get(f"{base}/baseURI.json?version=2.0").status_code == 400
        unknown = client.get(f"{base}/noSuchService/baseURI.json?version=1.0")
    assert unknown.json() == {"baseURIs": []}


@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("bot-platform-api.emea.fs.liveperson.com", 200),
        ("bot-platform-api.fs.liveperson.com", 401),
        ("bot-platform-api.apac.fs.liveperson.com", 401),
        ("127.0.0.1:8080", 200),
    ],
)
def test_a_zone_host_serves_only_its_own_accounts(sim, host, status):
    """A zone-2 account logs in and sends on its zone host or a neutral one, never elsewhere."""
    with httpx.Client(transport=sim.transport(), base_url=f"https://{host}") as client:
        api = Api(client)
        response = api.login("emea_user", "emea-password", account=EMEA_ACCOUNT)
        assert response.status_code == status
        if status == 200:
            bearer = response.json()["bearer"]
            sent = api.post(
                bearer, "messages", {"messages": ["hi"]}, EMEA_CONVERSATION, account=EMEA_ACCOUNT
            )
            assert sent.status_code == 200


def test_the_client_reads_an_unknown_service_as_service_not_found(sim):
    """The simulator's empty list for a service the account lacks is ServiceNotFoundError."""
    http = httpx.Client(transport=sim.transport())
    with Client(
        DEFAULT_ACCOUNT, UserPassword("someuser", "123456"), base_url="http://127.0.0.1:8080",
        http_client=http,
    ) as client:  # fmt: skip
        assert client.get_service_domain("botConnectorsDomain").baseURI.startswith("z1.")
        with pytest.raises(ServiceNotFoundError) as caught:
            client.get_service_domain("noSuchService")
    assert (caught.value.service, caught.value.listed, caught.value.status) == (
        "noSuchService", (), 200,
    )  # fmt: skip
