"""lptpb: the Python SDK for LivePerson's Third-Party Bots Public API.

Import everything from here; the modules behind it are private. Models are the pydantic classes
of :mod:`lptpb_models`, generated from ``openapi.yaml``; the raw HTTP client :mod:`lptpb_client`
is used inside and never needs importing. ``tests/test_exports.py`` pins this list.
"""

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
    LptpbError,
    NotFoundError,
    OutcomeUnknownError,
    RateLimitError,
    Reconciliation,
    RequestTimeoutError,
    RequestValidationError,
    ServerError,
    SessionContentionError,
    TransportError,
    UnexpectedStatusError,
)
from lptpb_ext._version import __version__

# --- builder and validation (issue 4) ---
# --- end builder and validation ---

__all__ = [
    "ApiError",
    "AuthenticationError",
    "BadRequestError",
    "BotUserConflictError",
    "CommandTrackingError",
    "ConfigurationError",
    "DeadlineExceededError",
    "ForbiddenError",
    "InvalidResponseError",
    "LptpbError",
    "NotFoundError",
    "OutcomeUnknownError",
    "RateLimitError",
    "Reconciliation",
    "RequestTimeoutError",
    "RequestValidationError",
    "ServerError",
    "SessionContentionError",
    "TransportError",
    "UnexpectedStatusError",
    "__version__",
    # --- builder and validation (issue 4) ---
    # --- end builder and validation ---
]
