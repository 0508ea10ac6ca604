// The headless Chromium session both page checks run in (check_docs.mjs, check_site.mjs).
//
// Starts the Chromium given (Debian's by default) through playwright-core, pinned in
// scripts/node, which downloads no browser, with a fresh profile that is removed afterwards.
// Every request `allow` refuses is blocked and listed in `report.blockedRequests`; every other
// failed request, console error and uncaught exception is listed in `report.failedRequests`,
// `report.consoleErrors` and `report.pageErrors`, prefixed with `where()` when that says
// something. An error thrown by `body(page)` ends the session as `report.fatal`.
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(new URL("./node/package.json", import.meta.url));
const { chromium } = require("playwright-core");

// This machine's network is closed: Chromium's background services must not try to call out.
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

export async function withOfflinePage({ executablePath, viewport, allow, report, where }, body) {
  const at = (text) => (where?.() ? `${where()}: ${text}` : text);
  const profile = mkdtempSync(join(tmpdir(), "lptpb-chromium-"));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport,
    });
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (allow(url)) return route.continue();
      report.blockedRequests.push(url);
      return route.abort("blockedbyclient");
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(TIMEOUT_MS);
    page.on("console", (msg) => {
      if (msg.type() === "error") report.consoleErrors.push(at(msg.text()));
    });
    page.on("pageerror", (err) => report.pageErrors.push(at(String(err))));
    page.on("requestfailed", (req) => {
      if (report.blockedRequests.includes(req.url())) return; // reported as blocked already
      report.failedRequests.push(at(`${req.url()} (${req.failure()?.errorText ?? "failed"})`));
    });
    await body(page);
  } catch (err) {
    report.fatal = String(err.message ?? err);
  } finally {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
