"""The README's quickstart blocks run as written against the simulator over real HTTP."""

from __future__ import annotations

import contextlib
import io
import re

import pytest

from tests.spec import ROOT

simulator = pytest.importorskip("lptpb_ext.simulator", reason="needs the sim extra")

README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCUMENTED_URL = "http://127.0.0.1:8080"


def _block(title: str) -> str:
    """The fenced python block whose first line is ``# <title>``."""
    for code in re.findall(r"```python\n(.*?)```", README, flags=re.DOTALL):
        if code.startswith(f"# {title}\n"):
            return str(code)
    raise AssertionError(f"README has no python block titled {title!r}")


@pytest.fixture(scope="module")
def served_url():
    with simulator.serve(simulator.Simulator()) as url:
        yield url


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Quickstart (sync)", [r"send: completed", r"transfer: completed"]),
        ("Quickstart (async)", [r"\d+ completed"] * 3),
    ],
)
def test_quickstart_runs_as_written(served_url: str, title: str, expected: list[str]) -> None:
    """The block, pointed at the served simulator instead of port 8080, prints what it says."""
    code = _block(title)
    assert DOCUMENTED_URL in code
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code.replace(DOCUMENTED_URL, served_url), f"README:{title}", "exec"), {})  # noqa: S102 - running our own README
    lines = out.getvalue().splitlines()
    assert len(lines) == len(expected), lines
    for line, pattern in zip(lines, expected, strict=True):
        assert re.fullmatch(pattern, line), lines
