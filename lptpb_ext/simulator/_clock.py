"""Time for the simulator: the wall clock by default, a manual clock for deterministic tests.

Everything time-dependent in the simulator (command timeouts and execution, injected latency)
reads :meth:`Clock.time` and waits with :meth:`Clock.sleep`, so a test that passes a
:class:`ManualClock` never sleeps: it moves time forward with :meth:`ManualClock.advance`, and
an injected latency advances the clock instead of waiting.

A manual clock stays between the epoch and :data:`MAX_TIME` (the last second of year 9999,
which every date type can show) and refuses ``NaN`` and infinities, so no caller can move it
to a time that later reads fail on.
"""

from __future__ import annotations

import asyncio
import math
import threading
import time
from typing import Protocol

__all__ = ["MAX_TIME", "Clock", "ManualClock", "SystemClock", "finite_number"]

MAX_TIME = 253_402_300_799.0  # 9999-12-31T23:59:59Z


class Clock(Protocol):
    """What the simulator needs from a clock."""

    def time(self) -> float:
        """Seconds since the epoch."""
        ...

    async def sleep(self, seconds: float) -> None:
        """Wait ``seconds`` (a manual clock advances instead)."""
        ...


class SystemClock:
    """The wall clock: ``time.time()`` and a real ``asyncio.sleep``."""

    def time(self) -> float:
        return time.time()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


class ManualClock:
    """A clock that only moves when told to; ``sleep`` advances it and returns at once.

    >>> clock = ManualClock(start=1_700_000_000.0)
    >>> clock.advance(2.5)
    >>> clock.time()
    1700000002.5
    """

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        if not finite_number(start) or not 0 <= start <= MAX_TIME:
            raise ValueError(f"start must be a time from 0 to {MAX_TIME:.0f} (seconds since 1970)")
        self._now = float(start)
        self._lock = threading.Lock()

    def time(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        """Move time forward by ``seconds``: finite, not negative, and not past :data:`MAX_TIME`."""
        if not finite_number(seconds) or seconds < 0:
            raise ValueError("seconds must be a finite number, 0 or more (a clock only moves on)")
        with self._lock:
            if self._now + seconds > MAX_TIME:
                raise ValueError(f"seconds would take the clock past {MAX_TIME:.0f} (year 9999)")
            self._now += seconds

    async def sleep(self, seconds: float) -> None:
        self.advance(max(seconds, 0.0))


def finite_number(value: object) -> bool:
    """A real, finite int or float (an int too large for a float is not)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:
        return False
