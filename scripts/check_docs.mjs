// Opens the reference page (`make docs`) in headless Chromium and checks what a reader sees.
//
//   node scripts/check_docs.mjs --page build/docs/index.html --operations ops.json \
//        [--chromium /usr/bin/chromium] [--screenshot build/docs/index.png]
//
// --operations is a JSON list of {operationId, summary, method, path, tag, deprecated}. The page must load from
// its file alone: every request other than the page itself is blocked and reported, as is every
// failed request, console error and uncaught exception. Then each operation is opened from the
// sidebar and must show its summary, method and path. Prints one JSON report on stdout and exits
// 1 if anything is wrong. Driven by playwright-core (pinned in scripts/node), which downloads
// no browser: it starts the Chromium given, Debian's by default.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

import { withOfflinePage } from "./offline_chromium.mjs";

const { values: args } = parseArgs({
  options: {
    page: { type: "string" },
    operations: { type: "string" },
    chromium: { type: "string", default: "/usr/bin/chromium" },
    screenshot: { type: "string" },
  },
});
if (!args.page || !args.operations) {
  console.error("usage: check_docs.mjs --page FILE --operations FILE [--chromium PATH] [--screenshot PNG]");
  process.exit(2);
}
const pageUrl = pathToFileURL(resolve(args.page)).href;
const operations = JSON.parse(readFileSync(args.operations, "utf8"));

const report = {
  page: args.page,
  chromium: args.chromium,
  loadMs: null,
  consoleErrors: [],
  pageErrors: [],
  failedRequests: [],
  blockedRequests: [],
  operationsExpected: operations.length,
  operationsShown: [],
  operationsMissing: [],
  screenshot: null,
};

// The page must be self-contained: only the file itself may be fetched (data: and blob: URLs
// are not network requests and never reach the check).
const allow = (url) => url === pageUrl;
const viewport = { width: 1400, height: 1000 };
await withOfflinePage({ executablePath: args.chromium, viewport, allow, report }, async (page) => {
  const started = Date.now();
  await page.goto(pageUrl, { waitUntil: "load" });
  await page.locator("[data-component-name='Menu/MenuItem']").first().waitFor();
  report.loadMs = Date.now() - started;

  // The sidebar lists tags as collapsible groups; Redoc keeps one group open at a time.
  const groupLinks = page.locator(
    "[data-component-name='Menu/MenuItem'] > a:has([data-component-name$='ChevronRightIcon'])",
  );
  const groups = await groupLinks.evaluateAll((els) => els.map((e) => e.getAttribute("href")));
  const menuLink = (slug) =>
    page.locator(`[data-component-name='Menu/MenuItem'] a[href^='#/'][href$='${slug}']`).first();

  for (const op of operations) {
    const link = menuLink(`/${op.operationId.toLowerCase()}`);
    try {
      // Open the operation's own tag first; try the other groups only if that fails.
      const own = `/${(op.tag ?? "").toLowerCase()}`;
      for (const group of [own, ...groups.filter((g) => g !== own)]) {
        if (await link.count()) break;
        if (!groups.includes(group)) continue;
        await page.locator(`[data-component-name='Menu/MenuItem'] > a[href='${group}']`).first().click();
      }
      if (!(await link.count())) throw new Error("no link in the sidebar");
      const href = await link.getAttribute("href");
      await link.click();
      const section = page.locator(`[data-section-id='${href.slice(1)}']`).first();
      const heading = section.locator("h1, h2", { hasText: op.summary }).first();
      await heading.waitFor({ state: "visible" });
      // A deprecated operation's heading carries Redoc's "deprecated" badge after the summary.
      const shown = (await heading.textContent()).replace(/\s+/g, " ").trim();
      const expected = op.deprecated ? `${op.summary} deprecated` : op.summary;
      if (shown !== expected) throw new Error(`heading reads ${JSON.stringify(shown)}`);
      const text = await section.innerText();
      const missing = [op.method.toUpperCase(), op.path].filter((s) => !text.includes(s));
      if (missing.length) throw new Error(`section lacks ${missing.join(", ")}`);
      report.operationsShown.push(op.operationId);
    } catch (err) {
      report.operationsMissing.push(`${op.operationId}: ${String(err.message ?? err).split("\n")[0]}`);
    }
  }

  if (args.screenshot) {
    await page.goto(pageUrl, { waitUntil: "load" });
    await page.locator("[data-component-name='Menu/MenuItem']").first().waitFor();
    await page.screenshot({ path: args.screenshot, fullPage: false });
    report.screenshot = args.screenshot;
  }
});

const ok =
  !report.fatal &&
  report.consoleErrors.length === 0 &&
  report.pageErrors.length === 0 &&
  report.failedRequests.length === 0 &&
  report.blockedRequests.length === 0 &&
  report.operationsMissing.length === 0 &&
  report.operationsShown.length === report.operationsExpected;
report.ok = ok;
console.log(JSON.stringify(report, null, 2));
process.exit(ok ? 0 : 1);
