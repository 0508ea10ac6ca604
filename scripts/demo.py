"""``make demo``: start the simulator on 127.0.0.1, run the example flow, print a transcript.

Nothing leaves the machine: the simulator is served on loopback for the length of the run and
stopped on exit. The exit status is 0 only when the flow went as meant: every command
completed, and the conversation ended closed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository's examples/

from examples.support_flow import run
from lptpb_ext import Client, UserPassword
from lptpb_ext.simulator import Simulator, serve

ACCOUNT = "12345678"
CONVERSATION = "2312ed0e-662e-4c94-9022-f0991058b4a4"  # the default seed's messaging conversation


def main() -> int:
    started = time.monotonic()
    with serve(Simulator()) as url:
        print(f"lptpb demo: simulator on {url}, account {ACCOUNT}, conversation {CONVERSATION}")
        with Client(ACCOUNT, UserPassword("someuser", "123456"), base_url=url) as client:
            succeeded = run(client, CONVERSATION)
    verdict = "as meant" if succeeded else "NOT as meant"
    print(f"simulator stopped; the flow went {verdict} in {time.monotonic() - started:.1f} s")
    return 0 if succeeded else 1


if __name__ == "__main__":
    sys.exit(main())
