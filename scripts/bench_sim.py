"""Benchmark: commands per second the simulator sustains over loopback, and the client's share.

Starts ``lptpb sim`` (uvicorn) in a subprocess pinned to one core (CPU 0) and drives it from
this process, pinned to the other core when there is one, over 127.0.0.1:

1. **bare httpx**: an ``httpx.AsyncClient`` posting the same ``sendMessages`` JSON with a bearer
   from one login: the simulator's ceiling, since the client side does almost nothing.
2. **lptpb AsyncClient**: the SDK's ``send_messages`` (validation, session, retry plan, parsing).

Each is run ``--rounds`` times after a warm-up, in alternation, and the median is reported with
the SDK's ratio to bare httpx measured in the same run. Usage::

    python scripts/bench_sim.py [--commands 2000] [--concurrency 32] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

import httpx

from lptpb_ext import AsyncClient, RetryPolicy, SessionPool, UserPassword

ACCOUNT = "12345678"
CONVERSATION = "2312ed0e-662e-4c94-9022-f0991058b4a4"
USER = UserPassword("someuser", "123456")
BODY = {"messages": ["Hello from the benchmark"]}
PATH = f"/api/v1/account/{ACCOUNT}/conversation/{CONVERSATION}/messages"


def start_simulator() -> tuple[subprocess.Popen[str], str]:
    argv = [sys.executable, "-m", "lptpb_ext.cli", "sim", "--port", "0", "--exit-after", "600"]
    pinned = ["taskset", "-c", "0", *argv] if _has_taskset() else argv
    proc = subprocess.Popen(pinned, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None  # noqa: S101 - PIPE was asked for
    line = proc.stdout.readline()
    return proc, line.split("serving ", 1)[1].split(" ", 1)[0]


def _has_taskset() -> bool:
    return (os.cpu_count() or 1) > 1 and shutil.which("taskset") is not None


async def _pool(count: int, concurrency: int, send: object) -> float:
    queue = iter(range(count))

    async def worker() -> None:
        for _ in queue:
            await send()  # type: ignore[operator]

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - started


async def bare(url: str, count: int, concurrency: int) -> float:
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, limits=limits) as http:
        login = await http.post(
            f"/api/v1/account/{ACCOUNT}/login",
            params={"v": "1.3"},
            json={
                "authType": "USER_PASS",
                "credentials": {"username": USER.username, "password": USER.password},
            },
        )
        headers = {"Authorization": f"Bearer {login.json()['bearer']}"}

        async def send() -> None:
            response = await http.post(PATH, params={"ttl": 30}, json=BODY, headers=headers)
            response.raise_for_status()

        return await _pool(count, concurrency, send)


async def ours(url: str, count: int, concurrency: int) -> float:
    limits = httpx.Limits(max_connections=concurrency)
    http = httpx.AsyncClient(limits=limits)
    async with AsyncClient(
        ACCOUNT, USER, base_url=url, http_client=http, session_pool=SessionPool(),
        retry=RetryPolicy(max_attempts=1),
    ) as client:  # fmt: skip
        await client.login()

        async def send() -> None:
            await client.send_messages(CONVERSATION, BODY)

        elapsed = await _pool(count, concurrency, send)
    await http.aclose()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commands", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if (os.cpu_count() or 1) > 1 and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {1})
    proc, url = start_simulator()
    try:
        asyncio.run(bare(url, 200, args.concurrency))  # warm-up both paths
        asyncio.run(ours(url, 200, args.concurrency))
        times: dict[str, list[float]] = {"bare httpx": [], "lptpb AsyncClient": []}
        for _ in range(args.rounds):
            times["bare httpx"].append(asyncio.run(bare(url, args.commands, args.concurrency)))
            times["lptpb AsyncClient"].append(
                asyncio.run(ours(url, args.commands, args.concurrency))
            )
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    rates = {name: args.commands / statistics.median(values) for name, values in times.items()}
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print(f"simulator pinned to CPU 0: {_has_taskset()}; {args.commands} sendMessages, "
          f"concurrency {args.concurrency}, median of {args.rounds}")  # fmt: skip
    print("| client | commands/s | ratio to bare httpx |")
    print("|---|---|---|")
    for name, rate in rates.items():
        print(f"| {name} | {rate:,.0f} | {rate / rates['bare httpx']:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
