"""MkDocs hooks (``mkdocs.yml``): the two files of the site that are not written in ``docs/``.

- ``contract/redoc.html``: the contract rendered by Redoc, self-contained and checked, as
  ``scripts/docs.py`` builds it (``build/docs/index.html``). ``make docs`` builds it first and
  names it in ``LPTPB_REDOC_PAGE``; a bare ``mkdocs build`` builds it here (needs ``make
  node``). It is added as a documentation file, so ``mkdocs build --strict`` checks the links
  that point at it like any other.
- ``assets/javascripts/iframe-worker/shim.js``: Material's offline plugin makes search work
  from ``file://`` with the ``iframe-worker`` shim, which it would load from a CDN unless a
  polyfill of that name is configured (``extra.polyfills``). The shim comes from
  ``scripts/node`` (pinned in its package-lock.json), so the site loads nothing from elsewhere.

And one page is completed here: the marker ``<!-- docs/benchmarks.md -->`` in
``guides/benchmarks.md`` becomes the table ``make bench`` last wrote (``docs/benchmarks.md``,
itself left out of the site), its title dropped and its links made relative to the guide.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
import tempfile
from pathlib import Path
from types import ModuleType

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

REPO = Path(__file__).resolve().parent.parent
REDOC_PAGE = "contract/redoc.html"
SHIM = "assets/javascripts/iframe-worker/shim.js"
SHIM_SOURCE = REPO / "scripts" / "node" / "node_modules" / "iframe-worker" / "shim" / "index.js"
PAGE_ENV = "LPTPB_REDOC_PAGE"
BENCH_MARKER = "<!-- docs/benchmarks.md -->"
BENCH_TABLE = REPO / "docs" / "benchmarks.md"


def _docs_script() -> ModuleType:
    loaded = importlib.util.spec_from_file_location("lptpb_docs_script", REPO / "scripts/docs.py")
    if loaded is None or loaded.loader is None:  # pragma: no cover - the file is in the repo
        raise RuntimeError("scripts/docs.py cannot be loaded")
    module = importlib.util.module_from_spec(loaded)
    sys.modules[loaded.name] = module  # its dataclasses look their module up
    loaded.loader.exec_module(module)
    return module


def redoc_html() -> str:
    """The Redoc page: the one ``make docs`` built, else one built now from openapi.yaml."""
    given = os.environ.get(PAGE_ENV)
    if given:
        return Path(given).read_text(encoding="utf-8")
    docs = _docs_script()
    with tempfile.TemporaryDirectory(prefix="lptpb-redoc-") as tmp:
        page = docs.build(REPO / "openapi.yaml", Path(tmp) / "index.html")
        return str(page.path.read_text(encoding="utf-8"))


def on_files(files: Files, *, config: MkDocsConfig, **_: object) -> Files:
    """Add the Redoc page and the worker shim to the site's files."""
    if not SHIM_SOURCE.exists():
        raise SystemExit(f"docs: {SHIM_SOURCE} missing - run `make node` first")
    files.append(File.generated(config, REDOC_PAGE, content=redoc_html()))
    files.append(File.generated(config, SHIM, abs_src_path=str(SHIM_SOURCE)))
    return files


def benchmarks_markdown() -> str:
    """``docs/benchmarks.md`` without its title, its relative links one folder up."""
    lines = BENCH_TABLE.read_text(encoding="utf-8").splitlines()
    body = "\n".join(lines[1:] if lines and lines[0].startswith("# ") else lines)
    return re.sub(r"\]\((?![a-z]+:|/|#)", "](../", body)


def on_page_markdown(markdown: str, *, page: Page, **_: object) -> str:
    """Put the benchmark table where the benchmarks guide asks for it."""
    if BENCH_MARKER in markdown:
        return markdown.replace(BENCH_MARKER, benchmarks_markdown())
    return markdown
