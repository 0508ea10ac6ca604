"""The benchmark suite (``make bench``): the SDK against the floor and against a peer, side by side.

Seven measurements, each taken in this one run with a warm-up first and medians over rounds
that alternate between the contenders, so a noisy machine slows all of them alike:

1. **Per-call overhead**, sync, in process (``httpx.MockTransport`` answering at once with the
   contract's 200 ``CommandAccepted``): ``Client.send_messages`` with a prebuilt request, the
   generated raw client (``sync_detailed``), a bare ``httpx.Client.post`` of the same JSON bytes,
   and openai-python's generic ``client.post`` as the peer. Ratios are to bare httpx.
2. **Async throughput** over loopback against ``lptpb sim`` (uvicorn, pinned to one core, this
   process on the other) at concurrency 64 and 256: ``AsyncClient`` against a bare
   ``httpx.AsyncClient`` posting the same bytes with the same bearer.
3. **Re-login storm**: 300 sends in flight over loopback HTTP (the simulator, httpx's default
   pool) when the session is taken over; the time until all 300 are accepted and how many
   re-logins it took (against the same 300 sends with no takeover).
4. **Builder**: ``scripts/bench_builder.py``'s build + validate of seed 003's payload against a
   bare pydantic ``model_validate``.
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

It prints the table and writes ``docs/benchmarks.md``, ``docs/benchmarks.png`` and the block
between the ``bench:begin``/``bench:end`` markers in ``README.md``. A missed target is reported
as missed; nothing here asserts a time. Nothing leaves the machine except the package installs
of row 5 (PyPI, cached by uv), and every server binds 127.0.0.1 and stops by itself.

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
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

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

DOCS = REPO / "docs"
README = REPO / "README.md"
MARK_BEGIN = "<!-- bench:begin (written by `make bench`; edit scripts/bench.py instead) -->"
MARK_END = "<!-- bench:end -->"
WORK = REPO / "build" / "bench"


# ---------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Row:
    """One line of the table. ``ratio`` is ours over the reference (see ``higher_is_better``)."""

    key: str
    what: str
    ours: str
    reference: str
    ratio: float | None
    target: str = "no target"
    met: bool | None = None  # None: no target, or a reference line
    target_ratio: float | None = None  # where the target is a ratio, for the chart
    higher_is_better: bool = False


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


def verdict(row: Row) -> str:
    if row.met is None:
        return "—"
    return "met" if row.met else "**missed**"


def fmt_ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}{TIMES}"


def render_table(rows: list[Row]) -> str:
    """The results as a markdown table, one line per row, with the verdict last."""
    lines = [
        "| # | measurement | lptpb | reference | ratio | target | verdict |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        cells = (
            row.key, row.what, row.ours, row.reference, fmt_ratio(row.ratio), row.target,
            verdict(row),
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
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "os": f"{platform.system()} {platform.release()} {platform.machine()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "packages": ", ".join(f"{name} {version}" for name, version in versions.items()),
        "commit": commit,
    }


def render_block(report: Report, where: dict[str, str], total: float) -> str:
    """What ``docs/benchmarks.md`` and the README show: the machine, the table, the notes."""
    out = [
        f"Measured {where['date']} on {where['cpu']}, {where['cores']} cores, {where['os']}, "
        f"{where['python']}; {where['packages']}; commit {where['commit']}. "
        f"`make bench` took {total:.0f} s.",
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
            "Written by `make bench` (`scripts/bench.py`); do not edit by hand. Each ratio is",
            "taken within one run, contenders alternating round by round, medians reported.",
            "Ratios are lptpb over the reference: lower is better, except throughput.",
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
    """A bar per ratio, log scale, coloured by verdict, with the target where there is one."""
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
    figure, axes = plt.subplots(figsize=(11, 0.5 * len(shown) + 1.6))
    positions = list(range(len(shown)))[::-1]
    values = [row.ratio or 1.0 for row in shown]
    axes.barh(positions, [value - 1.0 for value in values], left=1.0, color=colours)
    axes.set_xscale("log")
    axes.axvline(1.0, color="black", linewidth=0.8)
    for position, row, value in zip(positions, shown, values, strict=True):
        where = value * 1.04 if value >= 1 else 1.04  # right of the bar, or of the 1x line
        axes.text(where, position, fmt_ratio(value), va="center", fontsize=8)
        if row.target_ratio is not None:
            axes.plot(
                [row.target_ratio] * 2, [position - 0.4, position + 0.4], color="black",
                linewidth=2.5,
            )  # fmt: skip
    axes.set_yticks(positions, labels, fontsize=8)
    axes.set_xlabel("lptpb / reference (log scale; 1 = same); black tick: target")
    axes.set_title("lptpb benchmarks: green met, red missed, grey reference or no target")
    limits = [*values, *(row.target_ratio or 1.0 for row in shown)]
    low, high = min(limits) / 1.8, max(limits) * 1.8
    ticks = [t for t in (0.125, 0.25, 0.5, 1, 2, 4, 8, 16, 32) if low <= t <= high]
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


# ---------------------------------------------------------------------------- 1. per call


def batch_bytes() -> bytes:
    """The JSON the SDK sends for ``BATCH``, for the bare clients to post as it is."""
    model = validate_body(SendMessagesRequest, BATCH)
    return model.model_dump_json(by_alias=True, exclude_unset=True).encode()


ANSWER = json.dumps({"commandId": "4a5b6c7d-bench"}).encode()


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


def contenders_per_call() -> tuple[dict[str, Callable[[], object]], dict[str, Answering]]:
    import openai  # noqa: PLC0415 - a dev-only peer, loaded where it is measured

    from lptpb_client import AuthenticatedClient  # noqa: PLC0415
    from lptpb_client.api.conversation import send_messages as raw_send  # noqa: PLC0415
    from lptpb_client.models import SendMessagesRequest as WireRequest  # noqa: PLC0415

    handlers = {name: Answering() for name in ("lptpb", "raw", "bare", "openai")}

    def mock(name: str) -> httpx.MockTransport:
        return httpx.MockTransport(handlers[name])

    request = validate_body(SendMessagesRequest, BATCH)  # prebuilt and validated, as apps do
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

    calls: dict[str, Callable[[], object]] = {
        "lptpb": call_ours, "raw": call_raw, "bare": call_bare, "openai": call_peer,
    }  # fmt: skip
    return calls, handlers


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
            raise SystemExit(f"bench: {name} sent {value!r}, bare httpx sent {first!r}")


def per_call(report: Report, quick: bool) -> None:
    calls, handlers = contenders_per_call()
    number, rounds = (100, 5) if quick else (400, 15)
    for call in calls.values():  # warm-up: caches, first-use imports, branch predictors
        for _ in range(number):
            call()
    check_same_request(handlers)
    times: dict[str, list[float]] = {name: [] for name in calls}
    names = list(calls)
    for index in range(rounds):
        for name in names[index % len(names) :] + names[: index % len(names)]:
            seconds = timeit.Timer(calls[name]).timeit(number=number)
            times[name].append(seconds / number * 1e6)
    us = {name: median(values) for name, values in times.items()}
    floor = us["bare"]
    reference = f"bare `httpx.Client.post` {floor:.0f} µs"
    report.rows += [
        Row(
            "1", "per-call overhead, sync `send_messages`", f"{us['lptpb']:.0f} µs", reference,
            us["lptpb"] / floor, f"≤ 1.25{TIMES}", us["lptpb"] / floor <= 1.25, 1.25,
        ),
        Row(
            "1", "… generated raw client `sync_detailed`", f"{us['raw']:.0f} µs", reference,
            us["raw"] / floor,
        ),
        Row(
            "1", "… peer: openai-python `client.post`", f"{us['openai']:.0f} µs", reference,
            us["openai"] / floor,
        ),
    ]  # fmt: skip
    report.notes.append(
        f'Row 1: `httpx.MockTransport` answers 200 `{{"commandId": …}}` at once; one text '
        f"message; median of {rounds} rounds of {number} calls, contenders rotating. lptpb gets "
        "a prebuilt, validated `SendMessagesRequest`; the raw client a prebuilt attrs model; "
        "bare httpx the JSON bytes and parses the answer's JSON; openai-python "
        f"{_version('openai')} (the last line built on httpx; 3.x moved to httpx2) posts the "
        "dict and casts the answer to an `openai.BaseModel`. All four send the same method, "
        "URL, bearer and JSON (checked)."
    )


# ---------------------------------------------------------------------------- 2. throughput


def _cpu_ticks(pid: int) -> float:
    """CPU seconds (user + system) ``pid`` has used so far, from /proc; 0 where unknown."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _has_taskset() -> bool:
    return (os.cpu_count() or 1) > 1 and shutil.which("taskset") is not None


@contextlib.contextmanager
def simulator() -> Iterator[tuple[str, int]]:
    """``lptpb sim`` on 127.0.0.1 in a subprocess (pinned to CPU 0), and this process on CPU 1."""
    argv = [sys.executable, "-m", "lptpb_ext.cli", "sim", "--port", "0", "--exit-after", "300"]
    pinned = ["taskset", "-c", "0", *argv] if _has_taskset() else argv
    proc = subprocess.Popen(pinned, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None  # noqa: S101 - PIPE was asked for
    line = proc.stdout.readline()
    if "serving " not in line:
        proc.kill()
        raise SystemExit(f"bench: the simulator did not start: {line!r}")
    url = line.split("serving ", 1)[1].split(" ", 1)[0]
    threading.Thread(target=proc.stdout.read, daemon=True).start()  # drain anything later
    affinity = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    if affinity is not None and _has_taskset():
        os.sched_setaffinity(0, {1})
    try:
        yield url, proc.pid
    finally:
        if affinity is not None:
            os.sched_setaffinity(0, affinity)
        proc.terminate()
        proc.wait(timeout=30)


async def _drive(
    count: int, concurrency: int, send: Callable[[], Awaitable[None]]
) -> tuple[float, float]:
    """Wall and CPU seconds (this process) for ``count`` sends by ``concurrency`` workers."""
    queue = iter(range(count))

    async def worker() -> None:
        for _ in queue:
            await send()

    started, cpu = time.perf_counter(), time.process_time()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - started, time.process_time() - cpu


async def bare_async(url: str, count: int, concurrency: int) -> tuple[float, float]:
    limits = httpx.Limits(max_connections=concurrency)
    body = batch_bytes()
    async with httpx.AsyncClient(base_url=url, limits=limits) as http:
        login = await http.post(
            f"/api/v1/account/{ACCOUNT}/login",
            params={"v": "1.3"},
            json={
                "authType": "USER_PASS",
                "credentials": {"username": USER.username, "password": USER.password},
            },
        )
        headers = {
            "Authorization": f"Bearer {login.json()['bearer']}",
            "Content-Type": JSON,
            "Accept": JSON,
        }

        async def send() -> None:
            response = await http.post(f"{PATH}?ttl=30", content=body, headers=headers)
            response.raise_for_status()
            response.json()["commandId"]

        return await _drive(count, concurrency, send)


async def ours_async(url: str, count: int, concurrency: int) -> tuple[float, float]:
    limits = httpx.Limits(max_connections=concurrency)
    request = validate_body(SendMessagesRequest, BATCH)
    async with (
        httpx.AsyncClient(limits=limits) as http,
        AsyncClient(ACCOUNT, USER, base_url=url, http_client=http) as client,
    ):
        await client.login()

        async def send() -> None:
            await client.send_messages(CONVERSATION, request)

        return await _drive(count, concurrency, send)


def throughput(report: Report, quick: bool) -> None:
    count, rounds = (200, 1) if quick else (600, 15)
    runners = {"lptpb": ours_async, "bare": bare_async}
    with simulator() as (url, pid):
        for runner in runners.values():  # warm-up: connections, the simulator's caches
            asyncio.run(runner(url, 100, 64))
        lone = asyncio.run(bare_async(url, 20, 1))[0] / 20
        report.notes.append(
            f"Row 2: one request at a time, a send takes {lone * 1000:.1f} ms over loopback"
            + (
                " (the simulator's socket is made without IPPROTO_TCP, so asyncio leaves Nagle's "
                "algorithm on and each answer's body waits for the client's delayed ACK); at "
                "concurrency 64 and 256 that latency is not what limits"
                if lone > 0.02
                else ""
            )
            + "."
        )
        for concurrency in (64, 256):
            rates: dict[str, list[float]] = {name: [] for name in runners}
            cpu: dict[str, list[float]] = {name: [] for name in runners}
            busy: list[float] = []
            mine_busy: list[float] = []
            for index in range(rounds):
                order = list(runners) if index % 2 == 0 else list(runners)[::-1]
                for name in order:
                    theirs, whole = _cpu_ticks(pid), time.perf_counter()
                    elapsed, mine = asyncio.run(runners[name](url, count, concurrency))
                    whole = time.perf_counter() - whole  # the simulator's share over the run
                    busy.append((_cpu_ticks(pid) - theirs) / whole)
                    rates[name].append(count / elapsed)
                    cpu[name].append(mine / count * 1e6)
                    mine_busy.append(mine / elapsed)
            ours, bare = median(rates["lptpb"]), median(rates["bare"])
            paired = [o / b for o, b in zip(rates["lptpb"], rates["bare"], strict=True)]
            slow = {  # rounds at under half the slower median rate
                name: sum(rate < min(ours, bare) / 2 for rate in rates[name]) for name in runners
            }
            report.rows.append(
                Row(
                    "2",
                    f"async throughput vs simulator, concurrency {concurrency}",
                    f"{ours:.0f} cmd/s",
                    f"bare `httpx.AsyncClient` {bare:.0f} cmd/s",
                    ours / bare,
                    f"≥ 0.9{TIMES}",
                    ours / bare >= 0.9,
                    0.9,
                    higher_is_better=True,
                )
            )
            sim_busy, client_busy = median(busy), median(mine_busy)
            pace = (
                "the simulator sets the pace" if sim_busy > 0.8
                else "this process's HTTP stack sets the pace" if client_busy > 0.8
                else "neither core is saturated"
            )  # fmt: skip
            report.notes.append(
                f"Row 2, concurrency {concurrency}: {count} sends per round, median of {rounds} "
                f"(round by round the ratio ran from {min(paired):.2f} to {max(paired):.2f}; "
                f"rounds under half speed: lptpb {slow['lptpb']}, bare httpx {slow['bare']}). "
                f"The simulator's core was {sim_busy * 100:.0f}% busy and this process's "
                f"{client_busy * 100:.0f}%, so {pace}. Client CPU per command: lptpb "
                f"{median(cpu['lptpb']):.0f} µs, bare httpx "
                f"{median(cpu['bare']):.0f} µs."
            )


# ---------------------------------------------------------------------------- 3. storm


STORM_HOLD = 0.3  # seconds the simulator holds each answer, so every send is in flight at once


async def storm_once(tasks: int, invalidate: bool) -> tuple[float, int, int]:
    """Over loopback HTTP: seconds to deliver ``tasks`` sends that are all in flight when the
    session is taken over (or not), the re-logins it took, and how many were accepted."""
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
    ok = sum(1 for a in accepted if not isinstance(a, BaseException))
    return seconds, logins - 1, ok


def storm(report: Report, quick: bool) -> None:
    tasks, rounds = (300, 1) if quick else (300, 5)
    asyncio.run(storm_once(tasks, True))  # warm-up
    stormy: list[float] = []
    calm: list[float] = []
    relogins: list[int] = []
    short: list[int] = []
    for _ in range(rounds):
        seconds, logins, delivered = asyncio.run(storm_once(tasks, True))
        if delivered != tasks:
            short.append(tasks - delivered)
        stormy.append(seconds)
        relogins.append(logins)
        calm.append(asyncio.run(storm_once(tasks, False))[0])
    most = max(relogins)
    report.rows.append(
        Row(
            "3",
            f"re-login storm over loopback HTTP: {tasks} sends in flight, session taken over",
            f"{median(stormy) * 1000:.0f} ms to deliver all, {most} re-login"
            + ("" if most == 1 else "s"),
            f"same {tasks} sends, no takeover: {median(calm) * 1000:.0f} ms",
            median(stormy) / median(calm),
            "1 re-login",
            all(n == 1 for n in relogins) and not short,
        )
    )
    report.notes.append(
        f"Row 3: the simulator over HTTP on 127.0.0.1 (httpx's default pool of 100 "
        f"connections) holds each of {tasks} sends {STORM_HOLD:g} s; the user's session is "
        "taken over just before they go, so each is answered 401, one task logs in again and "
        "all replay. Timed from the first send to the last acceptance, against the same sends "
        f"with no takeover; re-logins per round: {relogins}; sends not accepted per round: "
        f"{short or 0}; median of {rounds}."
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
        times: dict[str, list[float]] = {name: [] for name in calls}
        for index in range(rounds):
            for name in ["memory", "redis"] if index % 2 else ["redis", "memory"]:
                times[name].append(timeit.Timer(calls[name]).timeit(number=number) / number * 1e6)
    ratios = [r / m for r, m in zip(times["redis"], times["memory"], strict=True)]
    ratio = median(ratios)
    report.rows.append(
        Row(
            "8", "per-call overhead with `RedisSessionStore`", f"{median(times['redis']):.0f} µs",
            f"default in-process store {median(times['memory']):.0f} µs", ratio,
            f"same within noise (≤ 1.05{TIMES})", ratio <= 1.05, 1.05,
        )
    )  # fmt: skip
    report.notes.append(
        f"Row 8: row 1's sync send with a logged-in `UserPassword` client, its session in a "
        f"real redis-server (unix socket) or in memory; {rounds} paired rounds of {number} "
        f"calls, order alternating; ratio per pair {min(ratios):.2f} to {max(ratios):.2f}{TIMES}, "
        "median shown. The hot path never reads the store."
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

    number, repeat, runs = (200, 3, 1) if quick else (1000, 5, 5)
    bench_builder.measure(number=number // 4, repeat=1)  # warm-up
    figures = [bench_builder.measure(number=number, repeat=repeat) for _ in range(runs)]
    ratio = median([f["ratio"] for f in figures])
    build = median([f["build_validate"] for f in figures])
    base = median([f["baseline"] for f in figures])
    size = median([f["size_model"] for f in figures])
    report.rows.append(
        Row(
            "4",
            "builder: build + validate seed 003's payload",
            f"{build:.0f} µs",
            f"bare pydantic `model_validate` {base:.1f} µs",
            ratio,
            f"≤ 1.5{TIMES}",
            ratio <= 1.5,
            1.5,
        )
    )
    report.notes.append(
        f"Row 4: `scripts/bench_builder.py`'s `measure()` (each figure the best of {repeat} "
        f"repeats of {number} calls), median of {runs} such runs. The 15000-byte size check "
        f"on a carousel of exactly that size costs {size:.0f} µs."
    )


# ---------------------------------------------------------------------------- 5. import time


def _uv() -> str:
    local = REPO / ".tools" / "bin" / "uv"
    found = str(local) if local.exists() else shutil.which("uv")
    if found is None:
        raise SystemExit("bench: uv not found (run `make sync` first)")
    return found


def _run(*argv: str, cwd: Path = REPO) -> str:
    """Run a tool with fixed arguments; its output, or the bench stops with what it said."""
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"bench: {' '.join(argv)} failed:\n{done.stdout}{done.stderr}")
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


def import_seconds(python: Path, module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    return float(_run(str(python), "-I", "-c", code, cwd=python.parent))


def import_time(report: Report, quick: bool) -> None:
    started = time.perf_counter()
    python = runtime_venv()
    setup = time.perf_counter() - started
    runs = 3 if quick else 9
    for module in ("httpx", "lptpb_ext"):  # warm-up: bytecode compiled, files in the page cache
        import_seconds(python, module)
    ours: list[float] = []
    floor: list[float] = []
    for _ in range(runs):
        floor.append(import_seconds(python, "httpx"))
        ours.append(import_seconds(python, "lptpb_ext"))
    code = "import sys, lptpb_ext; print(len(sys.modules))"
    listing = _run(str(python), "-I", "-c", code, cwd=python.parent).strip()
    report.rows.append(
        Row(
            "5",
            "import time, runtime dependencies only",
            f"{median(ours) * 1000:.0f} ms",
            f"`import httpx` {median(floor) * 1000:.0f} ms",
            median(ours) / median(floor),
        )
    )
    report.notes.append(
        f"Row 5: `python -I -c 'import …'` timed inside fresh processes of "
        f"`build/bench/runtime-venv` (anyio, attrs, httpx, pydantic as locked, and this tree's "
        f"wheel; set up in {setup:.0f} s), median of {runs}; `import lptpb_ext` loads "
        f"{listing} modules."
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

        async def one() -> bool:
            accepted = await client.send_messages(CONVERSATION, request)
            outcome = await client.wait_for_command(CONVERSATION, accepted.commandId)
            return outcome.ok

        return sum(await asyncio.gather(*(one() for _ in range(count))))


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

        return sum(await asyncio.gather(*(one() for _ in range(count))))


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
    count = 2000 if quick else 10_000
    found: dict[str, dict[str, float]] = {}
    for kind in ("lptpb", "bare"):
        done = _run(sys.executable, __file__, "--memory-child", kind, "--commands", str(count))
        found[kind] = json.loads(done)
        if found[kind]["completed"] != count:
            raise SystemExit(f"bench: {kind} completed {found[kind]['completed']} of {count}")
    grown = {kind: (f["peak"] - f["baseline"]) / 1024 for kind, f in found.items()}
    report.rows.append(
        Row(
            "6",
            f"memory: peak RSS while {count} commands are tracked",
            f"+{grown['lptpb']:.0f} MiB ({found['lptpb']['peak'] / 1024:.0f} MiB peak)",
            f"bare httpx, same polling: +{grown['bare']:.0f} MiB "
            f"({found['bare']['peak'] / 1024:.0f} MiB peak)",
            grown["lptpb"] / grown["bare"] if grown["bare"] > 0 else None,
        )
    )
    per = grown["lptpb"] * 1024 / count
    report.notes.append(
        f"Row 6: one fresh process each; {count} `send_messages` + `wait_for_command` tasks at "
        "once against an in-process fake that answers `waiting` once, then `completed`; "
        "peak RSS (VmHWM) over the RSS after imports and a 10-command warm-up; "
        f"{per:.1f} KiB per tracked command; it took {found['lptpb']['seconds']:.1f} s "
        f"(bare {found['bare']['seconds']:.1f} s)."
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
        raise SystemExit(f"bench: `make generate` changed generated/:\n{after}")
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
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds: a smoke run")
    parser.add_argument("--only", default="", help="comma-separated rows, e.g. 1,3 (no writing)")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--memory-child", choices=("lptpb", "bare"), help=argparse.SUPPRESS)
    parser.add_argument("--commands", type=int, default=10_000, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child, args.commands)
        return 0

    chosen = [key.strip() for key in args.only.split(",") if key.strip()] or list(MEASUREMENTS)
    report = Report()
    started = time.perf_counter()
    for key in chosen:
        begun = time.perf_counter()
        print(f"bench: row {key} …", file=sys.stderr, flush=True)
        MEASUREMENTS[key](report, args.quick)
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
