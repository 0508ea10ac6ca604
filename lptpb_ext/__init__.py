"""lptpb: the Python SDK for LivePerson's Third-Party Bots Public API.

Import everything from here; the modules behind it are private. Models are the pydantic classes
of :mod:`lptpb_models`, generated from ``openapi.yaml``; the generated raw HTTP client
:mod:`lptpb_client` is not imported here (its routes are a table checked against it) and never
needs importing. ``tests/test_exports.py`` pins this list.
"""

from lptpb_ext import _metadata as meta
from lptpb_ext import _sde as sde
from lptpb_ext import _structured as sc
from lptpb_ext._async_client import AsyncClient
from lptpb_ext._batch import Batch, BatchProgress, BatchSummary
from lptpb_ext._builder import ChannelBuild, Messages
from lptpb_ext._channels import ChannelError, ChannelProblem, check_channel
from lptpb_ext._client import Client
from lptpb_ext._credentials import ApiKey, Bearer, LegacyUserPassword, UserPassword
from lptpb_ext._domain import AsyncDomainResolver, DomainResolver
from lptpb_ext._engine import DEFAULT_TIMEOUT
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
from lptpb_ext._version import __version__
from lptpb_ext._zones import Resolution, ResolutionSource, base_url_for

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
