"""`make docs`: the reference page is self-contained and complete, and its checks can fail.

`make docs` itself builds the page and runs the full Chromium check on it (every operation
opened, no console error, no request); these tests prove each check catches what it is for.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests import spec as oas

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
needs_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason=f"no Chromium at {CHROMIUM}: install Debian's `chromium` package "
    "(.ci/run installs it when it runs as root with apt-get)",
)
CDN_LOGO = "https://cdn.redoc.ly/redoc/logo-mini-full.svg"


@functools.cache
def docs() -> ModuleType:
    path = oas.ROOT / "scripts" / "docs.py"
    loaded = importlib.util.spec_from_file_location("lptpb_docs", path)
    assert loaded is not None
    assert loaded.loader is not None
    module = importlib.util.module_from_spec(loaded)
    sys.modules[loaded.name] = module  # dataclasses look their module up while being created
    loaded.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return docs().build(oas.SPEC_PATH, tmp_path_factory.mktemp("docs") / "index.html")


@pytest.fixture(scope="module")
def raw_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Redocly's build-docs output exactly as it comes, before it is made offline."""
    out = tmp_path_factory.mktemp("raw") / "raw.html"
    docs().render(oas.SPEC_PATH, out)
    return out


def test_the_page_embeds_the_whole_contract_and_redoc_itself(page: Any) -> None:
    """The built page passes the static checks and carries every operation, schema and example."""
    html = page.path.read_text(encoding="utf-8")
    assert docs().check_static(html, oas.spec()) == []
    assert CDN_LOGO not in html
    assert [op["operationId"] for op in page.operations] == [
        op["operationId"]
        for item in oas.spec()["paths"].values()
        for method, op in item.items()
        if method in docs().METHODS
    ]
    assert len(page.operations) == 13
    assert page.schemas == len(oas.spec()["components"]["schemas"])
    assert page.size > 1_000_000  # Redoc's bundle is inlined, not fetched


def test_the_static_check_flags_an_external_script_and_a_stale_definition(page: Any) -> None:
    """A CDN `<script src>` and a definition that differs from the spec are both reported."""
    html = page.path.read_text(encoding="utf-8")
    calling_out = html.replace("<head>", '<head><script src="https://cdn.example/r.js"></script>')
    version = oas.spec()["info"]["version"]
    stale = html.replace(f'"version":"{version}"', '"version":"0.9.0"', 1)
    assert stale != html
    problems = docs().check_static(calling_out, oas.spec()) + docs().check_static(stale, oas.spec())
    assert any("loads from elsewhere" in p and "<script" in p for p in problems), problems
    assert "the definition embedded in the page differs from the spec" in problems


def test_redocly_output_fetches_its_logo_and_make_offline_inlines_it(raw_page: Path) -> None:
    """Redocly's own page points at its CDN logo; the build swaps it for an inline SVG."""
    raw = raw_page.read_text(encoding="utf-8")
    assert CDN_LOGO in raw
    fixed = docs().make_offline(raw)
    assert CDN_LOGO not in fixed
    assert "data:image/svg+xml;base64," in fixed


def test_make_offline_fails_loudly_when_the_logo_url_is_gone() -> None:
    """If a Redocly upgrade moves the logo URL, the build stops instead of guessing."""
    with pytest.raises(SystemExit, match="re-check that the page stays offline"):
        docs().make_offline("<html><body>no logo here</body></html>")


@needs_chromium
def test_chromium_check_fails_on_a_page_that_calls_out(raw_page: Path, page: Any) -> None:
    """Loaded in Chromium, Redocly's unfixed page is failed for its blocked CDN request."""
    unfixed = dataclasses.replace(page, path=raw_page, operations=[])
    code, report = docs().browser_check(unfixed, CHROMIUM, None)
    assert code == 1, json.dumps(report)
    assert CDN_LOGO in report["blockedRequests"]
    assert any("ERR_BLOCKED_BY_CLIENT" in e for e in report["consoleErrors"])
    assert report["ok"] is False


@needs_chromium
def test_chromium_check_fails_on_console_errors_and_exceptions(page: Any, tmp_path: Path) -> None:
    """A page that logs an error and throws is failed for both, with no request involved."""
    html = page.path.read_text(encoding="utf-8")
    noisy = tmp_path / "noisy.html"
    script = '<script>console.error("boom"); throw new Error("kaboom");</script>'
    noisy.write_text(html.replace("<head>", f"<head>{script}", 1), encoding="utf-8")
    code, report = docs().browser_check(
        dataclasses.replace(page, path=noisy, operations=[]), CHROMIUM, None
    )
    assert code == 1, json.dumps(report)
    assert report["consoleErrors"] == ["boom"]
    assert any("kaboom" in e for e in report["pageErrors"])
    assert report["blockedRequests"] == []


@needs_chromium
def test_chromium_check_reports_an_operation_the_page_does_not_show(page: Any) -> None:
    """An operation the page lacks is reported missing, while the real ones are found."""
    ghost = {
        "operationId": "deleteEverything",
        "summary": "Delete everything",
        "method": "delete",
        "path": "/api/v1/everything",
        "tag": "Conversation",
        "deprecated": False,
    }
    login = page.operations[0]
    asked = dataclasses.replace(page, operations=[login, ghost])
    code, report = docs().browser_check(asked, CHROMIUM, None)
    assert code == 1, json.dumps(report)
    assert report["operationsShown"] == [login["operationId"]]
    assert [m.split(":")[0] for m in report["operationsMissing"]] == ["deleteEverything"]
    assert report["consoleErrors"] == []
    assert report["blockedRequests"] == []
