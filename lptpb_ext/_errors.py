"""Every error the SDK raises, in one tree.

::

    LptpbError
    ├── ConfigurationError            bad zone, host, base URL or client option
    ├── RequestValidationError        a request broke the contract; nothing was sent
    ├── ApiError                      the API answered with an error status
    │   ├── BadRequestError               400
    │   ├── AuthenticationError           401 (bearer rejected, or login refused)
    │   ├── ForbiddenError                403 (usually the Reblaze WAF)
    │   ├── NotFoundError                 404 (conversation unknown/closed, command not visible)
    │   │   └── ServiceNotFoundError          getServiceDomain: the account has no entry for the
    │   │                                     service (a 404, or a 200 that names other services)
    │   ├── BotUserConflictError          409 on login: the user is a running bot's agent
    │   ├── RateLimitError                429
    │   ├── ServerError                   500-599
    │   ├── UnexpectedStatusError         any other status but 200 (1xx, other 2xx, 3xx: a
    │   │                                 redirect is never followed, 600+)
    │   └── InvalidResponseError          a success answer that does not match the contract
    ├── SessionContentionError        another consumer of the same user keeps logging us out
    ├── SessionStoreError             the shared session store failed when a login was needed
    ├── TransportError                the request failed below HTTP
    │   ├── RequestTimeoutError           a GET (or a POST that provably never left) timed out
    │   └── OutcomeUnknownError           a POST may have reached the server; do not blindly resend
    ├── DeadlineExceededError         the call's overall deadline ran out across attempts
    ├── CommandTrackingError          raised by ``CommandOutcome.raise_for_outcome()``
    ├── JobFileError                  bulk jobs that cannot be sent, every one listed; nothing sent
    └── JournalError                  a bulk journal that cannot be used (corrupted, another
        │                             account, already exists); nothing sent
        └── JournalLockedError            the journal is in use by a running batch

Messages never include secrets: bodies are shortened and scrubbed by :func:`redact`.

Every error pickles (for process pools and task queues) with its message, ``args`` and
attributes: :meth:`LptpbError.__reduce__` rebuilds it without calling ``__init__``, whose
parameters differ from ``args`` (the formatted message).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

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
    "JobFileError",
    "JobProblem",
    "JournalError",
    "JournalLockedError",
    "LptpbError",
    "NotFoundError",
    "OutcomeUnknownError",
    "RateLimitError",
    "Reconciliation",
    "RequestTimeoutError",
    "RequestValidationError",
    "ServerError",
    "ServiceNotFoundError",
    "SessionContentionError",
    "SessionStoreError",
    "TransportError",
    "UnexpectedStatusError",
    "redact",
]

BODY_EXCERPT_CHARS = 300

# JSON fields and header-like pairs whose values are secrets.
_SECRET_NAMES = ["password", "secret", "appKey", "accessToken", "accessTokenSecret"]
_SECRET_NAMES += ["bearer", "token", "authorization", "apiKey"]
_SECRET_KEYS = "|".join(_SECRET_NAMES)
_JSON_SECRET = re.compile(rf'("(?:{_SECRET_KEYS})"\s*:\s*)"(?:[^"\\]|\\.)*"', re.IGNORECASE)
_BEARER = re.compile(r"(Bearer\s+)[A-Za-z0-9._~+/=-]+", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def redact(text: str, secrets: tuple[str, ...] = (), limit: int = BODY_EXCERPT_CHARS) -> str:
    """Shorten ``text`` to an excerpt with secrets removed.

    Values of secret-named JSON fields and ``Bearer`` tokens are masked, every string in
    ``secrets`` is masked wherever it appears, HTML tags are dropped and whitespace collapsed.

    >>> redact('{"bearer": "abc.def"}')
    '{"bearer": "***"}'
    """
    out = _JSON_SECRET.sub(r'\1"***"', text)
    out = _BEARER.sub(r"\1***", out)
    for secret in sorted((s for s in secrets if s), key=len, reverse=True):
        out = out.replace(secret, "***")
    if "<" in out and ">" in out:
        out = _TAGS.sub(" ", out)
    out = _SPACE.sub(" ", out).strip()
    if len(out) > limit:
        out = out[: limit - 1] + "…"
    return out


class LptpbError(Exception):
    """Base class of every error this SDK raises."""

    def __reduce__(self) -> tuple[Any, ...]:
        # Exception's own reduce calls ``cls(*args)``, but our ``__init__``s take the parts of
        # the message, not the message: rebuild from args and the instance's attributes.
        return _rebuild, (type(self), self.args, self.__dict__)


def _rebuild(cls: type[LptpbError], args: tuple[Any, ...], state: dict[str, Any]) -> LptpbError:
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class ConfigurationError(LptpbError, ValueError):
    """A zone, host, base URL, credential or option is unusable; raised before any request."""


class RequestValidationError(LptpbError, ValueError):
    """A request body or parameter breaks the contract. Nothing was sent.

    ``path`` names the offending field (``messages[2].structuredContent.elements[0].title``),
    ``rule`` the broken rule (``maxLength``, ``maxSerializedBytes``, ``type``...).
    """

    def __init__(self, path: str, rule: str, message: str) -> None:
        self.path = path
        self.rule = rule
        self.detail = message
        super().__init__(f"{path or '<body>'}: {message} [{rule}]")


class ApiError(LptpbError):
    """The API answered with an error status.

    Attributes: ``operation`` (the contract's operationId), ``status``, ``request_id`` (from
    the response headers, when the server sent one) and ``body`` (a redacted excerpt).
    """

    status: int = 0
    explanation = "the API answered with an error"

    def __init__(
        self,
        operation: str,
        status: int,
        body: str = "",
        request_id: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.operation = operation
        self.status = status
        self.body = body
        self.request_id = request_id
        self.hint = hint
        parts = [f"{operation}: HTTP {status}: {self.explanation}"]
        if hint:
            parts.append(hint)
        if request_id:
            parts.append(f"request id {request_id}")
        if body:
            parts.append(f"body: {body}")
        super().__init__("; ".join(parts))


class BadRequestError(ApiError):
    """400: the server refused the body or the query parameters."""

    explanation = "the server refused the body or the query parameters"


class AuthenticationError(ApiError):
    """401: the login was refused, or the bearer was rejected and a new login did not help."""

    explanation = "the bearer or the credentials were rejected"


class ForbiddenError(ApiError):
    """403: usually the Reblaze web application firewall; ``hint`` says so."""

    explanation = "forbidden"


class NotFoundError(ApiError):
    """404: the conversation is unknown, closed or not held by a bot, or the command unseen."""

    explanation = "not found: the conversation is unknown, closed or not handled by a bot"


class ServiceNotFoundError(NotFoundError):
    """``getServiceDomain``: the account has no entry for the service asked for.

    One outcome for every way the Domain API says so: HTTP 404, or a 200 whose answer (the
    bare entry or the ``baseURIs`` wrapper, both of which the contract allows) names only other
    services, or none. ``status`` is the answer's HTTP status; ``service`` the service asked
    for; ``listed`` the services the answer did name (empty for a 404). The host resolver
    (``zone=None``) reads the same answers as "no entry" and tries the next service.
    """

    explanation = "the account has no entry for this service in the Domain API"

    def __init__(
        self,
        operation: str,
        status: int,
        body: str = "",
        request_id: str | None = None,
        hint: str | None = None,
        *,
        service: str = "",
        listed: tuple[str, ...] = (),
    ) -> None:
        self.service = service
        self.listed = listed
        if service and hint is None:
            names = ", ".join(repr(redact(name, limit=80)) for name in listed[:10])
            names += f" and {len(listed) - 10} more" if len(listed) > 10 else ""
            hint = f"service {service!r}" + (f"; the answer names {names}" if listed else "")
        super().__init__(operation, status, body=body, request_id=request_id, hint=hint)


class BotUserConflictError(ApiError):
    """409 on login: the user is the agent of a running bot. Never retried."""

    explanation = (
        "login refused: this user is the agent of a running Third-Party Bots bot; "
        "use a user dedicated to the Public API (never retried)"
    )


class RateLimitError(ApiError):
    """429: too many requests (raised once retries, if allowed, ran out)."""

    explanation = "too many requests"


class ServerError(ApiError):
    """500-599 (raised once retries, if allowed, ran out)."""

    explanation = "server error"


class UnexpectedStatusError(ApiError):
    """Any other status but 200: 1xx, another 2xx, a 3xx (a redirect is never followed)."""

    explanation = "a status the contract does not document"


class InvalidResponseError(ApiError):
    """A 200 whose body does not fit the contract, or an answer over the size limit."""

    explanation = "the answer does not match the contract"


class SessionContentionError(LptpbError):
    """Another consumer of the same user keeps logging this client out.

    LivePerson keeps one session per user; two consumers logging in as the same user
    invalidate each other's bearer. After ``relogins`` re-logins within ``window`` seconds the
    client stops instead of looping. Processes that share a session store count together and
    never cause this among themselves (``shared`` is then true): the consumer is outside the
    store. Give each consumer its own Public API user, or share one store between them.
    """

    def __init__(self, account_id: str, relogins: int, window: float, shared: bool = False) -> None:
        self.account_id = account_id
        self.relogins = relogins
        self.window = window
        self.shared = shared
        who = (
            "a consumer outside the shared session store is using the same user"
            if shared
            else "another consumer of the same user is logging this client out (processes of "
            "one user should share a session store)"
        )
        super().__init__(
            f"account {account_id}: the session was invalidated {relogins} times within "
            f"{window:g}s; {who}"
        )


class SessionStoreError(LptpbError):
    """The shared session store (a file, Redis) could not be used when a login was needed.

    Calls with a valid bearer never consult the store, so they go on; only a login (at
    start-up, or after a 401) needs it. ``store`` names the store, without any password.
    """

    def __init__(self, store: str, message: str) -> None:
        self.store = store
        super().__init__(f"session store {store}: {message}")


class TransportError(LptpbError):
    """The request failed below HTTP (DNS, connect, TLS, reset, timeout).

    ``url`` is the URL tried (never with user info), when known; the httpx exception that
    caused it is the ``__cause__``.
    """

    def __init__(self, operation: str, message: str, url: str | None = None) -> None:
        self.operation = operation
        self.url = url
        super().__init__(f"{operation}: {message}")


class RequestTimeoutError(TransportError):
    """A request timed out and was not (or could not safely be) retried."""


@dataclass(frozen=True)
class Reconciliation:
    """What a caller needs to find out whether an uncertain POST took effect.

    List the conversation's commands (newest first) and look for one created at or after
    ``sent_at_ms`` whose ``data.type`` matches: see ``Client.list_commands``.
    """

    account_id: str
    conversation_id: str
    operation: str
    sent_at_ms: int
    ttl: int | None = None


class OutcomeUnknownError(TransportError):
    """A POST may have reached the server (read timeout, reset after sending).

    It was **not** re-sent: the API has no idempotency key and a repeat would reach the
    customer twice. ``reconciliation`` says where to look.
    """

    def __init__(
        self,
        operation: str,
        message: str,
        reconciliation: Reconciliation,
        url: str | None = None,
    ) -> None:
        self.reconciliation = reconciliation
        super().__init__(
            operation,
            f"{message}; the command may or may not have been created and was not re-sent "
            f"(check the commands of conversation {reconciliation.conversation_id})",
            url,
        )


class DeadlineExceededError(LptpbError):
    """The call's overall deadline ran out (attempts, backoff and re-login included)."""

    def __init__(self, operation: str, deadline: float, attempts: int) -> None:
        self.operation = operation
        self.deadline = deadline
        self.attempts = attempts
        super().__init__(
            f"{operation}: deadline of {deadline:g}s exceeded after {attempts} attempt(s)"
        )


class CommandTrackingError(LptpbError):
    """A tracked command did not complete; ``outcome`` holds what was observed."""

    def __init__(self, message: str, outcome: object) -> None:
        self.outcome = outcome
        super().__init__(message)


@dataclass(frozen=True)
class JobProblem:
    """One bad job: ``where`` (``line 7``, or ``job 3`` for jobs given in code), the field
    ``path`` in the job (``body.messages[0].text``, ``operation``; empty for the whole line)
    and what is wrong."""

    where: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.path + ': ' if self.path else ''}{self.message}"


class JobFileError(LptpbError, ValueError):
    """Jobs of a bulk run that cannot be sent; ``problems`` lists every one. Nothing was sent.

    The message names the source and lists each problem on its own line::

        jobs.jsonl: 2 bad jobs; nothing was sent
          line 3: operation: unknown operation 'sendMesages' (did you mean sendMessages?); ...
          line 9: body.messages[0]: ...
    """

    def __init__(self, source: str, problems: list[JobProblem]) -> None:
        self.source = source
        self.problems = problems
        count = len(problems)
        lines = "".join(f"\n  {problem}" for problem in problems)
        noun = "bad job" if count == 1 else "bad jobs"
        super().__init__(f"{source}: {count} {noun}; nothing was sent{lines}")


class JournalError(LptpbError):
    """A bulk journal that cannot be used: not a journal, corrupted, of another account,
    already there when a new one was to be made. Nothing was sent. ``path`` names the file."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        super().__init__(f"journal {path}: {message}")


class JournalLockedError(JournalError):
    """The journal is in use by a running batch (``holder`` says which process, if known)."""

    def __init__(self, path: str, holder: str = "") -> None:
        self.holder = holder
        who = f" ({holder})" if holder else ""
        super().__init__(path, f"in use by a running batch{who}; nothing was sent")
