"""The one way every typed constructor makes a model: drop unset fields, validate strictly.

Constructors (``sc.button``, ``meta.external_id``, ``sde.cart``...) build a dict in the API's
spelling and pass it here. The result is a generated pydantic model, checked in full and
remembered, so putting it into a message or a request later costs nothing more.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from lptpb_ext._errors import RequestValidationError
from lptpb_ext._validation import adopt, remember, strict_model

__all__ = ["make", "present"]

M = TypeVar("M", bound=BaseModel)


def present(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The fields that were given (not None), models made elsewhere turned into data."""
    return {k: adopt(v) for k, v in fields.items() if v is not None}


def make(
    model_type: type[M], what: str, fields: Mapping[str, Any], extra: Mapping[str, Any] | None
) -> M:
    """``model_type`` from ``fields`` (None means unset) plus ``extra`` raw API fields.

    ``extra`` carries any field the constructor does not name, in the API's spelling
    (``{"tagVersion": "2"}``); it may not repeat a named one. A problem raises
    :class:`~lptpb_ext.RequestValidationError` whose path is relative to the element and whose
    message starts with ``what``.
    """
    data = present(fields)
    if extra:
        clash = sorted(set(extra) & set(data))
        if clash:
            raise RequestValidationError(
                clash[0], "duplicate", f"{what}: given both as an argument and in extra"
            )
        data.update(extra)
    try:
        return remember(model_type.model_validate(data, strict=True))
    except ValidationError:
        pass  # the slow path below explains the problem (or converts a list to a tuple)
    try:
        return remember(strict_model(model_type, data))
    except RequestValidationError as exc:
        raise RequestValidationError(exc.path, exc.rule, f"{what}: {exc.detail}") from None
