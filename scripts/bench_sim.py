"""Benchmark: commands per second the simulator sustains over loopback, and the client's share.

Starts the simulator (uvicorn) in a subprocess pinned to one core (CPU 0) and drives it from
this process, pinned to the other core when there is one, over 127.0.0.1, with row 2's
contenders of ``make bench`` (``scripts/bench.py``), each on a warm pool of its own:

1. **raw sockets**: hand-written HTTP/1.1 on one socket per worker, no HTTP library: the
   simulator's ceiling, since the client side does almost nothing.
2. **bare httpx**: an ``httpx.AsyncClient`` posting the same ``sendMessages`` JSON with a bearer
   from one login.
3. **lptpb AsyncClient**: the SDK's ``send_messages`` (validation, session, retry plan, parsing).

Each runs ``--rounds`` times after a warm-up, the order rotating, and the medians are reported
with ratios to bare httpx measured in the same run, the simulator's CPU time per command and
failed requests (counted, never fatal). Usage::

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
    names = {"floor": "raw sockets", "bare": "bare httpx", "lptpb": "lptpb AsyncClient"}
    with bench.simulator() as (url, pid):
        runs, _connects = asyncio.run(
            bench.rounds_at(
                url, pid, args.concurrency, count=args.commands, rounds=args.rounds,
                names=list(names),
            )
        )  # fmt: skip
    rates = {name: statistics.median(run.rate for run in runs[name]) for name in names}
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print(f"simulator pinned to CPU 0: {bench._pinned()}; {args.commands} sendMessages, "
          f"concurrency {args.concurrency}, median of {args.rounds}")  # fmt: skip
    print("| client | commands/s | ratio to bare httpx | simulator CPU per command | failed |")
    print("|---|---|---|---|---|")
    for name, label in names.items():
        sim_us = statistics.median(run.sim_cpu / run.sent * 1e6 for run in runs[name])
        failed = sum(sum(run.failed.values()) for run in runs[name])
        print(
            f"| {label} | {rates[name]:,.0f} | {rates[name] / rates['bare']:.2f} | "
            f"{sim_us:.0f} µs | {failed} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
