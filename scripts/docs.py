#!/usr/bin/env python3
"""Reference docs for ``make docs``: ``openapi.yaml`` as one self-contained HTML page.

1. Redocly CLI ``build-docs`` (pinned in scripts/node/package-lock.json) with
   ``--inlineBundle``, so that Redoc's JavaScript is in the page rather than fetched from
   Redocly's CDN. The page is static: open it from disk, no server and no network needed.
2. Redoc 3 still fetches one file from the CDN when the page loads: the logo of its "API docs
   by Redocly" badge. The badge stays; its logo becomes an inline ``data:`` SVG. If the URL is
   not found (a Redocly upgrade changed it), the build fails rather than ship a page that
   calls out.
3. Static checks: no external script, stylesheet or module in the page, and the definition
   Redoc renders from, embedded in the page, equals ``openapi.yaml``: every operation, schema
   and example is in it.
4. ``--browser``: ``scripts/check_docs.mjs`` opens the page in headless Chromium (Debian's
   ``chromium``) with every request but the page itself blocked, and fails on any console
   error, page error, failed or blocked request, or operation it cannot open from the sidebar.
   Without Chromium the check is skipped and says why (``--require-browser`` makes it fail).

5. ``--site DIR``: the documentation site (``mkdocs.yml``: guides, API reference, and this
   page as ``contract/redoc.html``) built with ``mkdocs build --strict`` into DIR; every HTML
   page checked for loads from elsewhere; with ``--browser``, ``scripts/check_site.mjs``
   opens every page from disk in Chromium (no console error, no request outside the site,
   the contract page's Redoc shown in its frame), searches it offline, and writes
   screenshots of the home page and of ``Client`` beside the Redoc page's.

Usage: ``python scripts/docs.py [--spec openapi.yaml] [--out build/docs/index.html]
[--site build/site] [--browser [--screenshot PNG] [--chromium PATH] [--require-browser]]``.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
NODE_BIN = REPO / "scripts" / "node" / "node_modules" / ".bin"
REDOCLY = NODE_BIN / "redocly"
CHECK_PAGE = REPO / "scripts" / "check_docs.mjs"
CHECK_SITE = REPO / "scripts" / "check_site.mjs"
MKDOCS_CONFIG = REPO / "mkdocs.yml"
SEARCH_QUERY = "reconcile"
# Material for MkDocs prints a banner about MkDocs 2.0 on every build unless told not to.
MKDOCS_ENV = {"NO_MKDOCS_2_WARNING": "1"}
REDOCLY_CONFIG = REPO / "scripts" / "redocly.yaml"
# No telemetry (also turns Redoc's in-page telemetry off) and no update check.
REDOCLY_ENV = {"REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"}
DEFAULT_OUT = REPO / "build" / "docs" / "index.html"
CHROMIUM = "/usr/bin/chromium"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def _svg_uri(text: str, width: int) -> str:
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="16">'
        f'<text x="0" y="12" font-family="sans-serif" font-size="12" font-weight="bold" '
        f'fill="#0044D4">{text}</text></svg>'
    )
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


# Redoc's badge logos, fetched from the CDN at load time, and their offline stand-ins.
CDN_LOGOS = {
    "https://cdn.redoc.ly/redoc/logo-mini-full.svg": _svg_uri("Redocly", 56),
    "https://cdn.redoc.ly/redoc/logo-mini.svg": _svg_uri("R", 10),
}
# Markup that would make the page load something from elsewhere as it opens. (Redoc's bundle
# also holds URLs it fetches only on demand, such as icon sets this page never uses; the
# browser check, which blocks every request, is what proves none is fetched.)
EXTERNAL = re.compile(
    r"<script[^>]*\ssrc=|<link[^>]*\shref=[\"']?(https?:)?//|@import\s+url\(|"
    r"import\s*[{\w*][^;]*?from\s*[\"'](https?:)?//|fonts\.googleapis",
    re.IGNORECASE,
)
DEFINITION = re.compile(r"const __redoc_definition = (.*?);\n")
# What would make a page of the site load something from elsewhere (links to read are fine).
SITE_EXTERNAL = re.compile(
    r"<(?:script|link|img|iframe|source)\b[^>]*\s(?:src|href)=[\"']?(?:https?:)?//|"
    r"@import\s+url\(\s*[\"']?(?:https?:)?//|fonts\.googleapis|fonts\.gstatic",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Page:
    path: Path
    size: int
    operations: list[dict[str, Any]]
    schemas: int
    examples: int


def operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "operationId": op["operationId"],
            "summary": op.get("summary", ""),
            "method": method,
            "path": path,
            "tag": (op.get("tags") or [""])[0],
            "deprecated": bool(op.get("deprecated")),
        }
        for path, item in spec["paths"].items()
        for method in METHODS
        if (op := item.get(method))
    ]


def count_examples(node: object) -> int:
    """Named examples, ``example`` values and ``examples`` entries anywhere in the document."""
    if isinstance(node, list):
        return sum(count_examples(v) for v in node)
    if not isinstance(node, dict):
        return 0
    found = int("example" in node)
    if isinstance(node.get("examples"), dict | list):
        found += len(node["examples"])
    return found + sum(count_examples(v) for k, v in node.items() if k != "examples")


def render(spec: Path, out: Path) -> None:
    """Redocly's build-docs, as it comes, into ``out``."""
    if not REDOCLY.exists():
        raise SystemExit(f"docs: {REDOCLY} missing - run `make node` first")
    argv = [
        str(REDOCLY), "build-docs", str(spec),
        "--inlineBundle",
        "--config", str(REDOCLY_CONFIG),
        "--output", str(out),
    ]  # fmt: skip
    proc = subprocess.run(
        argv, check=False, capture_output=True, text=True, env={**os.environ, **REDOCLY_ENV}
    )
    if proc.returncode != 0 or not out.exists():
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"docs: redocly build-docs failed (exit {proc.returncode})")


def make_offline(html: str) -> str:
    """Swap the CDN logos for inline SVGs; fail if Redoc no longer has them where expected."""
    for url, data_uri in CDN_LOGOS.items():
        if (seen := html.count(url)) != 1:
            raise SystemExit(
                f"docs: expected Redoc's logo URL {url} once, found it {seen} times: "
                "re-check that the page stays offline"
            )
        html = html.replace(url, data_uri)
    return html


def check_static(html: str, spec: dict[str, Any]) -> list[str]:
    """Problems with the page as a file: external loads, or a definition unlike the spec."""
    problems = [f"loads from elsewhere: {m.group(0)!r}" for m in EXTERNAL.finditer(html)]
    match = DEFINITION.search(html)
    if match is None:
        return [*problems, "no embedded __redoc_definition found"]
    embedded = json.loads(match.group(1))
    if embedded != json.loads(json.dumps(spec)):
        problems.append("the definition embedded in the page differs from the spec")
    return problems


def build(spec_path: Path, out: Path) -> Page:
    spec: dict[str, Any] = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".docs-", dir=out.parent) as tmp:
        raw = Path(tmp) / "raw.html"
        render(spec_path, raw)
        html = make_offline(raw.read_text(encoding="utf-8"))
    problems = check_static(html, spec)
    if problems:
        raise SystemExit("docs: " + "; ".join(problems))
    out.write_text(html, encoding="utf-8")
    return Page(
        path=out,
        size=out.stat().st_size,
        operations=operations(spec),
        schemas=len(spec.get("components", {}).get("schemas", {})),
        examples=count_examples(spec),
    )


def browser_check(page: Page, chromium: str, screenshot: Path | None) -> tuple[int, dict[str, Any]]:
    """Run check_docs.mjs on the page: its exit code and its JSON report."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as ops:
        json.dump(page.operations, ops)
    node = shutil.which("node")
    if node is None:
        return 1, {"fatal": "node is not installed"}
    argv = [
        node, str(CHECK_PAGE),
        "--page", str(page.path),
        "--operations", ops.name,
        "--chromium", chromium,
    ]  # fmt: skip
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        argv += ["--screenshot", str(screenshot)]
    try:
        proc = subprocess.run(argv, check=False, capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        return 1, {"fatal": "check_docs.mjs did not finish within 300 s"}
    finally:
        Path(ops.name).unlink()
    try:
        report: dict[str, Any] = json.loads(proc.stdout)
    except ValueError:
        report = {"fatal": (proc.stdout + proc.stderr).strip()[-2000:]}
    return proc.returncode, report


@dataclass(frozen=True)
class Site:
    path: Path
    pages: list[str]  # HTML pages relative to path, the Redoc page and 404 left out
    seconds: float


def build_site(redoc_page: Path, site_dir: Path) -> Site:
    """``mkdocs build --strict`` into ``site_dir``, with ``redoc_page`` as the contract page."""
    argv = [
        sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
        "--config-file", str(MKDOCS_CONFIG),
        "--site-dir", str(site_dir),
    ]  # fmt: skip
    env = {**os.environ, **REDOCLY_ENV, **MKDOCS_ENV, "LPTPB_REDOC_PAGE": str(redoc_page)}
    started = time.monotonic()
    proc = subprocess.run(argv, check=False, capture_output=True, text=True, env=env, cwd=REPO)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"docs: mkdocs build --strict failed (exit {proc.returncode})")
    pages = sorted(
        str(path.relative_to(site_dir))
        for path in site_dir.rglob("*.html")
        if path.name != "404.html" and path.relative_to(site_dir).as_posix() != REDOC_IN_SITE
    )
    return Site(site_dir, pages, time.monotonic() - started)


REDOC_IN_SITE = "contract/redoc.html"


def check_site_static(site: Site) -> list[str]:
    """Pages of the site that would load something from elsewhere, and a missing contract."""
    problems = [
        f"{page}: loads from elsewhere: {match.group(0)!r}"
        for page in site.pages
        for match in SITE_EXTERNAL.finditer((site.path / page).read_text(encoding="utf-8"))
    ]
    if not (site.path / REDOC_IN_SITE).exists():
        problems.append(f"{REDOC_IN_SITE} is missing")
    return problems


def site_browser_check(
    site: Site, chromium: str, shots: tuple[Path, Path] | None
) -> tuple[int, dict[str, Any]]:
    """Run check_site.mjs on the built site: its exit code and its JSON report."""
    node = shutil.which("node")
    if node is None:
        return 1, {"fatal": "node is not installed"}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as listed:
        json.dump(site.pages, listed)
    argv = [
        node, str(CHECK_SITE),
        "--site", str(site.path),
        "--pages", listed.name,
        "--query", SEARCH_QUERY,
        "--chromium", chromium,
    ]  # fmt: skip
    if shots is not None:
        shots[0].parent.mkdir(parents=True, exist_ok=True)
        argv += ["--home-shot", str(shots[0]), "--client-shot", str(shots[1])]
    try:
        proc = subprocess.run(argv, check=False, capture_output=True, text=True, timeout=600)
    except subprocess.TimeoutExpired:
        return 1, {"fatal": "check_site.mjs did not finish within 600 s"}
    finally:
        Path(listed.name).unlink()
    try:
        report: dict[str, Any] = json.loads(proc.stdout)
    except ValueError:
        report = {"fatal": (proc.stdout + proc.stderr).strip()[-2000:]}
    return proc.returncode, report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--spec", type=Path, default=REPO / "openapi.yaml")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--browser", action="store_true", help="also check it in Chromium")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", CHROMIUM))
    parser.add_argument("--screenshot", type=Path, help="PNG of the loaded page (--browser)")
    parser.add_argument("--require-browser", action="store_true", help="fail without Chromium")
    parser.add_argument("--site", type=Path, help="also build the documentation site here")
    args = parser.parse_args(argv)

    page = build(args.spec, args.out)
    print(
        f"docs: {page.path} ({page.size / 1024:.0f} KiB, self-contained): "
        f"{len(page.operations)} operations, {page.schemas} schemas, {page.examples} examples"
    )
    site = None
    if args.site is not None:
        site = build_site(page.path, args.site.resolve())
        problems = check_site_static(site)
        if problems:
            raise SystemExit("docs: " + "; ".join(problems))
        print(
            f"docs: site {args.site} built in {site.seconds:.1f} s (mkdocs build --strict): "
            f"{len(site.pages)} pages and the contract page, nothing loaded from elsewhere"
        )
    if not args.browser:
        return 0
    if not Path(args.chromium).exists():
        reason = f"no Chromium at {args.chromium} (Debian package `chromium`)"
        print(f"docs: browser check {'FAILED' if args.require_browser else 'SKIPPED'}: {reason}")
        return 1 if args.require_browser else 0
    if site is not None and _check_site_in_browser(site, args) != 0:
        return 1
    code, report = browser_check(page, args.chromium, args.screenshot)
    print(
        f"docs: Chromium: loaded in {report.get('loadMs')} ms, "
        f"{len(report.get('operationsShown', []))}/{len(page.operations)} operations shown, "
        f"{len(report.get('consoleErrors', []))} console errors, "
        f"{len(report.get('failedRequests', [])) + len(report.get('blockedRequests', []))} "
        "failed or blocked requests"
    )
    if code != 0:
        print(json.dumps(report, indent=2), file=sys.stderr)
        print("docs: browser check FAILED", file=sys.stderr)
        return 1
    if report.get("screenshot"):
        print(f"docs: screenshot {report['screenshot']}")
    return 0


def _check_site_in_browser(site: Site, args: argparse.Namespace) -> int:
    shots = None
    if args.screenshot is not None:
        folder = args.screenshot.parent
        shots = (folder / "home.png", folder / "client.png")
    code, report = site_browser_check(site, args.chromium, shots)
    search = report.get("search", {})
    print(
        f"docs: Chromium, site: {len(report.get('pagesLoaded', []))}/{len(site.pages)} pages "
        f"loaded (slowest {report.get('loadMsMax')} ms), "
        f"{len(report.get('consoleErrors', []))} console errors, "
        f"{len(report.get('failedRequests', [])) + len(report.get('blockedRequests', []))} "
        f"failed or blocked requests; contract frame shows "
        f"{report.get('contractOperationsInMenu')} sidebar entries; offline search for "
        f"{search.get('query')!r}: {search.get('results')} results"
    )
    if code != 0:
        print(json.dumps(report, indent=2), file=sys.stderr)
        print("docs: site browser check FAILED", file=sys.stderr)
        return 1
    for shot in report.get("screenshots", []):
        print(f"docs: screenshot {shot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
