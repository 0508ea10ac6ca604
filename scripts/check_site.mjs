// Opens the documentation site (`make docs`, build/site) in headless Chromium, from disk.
//
//   node scripts/check_site.mjs --site build/site --pages pages.json --query reconcile \
//        [--chromium /usr/bin/chromium] [--home-shot build/docs/home.png] \
//        [--client-shot build/docs/client.png]
//
// --pages is a JSON list of the site's HTML pages, relative to --site. Every request outside
// the site folder is blocked and reported, as is every failed request, console error and
// uncaught exception, on every page. Each page must show its title (an <h1>); the contract
// page must show Redoc's sidebar inside its frame. Then the search box is used as a reader
// would: typing --query must list results, which works only if the offline search index and
// its worker (served from the site itself) load. Prints one JSON report on stdout and exits
// 1 if anything is wrong. Driven by playwright-core (pinned in scripts/node), which
// downloads no browser: it starts the Chromium given, Debian's by default.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

import { withOfflinePage } from "./offline_chromium.mjs";

const { values: args } = parseArgs({
  options: {
    site: { type: "string" },
    pages: { type: "string" },
    query: { type: "string", default: "reconcile" },
    chromium: { type: "string", default: "/usr/bin/chromium" },
    "home-shot": { type: "string" },
    "client-shot": { type: "string" },
  },
});
if (!args.site || !args.pages) {
  console.error("usage: check_site.mjs --site DIR --pages FILE [--query Q] [--chromium PATH]");
  process.exit(2);
}
const siteUrl = pathToFileURL(resolve(args.site)).href + "/";
const pages = JSON.parse(readFileSync(args.pages, "utf8"));

const report = {
  site: args.site,
  chromium: args.chromium,
  pagesExpected: pages.length,
  pagesLoaded: [],
  pageProblems: [],
  consoleErrors: [],
  pageErrors: [],
  failedRequests: [],
  blockedRequests: [],
  contractOperationsInMenu: 0,
  search: { query: args.query, results: 0, first: null },
  screenshots: [],
  loadMsMax: 0,
};

// Only the site's own files may load; everything else is blocked and reported.
const allow = (url) =>
  url.startsWith(siteUrl) || url.startsWith("data:") || url.startsWith("blob:");
const viewport = { width: 1280, height: 900 };
let current = "";
const where = () => current;
await withOfflinePage({ executablePath: args.chromium, viewport, allow, report, where }, async (page) => {
  for (const path of pages) {
    current = path;
    try {
      const started = Date.now();
      await page.goto(siteUrl + path, { waitUntil: "load" });
      await page.locator("article h1").first().waitFor();
      report.loadMsMax = Math.max(report.loadMsMax, Date.now() - started);
      if (path === "contract/index.html") {
        const frame = page.frameLocator("iframe.lptpb-contract");
        const items = frame.locator("[data-component-name='Menu/MenuItem']");
        await items.first().waitFor();
        report.contractOperationsInMenu = await items.count();
      }
      report.pagesLoaded.push(path);
    } catch (err) {
      report.pageProblems.push(`${path}: ${String(err.message ?? err).split("\n")[0]}`);
    }
  }

  // The search, as a reader uses it: open the box, type, read the results.
  current = "search";
  await page.goto(siteUrl + "index.html", { waitUntil: "load" });
  await page.locator("label.md-search__icon, .md-search__input").first().click();
  // Typed key by key: Material searches on keyboard events, which fill() does not send.
  await page.locator("input.md-search__input").pressSequentially(args.query, { delay: 30 });
  const results = page.locator(".md-search-result__item");
  try {
    await results.first().waitFor();
    report.search.results = await results.count();
    report.search.first = (await results.first().locator("h1, h2").first().textContent())?.trim();
  } catch (err) {
    report.search.error = String(err.message ?? err).split("\n")[0];
  }

  current = "screenshots";
  if (args["home-shot"]) {
    await page.goto(siteUrl + "index.html", { waitUntil: "load" });
    await page.screenshot({ path: args["home-shot"] });
    report.screenshots.push(args["home-shot"]);
  }
  if (args["client-shot"]) {
    await page.goto(siteUrl + "reference/client.html#lptpb_ext.Client", { waitUntil: "load" });
    await page.locator("[id='lptpb_ext.Client']").first().waitFor();
    await page.screenshot({ path: args["client-shot"] });
    report.screenshots.push(args["client-shot"]);
  }
});

report.ok =
  !report.fatal &&
  report.pagesLoaded.length === report.pagesExpected &&
  report.pageProblems.length === 0 &&
  report.consoleErrors.length === 0 &&
  report.pageErrors.length === 0 &&
  report.failedRequests.length === 0 &&
  report.blockedRequests.length === 0 &&
  report.contractOperationsInMenu > 0 &&
  report.search.results > 0;
console.log(JSON.stringify(report, null, 2));
process.exit(report.ok ? 0 : 1);
