"""A session store named by one string: the ``LPTPB_SESSION_STORE`` variable, ``--session-store``.

=================================  ==========================================================
``memory:``                        :class:`~lptpb_ext.MemoryStore`: this process only
``file:``                          :class:`~lptpb_ext.FileSessionStore` at its default path
``file:///abs/path/sessions.json``  :class:`~lptpb_ext.FileSessionStore` at that path
``redis://[user:pass@]host[:port][/db]``, ``rediss://...`` (TLS), ``unix:///path/to/socket``
                                   :class:`~lptpb_ext.RedisSessionStore` (needs ``lptpb[redis]``)
=================================  ==========================================================

Anything else raises :class:`~lptpb_ext.ConfigurationError` naming the value, password masked.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from lptpb_ext._errors import ConfigurationError
from lptpb_ext._stores import MemoryStore, SessionStore

if TYPE_CHECKING:  # loaded when a URL names them: most programs never need either
    from lptpb_ext._file_store import FileSessionStore

__all__ = ["ENV_VAR", "store_from_env", "store_from_url"]

_REDIS_SCHEMES = ("redis", "rediss", "unix")
_FORMS = "memory:, file:, file:///absolute/path, redis://..., rediss://... or unix:///socket"


def store_from_url(text: str) -> SessionStore:
    """The session store that ``text`` names (see the module's table)."""
    value = text.strip()
    try:
        parts = urlsplit(value)
    except ValueError:
        raise _bad(text, "not a URL") from None
    scheme = parts.scheme.lower()
    if scheme == "memory":
        if value.lower() not in ("memory:", "memory://"):
            raise _bad(text, "memory: takes nothing after the colon")
        return MemoryStore()
    if scheme == "file":
        return _file_store(text, value)
    if scheme in _REDIS_SCHEMES:
        from lptpb_ext._redis_store import RedisSessionStore  # noqa: PLC0415 - on demand

        return RedisSessionStore(value)
    raise _bad(text, "unknown kind of store")


def _file_store(text: str, value: str) -> FileSessionStore:
    from lptpb_ext._file_store import FileSessionStore  # noqa: PLC0415 - on demand

    if value.lower() in ("file:", "file://"):
        return FileSessionStore()
    parts = urlsplit(value)
    if parts.netloc not in ("", "localhost"):
        raise _bad(text, "a file store is on this host: file:///absolute/path")
    if parts.query or parts.fragment:
        raise _bad(text, "a file URL takes no query or fragment")
    path = Path(unquote(parts.path))
    if not path.is_absolute() or not path.name:
        raise _bad(text, "the path must be absolute and name a file: file:///absolute/path")
    return FileSessionStore(path)


def _bad(text: str, why: str) -> ConfigurationError:
    from lptpb_ext._redis_store import mask_url  # noqa: PLC0415 - on demand

    return ConfigurationError(f"session store {mask_url(text)!r}: {why}; expected {_FORMS}")


#: The environment variable that names the session store of every client that is given none.
ENV_VAR = "LPTPB_SESSION_STORE"
_FROM_ENV: dict[str, SessionStore] = {}
_FROM_ENV_LOCK = threading.Lock()


def store_from_env(environ: Mapping[str, str] | None = None) -> SessionStore | None:
    """The store ``LPTPB_SESSION_STORE`` names, or None when it is unset or empty.

    One store object per value and process, so every client of the process that relies on the
    variable shares one store (and so, through the session pool, one session per user).
    """
    value = (os.environ if environ is None else environ).get(ENV_VAR, "").strip()
    if not value:
        return None
    with _FROM_ENV_LOCK:
        found = _FROM_ENV.get(value)
        if found is None:
            found = _FROM_ENV[value] = store_from_url(value)
        return found
