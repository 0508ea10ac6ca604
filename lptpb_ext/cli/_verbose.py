"""``-v``: one line per HTTP attempt on stderr; ``-vv`` adds the headers, secrets masked.

A line says the method, the URL (never user info), the status or the transport error, the
time to the answer's headers, which attempt of the call it was, and whether it was a login, a
re-login (after the API rejected the bearer) or the replay that follows one::

    * POST http://127.0.0.1:8080/api/v1/account/1/login?v=1.3 -> 200 (4 ms, attempt 1, login)
    * GET http://127.0.0.1:8080/api/v1/account/1/conversation/C/command -> 200 (3 ms, attempt 1)

With ``--json`` each line is a JSON object ``{"http": {...}}`` instead. Headers that carry
secrets (``Authorization``, cookies, the simulator's control token) show as ``***``; bodies
are never shown (a login body holds the password).
"""

from __future__ import annotations

import json
import sys
import time
from typing import TextIO

import httpx

from lptpb_ext import ReloginEvent, RetryEvent
from lptpb_ext._engine import shown_url
from lptpb_ext._transport import guard_transport

__all__ = ["Tracer", "TracingTransport", "tracing_client"]

SECRET_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "cookie", "set-cookie", "x-lptpb-sim-token"}
)


def masked_headers(headers: httpx.Headers) -> dict[str, str]:
    return {
        name: "***" if name.lower() in SECRET_HEADERS else value
        for name, value in headers.multi_items()
    }


class Tracer:
    """Numbers the attempts of each call from the client's hooks and prints one line each."""

    def __init__(self, level: int, *, json: bool = False, stream: TextIO | None = None) -> None:
        self.level = level
        self.json = json
        self._stream = stream
        self._next_attempt = 1
        self._rejected = False  # the last answer was a 401: a login now is a re-login
        self._replay = False  # the next request replays the rejected one

    @property
    def stream(self) -> TextIO:
        return self._stream if self._stream is not None else sys.stderr

    def on_retry(self, event: RetryEvent) -> None:
        self._next_attempt = event.attempt + 1

    def on_relogin(self, event: ReloginEvent) -> None:
        self._replay = True

    def note(self, request: httpx.Request) -> tuple[str, int]:
        attempt = self._next_attempt
        if request.url.path.endswith("/login"):
            return ("re-login" if self._rejected else "login"), attempt
        if self._replay:
            self._replay = False
            return "replayed after re-login", attempt
        return "", attempt

    def exchange(
        self,
        *,
        request: httpx.Request,
        answer: httpx.Response | Exception,
        seconds: float,
        note: str,
        attempt: int,
    ) -> None:
        login = request.url.path.endswith("/login")
        if isinstance(answer, httpx.Response):
            if not login:
                self._rejected = answer.status_code == 401
            outcome = str(answer.status_code)
        else:
            outcome = f"{type(answer).__name__}: {answer}"
        if not login and not self._rejected:
            self._next_attempt = 1  # a new call starts at 1 unless on_retry says otherwise
        self._print(
            request=request, answer=answer, outcome=outcome, seconds=seconds, note=note,
            attempt=attempt,
        )  # fmt: skip

    def _print(
        self,
        *,
        request: httpx.Request,
        answer: httpx.Response | Exception,
        outcome: str,
        seconds: float,
        note: str,
        attempt: int,
    ) -> None:
        url = shown_url(request.url)
        milliseconds = round(seconds * 1000, 1)
        response = answer if isinstance(answer, httpx.Response) else None
        if self.json:
            record: dict[str, object] = {
                "method": request.method,
                "url": url,
                "status": response.status_code if response is not None else None,
                "error": None if response is not None else outcome,
                "ms": milliseconds,
                "attempt": attempt,
                "note": note or None,
            }
            if self.level > 1:
                record["requestHeaders"] = masked_headers(request.headers)
                if response is not None:
                    record["responseHeaders"] = masked_headers(response.headers)
            line = json.dumps({"http": record}, ensure_ascii=False, separators=(",", ":"))
            print(line, file=self.stream, flush=True)
            return
        tags = ", ".join(part for part in (f"attempt {attempt}", note) if part)
        lines = [f"* {request.method} {url} -> {outcome} ({milliseconds:g} ms, {tags})"]
        if self.level > 1:
            lines += [f"> {k}: {v}" for k, v in masked_headers(request.headers).items()]
            if response is not None:
                lines += [f"< {k}: {v}" for k, v in masked_headers(response.headers).items()]
        print("\n".join(lines), file=self.stream, flush=True)


class TracingTransport(httpx.BaseTransport):
    """A transport that reports every request it carries to a :class:`Tracer`."""

    def __init__(self, inner: httpx.BaseTransport, tracer: Tracer) -> None:
        self._inner = inner
        self._tracer = tracer

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        note, attempt = self._tracer.note(request)
        started = time.perf_counter()
        try:
            response = self._inner.handle_request(request)
        except Exception as exc:
            self._tracer.exchange(
                request=request, answer=exc, seconds=time.perf_counter() - started, note=note,
                attempt=attempt,
            )  # fmt: skip
            raise
        self._tracer.exchange(
            request=request, answer=response, seconds=time.perf_counter() - started, note=note,
            attempt=attempt,
        )  # fmt: skip
        return response

    def close(self) -> None:
        self._inner.close()


def tracing_client(level: int, *, json: bool = False) -> tuple[httpx.Client, Tracer]:
    """An HTTP client like the SDK's own (deadline-aware), that reports each attempt."""
    inner = httpx.HTTPTransport()
    guard_transport(inner)
    tracer = Tracer(level, json=json)
    return httpx.Client(transport=TracingTransport(inner, tracer)), tracer
