# ruff: noqa: RUF001 - the table prints the multiplication sign; the tests pin it
"""The benchmark suite's report: the table, its verdicts, and the README kept in step with it.

``scripts/bench.py`` measures; nothing here times anything. These tests pin what it writes.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench"] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def rows(bench: ModuleType) -> list:
    row = bench.Row
    return [
        row("1", "per call", "159 µs", "bare 100 µs", 1.59, "≤ 1.25×", False, 1.25),
        row("1", "… raw client", "180 µs", "bare 100 µs", 1.8),
        row("2", "throughput", "144 cmd/s", "bare 136 cmd/s", 1.0588, "≥ 0.9×", True, 0.9, True),
        row("3", "storm", "114 ms, 1 re-login", "calm 59 ms", 1.94, "1 re-login", True),
        row("7", "`make generate`", "3.3 s", "—", None),
    ]


def test_the_table_shows_each_verdict(bench):
    assert bench.render_table(rows(bench)).splitlines() == [
        "| # | measurement | lptpb | reference | ratio | target | verdict |",
        "|---|---|---|---|---|---|---|",
        "| 1 | per call | 159 µs | bare 100 µs | 1.59× | ≤ 1.25× | **missed** |",
        "| 1 | … raw client | 180 µs | bare 100 µs | 1.80× | no target | — |",
        "| 2 | throughput | 144 cmd/s | bare 136 cmd/s | 1.06× | ≥ 0.9× | met |",
        "| 3 | storm | 114 ms, 1 re-login | calm 59 ms | 1.94× | 1 re-login | met |",
        "| 7 | `make generate` | 3.3 s | — | — | no target | — |",
    ]


def test_the_block_names_the_machine_and_keeps_the_notes(bench):
    report = bench.Report(rows=rows(bench), notes=["Row 1: how it was measured."])
    where = {
        "date": "2026-11-21 21:15 UTC", "cpu": "AMD EPYC", "cores": "2", "os": "Linux x86_64",
        "python": "CPython 3.11.7", "packages": "httpx 0.28.1", "commit": "abc1234",
    }  # fmt: skip
    block = bench.render_block(report, where, 106.4)
    first = block.splitlines()[0]
    for part in ("2026-11-21 21:15 UTC", "AMD EPYC, 2 cores", "CPython 3.11.7", "httpx 0.28.1"):
        assert part in first
    assert "took 106 s" in first
    assert bench.render_table(report.rows) in block
    assert block.endswith("- Row 1: how it was measured.")


def test_only_the_text_between_the_markers_is_replaced(bench):
    text = f"# Title\n\nbefore\n{bench.MARK_BEGIN}\nold table\n{bench.MARK_END}\nafter\n"
    once = bench.replace_block(text, "new table")
    assert once == f"# Title\n\nbefore\n{bench.MARK_BEGIN}\nnew table\n{bench.MARK_END}\nafter\n"
    assert bench.replace_block(once, "new table") == once


def test_the_readme_shows_the_table_docs_benchmarks_has(bench):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index(bench.MARK_BEGIN) + len(bench.MARK_BEGIN)
    shown = readme[start : readme.index(bench.MARK_END, start)].strip()
    assert "| # | measurement |" in shown
    assert shown in (ROOT / "docs" / "benchmarks.md").read_text(encoding="utf-8")


def test_the_chart_is_a_png(bench, tmp_path):
    path = tmp_path / "chart.png"
    bench.plot(rows(bench), path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
