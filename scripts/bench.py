"""The benchmark suite (``make bench``): the SDK against the floor and against a peer, side by side.

Every measurement pairs its contenders: each round runs all of them once, in an order that
rotates from round to round, so a machine busy with other work slows all of them alike; each
ratio is the median of the ratios *of the same round*, reported with their range (the
"paired range" column). A failed request is counted and reported, never fatal; a row that
cannot run at all is reported as such and the suite goes on. Nothing here asserts a time.

1. **Per-call overhead**, sync, in process (``httpx.MockTransport`` answering at once with the
   contract's 200 ``CommandAccepted``), against a bare ``httpx.Client.post`` of the same JSON:
   ``Client.send_messages`` given a prebuilt, validated model; given **a new dict body per
   call** (what apps do), of 1 text, 50 texts and 15 kB of structured content (bare httpx
   then posts the same dict with ``json=``); the generated raw client; openai-python's generic
   ``client.post`` as a peer; and the floor, ``h11`` by hand with no HTTP library around it.
2. **Async throughput** over loopback against the simulator (uvicorn, pinned to one core,
   this process on the other) with 64, 256 and 1024 sends in flight, every contender on a
   warm pool of 64 connections (all opened before the timed rounds; more sends in flight wait
   for a connection): ``AsyncClient`` against a bare ``httpx.AsyncClient`` posting the same
   bytes, and the floor, raw sockets with hand-written HTTP/1.1.
3. **Re-login storm**: 300 sends in flight over loopback HTTP (the simulator, httpx's default
   pool) when the session is taken over; the time until all 300 are accepted and how many
   re-logins it took (against the same 300 sends with no takeover).
4. **Builder**: ``scripts/bench_builder.py``'s build + validate of seed 003's payload against a
   bare pydantic ``model_validate``, timed in interleaved blocks.
5. **Import time** of ``lptpb_ext`` in a virtual environment holding only the runtime
   dependencies (``build/bench/runtime-venv``, the project installed from a fresh wheel),
   against ``import httpx`` there.
6. **Memory**: peak RSS of a fresh process while 10000 commands are sent and tracked to
   completion at once (``wait_for_command``), over its RSS after imports; bare httpx doing the
   same polling beside it.
7. **``make generate``** wall time (the working tree is checked unchanged afterwards).
8. **Per-call overhead with ``RedisSessionStore``** (a real redis-server on a unix socket)
   against the default in-process store: the hot path never touches the store.
9. **Re-login storm across 8 processes** (``scripts/fleet.py``, a file store): the session taken
   over once while every process sends; re-logins it took, failed sends, duplicates.
10. **The simulator** on one core: ``sendMessages`` per second of its CPU time, driven by the
    raw-socket floor client, and its memory over the run.
11. **Bulk runs**: ``scripts/bench_bulk.py``'s 1000 jobs at concurrency 32, ``Batch`` with its
    journal on against a bare ``asyncio.gather`` loop over ``AsyncClient``: throughput ratio
    and requests per settled command.

It prints the table and writes ``docs/benchmarks.md``, ``docs/benchmarks.png`` and the block
between the ``bench:begin``/``bench:end`` markers in ``README.md``. A missed target is reported
as missed. Nothing leaves the machine except the package installs of row 5 (PyPI, cached by
uv); every server binds 127.0.0.1, and the simulator of rows 2 and 10 stops when this process
closes its stdin (or dies), never on a timer.

Usage::

    python scripts/bench.py [--quick] [--only 1,3] [--no-write]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import timeit
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import h11
import httpcore
import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # the repository's examples/, for bench_builder

from lptpb_ext import (  # noqa: E402 - after the path set-up above
    AsyncClient,
    Bearer,
    Client,
    SessionPool,
    UserPassword,
    validate_body,
)
from lptpb_models import SendMessagesRequest  # noqa: E402

ACCOUNT = "12345678"
CONVERSATION = "2312ed0e-662e-4c94-9022-f0991058b4a4"
USER = UserPassword("someuser", "123456")  # the simulator's seeded user
BASE = "https://bot-platform-api.fs.liveperson.com"
PATH = f"/api/v1/account/{ACCOUNT}/conversation/{CONVERSATION}/messages"
BATCH = {"messages": ["Hello from the benchmark"]}
BEARER = "bench-bearer-0"
JSON = "application/json"
TIMES = "\N{MULTIPLICATION SIGN}"
DASH = "\N{EN DASH}"

DOCS = REPO / "docs"
README = REPO / "README.md"
MARK_BEGIN = "<!-- bench:begin (written by `make bench`; edit scripts/bench.py instead) -->"
MARK_END = "<!-- bench:end -->"
WORK = REPO / "build" / "bench"


# ---------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Row:
    """One line of the table. ``ratio`` is ours over the reference (see ``higher_is_better``),
    the median of the paired rounds' ratios; ``spread`` their lowest and highest."""

    key: str
    what: str
    ours: str
    reference: str
    ratio: float | None
    target: str = "no target"
    met: bool | None = None  # None: no target, or a reference line
    target_ratio: float | None = None  # where the target is a ratio, for the chart
    higher_is_better: bool = False
    spread: tuple[float, float] | None = None


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Paired:
    """Ratios of paired rounds: their median and range."""

    ratios: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.ratios)

    @property
    def spread(self) -> tuple[float, float]:
        return min(self.ratios), max(self.ratios)


def paired(ours: Iterable[float], reference: Iterable[float]) -> Paired:
    """Round by round ``ours / reference``."""
    return Paired(tuple(o / r for o, r in zip(ours, reference, strict=True)))


def verdict(row: Row) -> str:
    if row.met is None:
        return "—"
    return "met" if row.met else "**missed**"


def fmt_ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}{TIMES}"


def fmt_spread(spread: tuple[float, float] | None) -> str:
    return "—" if spread is None else f"{spread[0]:.2f}{DASH}{spread[1]:.2f}{TIMES}"


def render_table(rows: list[Row]) -> str:
    """The results as a markdown table, one line per row, with the verdict last."""
    lines = [
        "| # | measurement | lptpb | reference | ratio | paired range | target | verdict |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        cells = (
            row.key, row.what, row.ours, row.reference, fmt_ratio(row.ratio),
            fmt_spread(row.spread), row.target, verdict(row),
        )  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    versions = {}
    for name in ("httpx", "pydantic", "openai", "lptpb"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    commit = _git("rev-parse", "--short", "HEAD") or "unknown"
    if _git("status", "--porcelain", "--untracked-files=no"):
        commit += " with uncommitted changes"
    load = (
        ", ".join(f"{value:.1f}" for value in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    )
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "os": f"{platform.system()} {platform.release()} {platform.machine()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "packages": ", ".join(f"{name} {version}" for name, version in versions.items()),
        "commit": commit,
        "load": load,
    }


def render_block(report: Report, where: dict[str, str], total: float) -> str:
    """What ``docs/benchmarks.md`` and the README show: the machine, the table, the notes."""
    load = f" Load average at the end: {where['load']}." if where.get("load") else ""
    out = [
        f"Measured {where['date']} on {where['cpu']}, {where['cores']} cores, {where['os']}, "
        f"{where['python']}; {where['packages']}; commit {where['commit']}. "
        f"`make bench` took {total:.0f} s.{load}",
        "",
        render_table(report.rows),
    ]
    if report.notes:
        out += ["", *(f"- {note}" for note in report.notes)]
    return "\n".join(out)


def render_markdown(block: str) -> str:
    return "\n".join(
        [
            "# Benchmarks",
            "",
            "Written by `make bench` (`scripts/bench.py`); do not edit by hand. Contenders run in",
            "paired rounds, their order rotating; each ratio is the median of the rounds' own",
            "ratios, with their range beside it. Ratios are lptpb over the reference: lower is",
            "better, except throughput. Failed requests are counted, not fatal.",
            "",
            block,
            "",
            "![ratios against their targets](benchmarks.png)",
            "",
        ]
    )


def replace_block(text: str, block: str) -> str:
    """``text`` with what lies between the bench markers replaced by ``block``."""
    start = text.index(MARK_BEGIN) + len(MARK_BEGIN)
    end = text.index(MARK_END, start)
    return text[:start] + "\n" + block + "\n" + text[end:]


def plot(rows: list[Row], path: Path) -> None:
    """A bar per ratio, log scale, coloured by verdict, with the target where there is one and
    the paired range as a whisker."""
    import matplotlib  # noqa: PLC0415 - only the bench draws, and only here

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    shown = [row for row in rows if row.ratio is not None]
    labels = [
        f"{row.key} {row.what.replace('`', '')}"
        + (" (higher is better)" if row.higher_is_better else "")
        + (f" (target: {row.target})" if row.met is not None and row.target_ratio is None else "")
        for row in shown
    ]
    colours = [
        "#9e9e9e" if row.met is None else ("#2e7d32" if row.met else "#c62828") for row in shown
    ]
    figure, axes = plt.subplots(figsize=(12, 0.45 * len(shown) + 1.6))
    positions = list(range(len(shown)))[::-1]
    values = [row.ratio or 1.0 for row in shown]
    axes.barh(positions, [value - 1.0 for value in values], left=1.0, color=colours)
    axes.set_xscale("log")
    axes.axvline(1.0, color="black", linewidth=0.8)
    for position, row, value in zip(positions, shown, values, strict=True):
        right = max(value, row.spread[1]) if row.spread else value
        where = right * 1.04 if right >= 1 else 1.04  # right of the bar, or of the 1x line
        axes.text(where, position, fmt_ratio(value), va="center", fontsize=8)
        if row.spread is not None:
            axes.plot(list(row.spread), [position] * 2, color="#424242", linewidth=1)
        if row.target_ratio is not None:
            axes.plot(
                [row.target_ratio] * 2, [position - 0.4, position + 0.4], color="black",
                linewidth=2.5,
            )  # fmt: skip
    axes.set_yticks(positions, labels, fontsize=7)
    axes.set_xlabel(
        "lptpb / reference (log scale; 1 = same); black tick: target; whisker: paired range"
    )
    axes.set_title("lptpb benchmarks: green met, red missed, grey reference or no target")
    limits = [*values, *(row.target_ratio or 1.0 for row in shown)]
    limits += [bound for row in shown if row.spread for bound in row.spread]
    low, high = min(limits) / 1.8, max(limits) * 1.8
    ticks = [t for t in (0.03125, 0.0625, 0.125, 0.25, 0.5, 1, 2, 4, 8, 16, 32) if low <= t <= high]
    axes.set_xlim(low, high)
    axes.set_xticks(ticks, [f"{t:g}{TIMES}" for t in ticks])
    axes.minorticks_off()
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def median(values: list[float]) -> float:
    return statistics.median(values)


def _git(*args: str) -> str:
    try:
        done = subprocess.run(
            ["git", *args],  # noqa: S607 - git from PATH, fixed arguments
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip()


def time_rounds(
    calls: dict[str, Callable[[], object]], number: int, rounds: int
) -> dict[str, list[float]]:
    """CPU microseconds per call of each contender, per round; each round runs all of them
    (``number`` calls each), starting with a different one every round.

    This process's CPU time (``time.process_time``), not the wall clock: everything here runs
    in this process, and time the machine gives to other work is not counted against it.
    """
    names = list(calls)
    times: dict[str, list[float]] = {name: [] for name in names}
    for index in range(rounds):
        shift = index % len(names)
        for name in names[shift:] + names[:shift]:
            seconds = timeit.Timer(calls[name], timer=time.process_time).timeit(number=number)
            times[name].append(seconds / number * 1e6)
    return times


def failures(counts: Counter[str]) -> str:
    """``"0 failed"`` or ``"3 failed (ReadError 2, PoolTimeout 1)"``."""
    total = sum(counts.values())
    if not total:
        return "0 failed"
    kinds = ", ".join(f"{name} {n}" for name, n in counts.most_common())
    return f"{total} failed ({kinds})"


# ---------------------------------------------------------------------------- 1. per call


def batch_json(body: dict[str, Any]) -> bytes:
    """The JSON the SDK sends for ``body``."""
    model = validate_body(SendMessagesRequest, body)
    return model.model_dump_json(by_alias=True, exclude_unset=True).encode()


def batch_bytes() -> bytes:
    """The JSON the SDK sends for ``BATCH``, for the bare clients to post as it is."""
    return batch_json(BATCH)


ANSWER = json.dumps({"commandId": "4a5b6c7d-bench"}).encode()
CANNED = (
    b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: "
    + str(len(ANSWER)).encode()
    + b"\r\n\r\n"
    + ANSWER
)
FIFTY = tuple(
    f"Message {i} of a batch of fifty, as a support bot might send it." for i in range(50)
)


def one_text() -> dict[str, Any]:
    """A new body of one text, as an app writes it for each send."""
    return {"messages": ["Hello from the benchmark"]}


def fifty_texts() -> dict[str, Any]:
    """A new body of 50 texts."""
    return {"messages": list(FIFTY)}


def _card(index: int, words: str) -> dict[str, Any]:
    return {
        "type": "vertical",
        "elements": [
            {
                "type": "image",
                "url": f"https://images.example.com/catalogue/{index}/large.jpg",
                "caption": f"Product {index}",
                "tooltip": f"Product {index}, seen from the front",
            },
            {"type": "text", "text": f"Product {index}", "tooltip": "name"},
            {"type": "text", "text": words, "tooltip": "description"},
            {
                "type": "button",
                "title": "Details",
                "tooltip": "Open the product page",
                "click": {
                    "actions": [
                        {
                            "type": "link",
                            "name": "Details",
                            "uri": f"https://shop.example.com/product/{index}",
                        }
                    ]
                },
            },
            {
                "type": "button",
                "title": "Add to cart",
                "click": {"actions": [{"type": "publishText", "text": f"add {index}"}]},
            },
        ],
    }


_WORDS = 953  # characters of description per card: the carousel comes to 14995 bytes


def structured_15k() -> dict[str, Any]:
    """A new body of one carousel of 10 cards, just under the 15000-byte limit."""
    words = ("A sturdy product that does what it says. " * 30)[:_WORDS]
    content = {"type": "carousel", "padding": 10, "elements": [_card(i, words) for i in range(10)]}
    return {
        "messages": [
            {"structuredContent": content, "metadata": [{"type": "ExternalId", "id": "cat-1"}]}
        ]
    }


BODIES: dict[str, Callable[[], dict[str, Any]]] = {
    "1 text": one_text,
    "50 texts": fifty_texts,
    "15 kB structured content": structured_15k,
}


class Answering:
    """A MockTransport handler: the contract's 200 ``CommandAccepted`` at once, for any request.

    It keeps the last request (one assignment, the same for every contender) so the run can
    check all contenders sent the same thing.
    """

    def __init__(self) -> None:
        self.last: httpx.Request | None = None

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.last = request
        return httpx.Response(200, content=ANSWER, headers={"Content-Type": JSON})


def h11_post(target: str, headers: list[tuple[str, str]], body: bytes) -> object:
    """The floor: one POST written and its (canned) answer parsed with h11, no HTTP library.

    What httpcore does below httpx, without the socket (MockTransport has none either).
    """
    connection = h11.Connection(h11.CLIENT)
    out = connection.send(h11.Request(method="POST", target=target, headers=headers))
    out += connection.send(h11.Data(data=body))
    out += connection.send(h11.EndOfMessage())
    assert out  # noqa: S101 - the bytes a socket would get
    connection.receive_data(CANNED)
    parts: list[bytes] = []
    while True:
        event = connection.next_event()
        if isinstance(event, h11.Response) and event.status_code != 200:
            raise RuntimeError(f"status {event.status_code}")
        if isinstance(event, h11.Data):
            parts.append(bytes(event.data))
        if isinstance(event, h11.EndOfMessage):
            break
    return json.loads(b"".join(parts))["commandId"]


def contenders_per_call() -> tuple[dict[str, Callable[[], object]], dict[str, Answering]]:
    import openai  # noqa: PLC0415 - a dev-only peer, loaded where it is measured

    from lptpb_client import AuthenticatedClient  # noqa: PLC0415
    from lptpb_client.api.conversation import send_messages as raw_send  # noqa: PLC0415
    from lptpb_client.models import SendMessagesRequest as WireRequest  # noqa: PLC0415

    handlers = {name: Answering() for name in ("lptpb", "raw", "bare", "openai")}

    def mock(name: str) -> httpx.MockTransport:
        return httpx.MockTransport(handlers[name])

    request = validate_body(SendMessagesRequest, BATCH)  # prebuilt and validated
    body = batch_bytes()

    ours = Client(
        ACCOUNT, Bearer(BEARER), base_url=BASE, session_pool=SessionPool(),
        http_client=httpx.Client(transport=mock("lptpb")),
    )  # fmt: skip

    raw = AuthenticatedClient(base_url=BASE, token=BEARER, httpx_args={"transport": mock("raw")})
    wire = WireRequest.from_dict(BATCH)

    bare = httpx.Client(transport=mock("bare"))
    url = f"{BASE}{PATH}?ttl=30"
    headers = {"Authorization": f"Bearer {BEARER}", "Content-Type": JSON, "Accept": JSON}
    floor_headers = [("Host", BASE.split("//")[1]), *headers.items()]
    floor_headers.append(("Content-Length", str(len(body))))

    class Accepted(openai.BaseModel):
        commandId: str  # noqa: N815 - the API's spelling

    peer = openai.OpenAI(
        api_key=BEARER,
        base_url=f"{BASE}/api/v1/account/{ACCOUNT}",
        http_client=httpx.Client(transport=mock("openai")),
    )
    peer_path = f"/conversation/{CONVERSATION}/messages"

    def call_ours() -> object:
        return ours.send_messages(CONVERSATION, request).commandId

    def call_raw() -> object:
        return raw_send.sync_detailed(ACCOUNT, CONVERSATION, client=raw, body=wire).parsed

    def call_bare() -> object:
        response = bare.post(url, content=body, headers=headers)
        response.raise_for_status()
        return response.json()["commandId"]

    def call_peer() -> object:
        options: Any = {"params": {"ttl": 30}}
        return peer.post(peer_path, body=BATCH, cast_to=Accepted, options=options).commandId

    def call_floor() -> object:
        return h11_post(f"{PATH}?ttl=30", floor_headers, body)

    calls: dict[str, Callable[[], object]] = {
        "lptpb": call_ours, "raw": call_raw, "bare": call_bare, "openai": call_peer,
        "floor": call_floor,
    }  # fmt: skip
    return calls, handlers


def contenders_fresh(
    make_body: Callable[[], dict[str, Any]],
) -> tuple[dict[str, Callable[[], object]], dict[str, Answering]]:
    """lptpb and bare httpx, each given a new dict body per call (bare httpx posts it with
    ``json=``, which writes compact JSON as the SDK does)."""
    handlers = {name: Answering() for name in ("lptpb", "bare")}
    ours = Client(
        ACCOUNT, Bearer(BEARER), base_url=BASE, session_pool=SessionPool(),
        http_client=httpx.Client(transport=httpx.MockTransport(handlers["lptpb"])),
    )  # fmt: skip
    bare = httpx.Client(transport=httpx.MockTransport(handlers["bare"]))
    url = f"{BASE}{PATH}?ttl=30"
    headers = {"Authorization": f"Bearer {BEARER}", "Accept": JSON}

    def call_ours() -> object:
        return ours.send_messages(CONVERSATION, make_body()).commandId

    def call_bare() -> object:
        response = bare.post(url, json=make_body(), headers=headers)
        response.raise_for_status()
        return response.json()["commandId"]

    return {"lptpb": call_ours, "bare": call_bare}, handlers


def check_same_request(handlers: dict[str, Answering]) -> None:
    """Every contender sent the same method, URL, bearer and JSON: the comparison is fair."""
    seen = {}
    for name, handler in handlers.items():
        sent = handler.last
        assert sent is not None, name  # noqa: S101 - a set-up check of the benchmark itself
        seen[name] = (
            sent.method, str(sent.url), sent.headers.get("authorization"), json.loads(sent.content)
        )  # fmt: skip
    first = seen["bare"]
    for name, value in seen.items():
        if value != first:
            raise RuntimeError(f"{name} sent {value!r}, bare httpx sent {first!r}")


def per_call(report: Report, quick: bool) -> None:
    calls, handlers = contenders_per_call()
    number, rounds = (100, 5) if quick else (400, 15)
    for call in calls.values():  # warm-up: caches, first-use imports, branch predictors
        for _ in range(number):
            call()
    check_same_request(handlers)
    times = time_rounds(calls, number, rounds)
    us = {name: median(values) for name, values in times.items()}
    floor = us["bare"]
    reference = f"bare `httpx.Client.post` {floor:.0f} µs"
    ratios = {name: paired(times[name], times["bare"]) for name in calls}
    mine = ratios["lptpb"]
    report.rows += [
        Row(
            "1", "per call, sync `send_messages`, prebuilt validated model",
            f"{us['lptpb']:.0f} µs", reference, mine.median, f"≤ 1.25{TIMES}",
            mine.median <= 1.25, 1.25, spread=mine.spread,
        ),
    ]  # fmt: skip
    fresh_notes = []
    for label, make_body in BODIES.items():
        fresh, fresh_handlers = contenders_fresh(make_body)
        size = len(batch_json(make_body()))
        n = number if label != "15 kB structured content" else max(number // 8, 10)
        for call in fresh.values():
            for _ in range(n):
                call()
        check_same_request(fresh_handlers)
        fresh_times = time_rounds(fresh, n, rounds)
        got = paired(fresh_times["lptpb"], fresh_times["bare"])
        report.rows.append(
            Row(
                "1", f"… a new dict body per call: {label}",
                f"{median(fresh_times['lptpb']):.0f} µs",
                f"bare `httpx.Client.post(json=…)` {median(fresh_times['bare']):.0f} µs",
                got.median, f"≤ 1.25{TIMES}", got.median <= 1.25, 1.25, spread=got.spread,
            )
        )  # fmt: skip
        fresh_notes.append(f"{label} {size} bytes of JSON ({n} calls a round)")
    report.rows += [
        Row(
            "1", "… generated raw client `sync_detailed`", f"{us['raw']:.0f} µs", reference,
            ratios["raw"].median, spread=ratios["raw"].spread,
        ),
        Row(
            "1", "… peer: openai-python `client.post`", f"{us['openai']:.0f} µs", reference,
            ratios["openai"].median, spread=ratios["openai"].spread,
        ),
        Row(
            "1", "… floor: `h11` by hand, no HTTP library", f"{us['floor']:.0f} µs", reference,
            ratios["floor"].median, spread=ratios["floor"].spread,
        ),
    ]  # fmt: skip
    report.notes.append(
        f'Row 1: `httpx.MockTransport` answers 200 `{{"commandId": …}}` at once; median of '
        f"{rounds} rounds of {number} calls, contenders rotating, each ratio taken within its "
        "round; times are this process's CPU time per call (so other work on the machine is "
        "not counted). The first line gives lptpb a prebuilt, validated "
        "`SendMessagesRequest` (which it recognises and does not validate again) and bare httpx "
        "the JSON bytes; the "
        '"new dict body" lines build the body anew for every call, for both, as apps do: '
        + "; ".join(fresh_notes)
        + ". The raw client gets a prebuilt attrs model; openai-python "
        f"{_version('openai')} (the last line built on httpx) posts the dict and casts the "
        "answer to an `openai.BaseModel`; the floor writes the request and parses a canned "
        "answer with `h11`, as httpcore does below httpx, so the floor's share of bare httpx "
        "is what HTTP itself costs and the rest is httpx's. All send the same method, URL, "
        "bearer and JSON (checked)."
    )


# ---------------------------------------------------------------------------- 2. throughput


BENCH_PASSWORD = "bench-password"  # noqa: S105 - the simulator's, on 127.0.0.1
#: One simulator user per contender, so no contender's login ends another's session.
BENCH_USERS = {"lptpb": "bench-lptpb", "bare": "bench-bare", "floor": "bench-floor"}
POOL = 64  # connections of every contender, whatever the number of sends in flight
KEEPALIVE = 900.0  # seconds a warm pool keeps an idle connection
SERVER_KEEPALIVE = 600  # and the bench's simulator, so pools stay warm while others run
#: Per attempt and per call, for every contender alike: long enough that none fires at 1024 in
#: flight on a busy machine (latency is concurrency over rate), so the rows measure throughput.
READ_TIMEOUT, DEADLINE = 300.0, 600.0
LISTEN_BACKLOG = 4096  # so 1024 connections opened at once are not dropped and retried


def _cpu_ticks(pid: int) -> float:
    """CPU seconds (user + system) ``pid`` has used so far, from /proc; 0 where unknown."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rss_kib(pid: int) -> int:
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text(encoding="utf-8").splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def _pinned() -> bool:
    return (os.cpu_count() or 1) > 1 and hasattr(os, "sched_setaffinity")


def simulator_child() -> None:
    """``--sim-child``: the simulator on 127.0.0.1 (pinned to CPU 0) until stdin closes.

    No timer: it serves for as long as the bench needs it, and stops when the bench closes
    the pipe or dies (the pipe closes with it).
    """
    from lptpb_ext.simulator import Simulator  # noqa: PLC0415 - the sim extra
    from lptpb_ext.simulator._serve import base_url, bind, server_for  # noqa: PLC0415

    if _pinned():
        os.sched_setaffinity(0, {0})
    sim = Simulator()
    for username in BENCH_USERS.values():
        sim.add_user(username, BENCH_PASSWORD)
    sock = bind("127.0.0.1", 0)
    sock.listen(LISTEN_BACKLOG)
    server = server_for(sim, sock)
    server.config.timeout_keep_alive = SERVER_KEEPALIVE

    def stop_at_eof() -> None:
        sys.stdin.read()
        server.should_exit = True

    threading.Thread(target=stop_at_eof, daemon=True).start()
    print(f"serving {base_url(sock)}", flush=True)
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()


@contextlib.contextmanager
def simulator() -> Iterator[tuple[str, int]]:
    """The simulator in a subprocess pinned to CPU 0, and this process on CPU 1."""
    argv = [sys.executable, str(Path(__file__).resolve()), "--sim-child"]
    proc = subprocess.Popen(
        argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert proc.stdout is not None  # noqa: S101 - PIPE was asked for
    assert proc.stdin is not None  # noqa: S101 - PIPE was asked for
    line = proc.stdout.readline()
    if "serving " not in line:
        proc.kill()
        proc.wait()
        raise RuntimeError(f"the simulator did not start: {line!r}")
    url = line.split("serving ", 1)[1].strip()
    affinity = os.sched_getaffinity(0) if _pinned() else None
    if affinity is not None:
        os.sched_setaffinity(0, {1})
    try:
        yield url, proc.pid
    finally:
        if affinity is not None:
            os.sched_setaffinity(0, affinity)
        proc.stdin.close()  # end of input: the simulator stops
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class CountingBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend, counting the connections it opens."""

    def __init__(self, inner: httpcore.AsyncNetworkBackend) -> None:
        self.inner = inner
        self.connects = 0

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        self.connects += 1
        return await self.inner.connect_tcp(host, port, timeout, local_address, socket_options)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        self.connects += 1
        return await self.inner.connect_unix_socket(path, timeout, socket_options)

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


def warm_http(
    concurrency: int, base_url: str | None = None
) -> tuple[httpx.AsyncClient, CountingBackend]:
    """An ``httpx.AsyncClient`` with ``concurrency`` connections kept open between rounds."""
    limits = httpx.Limits(
        max_connections=concurrency, max_keepalive_connections=concurrency,
        keepalive_expiry=KEEPALIVE,
    )  # fmt: skip
    transport = httpx.AsyncHTTPTransport(limits=limits)
    pool: Any = transport._pool
    backend = CountingBackend(pool._network_backend)
    pool._network_backend = backend
    timeout = httpx.Timeout(READ_TIMEOUT, connect=30.0)
    options: dict[str, Any] = {"transport": transport, "timeout": timeout}
    if base_url is not None:
        options["base_url"] = base_url
    return httpx.AsyncClient(**options), backend


class Contender:
    """One way of sending ``sendMessages`` over loopback; ``send(worker)`` raises on failure."""

    backend: CountingBackend | None = None
    opened = 0  # connections opened, where there is no backend to count them

    @property
    def connects(self) -> int:
        return self.backend.connects if self.backend is not None else self.opened

    async def open(self, url: str, concurrency: int, username: str) -> None:
        raise NotImplementedError

    async def send(self, worker: int) -> None:
        raise NotImplementedError

    async def close(self) -> None:
        raise NotImplementedError


class Ours(Contender):
    """``AsyncClient.send_messages`` with a prebuilt, validated model, on a warm pool."""

    async def open(self, url: str, concurrency: int, username: str) -> None:
        self.http, self.backend = warm_http(POOL)
        user = UserPassword(username, BENCH_PASSWORD)
        self.client = AsyncClient(
            ACCOUNT, user, base_url=url, http_client=self.http, session_pool=SessionPool(),
            timeout=httpx.Timeout(READ_TIMEOUT, connect=30.0), deadline=DEADLINE,
        )  # fmt: skip
        self.request = validate_body(SendMessagesRequest, BATCH)
        await self.client.login()

    async def send(self, worker: int) -> None:
        await self.client.send_messages(CONVERSATION, self.request)

    async def close(self) -> None:
        await self.http.aclose()


class Bare(Contender):
    """A bare ``httpx.AsyncClient`` posting the same bytes with a bearer, on a warm pool."""

    async def open(self, url: str, concurrency: int, username: str) -> None:
        self.http, self.backend = warm_http(POOL, url)
        login = await self.http.post(
            f"/api/v1/account/{ACCOUNT}/login",
            params={"v": "1.3"},
            json={
                "authType": "USER_PASS",
                "credentials": {"username": username, "password": BENCH_PASSWORD},
            },
        )
        login.raise_for_status()
        self.headers = {
            "Authorization": f"Bearer {login.json()['bearer']}",
            "Content-Type": JSON,
            "Accept": JSON,
        }
        self.body = batch_bytes()

    async def send(self, worker: int) -> None:
        response = await self.http.post(f"{PATH}?ttl=30", content=self.body, headers=self.headers)
        response.raise_for_status()
        response.json()["commandId"]

    async def close(self) -> None:
        await self.http.aclose()


class RawSockets(Contender):
    """The floor: HTTP/1.1 written by hand on a pool of sockets of the same size as the
    others' (a send waits for a free one), the answer read by its ``content-length``: no HTTP
    library at all."""

    async def open(self, url: str, concurrency: int, username: str) -> None:
        host, port = url.rsplit("//", 1)[1].rsplit(":", 1)
        self.address = (host, int(port))
        self.size = POOL
        self.idle: asyncio.LifoQueue[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = (
            asyncio.LifoQueue()
        )
        self.all: list[asyncio.StreamWriter] = []
        credentials = {"username": username, "password": BENCH_PASSWORD}
        login = json.dumps({"authType": "USER_PASS", "credentials": credentials}).encode()
        status, answer = await self._exchange(f"/api/v1/account/{ACCOUNT}/login?v=1.3", b"", login)
        if status != 200:
            raise RuntimeError(f"login answered {status}")
        bearer = json.loads(answer)["bearer"]
        self.auth = f"Authorization: Bearer {bearer}\r\n".encode()
        self.body = batch_bytes()

    async def _stream(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        if self.idle.empty() and len(self.all) < self.size:
            self.opened += 1
            streams = await asyncio.open_connection(*self.address)
            self.all.append(streams[1])
            return streams
        return await self.idle.get()

    async def _exchange(self, target: str, extra: bytes, body: bytes) -> tuple[int, bytes]:
        reader, writer = await self._stream()
        host = f"{self.address[0]}:{self.address[1]}"
        try:
            writer.write(
                f"POST {target} HTTP/1.1\r\nHost: {host}\r\n".encode()
                + extra
                + b"Content-Type: application/json\r\nAccept: application/json\r\n"
                + f"Content-Length: {len(body)}\r\n\r\n".encode()
                + body
            )
            head = await reader.readuntil(b"\r\n\r\n")
            lower = head.lower()
            at = lower.index(b"content-length:") + len(b"content-length:")
            answer = await reader.readexactly(int(lower[at : lower.index(b"\r\n", at)]))
        except (OSError, asyncio.IncompleteReadError, ValueError):
            self._drop(writer)
            raise
        if b"connection: close" in lower:
            self._drop(writer)
        else:
            self.idle.put_nowait((reader, writer))
        return int(head[9:12]), answer

    def _drop(self, writer: asyncio.StreamWriter) -> None:
        writer.close()
        self.all.remove(writer)

    async def send(self, worker: int) -> None:
        status, answer = await self._exchange(f"{PATH}?ttl=30", self.auth, self.body)
        if status != 200:
            raise RuntimeError(f"status {status}")
        json.loads(answer)["commandId"]

    async def close(self) -> None:
        for writer in self.all:
            writer.close()
        self.all.clear()


CONTENDERS: dict[str, type[Contender]] = {"lptpb": Ours, "bare": Bare, "floor": RawSockets}


@dataclass
class Run:
    """One contender's round: sends, failures, wall and CPU time, the simulator's CPU time."""

    sent: int
    failed: Counter[str]
    seconds: float
    cpu: float
    sim_cpu: float

    @property
    def rate(self) -> float:
        return (self.sent - sum(self.failed.values())) / self.seconds

    @property
    def per_cpu(self) -> float:
        """Sends completed per second of this process's CPU time."""
        return (self.sent - sum(self.failed.values())) / max(self.cpu, 1e-9)


async def drive(contender: Contender, count: int, concurrency: int, sim_pid: int) -> Run:
    """``count`` sends by ``concurrency`` workers; failures are counted, not raised."""
    queue = iter(range(count))
    failed: Counter[str] = Counter()

    async def worker(index: int) -> None:
        for _ in queue:
            try:
                await contender.send(index)
            except Exception as exc:
                failed[type(exc).__name__] += 1

    sim_before = _cpu_ticks(sim_pid)
    started, cpu = time.perf_counter(), time.process_time()
    await asyncio.gather(*(worker(i) for i in range(concurrency)))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return Run(count, failed, seconds, cpu, _cpu_ticks(sim_pid) - sim_before)


async def _faults(url: str, fault: dict[str, object] | None) -> None:
    """Queue a fault on the simulator (its control API), or drop every pending one."""
    async with httpx.AsyncClient(base_url=url, timeout=30.0) as control:
        if fault is None:
            (await control.delete("/_sim/faults")).raise_for_status()
        else:
            (await control.post("/_sim/faults", json=fault)).raise_for_status()


async def warm(contender: Contender, url: str, pid: int, concurrency: int) -> None:
    """Open every one of the contender's :data:`POOL` connections, then warm its caches.

    httpx opens a connection only when a request finds none idle, and a busy client reuses
    the few it has: a pool left to itself grows during the timed rounds, and httpcore's pool
    does work for every connection and every waiting request on every event, so the number
    of connections decides the rate. So the simulator holds each of :data:`POOL` sends a few
    seconds (a latency fault), they are all in flight at once and every connection gets
    opened; every contender then runs with exactly :data:`POOL` connections.
    """
    hold = 2.0
    for _ in range(3):
        fault = {"kind": "latency", "operation": "sendMessages", "times": POOL, "seconds": hold}
        await _faults(url, fault)
        try:
            await drive(contender, POOL, POOL, pid)
        finally:
            await _faults(url, None)
        if contender.connects >= POOL:
            break
        hold *= 2
    await drive(contender, concurrency, concurrency, pid)


async def rounds_at(
    url: str, pid: int, concurrency: int, *, count: int, rounds: int, names: list[str]
) -> tuple[dict[str, list[Run]], dict[str, int]]:
    """Open every contender, warm its pool (all ``concurrency`` connections opened), then
    ``rounds`` rounds of ``count`` sends each, the order rotating; and the connections each
    opened during the timed rounds."""
    contenders = {name: CONTENDERS[name]() for name in names}
    for name, contender in contenders.items():
        await contender.open(url, concurrency, BENCH_USERS[name])
    try:
        for contender in contenders.values():
            await warm(contender, url, pid, concurrency)
        opened = {name: contender.connects for name, contender in contenders.items()}
        runs: dict[str, list[Run]] = {name: [] for name in names}
        for index in range(rounds):
            shift = index % len(names)
            for name in names[shift:] + names[:shift]:
                runs[name].append(await drive(contenders[name], count, concurrency, pid))
        return runs, {name: contenders[name].connects - opened[name] for name in names}
    finally:
        for contender in contenders.values():
            with contextlib.suppress(Exception):
                await contender.close()


#: sends in flight: (sends per contender and round, rounds, target ratio); quick runs halve
#: both. Every contender has a warm pool of :data:`POOL` connections: 64 in flight fill it,
#: more wait for a connection (in httpcore's pool, or for the SDK at its admission).
THROUGHPUT: dict[int, tuple[int, int, float]] = {
    64: (640, 5, 0.9),
    256: (1024, 5, 0.9),
    1024: (2048, 3, 0.95),
}


def throughput(report: Report, quick: bool) -> None:
    names = ["lptpb", "bare", "floor"]
    with simulator() as (url, pid):
        for concurrency, (full, many, goal) in THROUGHPUT.items():
            count = max(full // 2, concurrency) if quick else full  # all in flight at least once
            rounds = max(many // 2, 1) if quick else many
            runs, connects = asyncio.run(
                rounds_at(url, pid, concurrency, count=count, rounds=rounds, names=names)
            )
            rates = {name: [run.rate for run in runs[name]] for name in names}
            per_cpu = {name: [run.per_cpu for run in runs[name]] for name in names}
            failed = {
                name: sum((run.failed for run in runs[name]), Counter[str]()) for name in names
            }
            mine, floor = (
                paired(per_cpu["lptpb"], per_cpu["bare"]),
                paired(per_cpu["floor"], per_cpu["bare"]),
            )
            wall = paired(rates["lptpb"], rates["bare"])

            shown = {
                name: f"{median(per_cpu[name]):.0f} cmd per CPU-s ({median(rates[name]):.0f}/s "
                f"wall), {failures(failed[name])}"
                for name in names
            }
            bare_text = f"bare `httpx.AsyncClient` {shown['bare']}"
            report.rows += [
                Row(
                    "2", f"async throughput vs simulator, {concurrency} in flight",
                    shown["lptpb"], bare_text, mine.median, f"≥ {goal:g}{TIMES}",
                    mine.median >= goal, goal, higher_is_better=True, spread=mine.spread,
                ),
                Row(
                    "2", f"… floor: raw sockets, no HTTP library, {concurrency} in flight",
                    shown["floor"], bare_text, floor.median, higher_is_better=True,
                    spread=floor.spread,
                ),
            ]  # fmt: skip
            cpu = {name: median([r.cpu / r.sent * 1e6 for r in runs[name]]) for name in names}
            busy = {name: median([r.sim_cpu / r.seconds for r in runs[name]]) for name in names}
            client_busy = median([r.cpu / r.seconds for r in runs["lptpb"] + runs["bare"]])
            pace = (
                "the simulator sets the pace" if max(busy["lptpb"], busy["bare"]) > 0.8
                else "this process's HTTP stack sets the pace" if client_busy > 0.8
                else "neither core is saturated (the machine is busy elsewhere)"
            )  # fmt: skip
            report.notes.append(
                f"Row 2, {concurrency} in flight: {count} sends per contender and round, "
                f"{rounds} round(s) after a warm-up that opened every connection (pools of "
                f"{POOL}, idle connections kept {KEEPALIVE:g} s; timeouts of "
                f"{READ_TIMEOUT:g} s per attempt and {DEADLINE:g} s per call for all, so none "
                "fires); connections opened "
                f"during the timed rounds: lptpb {connects['lptpb']}, bare httpx "
                f"{connects['bare']}, raw sockets {connects['floor']}. Client CPU per send: "
                f"lptpb {cpu['lptpb']:.0f} µs, bare httpx {cpu['bare']:.0f} µs, raw sockets "
                f"{cpu['floor']:.0f} µs (so of lptpb's, {cpu['bare'] - cpu['floor']:.0f} µs are "
                f"httpx's and {cpu['lptpb'] - cpu['bare']:.0f} µs ours). The simulator's core "
                f"was {busy['bare'] * 100:.0f}% busy serving bare httpx, "
                f"{busy['floor'] * 100:.0f}% serving raw sockets; this process's "
                f"{client_busy * 100:.0f}%: {pace}. Throughput is judged per second of this "
                "process's CPU time (the client is what limits it, and time the machine gives "
                "to other work is not the SDK's); by the wall clock lptpb ran at "
                f"{wall.median:.2f}{TIMES} bare httpx (rounds {wall.spread[0]:.2f} to "
                f"{wall.spread[1]:.2f})."
            )


# ---------------------------------------------------------------------------- 10. simulator


def simulator_rate(report: Report, quick: bool) -> None:
    """sendMessages per second of the simulator's CPU time, from the raw-socket client."""
    concurrency, count, rounds = (64, 1500, 2) if quick else (64, 3000, 7)
    with simulator() as (url, pid):

        async def measure() -> tuple[list[Run], list[int]]:
            floor = RawSockets()
            await floor.open(url, concurrency, BENCH_USERS["floor"])
            try:
                await drive(floor, 2 * concurrency, concurrency, pid)
                found, memory = [], [_rss_kib(pid)]
                for _ in range(rounds):
                    found.append(await drive(floor, count, concurrency, pid))
                    memory.append(_rss_kib(pid))
                return found, memory
            finally:
                await floor.close()

        runs, memory = asyncio.run(measure())
    per_cpu = [run.sent / run.sim_cpu for run in runs if run.sim_cpu > 0]
    wall = [run.rate for run in runs]
    failed = sum((run.failed for run in runs), Counter[str]())
    rate = median(per_cpu) if per_cpu else 0.0
    report.rows.append(
        Row(
            "10", "simulator: `sendMessages` per second of its one core's CPU time",
            f"{rate:.0f} req/s, {failures(failed)}",
            f"raw-socket client, concurrency {concurrency}; wall {median(wall):.0f} req/s", None,
            "≥ 1000 req/s", rate >= 1000,
        )
    )  # fmt: skip
    total = 2 * concurrency + count * rounds
    report.notes.append(
        f"Row 10: the simulator (uvicorn, one process pinned to CPU 0) driven by row 2's "
        f"raw-socket floor client: {rounds} rounds of {count} sends after a warm-up; per round, "
        f"sends over the simulator's CPU seconds (from /proc), so other work on the machine "
        f"does not count against it; {min(per_cpu or [0]):.0f} to {max(per_cpu or [0]):.0f} "
        f"req/s by round, wall rate {min(wall):.0f} to {max(wall):.0f} req/s. Its RSS went "
        f"{memory[0] / 1024:.0f} → {memory[1] / 1024:.0f} → {memory[-1] / 1024:.0f} MiB "
        f"(warm, after the first round, after {total} sends in all): a conversation keeps "
        "its newest 10000 messages, each bot its last 200 commands."
    )


# ---------------------------------------------------------------------------- 3. storm


STORM_HOLD = 0.3  # seconds the simulator holds each answer, so every send is in flight at once


async def storm_once(tasks: int, invalidate: bool) -> tuple[float, int, Counter[str]]:
    """Over loopback HTTP: seconds to deliver ``tasks`` sends that are all in flight when the
    session is taken over (or not), the re-logins it took, and the sends that failed."""
    from lptpb_ext.simulator import (  # noqa: PLC0415 - the sim extra, for this row only
        DEFAULT_ACCOUNT,
        MESSAGING_CONVERSATION,
        PASSWORD,
        PASSWORD_USER,
        Fault,
        Simulator,
        serve,
    )

    sim = Simulator()
    user = UserPassword(PASSWORD_USER, PASSWORD)
    with serve(sim) as url:
        async with AsyncClient(
            DEFAULT_ACCOUNT, user, base_url=url, session_pool=SessionPool(), deadline=60
        ) as client:
            await client.login()
            if invalidate:
                sim.steal_session(PASSWORD_USER)  # someone else logged in as this user
            sim.add_fault(Fault.latency(STORM_HOLD, operation="sendMessages", times=tasks))
            started = time.perf_counter()
            accepted = await asyncio.gather(
                *(
                    client.send_messages(MESSAGING_CONVERSATION, {"messages": [f"storm {i}"]})
                    for i in range(tasks)
                ),
                return_exceptions=True,
            )
            seconds = time.perf_counter() - started
        logins = sum(
            u["logins"] for a in sim.snapshot()["accounts"] for u in a["users"]
        )  # fmt: skip
    failed = Counter(type(a).__name__ for a in accepted if isinstance(a, BaseException))
    return seconds, logins - 1, failed


def storm(report: Report, quick: bool) -> None:
    tasks, rounds = (300, 2) if quick else (300, 5)
    asyncio.run(storm_once(tasks, True))  # warm-up
    stormy: list[float] = []
    calm: list[float] = []
    relogins: list[int] = []
    failed: Counter[str] = Counter()
    for index in range(rounds):
        for invalidate in (True, False) if index % 2 == 0 else (False, True):
            seconds, logins, lost = asyncio.run(storm_once(tasks, invalidate))
            failed += lost
            if invalidate:
                stormy.append(seconds)
                relogins.append(logins)
            else:
                calm.append(seconds)
    most = max(relogins)
    ratio = paired(stormy, calm)
    report.rows.append(
        Row(
            "3",
            f"re-login storm over loopback HTTP: {tasks} sends in flight, session taken over",
            f"{median(stormy) * 1000:.0f} ms to deliver all, {most} re-login"
            + ("" if most == 1 else "s")
            + f", {failures(failed)}",
            f"same {tasks} sends, no takeover: {median(calm) * 1000:.0f} ms",
            ratio.median,
            "1 re-login, 0 failed",
            all(n == 1 for n in relogins) and not failed,
            spread=ratio.spread,
        )
    )
    report.notes.append(
        f"Row 3: the simulator over HTTP on 127.0.0.1 (httpx's default pool of 100 "
        f"connections) holds each of {tasks} sends {STORM_HOLD:g} s; the user's session is "
        "taken over just before they go, so each is answered 401, one task logs in again and "
        "all replay. Timed from the first send to the last acceptance, against the same sends "
        f"with no takeover (the two in alternating order); re-logins per round: {relogins}; "
        f"median of {rounds} pairs."
    )


# ---------------------------------------------------------------------------- 8-9. the fleet


class AnsweringLogin(Answering):
    """:class:`Answering`, plus a login that hands out the benchmark's bearer."""

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/login"):
            return httpx.Response(200, json={"bearer": BEARER})
        return super().__call__(request)


@contextlib.contextmanager
def redis_server() -> Iterator[str | None]:
    """A redis-server on a unix socket in a temporary directory, or None when none is installed."""
    command = shutil.which("redis-server")
    if command is None:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="lptpb-bench-redis-") as directory:
        sock = f"{directory}/redis.sock"
        argv = [command, "--port", "0", "--unixsocket", sock, "--save", "", "--appendonly", "no"]
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(500):
                if Path(sock).exists():
                    break
                time.sleep(0.01)
            yield f"unix://{sock}"
        finally:
            proc.terminate()
            proc.wait(timeout=10)


def store_overhead(report: Report, quick: bool) -> None:
    """Per-call cost with the bearer in Redis against the default in-process store."""
    from lptpb_ext import RedisSessionStore  # noqa: PLC0415

    with redis_server() as url:
        if url is None:
            report.notes.append("Row 8: skipped, redis-server is not installed.")
            return
        request = validate_body(SendMessagesRequest, BATCH)
        clients = {}
        for name in ("memory", "redis"):
            store = RedisSessionStore(url) if name == "redis" else None
            clients[name] = Client(
                ACCOUNT, USER, base_url=BASE, session_pool=SessionPool(), session_store=store,
                http_client=httpx.Client(transport=httpx.MockTransport(AnsweringLogin())),
            )  # fmt: skip
            clients[name].login()
        calls: dict[str, Callable[[], object]] = {
            name: functools.partial(client.send_messages, CONVERSATION, request)
            for name, client in clients.items()
        }
        number, rounds = (100, 5) if quick else (400, 15)
        for call in calls.values():
            for _ in range(number):
                call()
        times = time_rounds(calls, number, rounds)
    ratios = paired(times["redis"], times["memory"])
    ratio = ratios.median
    report.rows.append(
        Row(
            "8", "per-call overhead with `RedisSessionStore`", f"{median(times['redis']):.0f} µs",
            f"default in-process store {median(times['memory']):.0f} µs", ratio,
            f"same within noise (≤ 1.05{TIMES})", ratio <= 1.05, 1.05, spread=ratios.spread,
        )
    )  # fmt: skip
    report.notes.append(
        f"Row 8: row 1's sync send with a logged-in `UserPassword` client, its session in a "
        f"real redis-server (unix socket) or in memory; {rounds} paired rounds of {number} "
        f"calls, order alternating, in this process's CPU time. The hot path never reads the store."
    )


def bulk(report: Report, quick: bool) -> None:
    """Row 11: ``Batch`` (journal on) against a bare ``asyncio.gather`` loop on the simulator."""
    sys.path.insert(0, str(REPO / "scripts"))
    import bench_bulk  # noqa: PLC0415 - beside this script

    jobs, rounds = (200, 1) if quick else (1000, 3)
    measured = bench_bulk.measure(jobs, 32, rounds, skip=("loop, job-limited",), log=lambda _: None)
    ratio = measured.throughput_ratio
    ours, theirs = measured.requests("batch"), measured.requests("loop")
    rates = [
        b / loop
        for b, loop in zip(
            measured.results["batch"].rates, measured.results["loop"].rates, strict=False
        )
    ]
    report.rows.append(
        Row(
            "11", f"bulk: {jobs} jobs, concurrency 32, journal on",
            f"{measured.rate('batch'):.0f} jobs/s, {ours:.2f} requests per settled command",
            f"bare `asyncio.gather` loop {measured.rate('loop'):.0f} jobs/s, {theirs:.2f}",
            ratio, f"≥ 0.8{TIMES} and fewer requests", ratio >= 0.8 and ours < theirs, 0.8,
            higher_is_better=True, spread=(min(rates), max(rates)) if rates else None,
        )
    )  # fmt: skip
    report.notes.append(
        f"Row 11: `scripts/bench_bulk.py`'s `measure()`: {jobs} jobs over the simulator's "
        f"conversations, concurrency 32, {rounds} round(s) each, contenders alternating; "
        "`Batch` journals every job to SQLite (WAL, synchronous=FULL) and tracks each command "
        "to its outcome, the loop sends and polls each command with `wait_for_command`."
    )


def fleet_storm(report: Report, quick: bool) -> None:
    """8 processes on one user and a file store; the session taken over once."""
    sys.path.insert(0, str(REPO / "scripts"))
    import fleet  # noqa: PLC0415 - beside this script

    processes, sends = (8, 16) if quick else (8, 40)
    with tempfile.TemporaryDirectory(prefix="lptpb-bench-fleet-") as scratch:
        started = time.perf_counter()
        result = fleet.run(processes, sends, 1, f"file://{scratch}/sessions.json")
        seconds = time.perf_counter() - started
    relogins = int(result["app_logins"]) - 1
    ok = relogins == 1 and not result["failed"] and not result["duplicates"]
    report.rows.append(
        Row(
            "9", f"re-login storm across {processes} processes (file store)",
            f"{relogins} re-login, {result['failed']} failed, {result['duplicates']} duplicates",
            f"{processes} processes each with its own session: a login each", None,
            "1 re-login", ok,
        )
    )  # fmt: skip
    report.notes.append(
        f"Row 9: `scripts/fleet.py`: {processes} processes, {sends} sends each (from threads "
        "and asyncio tasks), one user, `LPTPB_SESSION_STORE` a file store; the session is taken "
        "over once, just before every process sends again. "
        f"Logins by the app {result['app_logins']} (the first and one re-login), by the "
        f"operator's `lptpb send` beside them {result['cli_logins']}; "
        f"{result['delivered']} of {result['expected']} messages delivered; {seconds:.0f} s."
    )


# ---------------------------------------------------------------------------- 4. builder


def builder(report: Report, quick: bool) -> None:
    sys.path.insert(0, str(REPO / "scripts"))
    import bench_builder  # noqa: PLC0415 - beside this script

    number, rounds = (200, 7) if quick else (500, 31)
    every = bench_builder.contenders()
    calls = {name: every[name] for name in ("baseline", "build_validate")}
    for call in calls.values():  # warm-up
        for _ in range(number):
            call()
    times = time_rounds(calls, number, rounds)
    ratio = paired(times["build_validate"], times["baseline"])
    size = bench_builder.micros(bench_builder.size_check(), 20, 5)
    report.rows.append(
        Row(
            "4", "builder: build + validate seed 003's payload",
            f"{median(times['build_validate']):.0f} µs",
            f"bare pydantic `model_validate` {median(times['baseline']):.1f} µs",
            ratio.median, f"≤ 1.5{TIMES}", ratio.median <= 1.5, 1.5, spread=ratio.spread,
        )
    )  # fmt: skip
    report.notes.append(
        f"Row 4: `scripts/bench_builder.py`'s contenders in interleaved blocks: {rounds} rounds, "
        f"each a block of {number} builds + `validate_body` and a block of {number} bare "
        "`model_validate` calls on the same payload as a dict, the order alternating, timed in "
        "this process's CPU time; the "
        "ratio is taken within each round, and the µs shown are the medians of the same "
        f"blocks. The 15000-byte size check on a carousel of exactly that size costs {size:.0f} µs."
    )


# ---------------------------------------------------------------------------- 5. import time


def _uv() -> str:
    local = REPO / ".tools" / "bin" / "uv"
    found = str(local) if local.exists() else shutil.which("uv")
    if found is None:
        raise RuntimeError("uv not found (run `make sync` first)")
    return found


def _run(*argv: str, cwd: Path = REPO) -> str:
    """Run a tool with fixed arguments; its output, or the bench stops with what it said."""
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def runtime_venv() -> Path:
    """A venv with only the runtime dependencies (from uv.lock) and this tree's wheel."""
    uv = _uv()
    venv = WORK / "runtime-venv"
    python = venv / "bin" / "python"
    if not python.exists():
        _run(uv, "venv", "-q", "--python", sys.executable, str(venv))
    requirements = WORK / "runtime-requirements.txt"
    _run(uv, "export", "-q", "--frozen", "--no-dev", "--no-emit-project", "--no-hashes",
         "-o", str(requirements))  # fmt: skip
    _run(uv, "pip", "sync", "-q", "--python", str(python), str(requirements))
    with tempfile.TemporaryDirectory() as wheels:
        _run(uv, "build", "-q", "--wheel", "-o", wheels)
        (wheel,) = Path(wheels).glob("lptpb-*.whl")
        _run(uv, "pip", "install", "-q", "--no-deps", "--python", str(python), str(wheel))
    return python


_ANSWERING = (
    "httpx.Client(transport=httpx.MockTransport("
    "lambda r: httpx.Response(200, json={'commandId': '1'})))"
)
#: What is timed in a fresh interpreter, each against ``import httpx``.
IMPORTS = {
    "httpx": "import httpx",
    "lptpb_ext": "import lptpb_ext",
    "client": "from lptpb_ext import AsyncClient, Client",
    "first_bare": f"import httpx; c = {_ANSWERING}; "
    f"c.post('{BASE}{PATH}?ttl=30', json={{'messages': ['hi']}}).json()['commandId']",
    "first_ours": f"import httpx; from lptpb_ext import Bearer, Client; "
    f"c = Client('{ACCOUNT}', Bearer('b'), base_url='{BASE}', http_client={_ANSWERING}); "
    f"c.send_messages('{CONVERSATION}', {{'messages': ['hi']}}).commandId",
}


def import_seconds(python: Path, statement: str) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    return float(_run(str(python), "-I", "-c", code, cwd=python.parent))


def import_time(report: Report, quick: bool) -> None:
    started = time.perf_counter()
    python = runtime_venv()
    setup = time.perf_counter() - started
    runs = 3 if quick else 9
    names = list(IMPORTS)
    for statement in IMPORTS.values():  # warm-up: bytecode compiled, files in the page cache
        import_seconds(python, statement)
    times: dict[str, list[float]] = {name: [] for name in names}
    for index in range(runs):
        shift = index % len(names)
        for name in names[shift:] + names[:shift]:
            times[name].append(import_seconds(python, IMPORTS[name]))
    counts = {
        name: _run(
            str(python), "-I", "-c", f"import sys; {IMPORTS[name]}; print(len(sys.modules))",
            cwd=python.parent,
        ).strip()
        for name in ("httpx", "lptpb_ext", "client")
    }  # fmt: skip
    ms = {name: median(values) * 1000 for name, values in times.items()}
    plain, client = (
        paired(times["lptpb_ext"], times["httpx"]),
        paired(times["client"], times["httpx"]),
    )
    first = paired(times["first_ours"], times["first_bare"])
    reference = f"`import httpx` {ms['httpx']:.0f} ms"
    report.rows += [
        Row(
            "5", "`import lptpb_ext`, runtime dependencies only", f"{ms['lptpb_ext']:.0f} ms",
            reference, plain.median, f"≤ 2{TIMES}", plain.median <= 2, 2.0, spread=plain.spread,
        ),
        Row(
            "5", "… `from lptpb_ext import AsyncClient, Client`", f"{ms['client']:.0f} ms",
            reference, client.median, spread=client.spread,
        ),
        Row(
            "5", "… and the first `send_messages` (models built on first use)",
            f"{ms['first_ours']:.0f} ms",
            f"`import httpx` and a first `post` {ms['first_bare']:.0f} ms", first.median,
            spread=first.spread,
        ),
    ]  # fmt: skip
    report.notes.append(
        f"Row 5: each statement timed inside a fresh `python -I` of `build/bench/runtime-venv` "
        f"(anyio, attrs, httpx, pydantic as locked, and this tree's wheel; set up in "
        f"{setup:.0f} s), {runs} rounds, order rotating, ratios taken within each round. "
        "`import lptpb_ext` loads the errors and credentials and leaves every other name to "
        "load with its module when first used; the client lines show what an app pays to "
        "get a client, and to send once through an `httpx.MockTransport` (the models' "
        "validators and serialisers are built then, not at import). Modules loaded: "
        f"`import httpx` {counts['httpx']}, `import lptpb_ext` {counts['lptpb_ext']}, the "
        f"clients {counts['client']}."
    )


# ---------------------------------------------------------------------------- 6. memory


class TrackingApi:
    """Accepts every send; each command answers ``waiting`` once, then ``completed``."""

    def __init__(self) -> None:
        self.serial = 0
        self.polls: dict[str, int] = {}

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            self.serial += 1
            command_id = str(self.serial)
            self.polls[command_id] = 0
            return httpx.Response(200, json={"commandId": command_id})
        command_id = request.url.path.rsplit("/", 1)[1]
        self.polls[command_id] += 1
        done = self.polls[command_id] > 1
        now = int(time.time() * 1000)
        return httpx.Response(
            200,
            json={
                "id": command_id,
                "state": "completed" if done else "waiting",
                "data": {
                    "type": "messages",
                    "payload": BATCH,
                    "conversationId": CONVERSATION,
                    "timeoutTime": now + 30_000,
                },
                "result": {"startTime": now, "endTime": now, "executionTime": 0} if done else None,
            },
        )


def _memory_kib(field: str) -> int:
    """``VmRSS`` (now) or ``VmHWM`` (peak) of this process image, in KiB.

    Not ``ru_maxrss``: Linux carries it across ``execve``, so a child started from this bench
    would report the bench's own peak. ``VmHWM`` belongs to the process image and starts anew.
    """
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


async def _track_ours(count: int, api: TrackingApi) -> int:
    request = validate_body(SendMessagesRequest, BATCH)
    async with (
        httpx.AsyncClient(transport=httpx.MockTransport(api)) as http,
        AsyncClient(ACCOUNT, Bearer(BEARER), base_url=BASE, http_client=http) as client,
    ):

        async def one() -> bool:  # keeps the command id, as the bare version does
            command_id = (await client.send_messages(CONVERSATION, request)).commandId
            outcome = await client.wait_for_command(CONVERSATION, command_id)
            return outcome.ok

        done = await asyncio.gather(*(one() for _ in range(count)), return_exceptions=True)
        return sum(result is True for result in done)


async def _track_bare(count: int, api: TrackingApi) -> int:
    body = batch_bytes()
    headers = {"Authorization": f"Bearer {BEARER}", "Content-Type": JSON, "Accept": JSON}
    async with httpx.AsyncClient(transport=httpx.MockTransport(api), base_url=BASE) as http:

        async def send() -> str:
            response = await http.post(f"{PATH}?ttl=30", content=body, headers=headers)
            response.raise_for_status()
            return str(response.json()["commandId"])

        async def state(command_id: str) -> str:
            path = f"/api/v1/account/{ACCOUNT}/conversation/{CONVERSATION}/command/{command_id}"
            response = await http.get(path, headers=headers)
            response.raise_for_status()
            return str(response.json()["state"])

        async def one() -> bool:
            command_id = await send()
            delay = 0.2
            while (found := await state(command_id)) == "waiting":
                await asyncio.sleep(delay)
                delay = min(delay * 1.5, 2.0)
            return found == "completed"

        done = await asyncio.gather(*(one() for _ in range(count)), return_exceptions=True)
        return sum(result is True for result in done)


def memory_child(kind: str, count: int) -> None:
    """In a fresh process: RSS after imports, then the peak while ``count`` are tracked."""
    track = _track_ours if kind == "lptpb" else _track_bare
    asyncio.run(track(10, TrackingApi()))  # first-use imports and caches, as in a warm app
    baseline = _memory_kib("VmRSS")
    started = time.perf_counter()
    completed = asyncio.run(track(count, TrackingApi()))
    seconds = time.perf_counter() - started
    print(json.dumps({"baseline": baseline, "peak": _memory_kib("VmHWM"), "completed": completed,
                      "seconds": seconds}))  # fmt: skip


def memory(report: Report, quick: bool) -> None:
    count, runs = (2000, 1) if quick else (10_000, 3)
    found: dict[str, list[dict[str, float]]] = {"lptpb": [], "bare": []}
    for index in range(runs):
        for kind in ("lptpb", "bare") if index % 2 == 0 else ("bare", "lptpb"):
            done = _run(sys.executable, __file__, "--memory-child", kind, "--commands", str(count))
            found[kind].append(json.loads(done))
    grown = {
        kind: [(f["peak"] - f["baseline"]) / count for f in figures]
        for kind, figures in found.items()
    }  # KiB per tracked command, run by run
    incomplete = {
        kind: [int(count - f["completed"]) for f in figures if f["completed"] != count]
        for kind, figures in found.items()
    }
    per = {kind: median(values) for kind, values in grown.items()}
    peak = {kind: median([f["peak"] for f in figures]) / 1024 for kind, figures in found.items()}
    ratio = paired(grown["lptpb"], grown["bare"]) if min(grown["bare"]) > 0 else None
    report.rows.append(
        Row(
            "6", f"memory per tracked command ({count} at once, peak RSS)",
            f"{per['lptpb']:.1f} KiB ({peak['lptpb']:.0f} MiB peak)",
            f"bare httpx, same polling: {per['bare']:.1f} KiB ({peak['bare']:.0f} MiB peak)",
            ratio.median if ratio else None, "≤ 2 KiB",
            per["lptpb"] <= 2 and not incomplete["lptpb"],
            spread=ratio.spread if ratio else None,
        )
    )  # fmt: skip
    seconds = {kind: median([f["seconds"] for f in figures]) for kind, figures in found.items()}
    report.notes.append(
        f"Row 6: one fresh process per run, {runs} run(s) each, alternating; {count} "
        "`send_messages` + `wait_for_command` tasks at once against an in-process fake that "
        "answers `waiting` once, then `completed`; peak RSS (VmHWM) over the RSS after imports "
        f"and a 10-command warm-up, divided by {count}; it took {seconds['lptpb']:.1f} s (bare "
        f"{seconds['bare']:.1f} s); commands not completed: {incomplete['lptpb'] or 0} (bare "
        f"{incomplete['bare'] or 0})."
    )


# ---------------------------------------------------------------------------- 7. generate


def generate(report: Report, quick: bool) -> None:
    before = _git("status", "--porcelain", "--", "generated")
    runs = 1 if quick else 3
    times = []
    for index in range(runs + 1):
        started = time.perf_counter()
        _run("make", "--no-print-directory", "generate")
        if index:  # the first run is the warm-up
            times.append(time.perf_counter() - started)
    after = _git("status", "--porcelain", "--", "generated")
    if after != before:
        raise RuntimeError(f"`make generate` changed generated/:\n{after}")
    report.rows.append(Row("7", "`make generate` wall time", f"{median(times):.1f} s", "—", None))
    report.notes.append(
        f"Row 7: median of {runs} runs after a warm-up; `git status` of generated/ is the same "
        "before and after."
    )


# ---------------------------------------------------------------------------- main


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


MEASUREMENTS: dict[str, Callable[[Report, bool], None]] = {
    "1": per_call,
    "2": throughput,
    "3": storm,
    "4": builder,
    "5": import_time,
    "6": memory,
    "7": generate,
    "8": store_overhead,
    "9": fleet_storm,
    "10": simulator_rate,
    "11": bulk,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds: a smoke run")
    parser.add_argument("--only", default="", help="comma-separated rows, e.g. 1,3 (no writing)")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--memory-child", choices=("lptpb", "bare"), help=argparse.SUPPRESS)
    parser.add_argument("--commands", type=int, default=10_000, help=argparse.SUPPRESS)
    parser.add_argument("--sim-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child, args.commands)
        return 0
    if args.sim_child:
        simulator_child()
        return 0

    chosen = [key.strip() for key in args.only.split(",") if key.strip()] or list(MEASUREMENTS)
    report = Report()
    started = time.perf_counter()
    for key in chosen:
        begun = time.perf_counter()
        print(f"bench: row {key} …", file=sys.stderr, flush=True)
        try:
            MEASUREMENTS[key](report, args.quick)
        except Exception as exc:
            traceback.print_exc()
            report.rows.append(Row(key, f"row {key} did not complete", "—", "—", None,
                                   "completes", False))  # fmt: skip
            report.notes.append(f"Row {key} stopped: {type(exc).__name__}: {exc}")
        report.seconds[key] = time.perf_counter() - begun
    total = time.perf_counter() - started
    where = machine()
    block = render_block(report, where, total)
    print(block)
    print(
        "seconds per row: "
        + ", ".join(f"{key}: {seconds:.0f}" for key, seconds in report.seconds.items()),
        file=sys.stderr,
    )
    if args.no_write or args.only or args.quick:
        return 0
    DOCS.mkdir(exist_ok=True)
    (DOCS / "benchmarks.md").write_text(render_markdown(block), encoding="utf-8")
    plot(report.rows, DOCS / "benchmarks.png")
    readme = README.read_text(encoding="utf-8")
    if MARK_BEGIN in readme and MARK_END in readme:
        README.write_text(replace_block(readme, block), encoding="utf-8")
    else:
        print("bench: README.md has no bench markers; left unchanged", file=sys.stderr)
    print("bench: wrote docs/benchmarks.md, docs/benchmarks.png, README.md", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
