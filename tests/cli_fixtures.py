"""The fixtures of the command-line tests (a pytest plugin: ``pytest_plugins``), apart from
the helpers in :mod:`tests.cli_support` so that importing those does not import this first."""

from __future__ import annotations

import pytest

from tests.cli_support import VARIABLES, simulator


@pytest.fixture(scope="module")
def served():
    sim = simulator.Simulator()
    with simulator.serve(sim) as url:
        yield sim, url


@pytest.fixture
def sim(served, monkeypatch, tmp_path):
    """A reset simulator; the environment of its password user, a configuration file path and
    a per-user state directory (so the default file session store) of the test's own."""
    sim, url = served
    sim.reset()
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LPTPB_ACCOUNT", simulator.DEFAULT_ACCOUNT)
    monkeypatch.setenv("LPTPB_BASE_URL", url)
    monkeypatch.setenv("LPTPB_USERNAME", simulator.PASSWORD_USER)
    monkeypatch.setenv("LPTPB_PASSWORD", simulator.PASSWORD)
    monkeypatch.setenv("LPTPB_CONFIG", str(tmp_path / "config" / "config.toml"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return sim


@pytest.fixture
def url(served):
    return served[1]
