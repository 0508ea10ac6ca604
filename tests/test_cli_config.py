"""Profiles (config.toml), the session store the command line uses, and the OS keyring opt-in,
against the simulator over HTTP."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from lptpb_ext.cli._config import default_config_dir
from tests.cli_support import CONV, logins, process, run, run_json, simulator, tripwire

pytest_plugins = ("tests.cli_fixtures",)  # the simulator and environment fixtures

keyring = pytest.importorskip("keyring", reason="needs the keyring extra")
from keyring.backend import KeyringBackend  # noqa: E402 - after the importorskip
from keyring.errors import PasswordDeleteError  # noqa: E402 - after the importorskip


def config(tmp_path: Path) -> Path:
    return tmp_path / "config" / "config.toml"


def test_the_config_directory_is_platformdirs(monkeypatch, tmp_path):
    """The configuration directory is platformdirs' user_config_dir("lptpb"), with and
    without XDG_CONFIG_HOME (platformdirs is not a dependency; the dev tools have it)."""
    platformdirs = pytest.importorskip("platformdirs")
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    assert default_config_dir() == Path(platformdirs.user_config_dir("lptpb"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert default_config_dir() == Path(platformdirs.user_config_dir("lptpb")) == tmp_path / "lptpb"


def test_a_profile_holds_everything_but_secrets(sim, url, capsys, monkeypatch, tmp_path):
    """profile set writes config.toml (0600); a command then needs only the password."""
    code, out, _ = run(
        capsys, "profile", "set", "sim", "--account", simulator.DEFAULT_ACCOUNT,
        "--username", simulator.PASSWORD_USER, "--base-url", url, "--session-store", "file:",
    )  # fmt: skip
    path = config(tmp_path)
    assert (code, out) == (0, f"profile sim saved in {path}\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert simulator.PASSWORD not in path.read_text("utf-8").replace("12345678", "")
    for name in ("LPTPB_ACCOUNT", "LPTPB_BASE_URL", "LPTPB_USERNAME"):
        monkeypatch.delenv(name)
    code, _, err = run(capsys, "send", CONV, "hi")
    assert code == 2
    assert "no account" in err
    code, out, _ = run(capsys, "send", CONV, "hi", "--profile", "sim", "--wait")
    assert (code, out.splitlines()[-1]) == (0, "outcome: completed")
    monkeypatch.setenv("LPTPB_PROFILE", "sim")
    assert run(capsys, "login")[0] == 0
    code, listed = run_json(capsys, "profile", "list")
    assert (code, listed["inUse"], list(listed["profiles"])) == (0, "sim", ["sim"])


def test_flags_beat_the_environment_which_beats_the_profile(sim, url, capsys, monkeypatch):
    """profile show says each setting's value and where it came from."""
    run(capsys, "profile", "set", "default", "--account", "1", "--zone", "z2", "--deadline", "9")
    monkeypatch.setenv("LPTPB_ACCOUNT", "2")
    monkeypatch.delenv("LPTPB_BASE_URL")
    code, shown = run_json(capsys, "profile", "show")
    settings = shown["settings"]
    assert (code, shown["profile"]) == (0, "default")
    assert settings["account"] == {"value": "2", "from": "env LPTPB_ACCOUNT"}
    assert settings["zone"] == {"value": "z2", "from": "profile default"}
    assert settings["deadline"] == {"value": 9.0, "from": "profile default"}
    assert settings["session_store"] == {"value": "file:", "from": "default"}
    assert shown["credentials"] == "a password from LPTPB_PASSWORD"
    monkeypatch.setenv("LPTPB_BASE_URL", url)  # a higher layer gives a base URL: it wins
    code, out, _ = run(capsys, "login", "--account", simulator.DEFAULT_ACCOUNT)
    assert (code, out) == (0, f"OK: account 12345678 as someuser at {url}\n")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('[default]\npassword = "123456"\n', "secrets are never read from the configuration file"),
        ('[default]\nbearer = "x"\n', "secrets are never read"),
        ('[default]\nacount = "1"\n', "acount: unknown setting"),
        ('[default]\ndeadline = "soon"\n', "deadline must be a number"),
        ('[default]\nzone = "z1"\nbase_url = "http://x"\n', "has both base_url and zone"),
        ("[default\n", "not valid TOML"),
    ],
)
def test_a_bad_config_file_is_a_usage_error(sim, capsys, tmp_path, text, problem):
    """Secrets, unknown keys, wrong types, two places and bad TOML: exit 2, nothing sent."""
    path = config(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    untouched = tripwire(sim)
    code, _, err = run(capsys, "login")
    assert (code, problem in err) == (2, True), err
    assert "123456" not in err.replace("12345678", "")
    assert untouched()


def test_an_unknown_profile_is_named(sim, capsys):
    run(capsys, "profile", "set", "a", "--account", "1")
    code, _, err = run(capsys, "login", "--profile", "b")
    assert code == 2
    assert "--profile: no profile 'b'" in err
    assert "(profiles: a)" in err
    assert run(capsys, "profile", "remove", "a")[0] == 0
    assert run(capsys, "profile", "remove", "a")[0] == 2


def test_session_store_from_env_flag_and_profile(sim, capsys, monkeypatch, tmp_path):
    """LPTPB_SESSION_STORE, --session-store and a profile's session_store name the store;
    one file store shared by runs means one login."""
    shared = tmp_path / "shared" / "sessions.json"
    monkeypatch.setenv("LPTPB_SESSION_STORE", f"file://{shared}")
    assert run(capsys, "send", CONV, "a")[0] == 0
    assert run(capsys, "send", CONV, "b")[0] == 0
    assert shared.is_file()
    assert not (tmp_path / "state").exists()  # the default store was not used
    assert logins(sim) == 1
    monkeypatch.delenv("LPTPB_SESSION_STORE")
    other = tmp_path / "other.json"
    run(capsys, "profile", "set", "default", "--session-store", f"file://{other}")
    assert run(capsys, "send", CONV, "c")[0] == 0
    assert other.is_file()
    assert logins(sim) == 2


def test_a_bad_session_store_is_named_with_its_password_masked(sim, capsys):
    """An unknown kind of store is a usage error (2); a Redis store that refuses the
    connection is a session store error (3); neither shows the password."""
    untouched = tripwire(sim)
    code, _, err = run(capsys, "login", "--session-store", "ftp://me:hunter2@x")
    assert (code, "unknown kind of store" in err) == (2, True)
    assert err.startswith("lptpb login: --session-store: ")
    code, _, err = run(capsys, "login", "--session-store", "redis://:hunter2@127.0.0.1:1/0")
    assert (code, "session store redis://:***@127.0.0.1:1/0" in err) == (3, True), err
    assert "hunter2" not in err
    assert untouched()


def test_login_logs_in_even_with_a_stored_session(sim, capsys):
    """login checks the credentials (a fresh login); the next commands reuse its session."""
    assert run(capsys, "login")[0] == 0
    assert run(capsys, "login")[0] == 0
    assert logins(sim) == 2
    assert process("send", CONV, "x").returncode == 0
    assert run(capsys, "commands", CONV)[0] == 0
    assert logins(sim) == 2


class MemoryKeyring(KeyringBackend):
    """A keyring backend in a dict (keyring's documented way: ``keyring.set_keyring``)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("no such password")


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


def test_the_keyring_is_opt_in(sim, capsys, monkeypatch, memory_keyring):
    """keyring set stores the password (from stdin); commands read it once the profile opts
    in, and only then; keyring delete forgets it."""
    monkeypatch.delenv("LPTPB_PASSWORD")
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{simulator.PASSWORD}\n"))
    code, out, _ = run(capsys, "keyring", "set")
    assert code == 0
    assert out.startswith("stored the password of someuser@12345678 in the keyring")
    assert memory_keyring.entries == {("lptpb", "someuser@12345678"): simulator.PASSWORD}
    code, _, err = run(capsys, "login")
    assert (code, "no credentials" in err) == (2, True)  # not opted in: the keyring is not read
    run(capsys, "profile", "set", "default", "--keyring")
    code, shown = run_json(capsys, "profile", "show")
    assert shown["credentials"] == "a password from the OS keyring (lptpb keyring set)"
    code, out, err = run(capsys, "send", CONV, "from the keyring", "--wait")
    assert (code, out.splitlines()[-1]) == (0, "outcome: completed")
    assert simulator.PASSWORD not in out + err
    assert run(capsys, "keyring", "delete")[0] == 0
    code, _, err = run(capsys, "login")
    assert code == 2
    assert "no password for someuser@12345678 in the keyring" in err
    code, _, err = run(capsys, "keyring", "delete")
    assert (code, "PasswordDeleteError" in err) == (2, True)


def test_the_environment_can_opt_in_to_the_keyring(sim, capsys, monkeypatch, memory_keyring):
    memory_keyring.set_password("lptpb", "someuser@12345678", simulator.PASSWORD)
    monkeypatch.delenv("LPTPB_PASSWORD")
    monkeypatch.setenv("LPTPB_KEYRING", "1")
    assert run(capsys, "login")[0] == 0


def test_without_the_keyring_extra_the_opt_in_says_what_to_install(sim, tmp_path):
    """keyring = true without the keyring package: exit 2 naming the extra."""
    program = (
        "import sys; sys.modules['keyring'] = None\n"
        "from lptpb_ext.cli import main; sys.exit(main(['login']))"
    )
    env = {**os.environ, "LPTPB_KEYRING": "1"}
    env.pop("LPTPB_PASSWORD")
    done = subprocess.run(  # noqa: S603 - our interpreter
        [sys.executable, "-c", program], capture_output=True, text=True, check=False, env=env
    )
    assert done.returncode == 2
    assert "pip install 'lptpb[keyring]'" in done.stderr


def test_profile_show_never_reads_a_secret(sim, capsys, monkeypatch):
    """show describes the credentials without their values."""
    monkeypatch.setenv("LPTPB_BEARER", "br-never-shown")
    code, out, _ = run(capsys, "profile", "show")
    assert code == 0
    assert "several kinds set (bearer, password)" in out
    assert "br-never-shown" not in out
    assert simulator.PASSWORD not in out.replace("12345678", "")
