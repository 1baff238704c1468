import { readFileSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { serveStatic } from "./static-server.ts";

export const DIST = "dist";

/** Flags that keep Debian's Chromium quiet and offline (BUILDING.md). */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Site {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function openSite(): Promise<Site> {
  const server = await serveStatic(DIST);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    // playwright gives every launch a fresh, empty profile (its own --user-data-dir).
    args: CHROMIUM_ARGS,
  });
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A file's own steps around its site: after it opens (before the tests) and before it closes. */
export interface SiteSteps {
  /** Run once the site is open, before the file's tests: e.g. load data, open a page. */
  setup?(site: Site): Promise<void> | void;
  /** Run after the file's tests, before the site closes (even if a test failed). */
  teardown?(site: Site): Promise<void> | void;
}

/**
 * The built site for the tests of one file: served and a browser launched before them, both
 * closed after. Read `url` and `browser` inside a test (they exist once the site is open).
 * `steps` adds the file's own setup after the site opens, and its teardown before it closes, in
 * the same hooks, so their order does not depend on how vitest orders a file's hooks.
 */
export function siteForFile(steps: SiteSteps = {}): Site {
  let opened: Site | undefined;
  const current = () => {
    if (opened === undefined)
      throw new Error("the site opens before the file's tests: read it in a test");
    return opened;
  };
  const site: Site = {
    get url() {
      return current().url;
    },
    get browser() {
      return current().browser;
    },
    close: () => current().close(),
  };
  beforeAll(async () => {
    opened = await openSite();
    await steps.setup?.(site);
  });
  afterAll(async () => {
    if (opened === undefined) return;
    try {
      await steps.teardown?.(site);
    } finally {
      await opened.close();
    }
  });
  return site;
}

/** Everything a page did that a finished page must not do. */
export interface PageProblems {
  consoleErrors: string[];
  /** Console warnings, e.g. Observable Plot's "some data … appear to be dates". */
  consoleWarnings: string[];
  pageErrors: string[];
  externalRequests: string[];
  /** Content-Security-Policy violations (issue #15): "directive: blocked URI". */
  cspViolations: string[];
}

function isLocal(url: string): boolean {
  if (url.startsWith("data:") || url.startsWith("blob:") || url.startsWith("about:")) return true;
  const { hostname } = new URL(url);
  return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
}

/**
 * A fresh page that records console errors, uncaught exceptions and every request to a
 * non-localhost address — and aborts those requests, so a test never reaches the network.
 */
export async function watchedPage(site: Site): Promise<{ page: Page; problems: PageProblems }> {
  const page = await site.browser.newPage();
  const problems: PageProblems = {
    consoleErrors: [],
    consoleWarnings: [],
    pageErrors: [],
    externalRequests: [],
    cspViolations: [],
  };
  // The page's policy (observablehq.config.ts) reports each violation as an event; Playwright's
  // binding and init script are outside the policy, so they see them all.
  await page.exposeFunction("__cspViolation", (text: string) => problems.cspViolations.push(text));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __cspViolation(t: string): void }).__cspViolation(
        `${e.violatedDirective}: ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`,
      ),
    ),
  );
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.consoleErrors.push(msg.text());
    if (msg.type() === "warning") problems.consoleWarnings.push(msg.text());
  });
  page.on("pageerror", (error) => problems.pageErrors.push(error.message));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    problems.externalRequests.push(url);
    return route.abort();
  });
  return { page, problems };
}

/** Every page of the built site, as clean paths ("/", "/sources", "/crcs/london"). */
export function builtPages(dir = DIST): string[] {
  const pages: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) {
        if (!name.startsWith("_")) walk(path);
      } else if (name.endsWith(".html") && name !== "404.html") {
        const rel = relative(dir, path).replace(/\.html$/, "");
        pages.push(rel === "index" ? "/" : `/${rel.replace(/(^|\/)index$/, "")}`);
      }
    }
  };
  walk(dir);
  return pages.sort();
}

/** Wait until Framework has rendered every cell (no cell still pending or in error). */
/** A figure's exact amount: the `data-pence` of the first element with this test id. */
export const pence = (page: Page, id: string) =>
  page.getByTestId(id).first().getAttribute("data-pence");

/** The page's address parameters (the scenario, the view's keys). */
export const search = (page: Page) => new URL(page.url()).searchParams;

export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(
    () => document.querySelectorAll(".observablehq--loading").length === 0,
  );
}

/**
 * Wait until every chart on the page is drawn: the page has settled, and every live chart (the
 * Explorer's, drawn when in view or when the page is next idle: docs/components/live-chart.js)
 * holds its plot.
 */
export async function chartsDrawn(page: Page): Promise<void> {
  await settled(page);
  await page.waitForFunction(() =>
    [...document.querySelectorAll(".live-chart-plot")].every((p) => p.childElementCount > 0),
  );
}

/**
 * Open every closed <details> in the page's content (the charts' data tables, "Adjust one CRC"…)
 * and wait until what opening them draws is there, so an audit sees what a reader would.
 */
export async function openAllDetails(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll<HTMLDetailsElement>(
      "#observablehq-main details:not([open])",
    ))
      details.open = true;
  });
  // "toggle" fires in a task after `open` changes: let it run, then let the page settle.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  await chartsDrawn(page);
}

/** What a finished page reports: nothing. */
export const NO_PROBLEMS: PageProblems = {
  consoleErrors: [],
  consoleWarnings: [],
  pageErrors: [],
  externalRequests: [],
  cspViolations: [],
};

/** axe-core's own source, injected into a page as a script (from node_modules: no network). */
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

/** An accessibility rule a page breaks at impact "serious" or "critical", and where. */
export interface AccessibilityViolation {
  rule: string;
  impact: string;
  help: string;
  /** How many elements break it. */
  count: number;
  /** The CSS selectors of the first few of them. */
  targets: string[];
}

/**
 * Markup we do not write and cannot fix from outside, left out of every audit. Each entry names
 * exactly the elements and says why. Empty: every violation found so far was ours to fix.
 */
export const AXE_EXCLUDE: readonly string[] = [];

/**
 * Runs axe-core (every rule it runs by default: WCAG 2.0/2.1/2.2 A and AA and its best
 * practices) on the whole document as it is now, and returns the violations of impact
 * "serious" or "critical" — rule, help text and the first few target selectors, so a failing
 * test says what is wrong and where. Call it once the page has settled (charts drawn).
 */
export async function seriousViolations(
  page: Page,
  options: { exclude?: readonly string[] } = {},
): Promise<AccessibilityViolation[]> {
  const hasAxe = await page.evaluate(() => "axe" in window);
  // Evaluated, not added as a <script>: the pages' Content-Security-Policy refuses inline
  // scripts that are not their own (issue #15), and an evaluation is outside it.
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const exclude = [...AXE_EXCLUDE, ...(options.exclude ?? [])];
  const results = await page.evaluate(async (exclude) => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const context = exclude.length ? { include: [document], exclude } : document;
    const { violations } = await axe.run(context, { resultTypes: ["violations"] });
    return violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? "",
      help: v.help,
      count: v.nodes.length,
      targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(" >>> ")),
    }));
  }, exclude);
  return results.filter((v) => v.impact === "serious" || v.impact === "critical");
}
