"""Time for the simulator: the wall clock by default, a manual clock for deterministic tests.

Everything time-dependent in the simulator (command timeouts and execution, injected latency)
reads :meth:`Clock.time` and waits with :meth:`Clock.sleep`, so a test that passes a
:class:`ManualClock` never sleeps: it moves time forward with :meth:`ManualClock.advance`, and
an injected latency advances the clock instead of waiting.
"""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Protocol

__all__ = ["Clock", "ManualClock", "SystemClock"]


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
        self._now = start
        self._lock = threading.Lock()

    def time(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        """Move time forward by ``seconds`` (never backwards)."""
        if seconds < 0:
            raise ValueError("a clock only moves forward")
        with self._lock:
            self._now += seconds

    async def sleep(self, seconds: float) -> None:
        self.advance(max(seconds, 0.0))
