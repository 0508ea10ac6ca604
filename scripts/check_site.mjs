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
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const require = createRequire(new URL("./node/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const TIMEOUT_MS = 15000;

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

const profile = mkdtempSync(join(tmpdir(), "lptpb-site-chromium-"));
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: args.chromium,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  // Only the site's own files may load; everything else is blocked and reported.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(siteUrl) || url.startsWith("data:") || url.startsWith("blob:")) {
      return route.continue();
    }
    report.blockedRequests.push(url);
    return route.abort("blockedbyclient");
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(TIMEOUT_MS);
  let current = "";
  page.on("console", (msg) => {
    if (msg.type() === "error") report.consoleErrors.push(`${current}: ${msg.text()}`);
  });
  page.on("pageerror", (err) => report.pageErrors.push(`${current}: ${String(err)}`));
  page.on("requestfailed", (req) => {
    if (report.blockedRequests.includes(req.url())) return;
    report.failedRequests.push(`${current}: ${req.url()} (${req.failure()?.errorText ?? "failed"})`);
  });

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
} catch (err) {
  report.fatal = String(err.message ?? err);
} finally {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
}

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
