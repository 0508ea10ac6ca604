"""Benchmark the message builder and validate_body against bare pydantic, in one run.

Reports microseconds per call (best of several repeats) for seed 003's full example payload:

- ``baseline``: ``SendMessagesRequest.model_validate(payload)``, bare pydantic on the dict;
- ``build``: the payload written with the builder and typed constructors (the README block);
- ``validate_body(built)``: what the client does right before sending a built model;
- ``validate_body(dict)``: the same payload given as a dict (strict mode plus the limits);

each with its ratio to the baseline measured in the same run (target: build + validate at most
1.5x). It also reports the cost of the 15000-byte check on a carousel of exactly 15000 bytes.
A benchmark, not a test: nothing here asserts a time. Run with ``make bench-builder``.
"""

from __future__ import annotations

import argparse
import sys
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository's examples/

from examples.seed003 import build_seed
from lptpb_ext import Messages, validate_body
from lptpb_ext._limits import MAX_STRUCTURED_CONTENT_BYTES, serialized_size
from lptpb_ext._wire import check_structured
from lptpb_models import SendMessagesRequest, StructuredContent

SPEC = Path(__file__).resolve().parent.parent / "openapi.yaml"


def seed_payload() -> dict[str, Any]:
    """Seed 003's full example, as the contract carries it (``SendMessagesEveryKind``)."""
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    value: dict[str, Any] = spec["components"]["examples"]["SendMessagesEveryKind"]["value"]
    return value


def build_seed_from_dicts(payload: dict[str, Any]) -> SendMessagesRequest:
    """The same payload with the builder's steps, structured content given as dicts."""
    quick, card = payload["messages"][2], payload["messages"][4]
    return (
        Messages()
        .context(intent_id="testId", intent_name="test", confidence=1)
        .text("Hi I am a text message")
        .pause(4, typing=True)
        .structured(
            quick["structuredContent"],
            metadata=quick["metadata"],
            encoded_metadata=b"Hello World!",
        )
        .private("this is a private message")
        .structured(
            card["structuredContent"],
            metadata=card["metadata"],
            encoded_metadata=b"Hello World!",
        )
        .build()
    )


def carousel_of_limit() -> dict[str, Any]:
    """A two-card carousel whose compact JSON is exactly the 15000-byte limit."""
    value: dict[str, Any] = {"type": "carousel", "elements": []}
    empty = serialized_size({"type": "carousel", "elements": [{"type": "text", "text": ""}] * 2})
    room = MAX_STRUCTURED_CONTENT_BYTES - empty
    texts = ["é" * (room // 4), "é" * (room // 4)]
    rest = MAX_STRUCTURED_CONTENT_BYTES - serialized_size(
        {"type": "carousel", "elements": [{"type": "text", "text": t} for t in texts]}
    )
    texts[0] += "x" * rest
    value["elements"] = [{"type": "text", "text": t} for t in texts]
    assert serialized_size(value) == MAX_STRUCTURED_CONTENT_BYTES  # noqa: S101 - a setup check
    return value


def micros(func: Callable[[], object], number: int, repeat: int) -> float:
    return min(timeit.repeat(func, number=number, repeat=repeat)) / number * 1e6


def measure(number: int = 2000, repeat: int = 7) -> dict[str, float]:
    """Every figure of this benchmark, in microseconds per call (best of ``repeat``).

    Keys: ``baseline``, ``build``, ``validate_built``, ``build_validate``, ``dict_build``,
    ``validate_dict``, ``carousel_validate``, ``size_model``, ``size_raw``; ``ratio`` is
    ``build_validate / baseline``. ``scripts/bench.py`` reports these in its table.
    """
    n, r = number, repeat
    payload = seed_payload()
    built = build_seed()
    base = micros(lambda: SendMessagesRequest.model_validate(payload), n, r)
    build = micros(build_seed, n, r)
    again = micros(lambda: validate_body(SendMessagesRequest, built), n, r)
    as_dict = micros(lambda: validate_body(SendMessagesRequest, payload), n, r)
    dict_build = micros(lambda: build_seed_from_dicts(payload), n, r)

    carousel = carousel_of_limit()
    model = StructuredContent.model_validate(carousel)
    keys = ("messages", 0, "structuredContent")
    small = n // 10 or 1
    return {
        "baseline": base,
        "build": build,
        "validate_built": again,
        "build_validate": build + again,
        "ratio": (build + again) / base,
        "dict_build": dict_build,
        "validate_dict": as_dict,
        "carousel_validate": micros(lambda: StructuredContent.model_validate(carousel), small, r),
        "size_model": micros(lambda: check_structured(keys, model), small, r),
        "size_raw": micros(lambda: check_structured(keys, model, carousel), small, r),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--number", type=int, default=2000, help="calls per repeat")
    parser.add_argument("--repeat", type=int, default=7, help="repeats; the best one counts")
    args = parser.parse_args()

    payload = seed_payload()
    same = build_seed().model_dump(mode="json", by_alias=True, exclude_unset=True) == {
        **payload,
        "context": {**payload["context"], "confidenceScore": 1.0},
    }
    f = measure(args.number, args.repeat)
    base = f["baseline"]

    def row(label: str, value: float, ratio: bool = True) -> None:
        shown = f"{value / base:5.2f}x" if ratio else ""
        print(f"  {label:<52}{value:8.2f} us  {shown}")

    print(f"seed 003 payload (builder output equals it: {same})")
    row("baseline: SendMessagesRequest.model_validate(dict)", base)
    row("build: builder with typed constructors", f["build"])
    row("validate_body(built model), as the client does", f["validate_built"])
    row("build + validate (target <= 1.5x)", f["build_validate"])
    row("build with dict content (one check per message)", f["dict_build"])
    row("validate_body(the payload as a dict)", f["validate_dict"])
    print(f"15000-byte carousel ({MAX_STRUCTURED_CONTENT_BYTES} bytes of compact UTF-8 JSON)")
    row("pydantic model_validate of it", f["carousel_validate"], ratio=False)
    row("size check of the model (dump + encode + count)", f["size_model"], ratio=False)
    row("size check given its data too (encode, then as above)", f["size_raw"], ratio=False)


if __name__ == "__main__":
    main()
