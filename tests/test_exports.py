"""The public API is exactly what lptpb_ext exports; a change to it is a deliberate edit here."""

from __future__ import annotations

import subprocess
import sys

import lptpb_ext

EXPORTED = [
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


def test_all_is_pinned() -> None:
    """__all__ lists exactly the public names, and each of them exists."""
    assert sorted(lptpb_ext.__all__) == sorted(EXPORTED)
    for name in EXPORTED:
        assert hasattr(lptpb_ext, name), name


def test_no_other_public_names() -> None:
    """Nothing public leaks from the package besides __all__ (private modules start with _)."""
    public = {n for n in vars(lptpb_ext) if not n.startswith("_")}
    assert public - set(EXPORTED) <= {"annotations", "cli", "simulator"}


def test_every_error_derives_from_lptpb_error() -> None:
    """One base class catches every error the SDK raises."""
    errors = [getattr(lptpb_ext, n) for n in EXPORTED if n.endswith("Error")]
    assert all(issubclass(e, lptpb_ext.LptpbError) for e in errors)


def test_importing_the_library_loads_no_simulator_or_cli_dependencies() -> None:
    """`import lptpb_ext` pulls in none of the simulator's or the command line's libraries.

    (click and rich are left out: httpx itself imports them when they are installed, as they
    are in the dev environment; our command line uses argparse.)
    """
    code = (
        "import sys, lptpb_ext; "
        "print(sorted(m for m in ('starlette', 'uvicorn', 'jsonschema', 'yaml', "
        "'argcomplete', 'keyring', 'lptpb_ext.cli') "
        "if m in sys.modules))"
    )
    argv = [sys.executable, "-c", code]
    out = subprocess.run(argv, capture_output=True, text=True, check=True)  # noqa: S603 - fixed argv
    assert out.stdout.strip() == "[]"
