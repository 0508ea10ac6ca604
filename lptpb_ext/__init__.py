"""lptpb: the Python SDK for LivePerson's Third-Party Bots Public API.

Import everything from here; the modules behind it are private. Models are the pydantic classes
of :mod:`lptpb_models`, generated from ``openapi.yaml``; the generated raw HTTP client
:mod:`lptpb_client` is not imported here (its routes are a table checked against it) and never
needs importing. ``tests/test_exports.py`` pins this list.

``import lptpb_ext`` is quick: it loads the errors, the credentials and the version, and each
other name (the clients, the builder, the stores, ...) with its module the first time it is
used, so a program pays only for what it touches (``from lptpb_ext import Client`` loads the
client, httpx, pydantic and the models). The models themselves are built on first use.
"""

import importlib as _importlib
import typing as _typing

from lptpb_ext._credentials import ApiKey, Bearer, LegacyUserPassword, UserPassword
from lptpb_ext._errors import (
    ApiError,
    AuthenticationError,
    BadRequestError,
    BotUserConflictError,
    CommandTrackingError,
    ConfigurationError,
    DeadlineExceededError,
    ForbiddenError,
    InvalidResponseError,
    JobFileError,
    JobProblem,
    JournalError,
    JournalLockedError,
    LptpbError,
    NotFoundError,
    OutcomeUnknownError,
    RateLimitError,
    Reconciliation,
    RequestTimeoutError,
    RequestValidationError,
    ServerError,
    ServiceNotFoundError,
    SessionContentionError,
    SessionStoreError,
    TransportError,
    UnexpectedStatusError,
)
from lptpb_ext._version import __version__

if _typing.TYPE_CHECKING:
    from lptpb_ext import _metadata as meta
    from lptpb_ext import _sde as sde
    from lptpb_ext import _structured as sc
    from lptpb_ext._async_client import AsyncClient
    from lptpb_ext._batch import Batch, BatchProgress, BatchSummary
    from lptpb_ext._builder import ChannelBuild, Messages
    from lptpb_ext._channels import ChannelError, ChannelProblem, check_channel
    from lptpb_ext._client import Client
    from lptpb_ext._domain import AsyncDomainResolver, DomainResolver
    from lptpb_ext._engine import DEFAULT_TIMEOUT
    from lptpb_ext._events import ReloginEvent, RetryEvent
    from lptpb_ext._file_store import FileSessionStore
    from lptpb_ext._jobs import Job
    from lptpb_ext._journal import JobRecord
    from lptpb_ext._redis_store import RedisSessionStore
    from lptpb_ext._retry import RetryPolicy
    from lptpb_ext._session import Session, SessionPool
    from lptpb_ext._store_url import store_from_url
    from lptpb_ext._stores import MemoryStore, SessionStore, StoredSession
    from lptpb_ext._tracking import CommandOutcome
    from lptpb_ext._validation import validate_body, validate_ttl
    from lptpb_ext._zones import Resolution, ResolutionSource, base_url_for

#: Each name loaded on first use: (private module, attribute; None for the module itself).
_LAZY: dict[str, tuple[str, str | None]] = {
    "meta": ("_metadata", None),
    "sde": ("_sde", None),
    "sc": ("_structured", None),
    "AsyncClient": ("_async_client", "AsyncClient"),
    "Batch": ("_batch", "Batch"),
    "BatchProgress": ("_batch", "BatchProgress"),
    "BatchSummary": ("_batch", "BatchSummary"),
    "ChannelBuild": ("_builder", "ChannelBuild"),
    "Messages": ("_builder", "Messages"),
    "ChannelError": ("_channels", "ChannelError"),
    "ChannelProblem": ("_channels", "ChannelProblem"),
    "check_channel": ("_channels", "check_channel"),
    "Client": ("_client", "Client"),
    "AsyncDomainResolver": ("_domain", "AsyncDomainResolver"),
    "DomainResolver": ("_domain", "DomainResolver"),
    "DEFAULT_TIMEOUT": ("_engine", "DEFAULT_TIMEOUT"),
    "ReloginEvent": ("_events", "ReloginEvent"),
    "RetryEvent": ("_events", "RetryEvent"),
    "FileSessionStore": ("_file_store", "FileSessionStore"),
    "Job": ("_jobs", "Job"),
    "JobRecord": ("_journal", "JobRecord"),
    "RedisSessionStore": ("_redis_store", "RedisSessionStore"),
    "RetryPolicy": ("_retry", "RetryPolicy"),
    "Session": ("_session", "Session"),
    "SessionPool": ("_session", "SessionPool"),
    "store_from_url": ("_store_url", "store_from_url"),
    "MemoryStore": ("_stores", "MemoryStore"),
    "SessionStore": ("_stores", "SessionStore"),
    "StoredSession": ("_stores", "StoredSession"),
    "CommandOutcome": ("_tracking", "CommandOutcome"),
    "validate_body": ("_validation", "validate_body"),
    "validate_ttl": ("_validation", "validate_ttl"),
    "Resolution": ("_zones", "Resolution"),
    "ResolutionSource": ("_zones", "ResolutionSource"),
    "base_url_for": ("_zones", "base_url_for"),
}


def __getattr__(name: str) -> object:
    found = _LAZY.get(name)
    if found is None:
        raise AttributeError(f"module 'lptpb_ext' has no attribute {name!r}")
    module = _importlib.import_module(f"lptpb_ext.{found[0]}")
    value = module if found[1] is None else getattr(module, found[1])
    globals()[name] = value  # from now on a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "DEFAULT_TIMEOUT",
    "ApiError",
    "ApiKey",
    "AsyncClient",
    "AsyncDomainResolver",
    "AuthenticationError",
    "BadRequestError",
    "Batch",
    "BatchProgress",
    "BatchSummary",
    "Bearer",
    "BotUserConflictError",
    "ChannelBuild",
    "ChannelError",
    "ChannelProblem",
    "Client",
    "CommandOutcome",
    "CommandTrackingError",
    "ConfigurationError",
    "DeadlineExceededError",
    "DomainResolver",
    "FileSessionStore",
    "ForbiddenError",
    "InvalidResponseError",
    "Job",
    "JobFileError",
    "JobProblem",
    "JobRecord",
    "JournalError",
    "JournalLockedError",
    "LegacyUserPassword",
    "LptpbError",
    "MemoryStore",
    "Messages",
    "NotFoundError",
    "OutcomeUnknownError",
    "RateLimitError",
    "Reconciliation",
    "RedisSessionStore",
    "ReloginEvent",
    "RequestTimeoutError",
    "RequestValidationError",
    "Resolution",
    "ResolutionSource",
    "RetryEvent",
    "RetryPolicy",
    "ServerError",
    "ServiceNotFoundError",
    "Session",
    "SessionContentionError",
    "SessionPool",
    "SessionStore",
    "SessionStoreError",
    "StoredSession",
    "TransportError",
    "UnexpectedStatusError",
    "UserPassword",
    "__version__",
    "base_url_for",
    "check_channel",
    "meta",
    "sc",
    "sde",
    "store_from_url",
    "validate_body",
    "validate_ttl",
]
