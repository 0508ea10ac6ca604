"""`make demo` runs the example flow against the simulator on loopback and exits 0."""

from __future__ import annotations

import importlib.util

import pytest

from tests.spec import ROOT

pytest.importorskip("lptpb_ext.simulator", reason="needs the sim extra")


def test_demo_transcript_covers_the_flow_and_exits_zero(capsys) -> None:
    """The transcript shows each step's outcome, ends closed, and main() returns 0."""
    spec = importlib.util.spec_from_file_location("demo", ROOT / "scripts" / "demo.py")
    assert spec is not None
    assert spec.loader is not None
    demo = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(demo)
    assert demo.main() == 0
    out = capsys.readouterr().out
    assert "simulator on http://127.0.0.1:" in out
    assert out.count("-> completed") == 3  # messages, SDEs, transfer
    for kind in ("transfer", "sdes", "messages"):
        assert f"{kind:<10} completed" in out
    assert "refused as documented: HTTP 404" in out
    assert "the flow went as meant" in out
    assert "123456" not in out.replace("12345678", "")  # the password is never printed
