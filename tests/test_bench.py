# ruff: noqa: RUF001 - the table prints the multiplication sign; the tests pin it
"""The benchmark suite's report: the table, its verdicts, and the README kept in step with it.

``scripts/bench.py`` measures; nothing here times anything. These tests pin what it writes.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import httpx
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
        row(
            "1",
            "per call",
            "159 µs",
            "bare 100 µs",
            1.59,
            "≤ 1.25×",
            False,
            1.25,
            spread=(1.41, 1.873),
        ),
        row("1", "… raw client", "180 µs", "bare 100 µs", 1.8),
        row(
            "2",
            "throughput",
            "144 cmd/s, 0 failed",
            "bare 136 cmd/s, 2 failed (ReadError 2)",
            1.0588,
            "≥ 0.9×",
            True,
            0.9,
            True,
            spread=(0.97, 1.12),
        ),
        row("3", "storm", "114 ms, 1 re-login", "calm 59 ms", 1.94, "1 re-login", True),
        row("7", "`make generate`", "3.3 s", "—", None),
        row("8", "row 8 did not complete", "—", "—", None, "completes", False),
    ]


def test_the_table_shows_each_verdict(bench):
    assert bench.render_table(rows(bench)).splitlines() == [
        "| # | measurement | lptpb | reference | ratio | paired range | target | verdict |",
        "|---|---|---|---|---|---|---|---|",
        "| 1 | per call | 159 µs | bare 100 µs | 1.59× | 1.41–1.87× | ≤ 1.25× | **missed** |",
        "| 1 | … raw client | 180 µs | bare 100 µs | 1.80× | — | no target | — |",
        "| 2 | throughput | 144 cmd/s, 0 failed | bare 136 cmd/s, 2 failed (ReadError 2) | 1.06× "
        "| 0.97–1.12× | ≥ 0.9× | met |",
        "| 3 | storm | 114 ms, 1 re-login | calm 59 ms | 1.94× | — | 1 re-login | met |",
        "| 7 | `make generate` | 3.3 s | — | — | — | no target | — |",
        "| 8 | row 8 did not complete | — | — | — | — | completes | **missed** |",
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


def test_paired_ratios_are_taken_round_by_round(bench):
    """Each round's ratio is its own contenders' quotient; the median and range are theirs."""
    got = bench.paired([2.0, 3.0, 10.0], [1.0, 2.0, 4.0])
    assert got.ratios == (2.0, 1.5, 2.5)
    assert (got.median, got.spread) == (2.0, (1.5, 2.5))


def test_failures_are_counted_by_kind(bench):
    assert bench.failures(Counter()) == "0 failed"
    assert bench.failures(Counter({"ReadError": 2, "PoolTimeout": 1})) == (
        "3 failed (ReadError 2, PoolTimeout 1)"
    )


def test_a_row_that_raises_is_reported_and_the_suite_goes_on(bench, monkeypatch, capsys):
    """A measurement that fails becomes a missed row with the reason in the notes."""

    def broken(report, quick):
        raise httpx.ReadError("the server closed the connection")

    def fine(report, quick):
        report.rows.append(bench.Row("2", "fine", "1", "1", 1.0))

    monkeypatch.setattr(bench, "MEASUREMENTS", {"1": broken, "2": fine})
    monkeypatch.setattr(sys, "argv", ["bench.py", "--no-write"])
    assert bench.main() == 0
    out = capsys.readouterr().out
    assert "| 1 | row 1 did not complete | — | — | — | — | completes | **missed** |" in out
    assert "| 2 | fine |" in out
    assert "Row 1 stopped: ReadError: the server closed the connection" in out


def test_the_chart_is_a_png(bench, tmp_path):
    path = tmp_path / "chart.png"
    bench.plot(rows(bench), path)  # with a spread, a missing ratio and a failed row
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
