"""Benchmark: a journaled bulk run (``Batch``) against a bare ``asyncio.gather`` loop.

Usage: ``python scripts/bench_bulk.py [--quick] [--jobs N] [--concurrency N] [--rounds N]``

The simulator runs in its own process (``lptpb sim`` on 127.0.0.1), with its default timings:
a command runs 0.5 s after it is created and takes 0.2 s. Each contender gets ``--jobs`` text
messages (default 1000) over fresh conversations (10 jobs each), spread over 10 bots so that
a run creates fewer commands per bot than the 200 the API keeps (eviction is the crash
test's subject, not this one's). Every contender sends every job once and tracks it until it
settles, at most ``--concurrency`` (default 32) sends in flight:

``loop``
    the baseline: ``asyncio.gather`` over the jobs, each ``async with semaphore:
    send_messages`` then ``wait_for_command`` (its polls are not limited: the loop is as
    fast as a hand-written loop gets);
``loop, job-limited``
    the same with the semaphore around the whole job, as such loops are often written;
``batch``
    ``Batch.arun`` with its journal (SQLite, WAL, ``synchronous=FULL``), polling ``auto``;
``batch, durable=False``, ``batch, polling=get``, ``batch, polling=list``,
``batch, no window``, ``batch, sync``
    the same journal with ``synchronous=NORMAL``; one ``getCommand`` per command per poll;
    one ``listCommands`` per conversation per poll; ``max_unsettled=None`` (the default
    100 caps the commands in flight, so that a bot's last 200 still hold them); the sync
    driver over ``Client``.

Measured in the same run, contenders alternating round by round: throughput (settled jobs
per second, from making the journal to the last outcome), and HTTP requests per settled
command (every request the client made: logins, sends, polls, retries). Ratios are to
``loop``. Nothing is asserted: the numbers are printed. ``measure()`` returns them for
``scripts/bench.py`` (``Measured.throughput_ratio``, ``Measured.requests(name)``).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import httpx

from lptpb_ext import AsyncClient, Batch, Client, Job, SessionPool, UserPassword
from lptpb_ext.simulator import DEFAULT_ACCOUNT, PASSWORD, PASSWORD_USER

USER = UserPassword(PASSWORD_USER, PASSWORD)
BOTS = 10
PER_CONVERSATION = 10


class Counting(httpx.AsyncBaseTransport):
    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport(limits=httpx.Limits(max_connections=100))
        self.requests = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


class SyncCounting(httpx.BaseTransport):
    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport(limits=httpx.Limits(max_connections=100))
        self.requests = 0
        self._lock = threading.Lock()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            self.requests += 1
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


@dataclass
class Result:
    seconds: list[float] = field(default_factory=list)
    rates: list[float] = field(default_factory=list)
    per_command: list[float] = field(default_factory=list)
    outcomes: dict[str, int] = field(default_factory=dict)


@contextlib.contextmanager
def simulator() -> Iterator[str]:
    argv = [sys.executable, "-m", "lptpb_ext.cli", "sim", "--port", "0", "--exit-after", "1800"]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None  # noqa: S101 - PIPE was asked for
    line = proc.stdout.readline()
    if "serving " not in line:
        proc.kill()
        raise SystemExit(f"bench_bulk: the simulator did not start: {line!r}")
    url = line.split("serving ", 1)[1].split(" ", 1)[0]
    threading.Thread(target=proc.stdout.read, daemon=True).start()
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def make_bots(url: str) -> list[str]:
    bots = []
    with httpx.Client(base_url=url) as http:
        for index in range(BOTS):
            name = f"bench-bot-{index}"
            http.post("/_sim/users", json={"username": name, "password": f"pw-{index}"})
            answer = http.post("/_sim/bots", json={"username": name, "running": False})
            answer.raise_for_status()
            bots.append(answer.json()["botId"])
    return bots


def make_jobs(url: str, bots: list[str], count: int, tag: str) -> list[Job]:
    conversations = []
    with httpx.Client(base_url=url) as http:
        for index in range(max(1, count // PER_CONVERSATION)):
            answer = http.post("/_sim/conversations", json={"bot": bots[index % len(bots)]})
            answer.raise_for_status()
            conversations.append(answer.json()["id"])
    return [
        Job(conversations[i % len(conversations)], "sendMessages",
            {"messages": [f"{tag}-{i}"]}, ttl=60)
        for i in range(count)
    ]  # fmt: skip


def reconciled(batch: Batch) -> dict[str, int]:
    """Sends that ended without a commandId: adopted from the command list, or retried."""
    events = batch.events()
    for _, _, state, detail in events:
        if state in ("pending", "in_doubt") or detail == "reconciled: adopted":
            print(f"    job {state}: {(detail or '')[:160]}", file=sys.stderr, flush=True)
    return {
        "(adopted)": sum(1 for e in events if e[3] == "reconciled: adopted"),
        "(retried)": sum(1 for e in events if e[2] == "pending"),
    }


def settled(counts: dict[str, int]) -> int:
    return sum(
        n for state, n in counts.items()
        if state not in ("pending", "sending", "accepted") and not state.startswith("(")
    )  # fmt: skip


async def loop(
    url: str, jobs: list[Job], concurrency: int, whole_job: bool
) -> tuple[float, int, dict[str, int]]:
    transport = Counting()
    outcomes: dict[str, int] = {}
    semaphore = asyncio.Semaphore(concurrency)
    async with (
        httpx.AsyncClient(transport=transport) as http,
        AsyncClient(DEFAULT_ACCOUNT, USER, base_url=url, http_client=http,
                    session_pool=SessionPool()) as client,
    ):  # fmt: skip

        async def one(job: Job) -> None:
            body = cast("dict[str, Any]", job.body)
            async with semaphore:
                accepted = await client.send_messages(job.conversation_id, body, ttl=job.ttl)
                if whole_job:
                    outcome = await client.wait_for_command(job.conversation_id, accepted.commandId)
            if not whole_job:
                outcome = await client.wait_for_command(job.conversation_id, accepted.commandId)
            outcomes[outcome.status] = outcomes.get(outcome.status, 0) + 1

        started = time.perf_counter()
        await asyncio.gather(*(one(job) for job in jobs))
        elapsed = time.perf_counter() - started
    return elapsed, transport.requests, outcomes


async def batch_async(
    url: str, jobs: list[Job], concurrency: int, workdir: Path, **options: object
) -> tuple[float, int, dict[str, int]]:
    transport = Counting()
    durable = bool(options.pop("durable", True))
    async with (
        httpx.AsyncClient(transport=transport) as http,
        AsyncClient(DEFAULT_ACCOUNT, USER, base_url=url, http_client=http,
                    session_pool=SessionPool()) as client,
    ):  # fmt: skip
        started = time.perf_counter()
        path = workdir / f"bench-{time.monotonic_ns()}.journal"
        with Batch.create(path, jobs, account_id=DEFAULT_ACCOUNT, durable=durable) as batch:
            summary = await batch.arun(client, concurrency=concurrency, **options)  # type: ignore[arg-type]
            elapsed = time.perf_counter() - started
            counts = {**summary.counts, **reconciled(batch)}
    return elapsed, transport.requests, counts


def batch_sync(
    url: str, jobs: list[Job], concurrency: int, workdir: Path
) -> tuple[float, int, dict[str, int]]:
    transport = SyncCounting()
    with (
        httpx.Client(transport=transport) as http,
        Client(DEFAULT_ACCOUNT, USER, base_url=url, http_client=http,
               session_pool=SessionPool()) as client,
    ):  # fmt: skip
        started = time.perf_counter()
        path = workdir / f"bench-{time.monotonic_ns()}.journal"
        with Batch.create(path, jobs, account_id=DEFAULT_ACCOUNT) as batch:
            summary = batch.run(client, concurrency=concurrency)
            elapsed = time.perf_counter() - started
            counts = {**summary.counts, **reconciled(batch)}
    return elapsed, transport.requests, counts


Runner = Callable[[list[Job]], tuple[float, int, dict[str, int]]]


def contenders(url: str, concurrency: int, workdir: Path) -> dict[str, Runner]:
    def run_async(
        make: Callable[[list[Job]], Awaitable[tuple[float, int, dict[str, int]]]],
    ) -> Runner:
        return lambda jobs: asyncio.run(make(jobs))  # type: ignore[arg-type]

    return {
        "loop": run_async(lambda jobs: loop(url, jobs, concurrency, whole_job=False)),
        "loop, job-limited": run_async(lambda jobs: loop(url, jobs, concurrency, whole_job=True)),
        "batch": run_async(lambda jobs: batch_async(url, jobs, concurrency, workdir)),
        "batch, durable=False": run_async(
            lambda jobs: batch_async(url, jobs, concurrency, workdir, durable=False)
        ),
        "batch, polling=get": run_async(
            lambda jobs: batch_async(url, jobs, concurrency, workdir, polling="get")
        ),
        "batch, polling=list": run_async(
            lambda jobs: batch_async(url, jobs, concurrency, workdir, polling="list")
        ),
        "batch, no window": run_async(
            lambda jobs: batch_async(url, jobs, concurrency, workdir, max_unsettled=None)
        ),
        "batch, sync": lambda jobs: batch_sync(url, jobs, concurrency, workdir),
    }


@dataclass(frozen=True)
class Measured:
    """What ``scripts/bench.py`` needs for its row: the ratios against the loop."""

    results: dict[str, Result]
    jobs: int
    concurrency: int
    rounds: int

    def rate(self, name: str) -> float:
        return statistics.median(self.results[name].rates)

    def requests(self, name: str) -> float:
        return statistics.median(self.results[name].per_command)

    @property
    def throughput_ratio(self) -> float:
        """``batch`` (journal on) against ``loop``: goal at least 0.8."""
        return self.rate("batch") / self.rate("loop")


def measure(
    jobs_count: int = 1000,
    concurrency: int = 32,
    rounds: int = 3,
    skip: tuple[str, ...] = (),
    log: Callable[[str], None] = lambda line: print(line, file=sys.stderr, flush=True),
) -> Measured:
    """Run every contender ``rounds`` times (alternating) against one simulator process."""
    with simulator() as url, tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
        bots = make_bots(url)
        runners = {k: v for k, v in contenders(url, concurrency, Path(tmp)).items()
                   if k not in skip}  # fmt: skip
        results = {name: Result() for name in runners}
        runners["batch"](make_jobs(url, bots, 100, "warm-up"))  # connections, caches
        for index in range(rounds):
            order = list(runners) if index % 2 == 0 else list(runners)[::-1]
            for name in order:
                if name == "loop, job-limited" and index > 0:
                    continue  # slow and steady: one round says enough
                jobs = make_jobs(url, bots, jobs_count, f"r{index}-{name}")
                elapsed, requests, outcomes = runners[name](jobs)
                done = settled(outcomes) if "batch" in name else sum(outcomes.values())
                result = results[name]
                result.seconds.append(elapsed)
                result.rates.append(done / elapsed)
                result.per_command.append(requests / max(done, 1))
                for state, n in outcomes.items():
                    if n:
                        result.outcomes[state] = result.outcomes.get(state, 0) + n
                log(f"  round {index + 1} {name}: {elapsed:.2f} s, {requests} requests, "
                    f"{ {k: v for k, v in outcomes.items() if v} }")  # fmt: skip
    return Measured(results, jobs_count, concurrency, rounds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="200 jobs, one round")
    parser.add_argument("--jobs", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--skip", action="append", default=[], metavar="NAME", help="leave a contender out"
    )
    args = parser.parse_args(argv)
    jobs_count, rounds = (200, 1) if args.quick else (args.jobs, args.rounds)
    measured = measure(jobs_count, args.concurrency, rounds, tuple(args.skip))
    report(measured.results, jobs_count, args.concurrency, rounds)
    return 0


def report(results: dict[str, Result], jobs: int, concurrency: int, rounds: int) -> None:
    base = results["loop"]
    base_rate = statistics.median(base.rates)
    base_requests = statistics.median(base.per_command)
    print(f"\n{jobs} jobs, concurrency {concurrency}, median of {rounds} round(s) "
          "(the job-limited loop: 1)")  # fmt: skip
    header = f"{'contender':<22} {'seconds':>8} {'jobs/s':>8} {'ratio':>6} {'req/cmd':>8}  outcomes"
    print(header)
    print("-" * len(header))
    for name, result in results.items():
        if not result.rates:
            continue
        rate = statistics.median(result.rates)
        per = statistics.median(result.per_command)
        print(
            f"{name:<22} {statistics.median(result.seconds):>8.2f} {rate:>8.1f} "
            f"{rate / base_rate:>5.2f}x {per:>8.2f}  {result.outcomes}"
        )
    if "batch" in results and results["batch"].rates:
        ours = results["batch"]
        ratio = statistics.median(ours.rates) / base_rate
        per = statistics.median(ours.per_command)
        print(f"\nthroughput, batch (journal on) vs loop: {ratio:.2f}x (goal >= 0.8x: "
              f"{'met' if ratio >= 0.8 else 'missed'})")  # fmt: skip
        print(f"requests per settled command: batch {per:.2f} vs loop {base_requests:.2f} "
              f"(goal: fewer: {'met' if per < base_requests else 'missed'})")  # fmt: skip
    polling = [n for n in ("batch, polling=get", "batch, polling=list", "batch") if n in results]
    if len(polling) > 1:
        shown = ", ".join(
            f"{n.removeprefix('batch, ') if ',' in n else 'auto'} "
            f"{statistics.median(results[n].per_command):.2f}"
            for n in polling
            if results[n].per_command
        )
        print(f"polling, requests per settled command: {shown}")


if __name__ == "__main__":
    raise SystemExit(main())
