import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
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

/** Everything a page did that a finished page must not do. */
export interface PageProblems {
  consoleErrors: string[];
  /** Console warnings, e.g. Observable Plot's "some data … appear to be dates". */
  consoleWarnings: string[];
  pageErrors: string[];
  externalRequests: string[];
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
  };
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
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(
    () => document.querySelectorAll(".observablehq--loading").length === 0,
  );
}

/** What a finished page reports: nothing. */
export const NO_PROBLEMS: PageProblems = {
  consoleErrors: [],
  consoleWarnings: [],
  pageErrors: [],
  externalRequests: [],
};
