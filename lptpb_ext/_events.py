"""What the ``on_retry`` and ``on_relogin`` hooks receive, and the SDK's logger.

Logging goes to the stdlib logger ``"lptpb"`` and carries metadata only: operation, status,
attempt, latency, retry reasons. Never a body, a message text, a header or a secret. Enable it
with ``logging.getLogger("lptpb").setLevel(logging.DEBUG)`` (one line per HTTP attempt) or
``INFO`` (retries and re-logins only).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["LOGGER", "ReloginEvent", "RetryEvent"]

LOGGER = logging.getLogger("lptpb")


@dataclass(frozen=True)
class RetryEvent:
    """An attempt failed and will be repeated after ``delay`` seconds."""

    operation: str
    attempt: int  # the attempt that failed, 1-based
    delay: float
    reason: str


@dataclass(frozen=True)
class ReloginEvent:
    """The API rejected the bearer and this client logged in again (it led the login)."""

    operation: str  # the call whose 401 triggered the login
    account_id: str
    logins: int  # logins this session has started so far


RetryHook = Callable[[RetryEvent], None]
ReloginHook = Callable[[ReloginEvent], None]
