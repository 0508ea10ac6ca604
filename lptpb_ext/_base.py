"""What the sync and async clients share: configuration, where the API is, sessions.

Where the API is, in order of precedence: an explicit ``base_url`` (a simulator, a proxy);
a ``zone`` (``z1``/``z2``/``z3``, a ``botConnectorsDomain`` value or a ``thirdPartyBots`` host);
otherwise the Domain API, asked for the account's ``thirdPartyBots`` host (falling back to
``botConnectorsDomain``), cached for 60 s and asked again after a connection failure.
A host named by ``zone`` or the Domain API must be LivePerson's (under ``liveperson.com`` or
``liveperson.net``, port 443) unless ``allow_any_host=True``: see :mod:`lptpb_ext._zones`.
"""

from __future__ import annotations

import contextlib
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Self, TypedDict

import httpx

from lptpb_ext._credentials import ApiKey, Bearer, Credentials, LegacyUserPassword, UserPassword
from lptpb_ext._domain import AsyncDomainResolver, DomainResolver
from lptpb_ext._engine import CallOptions, capture, end_capture
from lptpb_ext._errors import ConfigurationError
from lptpb_ext._events import ReloginHook, RetryHook
from lptpb_ext._retry import RetryPolicy
from lptpb_ext._routes import DOT_SEGMENTS
from lptpb_ext._session import DEFAULT_POOL, Session, SessionPool, fingerprint
from lptpb_ext._store_url import store_from_env
from lptpb_ext._stores import MemoryStore, SessionStore
from lptpb_ext._zones import base_url_for

__all__ = ["ClientBase", "ClientOptions"]


class ClientOptions(TypedDict, total=False):
    """Keyword options common to :class:`~lptpb_ext.Client` and :class:`~lptpb_ext.AsyncClient`."""

    base_url: str | None
    zone: str | None
    csds_domain: str
    allow_any_host: bool
    timeout: httpx.Timeout | float | None
    deadline: float | None
    retry: RetryPolicy | None
    on_retry: RetryHook | None
    on_relogin: ReloginHook | None
    session_pool: SessionPool | None
    session: Session | None
    session_store: SessionStore | None
    max_relogins: int
    relogin_window: float
    clock: Callable[[], float]
    wall_clock: Callable[[], float]
    rand: random.Random | None


class _Location:
    """Where the API is; shared by a client and its ``with_options`` copies."""

    def __init__(self, base_url: str | None) -> None:
        self.base_url = base_url


class EngineOptions(TypedDict):
    account_id: str
    credentials: Credentials
    session: Callable[[], Session]
    base_url: Callable[[bool], str]
    options: CallOptions
    clock: Callable[[], float]
    wall_clock: Callable[[], float]
    rand: random.Random | None
    on_connect_failure: Callable[[], None]
    resolves: bool


class ClientBase:
    """Configuration and session lookup; subclasses add the operations."""

    _http_injected: bool
    _http: httpx.Client | httpx.AsyncClient
    _resolver: DomainResolver | AsyncDomainResolver | None

    def __init__(
        self,
        account_id: str,
        credentials: Credentials,
        *,
        base_url: str | None = None,
        zone: str | None = None,
        csds_domain: str = "api.liveperson.net",
        allow_any_host: bool = False,
        timeout: httpx.Timeout | float | None = None,
        deadline: float | None = None,
        retry: RetryPolicy | None = None,
        on_retry: RetryHook | None = None,
        on_relogin: ReloginHook | None = None,
        session_pool: SessionPool | None = None,
        session: Session | None = None,
        session_store: SessionStore | None = None,
        max_relogins: int = 5,
        relogin_window: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        rand: random.Random | None = None,
    ) -> None:
        if not isinstance(account_id, str) or not account_id.strip():
            raise ConfigurationError("account_id must be a non-empty string")
        if account_id in DOT_SEGMENTS:
            raise ConfigurationError(
                f"account_id {account_id!r} is not an id: a URL would drop it as a dot-segment"
            )
        if not isinstance(credentials, UserPassword | ApiKey | LegacyUserPassword | Bearer):
            raise ConfigurationError(
                "credentials must be UserPassword, ApiKey, LegacyUserPassword or Bearer"
            )
        self.account_id = account_id
        self.credentials = credentials
        self._explicit = base_url_for(base_url) if base_url is not None else None
        self._static = self._explicit or (
            base_url_for(zone, allow_any_host=allow_any_host) if zone is not None else None
        )
        self._csds_domain = csds_domain
        self._allow_any_host = allow_any_host
        self._location = _Location(self._static)
        defaults = CallOptions()
        self._options = CallOptions(
            timeout=_timeout(timeout) if timeout is not None else defaults.timeout,
            deadline=deadline if deadline is not None else defaults.deadline,
            retry=retry if retry is not None else defaults.retry,
            on_retry=on_retry,
            on_relogin=on_relogin,
        )
        self._pool = session_pool if session_pool is not None else DEFAULT_POOL
        self._store = session_store if session_store is not None else store_from_env()
        self._max_relogins = max_relogins
        self._relogin_window = relogin_window
        self._clock = clock
        self._wall_clock = wall_clock
        self._rand = rand
        self._session_obj: Session | None = session

    def __repr__(self) -> str:
        where = self._location.base_url or "Domain API lookup"
        return (
            f"{type(self).__name__}(account_id={self.account_id!r}, {where}, {self.credentials!r})"
        )

    @property
    def base_url(self) -> str | None:
        """The API base URL in use, once known."""
        return self._location.base_url

    def _session(self) -> Session:
        if self._session_obj is None:
            credentials = self.credentials
            if isinstance(credentials, Bearer):
                self._session_obj = Session(
                    self.account_id,
                    bearer=credentials.token,
                    max_relogins=self._max_relogins,
                    window=self._relogin_window,
                )
            else:
                store = self._store  # None: the pool's store, or the HTTP client's own memory
                scope = self._http_identity() if self._http_injected else None
                landing = store if store is not None else self._pool.store_for(scope)
                key = self._session_key(credentials, shared=not isinstance(landing, MemoryStore))

                def make(store: SessionStore) -> Session:
                    return Session(
                        self.account_id,
                        key=key,
                        store=store,
                        max_relogins=self._max_relogins,
                        window=self._relogin_window,
                    )

                self._session_obj = self._pool.session(key, make, store=store, scope=scope)
        return self._session_obj

    def _session_key(
        self, credentials: UserPassword | ApiKey | LegacyUserPassword, *, shared: bool
    ) -> str:
        """Everything that makes two sessions different: host, account, user, credentials.

        The host is the static base URL when one was given (a zone or ``base_url``), else the
        Domain API host that will be asked. The credentials enter as a one-way fingerprint.
        """
        host = self._static or f"csds:{self._csds_domain}"
        user = credentials.username
        salt = f"lptpb|{host}|{self.account_id}|{user}"
        print_ = fingerprint(
            (credentials.operation, *credentials.secrets), salt=salt, shared=shared
        )
        return f"{host}|{self.account_id}|{user}|{print_}"

    def _http_identity(self) -> object:
        return self._http

    def _connect_failed(self) -> None:
        """After a connection failure, forget a host the Domain API gave, to ask again."""
        if self._resolver is not None and self._location.base_url is not None:
            self._resolver.invalidate(self.account_id, self._location.base_url)
            self._location.base_url = None

    def _engine_options(self) -> EngineOptions:
        return {
            "account_id": self.account_id,
            "credentials": self.credentials,
            "session": self._session,
            "base_url": self._base,
            "options": self._options,
            "clock": self._clock,
            "wall_clock": self._wall_clock,
            "rand": self._rand,
            "on_connect_failure": self._connect_failed,
            "resolves": self._resolver is not None,
        }

    @property
    def session(self) -> Session:
        """The session (bearer and login state) this client uses; shared through the pool."""
        return self._session()

    def _base(self, domain_api: bool) -> str:
        if domain_api:
            return self._explicit or f"https://{self._csds_domain}"
        base = self._location.base_url
        if base is None:
            raise ConfigurationError("the API host is not resolved yet")
        return base

    def _options_with(
        self,
        timeout: httpx.Timeout | float | None,
        deadline: float | None,
        retry: RetryPolicy | None,
    ) -> CallOptions:
        options = self._options
        if timeout is not None:
            options = replace(options, timeout=_timeout(timeout))
        if deadline is not None:
            options = replace(options, deadline=deadline)
        if retry is not None:
            options = replace(options, retry=retry)
        return options

    def _twin(self, options: CallOptions) -> Self:
        twin = object.__new__(type(self))
        twin.__dict__.update(self.__dict__)
        twin._options = options
        return twin

    @contextlib.contextmanager
    def capture_responses(self) -> Iterator[list[httpx.Response]]:
        """Record the final HTTP response of every call made inside the block, in this thread
        or task, for headers and status. Bodies are already read.

        >>> with client.capture_responses() as responses:  # doctest: +SKIP
        ...     client.send_messages(conversation_id, batch)
        >>> responses[-1].headers["date"]  # doctest: +SKIP
        """
        token, captured = capture()
        try:
            yield captured
        finally:
            end_capture(token)


def _timeout(value: httpx.Timeout | float) -> httpx.Timeout:
    if isinstance(value, httpx.Timeout):
        return value
    return httpx.Timeout(value, connect=min(5.0, value))
