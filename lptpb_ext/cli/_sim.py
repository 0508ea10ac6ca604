"""``lptpb sim``: serve the simulator over HTTP until Ctrl-C (or ``--exit-after``).

Ctrl-C (SIGINT) stops it with exit status 0; SIGTERM ends it the Unix way (status -15), as
uvicorn re-raises the signal after a graceful shutdown.

A control token (the ``X-Lptpb-Sim-Token`` that the ``/_sim`` control API then requires) comes
from ``LPTPB_SIM_CONTROL_TOKEN`` or, with ``--control-token-stdin``, the first line of stdin;
never from a flag's value, which ``ps`` and shell history would show.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from pathlib import Path

__all__ = ["HELP", "NAME", "configure", "run"]

NAME = "sim"
HELP = "Serve the local simulator of the API over HTTP."
TOKEN_VARIABLE = "LPTPB_SIM_CONTROL_TOKEN"  # noqa: S105 - the variable's name


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument(
        "--port", type=int, default=8080, help="port to bind; 0 picks a free one (default 8080)"
    )
    parser.add_argument(
        "--seed", type=Path, help="seed file, YAML or JSON (default: the shipped seed)"
    )
    parser.add_argument(
        "--manual-clock",
        action="store_true",
        help="start a clock that only POST /_sim/clock/advance moves (deterministic tests)",
    )
    parser.add_argument(
        "--exit-after", type=float, metavar="SECONDS", help="stop by itself after SECONDS"
    )
    parser.add_argument(
        "--print-seed",
        action="store_true",
        help="print the default seed (a starting point for --seed) and exit",
    )
    parser.add_argument(
        "--control-token-stdin",
        action="store_true",
        help=(
            "read a control token from the first line of stdin (else env "
            f"{TOKEN_VARIABLE}); /_sim then needs it as the X-Lptpb-Sim-Token header"
        ),
    )
    parser.add_argument("--log-level", default="warning", help="uvicorn's log level")


def run(args: argparse.Namespace) -> int:
    try:
        from lptpb_ext.simulator import (  # noqa: PLC0415 - keep `lptpb --help` free of extras
            DEFAULT_SEED_PATH,
            ManualClock,
            SeedError,
            Simulator,
        )
        from lptpb_ext.simulator._serve import (  # noqa: PLC0415 - as above
            base_url,
            bind,
            server_for,
        )
    except ImportError as exc:  # the simulator's own message names the extra to install
        print(f"lptpb sim: {exc}", file=sys.stderr)
        return 2
    if args.print_seed:
        sys.stdout.write(DEFAULT_SEED_PATH.read_text(encoding="utf-8"))
        return 0
    if args.control_token_stdin:
        token: str | None = sys.stdin.readline().rstrip("\r\n")
    else:
        token = os.environ.get(TOKEN_VARIABLE) or None
    source = "stdin" if args.control_token_stdin else TOKEN_VARIABLE
    try:
        sim = Simulator(
            args.seed,
            clock=ManualClock() if args.manual_clock else None,
            control_token=token,
        )
    except (OSError, SeedError) as exc:
        print(f"lptpb sim: cannot load the seed: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:  # the token's rule; the message never holds the token
        print(f"lptpb sim: the control token from {source}: {exc}", file=sys.stderr)
        return 2
    try:
        sock = bind(args.host, args.port)
    except OSError as exc:
        print(f"lptpb sim: cannot bind {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 2
    server = server_for(sim, sock, log_level=args.log_level)
    if args.exit_after is not None:
        timer = threading.Timer(args.exit_after, lambda: setattr(server, "should_exit", True))
        timer.daemon = True
        timer.start()
    seed = args.seed or "the default seed"
    guarded = " (needs the X-Lptpb-Sim-Token header)" if token else ""
    print(
        f"lptpb sim: serving {base_url(sock)} from {seed}; control API at /_sim{guarded}",
        flush=True,
    )
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn re-raises Ctrl-C once it has shut down
        pass
    finally:
        sock.close()
    return 0
