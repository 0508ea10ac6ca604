"""Injected faults: what can go wrong between a client and the service, on demand.

A :class:`Fault` applies to the next ``times`` requests of one operation (``operation`` is an
``operationId``) or of any contract operation (``None``); the control API under ``/_sim`` is
never faulted. Faults wait in a first-in, first-out queue and each request takes at most one.

====================  ==========================================================================
kind                  effect
====================  ==========================================================================
``latency``           the request is processed, then the answer waits ``seconds``
``status``            answered with ``status`` (5xx) before processing, text/plain body,
                      ``Retry-After`` when ``retry_after`` is set
``drop_before``       the connection drops before the request is processed (nothing happens)
``drop_after``        the request is processed (a command is created), then the connection drops
``waf``               the Reblaze firewall answers 403 with an HTML page, before processing
``steal_session``     another login of the bearer's user happens first, so the bearer gets 401
``fail_command``      the command this request creates fails with ``error_name``
====================  ==========================================================================

A fault's numbers are checked when it is made (``ValueError``; 400 over ``/_sim/faults``):
``times`` 1 to 1000000, ``seconds`` finite and 0 to 3600, ``status`` 5xx for a ``status``
fault, ``retry_after`` 0 to 86400, names of 1 to 256 characters.
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass, fields
from typing import Any, Literal, cast, get_args

from lptpb_ext.simulator._clock import finite_number
from lptpb_ext.simulator._commands import EXECUTION_FAILED

__all__ = ["FAIL_COMMAND_KEY", "Fault", "FaultKind", "FaultQueue"]

FAIL_COMMAND_KEY = "lptpb.fail_command"  # the scope key that carries a fail_command fault

FaultKind = Literal[
    "latency", "status", "drop_before", "drop_after", "waf", "steal_session", "fail_command"
]
KINDS: tuple[str, ...] = get_args(FaultKind)
MAX_LATENCY = 3600.0  # seconds; longer than any client waits
MAX_TIMES = 1_000_000
MAX_RETRY_AFTER = 86_400  # seconds
MAX_NAME = 256  # characters of an operation or error name


@dataclass(frozen=True)
class Fault:
    """One injected fault; build it with the class methods."""

    kind: FaultKind
    operation: str | None = None
    times: int = 1
    seconds: float = 0.0
    status: int = 500
    retry_after: int | None = None
    error_name: str = EXECUTION_FAILED

    def __post_init__(self) -> None:
        """Refuse what the simulator could not honour or show back (``/_sim/state``)."""
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}")
        if not _integer(self.times) or not 1 <= self.times <= MAX_TIMES:
            raise ValueError(f"times must be a whole number from 1 to {MAX_TIMES}")
        if not finite_number(self.seconds) or not 0 <= self.seconds <= MAX_LATENCY:
            raise ValueError(f"seconds must be a finite number from 0 to {MAX_LATENCY:g}")
        if not _integer(self.status) or not 100 <= self.status <= 599:
            raise ValueError("status must be an HTTP status, 100 to 599")
        if self.kind == "status" and not 500 <= self.status <= 599:
            raise ValueError("a status fault answers a 5xx status")
        if self.retry_after is not None and (
            not _integer(self.retry_after) or not 0 <= self.retry_after <= MAX_RETRY_AFTER
        ):
            raise ValueError(f"retry_after must be a whole number from 0 to {MAX_RETRY_AFTER}")
        for name in ("operation", "error_name"):
            value = getattr(self, name)
            if value is not None and not (isinstance(value, str) and 0 < len(value) <= MAX_NAME):
                raise ValueError(f"{name} must be text of 1 to {MAX_NAME} characters")

    @classmethod
    def latency(cls, seconds: float, *, operation: str | None = None, times: int = 1) -> Fault:
        """Process the request, then hold the answer ``seconds`` (on the simulator's clock)."""
        return cls("latency", operation, times, seconds=seconds)

    @classmethod
    def server_error(
        cls,
        status: int = 500,
        *,
        retry_after: int | None = None,
        operation: str | None = None,
        times: int = 1,
    ) -> Fault:
        """Answer ``status`` (5xx) without processing the request."""
        return cls("status", operation, times, status=status, retry_after=retry_after)

    @classmethod
    def drop_before(cls, *, operation: str | None = None, times: int = 1) -> Fault:
        """Drop the connection before the request is processed."""
        return cls("drop_before", operation, times)

    @classmethod
    def drop_after(cls, *, operation: str | None = None, times: int = 1) -> Fault:
        """Process the request, then drop the connection without answering."""
        return cls("drop_after", operation, times)

    @classmethod
    def waf(cls, *, operation: str | None = None, times: int = 1) -> Fault:
        """Answer the Reblaze firewall's 403 HTML page without processing the request."""
        return cls("waf", operation, times)

    @classmethod
    def steal_session(cls, *, operation: str | None = None, times: int = 1) -> Fault:
        """Log the bearer's user in elsewhere just before the request, so it answers 401."""
        return cls("steal_session", operation, times)

    @classmethod
    def fail_command(
        cls, error_name: str = EXECUTION_FAILED, *, operation: str | None = None, times: int = 1
    ) -> Fault:
        """Make the command the request creates fail with ``error_name`` when it runs."""
        return cls("fail_command", operation, times, error_name=error_name)

    def to_json(self) -> dict[str, Any]:
        """The fault as the control API takes it (``POST /_sim/faults``)."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: object) -> Fault:
        """A fault from the control API's JSON; :class:`ValueError` says what is wrong."""
        if not isinstance(data, dict):
            raise ValueError("a fault is a JSON object")
        known = {f.name: f.type for f in fields(cls)}
        unknown = sorted(set(data) - set(known))
        if unknown:
            raise ValueError(f"unknown fault field(s): {', '.join(unknown)}")
        checks: dict[str, tuple[type, ...]] = {
            "kind": (str,),
            "operation": (str, type(None)),
            "times": (int,),
            "seconds": (int, float),
            "status": (int,),
            "retry_after": (int, type(None)),
            "error_name": (str,),
        }
        for name, value in data.items():
            if isinstance(value, bool) or not isinstance(value, checks[name]):
                raise ValueError(f"fault field {name!r} has the wrong type")
        return cls(**cast("dict[str, Any]", data))


def _integer(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class FaultQueue:
    """Pending faults, first in, first out; safe to use from several threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: list[list[Any]] = []  # [fault, remaining uses]

    def add(self, fault: Fault) -> None:
        with self._lock:
            self._pending.append([fault, fault.times])

    def clear(self) -> None:
        with self._lock:
            self._pending.clear()

    def pending(self) -> list[Fault]:
        with self._lock:
            return [entry[0] for entry in self._pending]

    def take(self, operation_id: str) -> Fault | None:
        """The first fault that applies to ``operation_id``, using up one of its ``times``."""
        with self._lock:
            for entry in self._pending:
                fault: Fault = entry[0]
                if fault.operation in (None, operation_id):
                    entry[1] -= 1
                    if entry[1] == 0:
                        self._pending.remove(entry)
                    return fault
        return None
