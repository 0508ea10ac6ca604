"""The retry policy's pure functions: ``Retry-After`` parsing and the decision table."""

from __future__ import annotations

import email.utils
import math

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lptpb_ext._limits import TTL_DEFAULT
from lptpb_ext._retry import MAX_HINT, RetryPolicy, decide, retry_after

NOW = 1_700_000_000.0


def _date(offset: float) -> str:
    return email.utils.formatdate(NOW + offset, usegmt=True)


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "2"}, 2.0),
        ({"Retry-After": " 7 "}, 7.0),
        ({"Retry-After": "1.5"}, 1.5),
        ({"Retry-After": "0"}, 0.0),
        ({"Retry-After": _date(10)}, 10.0),
        ({"Retry-After": _date(-10)}, 0.0),  # a date in the past: retry now
        ({"retry-after-ms": "1500"}, 1.5),
        ({"retry-after-ms": "1500", "Retry-After": "9"}, 1.5),
        ({"retry-after-ms": "nan", "Retry-After": "9"}, 9.0),  # unusable ms: fall back
        ({"retry-after-ms": "soon", "Retry-After": "9"}, 9.0),
        ({}, None),
    ],
)
def test_retry_after_reads_seconds_dates_and_milliseconds(headers, expected) -> None:
    """Seconds, an HTTP date (relative to now) and ``retry-after-ms`` all give seconds."""
    assert retry_after(httpx.Headers(headers), NOW) == expected


@pytest.mark.parametrize(
    "value",
    [
        "soon",
        "",
        "   ",
        "nan",
        "NaN",
        "inf",
        "-inf",
        "Infinity",
        "-5",
        "-0.5",
        "1e400",
        "9" * 400,
        str(MAX_HINT * 1000 + 1),  # too long as seconds and as milliseconds
        "Mon, 99 Foo 2024 99:99:99 GMT",
        "Fri, 31 Dec 9999 23:59:59 GMT",  # absurdly far away
        "0x10",
        "1_000",
    ],
)
def test_a_header_the_server_gets_wrong_is_treated_as_absent(value) -> None:
    """Unparsable, non-finite, negative or absurdly large hints are ignored, never raised."""
    assert retry_after(httpx.Headers({"Retry-After": value}), NOW) is None
    assert retry_after(httpx.Headers({"retry-after-ms": value}), NOW) is None


@given(st.text(max_size=40), st.text(max_size=40))
def test_retry_after_never_raises_and_is_a_sane_number(value: str, millis: str) -> None:
    """Whatever the server sends: None, or a finite delay within [0, MAX_HINT]."""
    try:
        headers = httpx.Headers({"Retry-After": value, "retry-after-ms": millis})
    except (UnicodeEncodeError, ValueError):  # httpx refuses it: no server can send it
        return
    found = retry_after(headers, NOW)
    assert found is None or (math.isfinite(found) and 0.0 <= found <= MAX_HINT)


@pytest.mark.parametrize("hint", [math.nan, math.inf, -1.0])
@pytest.mark.parametrize("kind", ["command", "read", "login"])
def test_decide_never_waits_a_non_finite_or_negative_delay(kind, hint) -> None:
    """Defence in depth: a nonsense hint reaching ``decide`` never becomes the delay."""
    decision = decide(
        kind, attempt=1, policy=RetryPolicy(), remaining=5.0, ttl=30, status=503, hint=hint
    )
    assert not decision.retry or (0.0 <= decision.delay < 5.0)


def test_a_command_without_ttl_uses_the_servers_default_ttl() -> None:
    """No ttl given means the server applies 30 s: a 45 s hint does not fit it."""
    policy = RetryPolicy()
    common = {"attempt": 1, "policy": policy, "remaining": 60.0, "status": 503}
    assert not decide("command", ttl=None, hint=float(TTL_DEFAULT) + 15, **common).retry
    assert not decide("command", ttl=None, hint=float(TTL_DEFAULT), **common).retry
    assert decide("command", ttl=None, hint=float(TTL_DEFAULT) - 1, **common).retry
    assert decide("command", ttl=60, hint=45.0, **common).retry
