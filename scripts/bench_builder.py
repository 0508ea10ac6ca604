"""Benchmark the message builder and validate_body against bare pydantic, in one run.

Reports microseconds per call for seed 003's full example payload, every figure timed in
blocks interleaved with the baseline's (round by round, the order alternating), so a busy
machine slows both alike; each figure is the median over the rounds, each ratio the median of
the rounds' own ratios:

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
import statistics
import sys
import time
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
    """Microseconds per call, the median of ``repeat`` blocks of ``number`` calls."""
    return statistics.median(timeit.repeat(func, number=number, repeat=repeat)) / number * 1e6


def contenders() -> dict[str, Callable[[], object]]:
    """What is timed, each a call on seed 003's payload: ``baseline`` (bare pydantic on the
    dict), ``build_validate`` (the builder, then ``validate_body`` as the client does before
    sending), and the parts and variants of it."""
    payload = seed_payload()
    built = build_seed()
    return {
        "baseline": lambda: SendMessagesRequest.model_validate(payload),
        "build_validate": lambda: validate_body(SendMessagesRequest, build_seed()),
        "build": build_seed,
        "validate_built": lambda: validate_body(SendMessagesRequest, built),
        "validate_dict": lambda: validate_body(SendMessagesRequest, payload),
        "dict_build": lambda: build_seed_from_dicts(payload),
    }


def size_check(raw: bool = False) -> Callable[[], object]:
    """The exact 15000-byte check of a carousel of exactly that size (given its data too)."""
    carousel = carousel_of_limit()
    model = StructuredContent.model_validate(carousel)
    keys = ("messages", 0, "structuredContent")
    if raw:
        return lambda: check_structured(keys, model, carousel)
    return lambda: check_structured(keys, model)


def interleaved(
    calls: dict[str, Callable[[], object]], number: int, rounds: int
) -> dict[str, list[float]]:
    """Microseconds per call of each, per round; each round times a block of ``number`` calls
    of every one of them, the order rotating from round to round."""
    names = list(calls)
    times: dict[str, list[float]] = {name: [] for name in names}
    for index in range(rounds):
        shift = index % len(names)
        for name in names[shift:] + names[:shift]:
            timer = timeit.Timer(calls[name], timer=time.process_time)  # CPU: not others' work
            times[name].append(timer.timeit(number=number) / number * 1e6)
    return times


def measure(number: int = 500, rounds: int = 15) -> dict[str, float]:
    """Every figure of this benchmark, in microseconds per call (medians over ``rounds``
    interleaved rounds of ``number`` calls each).

    Keys: ``baseline``, ``build``, ``validate_built``, ``build_validate``, ``dict_build``,
    ``validate_dict``, ``carousel_validate``, ``size_model``, ``size_raw``; ``ratio`` is the
    median of the rounds' ``build_validate / baseline``, ``ratio_low``/``ratio_high`` their range.
    """
    times = interleaved(contenders(), number, rounds)
    ratios = [b / a for b, a in zip(times["build_validate"], times["baseline"], strict=True)]
    figures = {name: statistics.median(values) for name, values in times.items()}
    carousel = carousel_of_limit()
    small = number // 10 or 1
    return {
        **figures,
        "ratio": statistics.median(ratios),
        "ratio_low": min(ratios),
        "ratio_high": max(ratios),
        "carousel_validate": micros(
            lambda: StructuredContent.model_validate(carousel), small, rounds
        ),
        "size_model": micros(size_check(), small, rounds),
        "size_raw": micros(size_check(raw=True), small, rounds),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--number", type=int, default=500, help="calls per block")
    parser.add_argument("--rounds", type=int, default=15, help="interleaved rounds")
    args = parser.parse_args()

    payload = seed_payload()
    same = build_seed().model_dump(mode="json", by_alias=True, exclude_unset=True) == {
        **payload,
        "context": {**payload["context"], "confidenceScore": 1.0},
    }
    f = measure(args.number, args.rounds)
    base = f["baseline"]

    def row(label: str, value: float, ratio: bool = True) -> None:
        shown = f"{value / base:5.2f}x" if ratio else ""
        print(f"  {label:<52}{value:8.2f} us  {shown}")

    print(f"seed 003 payload (builder output equals it: {same})")
    row("baseline: SendMessagesRequest.model_validate(dict)", base)
    row("build: builder with typed constructors", f["build"])
    row("validate_body(built model), as the client does", f["validate_built"])
    row("build + validate (target <= 1.5x)", f["build_validate"])
    print(f"  {'  paired ratio, round by round':<52}{f['ratio']:5.2f}x "
          f"({f['ratio_low']:.2f} to {f['ratio_high']:.2f})")  # fmt: skip
    row("build with dict content (one check per message)", f["dict_build"])
    row("validate_body(the payload as a dict)", f["validate_dict"])
    print(f"15000-byte carousel ({MAX_STRUCTURED_CONTENT_BYTES} bytes of compact UTF-8 JSON)")
    row("pydantic model_validate of it", f["carousel_validate"], ratio=False)
    row("size check of the model (dump + encode + count)", f["size_model"], ratio=False)
    row("size check given its data too (encode, then as above)", f["size_raw"], ratio=False)


if __name__ == "__main__":
    main()
