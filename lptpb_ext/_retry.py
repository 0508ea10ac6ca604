"""Retry policy as small pure functions: may this attempt be repeated, and after how long?

The API has no idempotency key, so a repeated command reaches the customer twice. The rules:

- **Commands** (the conversation POSTs) are re-sent only when the request provably did not
  reach the server: the connection was never made (connect error or timeout, no free
  connection in the pool), or the server said so with a 429/503 and a ``Retry-After`` hint that
  fits both the call's remaining deadline and the command's ``ttl`` (shorter than it; without a
  ``ttl`` the server applies ``TTL_DEFAULT``, 30 s, so that is the bound). A 401 is answered by
  a re-login and one replay inside the auth flow, not here. After a read timeout or a reset
  once the request was written, the caller gets :class:`~lptpb_ext.OutcomeUnknownError`.
- **Reads** (GETs, the Domain API) and **login** are retried after any transport failure, 429,
  500, 502, 503 and 504, with capped exponential backoff and jitter, honouring ``Retry-After``.
  Login is safe to repeat: a second login only replaces a session nobody received.
- **Hints** (``retry-after-ms``, else ``Retry-After``) are read by :func:`retry_after`. A hint
  the server gets wrong is treated as absent, never fatal: text (``soon``), ``nan``, ``inf``,
  negative or exponent numbers, malformed dates and delays above :data:`MAX_HINT` (a day).
  Without a usable hint a command is not re-sent and a read backs off as usual.

Every decision is bounded by ``RetryPolicy.max_attempts`` and by the call's deadline.
"""

from __future__ import annotations

import datetime
import email.utils
import math
import random
import re
from dataclasses import dataclass
from enum import Enum
from typing import Literal

import httpx

from lptpb_ext._limits import TTL_DEFAULT

__all__ = [
    "MAX_HINT",
    "Decision",
    "Failure",
    "RetryPolicy",
    "backoff",
    "decide",
    "failure_of",
    "retry_after",
]

CallKind = Literal["command", "read", "login"]
RETRYABLE_READ_STATUSES = frozenset({429, 500, 502, 503, 504})
HINTED_COMMAND_STATUSES = frozenset({429, 503})
#: A longer ``Retry-After`` (one day) is taken for a server bug and ignored.
MAX_HINT = 86400.0
_DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]+)?", re.ASCII)


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try. ``max_attempts`` counts the first attempt (1 disables retries).

    Delay before retry *k* (1-based) is ``min(initial_delay * 2**(k-1), max_delay)`` scaled by
    a uniform jitter in ``[1 - jitter, 1]``; a server's ``Retry-After`` replaces it when it is
    at most ``max_retry_after`` seconds.
    """

    max_attempts: int = 3
    initial_delay: float = 0.5
    max_delay: float = 8.0
    jitter: float = 0.25
    max_retry_after: float = 60.0

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("RetryPolicy.max_attempts must be at least 1")
        if not 0 <= self.jitter <= 1:
            raise ValueError("RetryPolicy.jitter must be within [0, 1]")


NO_RETRY = RetryPolicy(max_attempts=1)


class Failure(Enum):
    """What a transport exception proves about the request."""

    NOT_SENT = "not sent"  # no connection was made: the server never saw it
    MAYBE_SENT = "maybe sent"  # the request may have been received and processed


def failure_of(exc: httpx.TransportError) -> Failure:
    """Classify a transport exception by whether the request can have reached the server."""
    if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout):
        return Failure.NOT_SENT
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.ProxyError):
        return Failure.NOT_SENT
    return Failure.MAYBE_SENT


def retry_after(headers: httpx.Headers, now: float) -> float | None:
    """Seconds the server asked us to wait, or None when it did not say so usably.

    ``retry-after-ms`` (milliseconds) wins over ``Retry-After`` (seconds, or an HTTP date
    relative to ``now``, a Unix time; a date in the past means "now", 0). Each is a plain
    non-negative decimal number; anything else the server gets wrong (text such as ``soon``,
    ``nan``, ``inf``, a negative or exponent form, a malformed date) or a delay above
    :data:`MAX_HINT` is treated as absent, never raised: an unusable ``retry-after-ms`` falls
    back to ``Retry-After``. So the answer is None or a finite number in ``[0, MAX_HINT]``.
    """
    millis = _seconds(headers.get("retry-after-ms"), scale=1000.0)
    if millis is not None:
        return millis
    value = headers.get("retry-after")
    if value is None:
        return None
    seconds = _seconds(value)
    return seconds if seconds is not None else _until(value, now)


def _seconds(value: str | None, scale: float = 1.0) -> float | None:
    """A delay given as a plain decimal number (of seconds times ``scale``), if sane."""
    if value is None or not _DECIMAL.fullmatch(value.strip()):
        return None
    return _sane(float(value.strip()) / scale)


def _until(value: str, now: float) -> float | None:
    """Seconds from ``now`` to an HTTP date, 0 for a past date; None when it is no date."""
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (ValueError, TypeError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # "-0000": UTC without a claim about the sender's zone
        when = when.replace(tzinfo=datetime.UTC)
    try:
        delay = when.timestamp() - now
    except (OverflowError, OSError, ValueError):
        return None
    return _sane(max(delay, 0.0))


def _sane(delay: float) -> float | None:
    return delay if math.isfinite(delay) and 0.0 <= delay <= MAX_HINT else None


def backoff(retry: int, policy: RetryPolicy, rand: random.Random | None = None) -> float:
    """Jittered exponential delay before retry number ``retry`` (1-based)."""
    base: float = min(policy.initial_delay * 2.0 ** (retry - 1), policy.max_delay)
    fraction: float = (rand or random).uniform(1.0 - policy.jitter, 1.0)
    return base * fraction


@dataclass(frozen=True)
class Decision:
    retry: bool
    delay: float = 0.0
    reason: str = ""


STOP = Decision(retry=False)


def decide(  # noqa: PLR0911 - one return per rule reads clearer than nested branches
    kind: CallKind,
    *,
    attempt: int,
    policy: RetryPolicy,
    remaining: float,
    ttl: int | None = None,
    failure: Failure | None = None,
    status: int | None = None,
    hint: float | None = None,
    rand: random.Random | None = None,
) -> Decision:
    """Whether attempt number ``attempt`` (1-based), which ended in ``failure`` or ``status``,
    may be repeated, and after how long. ``remaining`` is what is left of the call's deadline."""
    if attempt >= policy.max_attempts:
        return STOP
    if hint is not None and _sane(hint) is None:
        hint = None  # whoever made it, a nonsense hint is no hint
    if failure is not None:
        if failure is Failure.MAYBE_SENT and kind == "command":
            return STOP
        return _within(backoff(attempt, policy, rand), remaining, f"transport: {failure.value}")
    if status is None:
        return STOP
    if kind == "command":
        if status not in HINTED_COMMAND_STATUSES or hint is None:
            return STOP
        if hint > policy.max_retry_after or hint >= (TTL_DEFAULT if ttl is None else ttl):
            return STOP
        return _within(hint, remaining, f"HTTP {status} with Retry-After")
    if status not in RETRYABLE_READ_STATUSES:
        return STOP
    delay = hint if hint is not None and hint <= policy.max_retry_after else None
    if delay is None:
        delay = backoff(attempt, policy, rand)
    return _within(delay, remaining, f"HTTP {status}")


def _within(delay: float, remaining: float, reason: str) -> Decision:
    """Retry only when waiting still leaves time for another attempt before the deadline."""
    if not 0.0 <= delay < remaining:  # NaN fails too
        return STOP
    return Decision(retry=True, delay=delay, reason=reason)
