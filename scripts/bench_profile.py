"""Profiles behind the benchmark's two biggest costs, written to ``docs/profile-*.txt``.

``call``: pyinstrument over sync ``Client.send_messages`` calls against ``httpx.MockTransport``
(row 1 of ``make bench``), with bare ``httpx.Client.post`` profiled the same way beside it.
``import``: ``python -X importtime -c 'import lptpb_ext'`` in the runtime-only venv that
``make bench`` builds (row 5), the imports sorted by cumulative time.

Usage::

    python scripts/bench_profile.py call [--calls 20000] [--out docs/profile-per-call.txt]
    python scripts/bench_profile.py import [--python VENV/bin/python] [--out FILE]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

import bench  # noqa: E402 - beside this script


def profile_calls(calls: int) -> str:
    from pyinstrument import Profiler  # noqa: PLC0415 - a dev-only tool

    contenders, _ = bench.contenders_per_call()
    parts = []
    for name, title in (("lptpb", "Client.send_messages"), ("bare", "bare httpx.Client.post")):
        call = contenders[name]
        for _ in range(500):  # warm-up
            call()
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(calls):
            call()
        session = profiler.stop()
        per_call = session.duration / calls * 1e6
        text = profiler.output_text(
            unicode=True, color=False, show_all=False, timeline=False,
            processor_options={"show_regex": r".*(httpx|lptpb_ext|pydantic).*"},
        )  # fmt: skip
        parts.append(f"## {title}: {calls} calls, {per_call:.0f} µs each under the profiler\n")
        parts.append(text)
    return "\n".join(parts)


def profile_import(python: Path | None) -> str:
    python = python or bench.runtime_venv()
    statement = "from lptpb_ext import AsyncClient, Client"  # import lptpb_ext alone loads little
    done = subprocess.run(
        [str(python), "-I", "-X", "importtime", "-c", statement],
        capture_output=True, text=True, check=True, cwd=python.parent,
    )  # fmt: skip
    done = subprocess.run(
        [str(python), "-I", "-X", "importtime", "-c", statement],
        capture_output=True, text=True, check=True, cwd=python.parent,
    )  # fmt: skip
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        own_us, cumulative_us, nested = line[len("import time:") :].split("|")
        rows.append((int(cumulative_us), int(own_us), nested[1:].rstrip()))
    total = max(row[0] for row in rows if not row[2].startswith(" "))
    lines = [
        f"python -X importtime -c '{statement}' in {python.parent.parent.name}: "
        f"{total / 1000:.0f} ms in all (one run, after a warm-up; microseconds below, by "
        "cumulative time; indentation is nesting)",
        "",
        f"{'cumulative':>10} {'self':>8}  module",
    ]
    lines += [f"{cum:>10} {own:>8}  {name}" for cum, own, name in sorted(rows, reverse=True)[:45]]
    own_by_top: dict[str, int] = {}
    for _, self_us, name in rows:
        top = name.strip().split(".")[0]
        own_by_top[top] = own_by_top.get(top, 0) + self_us
    lines += ["", "self time by top-level package (µs):"]
    lines += [
        f"{own:>10}  {top}" for top, own in sorted(own_by_top.items(), key=lambda kv: -kv[1])[:15]
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("call", "import"))
    parser.add_argument("--calls", type=int, default=20_000)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--title", default="", help="a first line for the output file")
    parser.add_argument("--python", type=Path, help="import: another venv's interpreter")
    args = parser.parse_args()
    text = profile_calls(args.calls) if args.what == "call" else profile_import(args.python)
    if args.title:
        text = f"{args.title}\n\n{text}"
    if args.out is None:
        print(text)
    else:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
