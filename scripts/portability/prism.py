"""``make prism``: Prism's validating proxy before the simulator, over the demo and quickstarts.

Starts the simulator on loopback, then Prism 5 (``@stoplight/prism-cli``, pinned in
``scripts/node``) as ``prism proxy openapi.yaml <simulator>``, and sends through the proxy the
demo's flow (``examples/support_flow.py``) and the README's two quickstart blocks, as written
but for the URL. Prism checks every request and every upstream answer against the contract and
logs each violation; the run fails on any.

Not part of ``make test``: Prism compiles the request schema of ``sendMessages`` (structured
content, recursive) for every request, some 35 to 45 seconds each on this machine, so the run
takes minutes. For the same reason the clients here get a 300 s read timeout and a 900 s
deadline (the quickstarts through a patched ``CallOptions`` default; their code is unchanged),
and the simulator keeps idle connections for 600 s: with uvicorn's 5 s default, the proxy's
pooled connection was closed while Prism was still validating, and its next forward failed
with "socket hang up" (a 500 from Prism, not a violation).

Usage: ``python scripts/portability/prism.py [--spec openapi.yaml] [--log build/prism.log]``.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import io
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(REPO))  # examples/

from examples.support_flow import run  # noqa: E402
from lptpb_ext import Client, UserPassword, _base, _engine  # noqa: E402
from lptpb_ext.simulator import Simulator  # noqa: E402
from lptpb_ext.simulator._serve import base_url, bind, server_for  # noqa: E402

PRISM = REPO / "scripts" / "node" / "node_modules" / ".bin" / "prism"
README = REPO / "README.md"
DOCUMENTED_URL = "http://127.0.0.1:8080"
ACCOUNT, CONVERSATION = "12345678", "2312ed0e-662e-4c94-9022-f0991058b4a4"
SLOW = httpx.Timeout(300.0, connect=5.0)
VIOLATION = re.compile(r"violation|did not pass the validation", re.IGNORECASE)


@dataclasses.dataclass(frozen=True)
class _SlowOptions(_engine.CallOptions):
    timeout: httpx.Timeout = dataclasses.field(default_factory=lambda: SLOW)
    deadline: float = 900.0


@contextlib.contextmanager
def simulator(sim: Simulator) -> Iterator[str]:
    sock = bind("127.0.0.1", 0)
    server = server_for(sim, sock)
    server.config.timeout_keep_alive = 600
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        while not server.started:
            time.sleep(0.05)
        yield base_url(sock)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@contextlib.contextmanager
def prism(spec: Path, upstream: str, log: Path) -> Iterator[str]:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    argv = [str(PRISM), "proxy", str(spec), upstream, "-p", str(port), "-h", "127.0.0.1"]
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, cwd=REPO)
    try:
        deadline = time.monotonic() + 120
        while "Prism is listening" not in log.read_text(encoding="utf-8"):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"prism did not start:\n{log.read_text(encoding='utf-8')}")
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def quickstart(title: str) -> str:
    for code in re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL):
        if code.startswith(f"# {title}\n"):
            return str(code)
    raise LookupError(title)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--spec", type=Path, default=REPO / "openapi.yaml")
    parser.add_argument("--log", type=Path, default=REPO / "build" / "prism.log")
    args = parser.parse_args(argv)
    if not PRISM.exists():
        print("prism: missing - run `make node`", file=sys.stderr)
        return 2
    args.log.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    failures: list[str] = []
    sim = Simulator()
    with simulator(sim) as upstream, prism(args.spec, upstream, args.log) as url:
        print(f"prism: proxy {url} -> simulator {upstream}")
        credentials = UserPassword("someuser", "123456")
        with Client(ACCOUNT, credentials, base_url=url, timeout=SLOW, deadline=900) as client:
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                ok = run(client, CONVERSATION)
            print(f"prism: demo flow {'went as meant' if ok else 'did NOT go as meant'}")
            if not ok:
                failures.append("demo flow:\n" + out.getvalue())
        sim.reset()  # the demo closed the conversation the quickstarts use
        setattr(_base, "CallOptions", _SlowOptions)  # noqa: B010 - the quickstarts' own clients
        for title in ("Quickstart (sync)", "Quickstart (async)"):
            code = quickstart(title).replace(DOCUMENTED_URL, url)
            out = io.StringIO()
            try:
                with contextlib.redirect_stdout(out):
                    exec(compile(code, f"README:{title}", "exec"), {})  # noqa: S102 - our README
                print(f"prism: {title}: {' | '.join(out.getvalue().splitlines())}")
            except Exception as exc:  # reported, and the run fails
                failures.append(f"{title}: {type(exc).__name__}: {exc}")
    text = args.log.read_text(encoding="utf-8")
    violations = [line for line in text.splitlines() if VIOLATION.search(line)]
    requests = len(re.findall(r"Request received", text))
    for line in violations:
        print(f"prism: {line.strip()}", file=sys.stderr)
    for failure in failures:
        print(f"prism: {failure}", file=sys.stderr)
    took = time.monotonic() - started
    print(f"prism: {requests} requests proxied, {len(violations)} violation(s) ({took:.0f} s)")
    return 1 if violations or failures else 0


if __name__ == "__main__":
    sys.exit(main())
