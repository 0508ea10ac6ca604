"""How the typed constructors make their values.

Structured-content and metadata constructors (``sc.button``, ``meta.external_id``...) return
the element's JSON: a plain dict in the API's spelling, made by :func:`json_value`. It is validated,
in strict mode and with the API's limits, when it joins a message (``Messages.structured``),
where a mistake is reported with its full path in the batch
(``messages[2].structuredContent.elements[0].title``). Validating once per message, instead of
once per constructor, is what keeps the builder near the cost of validating the same payload
as a dict (``make bench-builder``).

SDE constructors (``sde.cart``...) return the generated pydantic model, validated at once by
:func:`make`: an SDE is one command's whole body, not a part of a larger one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from lptpb_ext._errors import RequestValidationError
from lptpb_ext._validation import adopt, remember, strict_model

__all__ = ["json_value", "make", "present"]

M = TypeVar("M", bound=BaseModel)


def present(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The fields that were given (not None), models made elsewhere turned into data."""
    return {k: adopt(v) for k, v in fields.items() if v is not None}


def _merge(what: str, found: dict[str, Any], extra: Mapping[str, Any]) -> None:
    clash = sorted(set(extra) & set(found))
    if clash:
        raise RequestValidationError(
            clash[0], "duplicate", f"{what}: given both as an argument and in extra"
        )
    found.update(extra)


def json_value(
    what: str, fields: Mapping[str, Any], extra: Mapping[str, Any] | None
) -> dict[str, Any]:
    """The JSON of one element: ``fields`` that were given (None means unset) plus ``extra``.

    ``extra`` carries any field the constructor does not name, in the API's spelling
    (``{"tagVersion": "2"}``); it may not repeat a named one (``what`` names the element in
    that error). A pydantic model among the fields becomes its data, so it is validated like
    any input when the element joins a message.
    """
    found = {
        k: adopt(v) if isinstance(v, (BaseModel, list)) else v
        for k, v in fields.items()
        if v is not None
    }
    if extra:
        _merge(what, found, extra)
    return found


def make(
    model_type: type[M], what: str, fields: Mapping[str, Any], extra: Mapping[str, Any] | None
) -> M:
    """``model_type`` from ``fields`` (None means unset) plus ``extra`` raw API fields.

    A problem raises :class:`~lptpb_ext.RequestValidationError` whose path is relative to the
    value and whose message starts with ``what``.
    """
    found = present(fields)
    if extra:
        _merge(what, found, extra)
    try:
        return remember(model_type.model_validate(found, strict=True))
    except ValidationError:
        pass  # the slow path below explains the problem (or converts a list to a tuple)
    try:
        return remember(strict_model(model_type, found))
    except RequestValidationError as exc:
        raise RequestValidationError(exc.path, exc.rule, f"{what}: {exc.detail}") from None
