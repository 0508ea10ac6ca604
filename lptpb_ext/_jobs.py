"""The jobs of a bulk run: what one line of a JSONL file asks for, checked before anything is sent.

A job is one command on one conversation::

    {"conversation": "c-1", "operation": "sendMessages", "body": {"messages": ["Hi"]}, "ttl": 60}
    {"conversation": "c-2", "operation": "transferConversation", "body": {"skill": "human"}}
    {"conversation": "c-3", "operation": "closeConversation"}

Fields: ``conversation`` (required), ``operation`` (required: an operationId of the contract,
or the client's method name, see :data:`OPERATIONS`), ``body`` (the request body in the API's
spelling; ``{}`` when omitted), ``ttl`` (seconds, 10 to 120; not for ``joinConversation`` and
``removeAgent``, which take none), ``deadline`` (seconds after the batch was created, or an
ISO 8601 time with a zone: the job is not sent after it) and ``id`` (your reference, unique in
the file). Any other field is an error, so a typo is never silently ignored.

:func:`read_jobs` checks the whole file and raises :class:`~lptpb_ext.JobFileError` listing
every bad line with its number and the field path (``line 7: body.messages[0].text: ...``);
:func:`prepare` does the same for :class:`Job` objects built in code. A checked job keeps the
exact bytes that will be sent (:class:`Prepared`), which is what the journal stores.
"""

from __future__ import annotations

import difflib
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from lptpb_ext._engine import Call, dump
from lptpb_ext._errors import JobFileError, JobProblem, RequestValidationError
from lptpb_ext._operations import check_id
from lptpb_ext._validation import validate_body, validate_ttl
from lptpb_models import (
    CloseConversationRequest,
    JoinConversationRequest,
    RemoveAgentRequest,
    SendMessagesRequest,
    SetSdesRequest,
    SetTtrRequest,
    TransferRequest,
)

__all__ = [
    "FIELDS",
    "OPERATIONS",
    "Job",
    "Operation",
    "Prepared",
    "body_json",
    "call_for",
    "prepare",
    "read_jobs",
]


@dataclass(frozen=True)
class Operation:
    """A command operation a job may name.

    ``command_type`` is the ``data.type`` its commands show in the command list: documented
    for ``messages`` and ``sdes``; for the others it is what the simulator shows (the
    documentation is silent), and reconciliation treats it as a hint only.
    """

    operation_id: str
    method: str
    model: type[BaseModel]
    has_ttl: bool
    command_type: str
    documented_type: bool


OPERATIONS: dict[str, Operation] = {
    op.operation_id: op
    for op in (
        Operation("sendMessages", "send_messages", SendMessagesRequest, True, "messages", True),
        Operation("transferConversation", "transfer", TransferRequest, True, "transfer", False),
        Operation(
            "closeConversation",
            "close_conversation",
            CloseConversationRequest,
            True,
            "close",
            False,
        ),
        Operation("setSdes", "set_sdes", SetSdesRequest, True, "sdes", True),
        Operation("setTtr", "set_ttr", SetTtrRequest, True, "ttr", False),
        Operation(
            "joinConversation",
            "join_conversation",
            JoinConversationRequest,
            False,
            "joinConversation",
            False,
        ),
        Operation("removeAgent", "remove_agent", RemoveAgentRequest, False, "removeAgent", False),
    )
}
_BY_NAME = {**{op.method: op for op in OPERATIONS.values()}, **OPERATIONS}
#: The fields a JSONL line may have.
FIELDS = ("conversation", "operation", "body", "ttl", "deadline", "id")
_REQUIRED = ("conversation", "operation")


@dataclass(frozen=True)
class Job:
    """One command to send: ``operation`` on ``conversation_id`` with ``body``.

    ``operation`` is an operationId (``sendMessages``) or a client method name
    (``send_messages``); ``body`` a mapping in the API's spelling or a request model;
    ``deadline`` seconds after the batch is created (the job is not sent later);
    ``ref`` your own reference; ``line`` the line of the file it came from, if any.
    """

    conversation_id: str
    operation: str
    body: Mapping[str, Any] | BaseModel = field(default_factory=dict)
    ttl: int | None = None
    deadline: float | None = None
    ref: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class Prepared:
    """A checked job: the exact bytes that will be sent, and when it may still be sent."""

    conversation_id: str
    operation: str
    body: bytes
    ttl: int | None
    deadline_ms: int | None
    ref: str | None
    line: int | None


def call_for(operation: str, conversation_id: str, body: bytes, ttl: int | None) -> Call:
    """The :class:`Call` that sends ``body`` exactly as journaled."""
    ids = (conversation_id,)
    return Call(operation, "command", ids, body, ttl=ttl, conversation_id=conversation_id)


def _where(job: Job, index: int) -> str:
    return f"line {job.line}" if job.line is not None else f"job {index + 1}"


def _operation(name: object) -> Operation:
    if not isinstance(name, str) or not name:
        raise RequestValidationError("operation", "type", "must be a non-empty string")
    found = _BY_NAME.get(name)
    if found is None:
        names = list(OPERATIONS)
        close = difflib.get_close_matches(name, list(_BY_NAME), n=1)
        hint = f" (did you mean {_BY_NAME[close[0]].operation_id}?)" if close else ""
        shown = name if len(name) <= 60 else name[:59] + "…"
        raise RequestValidationError(
            "operation", "enum", f"unknown operation {shown!r}{hint}; one of {', '.join(names)}"
        )
    return found


def _deadline_ms(value: object, created_ms: int) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise RequestValidationError(
            "deadline", "type", "must be seconds after the batch starts or an ISO 8601 time"
        )
    if isinstance(value, str):
        try:
            when = datetime.fromisoformat(value)
        except ValueError:
            raise RequestValidationError(
                "deadline", "format", "is not an ISO 8601 time (2026-01-31T12:00:00Z)"
            ) from None
        if when.tzinfo is None:
            raise RequestValidationError("deadline", "format", "needs a time zone (Z or +01:00)")
        return int(when.timestamp() * 1000)
    if not math.isfinite(value) or value <= 0:
        raise RequestValidationError("deadline", "minimum", "must be a positive number of seconds")
    return created_ms + int(value * 1000)


def _prepare_one(job: Job, created_ms: int) -> Prepared:
    op = _operation(job.operation)
    conversation = check_id("conversation", job.conversation_id)
    try:
        model = validate_body(op.model, job.body)
    except RequestValidationError as error:
        path = f"body.{error.path}" if error.path else "body"
        raise RequestValidationError(path, error.rule, error.detail) from None
    ttl = job.ttl
    if ttl is not None:
        if not op.has_ttl:
            raise RequestValidationError(
                "ttl", "unsupported", f"{op.operation_id} takes no ttl (the API has none for it)"
            )
        ttl = validate_ttl(ttl)
    if job.ref is not None and not isinstance(job.ref, str):
        raise RequestValidationError("id", "type", "must be a string")
    return Prepared(
        conversation_id=conversation,
        operation=op.operation_id,
        body=dump(model),
        ttl=ttl,
        deadline_ms=_deadline_ms(job.deadline, created_ms),
        ref=job.ref,
        line=job.line,
    )


def _prepare_all(jobs: Iterable[Job], created_ms: int) -> tuple[list[Prepared], list[JobProblem]]:
    out: list[Prepared] = []
    problems: list[JobProblem] = []
    refs: dict[str, str] = {}
    for index, job in enumerate(jobs):
        where = _where(job, index)
        try:
            prepared = _prepare_one(job, created_ms)
        except RequestValidationError as error:
            problems.append(JobProblem(where, error.path, error.detail))
            continue
        if prepared.ref is not None:
            if prepared.ref in refs:
                message = f"{prepared.ref!r} is also the id of {refs[prepared.ref]}"
                problems.append(JobProblem(where, "id", message))
                continue
            refs[prepared.ref] = where
        out.append(prepared)
    return out, problems


def prepare(jobs: Iterable[Job], created_ms: int, *, source: str = "jobs") -> list[Prepared]:
    """Every job checked, or :class:`~lptpb_ext.JobFileError` listing every bad one."""
    out, problems = _prepare_all(jobs, created_ms)
    if not problems and not out:
        problems.append(JobProblem(source, "", "there are no jobs"))
    if problems:
        raise JobFileError(source, problems)
    return out


def _job_of_line(number: int, text: str) -> Job:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        message = f"is not JSON: {error.msg} (column {error.colno})"
        raise RequestValidationError("", "json", message) from None
    except RecursionError:
        raise RequestValidationError("", "json", "nests too deeply") from None
    if not isinstance(data, dict):
        message = f"must be a JSON object, not {type(data).__name__}"
        raise RequestValidationError("", "type", message)
    unknown = [key for key in data if key not in FIELDS]
    if unknown:
        shown = ", ".join(repr(key[:40]) for key in unknown[:5])
        message = f"unknown field(s) {shown}; allowed: {', '.join(FIELDS)}"
        raise RequestValidationError(unknown[0][:40], "additionalProperties", message)
    for name in _REQUIRED:
        if name not in data:
            raise RequestValidationError(name, "required", "is required")
    body = data.get("body", {})
    if not isinstance(body, dict):
        raise RequestValidationError("body", "type", "must be a JSON object")
    ref = data.get("id")
    if ref is not None and not isinstance(ref, str):
        raise RequestValidationError("id", "type", "must be a string")
    return Job(
        conversation_id=data["conversation"],
        operation=data["operation"],
        body=body,
        ttl=data.get("ttl"),
        deadline=data.get("deadline"),
        ref=ref,
        line=number,
    )


def _parse(path: str | Path) -> tuple[list[Job], list[JobProblem]]:
    source = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        return [], [JobProblem(source, "", f"cannot be read: {error.strerror or error}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        bad = raw[: error.start].count(b"\n") + 1
        return [], [JobProblem(f"line {bad}", "", "is not UTF-8")]
    jobs: list[Job] = []
    problems: list[JobProblem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            jobs.append(_job_of_line(number, line))
        except RequestValidationError as error:
            problems.append(JobProblem(f"line {number}", error.path, error.detail))
    return jobs, problems


def read_jobs(path: str | Path, created_ms: int) -> list[Prepared]:
    """Every job of a JSONL file (blank lines skipped), checked in full before anything is sent.

    Raises :class:`~lptpb_ext.JobFileError` listing every bad line, in order, with its number
    and the field path: bad JSON, unknown or missing fields, an unknown operation, a body,
    id or ``ttl`` the contract refuses, a duplicate ``id``. ``created_ms`` is the batch's
    start (epoch milliseconds), from which relative deadlines count.
    """
    source = str(path)
    jobs, problems = _parse(path)
    prepared, more = _prepare_all(jobs, created_ms)
    problems = sorted([*problems, *more], key=_line_number)
    if not problems and not prepared:
        problems.append(JobProblem(source, "", "there are no jobs"))
    if problems:
        raise JobFileError(source, problems)
    return prepared


def _line_number(problem: JobProblem) -> int:
    where = problem.where
    return int(where.rsplit(" ", 1)[-1]) if where.startswith("line ") else 0


def body_json(body: bytes) -> dict[str, Any]:
    """A journaled body as JSON (it was made by :func:`prepare`, so it is an object)."""
    value = json.loads(body)
    if not isinstance(value, dict):
        raise ValueError("a journaled body is not a JSON object")
    return value
