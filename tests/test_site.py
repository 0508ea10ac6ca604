"""The documentation site: every public name documented, the site builds strictly, offline.

``make docs`` builds the whole site and checks every page in Chromium; these tests prove the
parts that can fail: an undocumented export is caught, docstrings read as Markdown, the
build is strict and loads nothing from elsewhere, and Chromium sees the pages and the search.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import lptpb_ext
from tests.spec import ROOT

simulator = pytest.importorskip("lptpb_ext.simulator", reason="needs the sim extra")
griffe = pytest.importorskip("griffe", reason="needs the dev environment (mkdocstrings)")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
needs_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (Debian's `chromium`)"
)
REFERENCE = ROOT / "docs" / "reference"


def _script(name: str) -> ModuleType:
    path = ROOT / "scripts" / f"{name}.py"
    loaded = importlib.util.spec_from_file_location(f"lptpb_{name}", path)
    assert loaded is not None
    assert loaded.loader is not None
    module = importlib.util.module_from_spec(loaded)
    sys.modules[loaded.name] = module
    loaded.loader.exec_module(module)
    return module


@functools.cache
def ext() -> ModuleType:
    return _script("griffe_lptpb")


@functools.cache
def docs() -> ModuleType:
    return _script("docs")


@functools.cache
def api() -> dict[str, bool]:
    return dict(ext().public_api())


def test_every_public_name_has_a_docstring() -> None:
    """Each export of lptpb_ext and lptpb_ext.simulator, and what a reader calls on it."""
    names = api()
    exported = {f"lptpb_ext.{n}" for n in lptpb_ext.__all__}
    exported |= {f"lptpb_ext.simulator.{n}" for n in simulator.__all__}
    assert exported <= set(names)
    undocumented = sorted(name for name, documented in names.items() if not documented)
    assert undocumented == []
    print(f"public names: {len(names)} documented, {len(undocumented)} undocumented")


def test_every_export_has_its_place_in_the_reference() -> None:
    """Each exported name is rendered by exactly one ``:::`` directive of docs/reference."""
    directives = [
        line.removeprefix("::: ").strip()
        for page in REFERENCE.glob("*.md")
        for line in page.read_text(encoding="utf-8").splitlines()
        if line.startswith("::: ")
    ]
    wanted = [f"lptpb_ext.{n}" for n in lptpb_ext.__all__]
    wanted += [f"lptpb_ext.simulator.{n}" for n in simulator.__all__]
    assert sorted(d for d in directives if d != "lptpb_ext.simulator") == sorted(wanted)


def test_an_undocumented_export_is_reported(tmp_path: Path) -> None:
    """A package exporting a function without a docstring is caught, and a documented one not."""
    package = tmp_path / "pkg_doc_probe"
    package.mkdir()
    (package / "__init__.py").write_text(
        '"""Probe."""\n\nfrom pkg_doc_probe._impl import bare, told\n\n__all__ = ["bare", "told"]\n'
    )
    (package / "_impl.py").write_text(
        'def bare() -> None:\n    pass\n\n\ndef told() -> None:\n    """Documented."""\n'
    )
    loaded = griffe.load("pkg_doc_probe", search_paths=[str(tmp_path)])
    assert ext().public_api(loaded, ("pkg_doc_probe",)) == {
        "pkg_doc_probe.bare": False,
        "pkg_doc_probe.told": True,
    }


@pytest.mark.parametrize(
    ("docstring", "markdown"),
    [
        (":class:`~lptpb_ext.RetryPolicy`", "[`RetryPolicy`][lptpb_ext.RetryPolicy]"),
        (":class:`~lptpb_ext._client.Client`", "[`Client`][lptpb_ext.Client]"),
        (":meth:`Simulator.steal_session`", "[`Simulator.steal_session`]"
         "[lptpb_ext.simulator.Simulator.steal_session]"),
        (":func:`redact`", "`redact`"),  # a private helper: code, never a broken link
        (">>> x = 1  # doctest: +SKIP\n>>> x\n1", "```pycon\n>>> x = 1\n>>> x\n1\n```"),
        ("Title\n-----", "**Title**"),
        ("Like this::\n\n    a = 1\n\nDone.", "Like this:\n\n```python\na = 1\n```\n\nDone."),
    ],
)  # fmt: skip
def test_docstrings_are_read_as_markdown(docstring: str, markdown: str) -> None:
    """Roles, doctests, section titles and literal blocks become Markdown mkdocstrings shows."""
    ext().PUBLIC.update(ext().public_names())
    assert ext().to_markdown(docstring) == markdown


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The site as ``make docs`` builds it, into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    page = docs().build(ROOT / "openapi.yaml", out / "redoc" / "index.html")
    return docs().build_site(page.path, out / "site")


def test_the_site_builds_strictly_with_every_guide_and_reference_page(site: Any) -> None:
    """mkdocs --strict passed (broken links fail it); each docs/ page became an HTML page."""
    sources = {
        str(p.relative_to(ROOT / "docs").with_suffix(".html"))
        for p in (ROOT / "docs").rglob("*.md")
        if p.name != "benchmarks.md" or p.parent.name == "guides"
    }
    assert set(site.pages) == sources
    assert docs().check_site_static(site) == []
    assert (site.path / "contract" / "redoc.html").stat().st_size > 1_000_000
    assert (site.path / "search" / "search_index.js").exists()  # search from file://
    print(f"site: {len(site.pages)} pages plus the contract, built in {site.seconds:.1f} s")


def test_the_static_check_flags_web_fonts_and_cdn_scripts(site: Any, tmp_path: Path) -> None:
    """A page that would load Google Fonts or a CDN script is reported."""
    html = (site.path / "index.html").read_text(encoding="utf-8")
    bad = html.replace(
        "<head>",
        '<head><link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<script src="https://unpkg.com/iframe-worker/shim"></script>',
        1,
    )
    (tmp_path / "index.html").write_text(bad, encoding="utf-8")
    (tmp_path / "contract").mkdir()
    (tmp_path / "contract" / "redoc.html").write_text("<html></html>", encoding="utf-8")
    fake = docs().Site(tmp_path, ["index.html"], 0.0)
    problems = docs().check_site_static(fake)
    assert any("fonts.googleapis" in p for p in problems), problems
    assert any("<script src=" in p for p in problems), problems


@needs_chromium
def test_chromium_loads_pages_and_searches_offline(site: Any, tmp_path: Path) -> None:
    """The home page, Client's reference and the contract load cleanly; search answers."""
    some = docs().Site(site.path, ["index.html", "reference/client.html", "contract/index.html"], 0)
    shots = (tmp_path / "home.png", tmp_path / "client.png")
    code, report = docs().site_browser_check(some, CHROMIUM, shots)
    assert code == 0, report
    assert report["search"]["results"] > 0
    assert report["contractOperationsInMenu"] > 0
    assert all(shot.stat().st_size > 10_000 for shot in shots)


@needs_chromium
def test_chromium_check_fails_on_a_page_that_calls_out(site: Any) -> None:
    """A page whose script comes from a CDN is failed for the blocked request."""
    page = site.path / "guides" / "install.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(
        html.replace("<head>", '<head><script src="https://cdn.example/x.js"></script>', 1),
        encoding="utf-8",
    )
    try:
        code, report = docs().site_browser_check(
            docs().Site(site.path, ["guides/install.html"], 0), CHROMIUM, None
        )
    finally:
        page.write_text(html, encoding="utf-8")
    assert code == 1
    assert "https://cdn.example/x.js" in report["blockedRequests"]
