"""Profiles: named sets of settings in ``config.toml``, and the order settings are taken in.

The file is ``$LPTPB_CONFIG`` when set, else ``config.toml`` in the per-user configuration
directory: ``$XDG_CONFIG_HOME/lptpb`` (when set to an absolute path) or ``~/.config/lptpb``, and
``~/Library/Application Support/lptpb`` on macOS. Those are ``platformdirs``'
``user_config_dir("lptpb")`` (a test checks it), written out like the library's
:func:`~lptpb_ext._file_store.default_state_dir` rather than adding the dependency for them.
Each table is a profile::

    [default]                       # used when no profile is named
    account = "12345678"
    username = "bot-api"
    zone = "z1"                     # or base_url = "http://127.0.0.1:8080"
    session_store = "file:"         # memory:, file:, file:///path, redis://..., ...
    auth = "password"               # auto, password, api-key, bearer
    deadline = 30.0
    keyring = true                  # read the password from the OS keyring (opt-in)

Secrets are never read from it (a key such as ``password`` or ``bearer`` is an error that says
where secrets come from) and never written to it. A setting is taken from, in order: its flag,
its environment variable, the profile (``--profile``, else ``$LPTPB_PROFILE``, else
``default`` when the file has it), the built-in default. ``base_url`` and ``zone`` are one
setting, "where the API is": the first place that gives either decides.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "KEYS",
    "Config",
    "ConfigError",
    "Resolved",
    "config_path",
    "default_config_dir",
    "load_config",
    "resolve",
    "save_config",
]

APP_NAME = "lptpb"
DEFAULT_PROFILE = "default"
#: Profile keys and their TOML types.
KEYS: dict[str, type] = {
    "account": str,
    "username": str,
    "base_url": str,
    "zone": str,
    "session_store": str,
    "auth": str,
    "deadline": float,
    "keyring": bool,
}
#: Settings that an environment variable can give.
ENV: dict[str, str] = {
    "account": "LPTPB_ACCOUNT",
    "username": "LPTPB_USERNAME",
    "base_url": "LPTPB_BASE_URL",
    "zone": "LPTPB_ZONE",
    "session_store": "LPTPB_SESSION_STORE",
    "keyring": "LPTPB_KEYRING",
}
AUTH_KINDS = ("auto", "password", "api-key", "bearer")
_SECRET_WORDS = ("password", "secret", "bearer", "token", "key")
_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")
_TRUE = ("1", "true", "yes", "on")


class ConfigError(Exception):
    """The configuration file, a profile or a setting is unusable; nothing was sent."""


def default_config_dir() -> Path:
    """The per-user configuration directory of lptpb (not created here)."""
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_NAME
    xdg = os.environ.get("XDG_CONFIG_HOME", "").strip()
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".config"
    return base / APP_NAME


def config_path(env: Mapping[str, str]) -> Path:
    """``$LPTPB_CONFIG``, else ``config.toml`` in :func:`default_config_dir`."""
    given = env.get("LPTPB_CONFIG", "").strip()
    return Path(given).expanduser() if given else default_config_dir() / "config.toml"


@dataclass
class Config:
    """The profiles of one file (empty when the file does not exist)."""

    path: Path
    profiles: dict[str, dict[str, object]] = field(default_factory=dict)


def check_name(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise ConfigError(
            f"profile name {name!r}: use 1 to 64 letters, digits, '-' or '_' (a bare TOML key)"
        )
    return name


def _secret_like(key: str) -> bool:
    return any(word in key.lower() for word in _SECRET_WORDS)


def check_profile(name: str, table: object, where: str) -> dict[str, object]:
    """A profile's table, every key known and of its type; :class:`ConfigError` otherwise."""
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: [{name}] must be a table of settings")
    for key, value in table.items():
        if key not in KEYS:
            if _secret_like(key):
                raise ConfigError(
                    f"{where}: [{name}] {key}: secrets are never read from the configuration "
                    "file; set LPTPB_PASSWORD (or the API key's or bearer's variables), use "
                    "--password-stdin, or opt in to the OS keyring (keyring = true)"
                )
            raise ConfigError(
                f"{where}: [{name}] {key}: unknown setting; the settings are {', '.join(KEYS)}"
            )
        kind = KEYS[key]
        ok = isinstance(value, kind) and not (kind is not bool and isinstance(value, bool))
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            ok = True
        if not ok:
            raise ConfigError(f"{where}: [{name}] {key} must be a {_toml_type(kind)}")
    if table.get("base_url") and table.get("zone"):
        raise ConfigError(f"{where}: [{name}] has both base_url and zone; keep one")
    if "auth" in table and table["auth"] not in AUTH_KINDS:
        raise ConfigError(f"{where}: [{name}] auth must be one of {', '.join(AUTH_KINDS)}")
    return dict(table)


def _toml_type(kind: type) -> str:
    return {str: "string", float: "number", bool: "boolean (true or false)"}[kind]


def load_config(path: Path) -> Config:
    """The profiles in ``path``; a missing file has none."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    profiles = {
        check_name(name): check_profile(name, table, str(path)) for name, table in data.items()
    }
    return Config(path, profiles)


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float | int):
        return repr(float(value))
    text = str(value)
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in text):
        raise ConfigError(f"a setting cannot hold control characters: {text!r}")
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a TOML basic string here


def save_config(config: Config) -> None:
    """Write every profile to ``config.path`` (mode 0600, atomically; comments are not kept)."""
    lines = ["# lptpb profiles (`lptpb profile --help`). Never put a secret here.", ""]
    for name, table in config.profiles.items():
        lines.append(f"[{check_name(name)}]")
        lines.extend(f"{key} = {_toml_value(value)}" for key, value in table.items())
        lines.append("")
    text = "\n".join(lines)
    tomllib.loads(text)  # what is written must read back
    config.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = config.path.with_name(f".{config.path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(text)
    temporary.replace(config.path)


@dataclass(frozen=True)
class Resolved:
    """Every setting's value and where it came from (``--flag``, ``env X``, ``profile P``)."""

    profile: str | None
    path: Path
    values: dict[str, object]
    sources: dict[str, str]

    def text(self, name: str) -> str | None:
        value = self.values.get(name)
        return None if value is None else str(value)


def selected_profile(flag: str | None, env: Mapping[str, str], config: Config) -> str | None:
    """The profile in use: ``--profile``, ``$LPTPB_PROFILE``, or ``default`` if the file has it."""
    named = flag or env.get("LPTPB_PROFILE", "").strip() or None
    if named is None:
        return DEFAULT_PROFILE if DEFAULT_PROFILE in config.profiles else None
    if named not in config.profiles:
        known = ", ".join(config.profiles) or "none"
        origin = "--profile" if flag else "LPTPB_PROFILE"
        raise ConfigError(f"{origin}: no profile {named!r} in {config.path} (profiles: {known})")
    return named


def resolve(flags: Mapping[str, object], env: Mapping[str, str], config: Config) -> Resolved:
    """Each setting from its flag, else its environment variable, else the profile."""
    profile = selected_profile(_str(flags.get("profile")), env, config)
    table = config.profiles.get(profile, {}) if profile else {}
    values: dict[str, object] = {}
    sources: dict[str, str] = {}

    def layers(name: str) -> list[tuple[object, str]]:
        flag = "--" + name.replace("_", "-")
        found = [(flags.get(name), flag)]
        if name in ENV:
            raw: object = env.get(ENV[name], "").strip() or None
            if name == "keyring" and raw is not None:
                raw = str(raw).lower() in _TRUE
            found.append((raw, f"env {ENV[name]}"))
        found.append((table.get(name), f"profile {profile}"))
        return [(v, s) for v, s in found if v is not None and v != ""]

    for name in KEYS:
        if name in ("base_url", "zone"):
            continue
        found = layers(name)
        if found:
            values[name], sources[name] = found[0]
    # where the API is: the first layer that gives a base URL or a zone decides
    for (base, base_src), (zone, zone_src) in _paired(layers("base_url"), layers("zone")):
        if base is not None and zone is not None:
            raise ConfigError(f"{base_src} and {zone_src} are both set; give one of them")
        if base is not None:
            values["base_url"], sources["base_url"] = base, base_src
            break
        if zone is not None:
            values["zone"], sources["zone"] = zone, zone_src
            break
    return Resolved(profile, config.path, values, sources)


_RANK = ("--", "env", "profile")


def _paired(
    bases: list[tuple[object, str]], zones: list[tuple[object, str]]
) -> list[tuple[tuple[object, str], tuple[object, str]]]:
    """(base URL, zone) per layer, flags first: ``(None, "")`` where a layer gives none."""
    out = []
    for rank in _RANK:
        base = next(((v, s) for v, s in bases if s.startswith(rank)), (None, ""))
        zone = next(((v, s) for v, s in zones if s.startswith(rank)), (None, ""))
        out.append((base, zone))
    return out


def _str(value: object) -> str | None:
    return None if value is None else str(value)
