"""Benchmark: commands per second the simulator sustains over loopback, and the client's share.

Starts ``lptpb sim`` (uvicorn) in a subprocess pinned to one core (CPU 0) and drives it from
this process, pinned to the other core when there is one, over 127.0.0.1, with the same
simulator and contenders as row 2 of ``make bench`` (``scripts/bench.py``):

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
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # beside this script


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commands", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    runners = {"bare httpx": bench.bare_async, "lptpb AsyncClient": bench.ours_async}
    times: dict[str, list[float]] = {name: [] for name in runners}
    with bench.simulator() as (url, _pid):
        for runner in runners.values():  # warm-up both paths
            asyncio.run(runner(url, 200, args.concurrency))
        for _ in range(args.rounds):
            for name, runner in runners.items():
                times[name].append(asyncio.run(runner(url, args.commands, args.concurrency))[0])
    rates = {name: args.commands / statistics.median(values) for name, values in times.items()}
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print(f"simulator pinned to CPU 0: {bench._has_taskset()}; {args.commands} sendMessages, "
          f"concurrency {args.concurrency}, median of {args.rounds}")  # fmt: skip
    print("| client | commands/s | ratio to bare httpx |")
    print("|---|---|---|")
    for name, rate in rates.items():
        print(f"| {name} | {rate:,.0f} | {rate / rates['bare httpx']:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
