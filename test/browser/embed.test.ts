import { createServer, type Server } from "node:http";
import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { pageMillions as formatMillions } from "../../src/engine/format-millions.ts";
import { MODEL_VERSION } from "../../src/site/model-version.ts";
import { exportButton } from "./downloads.ts";
import { NO_PROBLEMS, siteForFile, settled, watchedPage } from "./harness.ts";
import { summaryFor } from "./project-in-node.ts";
import { cliAmount, cliRun } from "./cli-in-node.ts";

const SCENARIO = {
  schemaVersion: 1,
  extends: "pbr-high",
  parameters: { "ffs.toleranceBand": 0.02 },
};
const QUERY = "v=1&extends=pbr-high&ffs.toleranceBand=0.02";
/** Every address the site writes for sharing ends with the model version (issue #18). */
const MV = `_mv=${MODEL_VERSION}`;

let host: Server;
let hostUrl: string;
let snippets: { profit: string; comparison: string; crcs: string };

/** A second site on another port: an article page whose body is the given iframe snippets. */
async function serveHost(): Promise<void> {
  host = createServer((req, res) => {
    const body = req.url === "/" ? snippets.profit + snippets.comparison + snippets.crcs : "";
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><html><head><title>A briefing</title><link rel="icon" href="data:,"></head>` +
        `<body style="margin:0"><p>Briefing text.</p>` +
        `<div id="column" style="width:900px">${body}</div></body></html>`,
    );
  });
  await new Promise<void>((ok) => host.listen(0, "127.0.0.1", ok));
  const address = host.address();
  if (address === null || typeof address === "string") throw new Error("host has no port");
  hostUrl = `http://127.0.0.1:${address.port}/`;
}

/** The <iframe> code a page's "Embed" button gives for a chart. */
async function snippetFrom(path: string, chart: string): Promise<string> {
  const { page, problems } = await watchedPage(site);
  await page.goto(site.url + path);
  await settled(page);
  await exportButton(page, chart, "embed").click();
  const snippet = await page.getByTestId("embed-snippet").inputValue();
  expect(problems).toEqual(NO_PROBLEMS);
  await page.close();
  return snippet;
}

async function embedFrame(page: Page, chart: string): Promise<Frame> {
  await expect
    .poll(() => page.frames().some((f) => f.url().includes(`/embed/${chart}`)))
    .toBe(true);
  const frame = page.frames().find((f) => f.url().includes(`/embed/${chart}`))!;
  await frame.waitForSelector(`[data-testid="embed"][data-chart="${chart}"] svg`);
  await frame.waitForFunction(
    () => document.querySelectorAll(".observablehq--loading").length === 0,
  );
  return frame;
}

const site = siteForFile({
  async setup() {
    snippets = {
      profit: await snippetFrom(`/explorer?${QUERY}`, "national-profit"),
      comparison: await snippetFrom("/compare?_base=contract-as-let&_with=pbr-high", "comparison"),
      crcs: await snippetFrom(`/explorer?${QUERY}`, "crc-profit"),
    };
    await serveHost();
  },
  async teardown() {
    await new Promise<void>((ok) => (host ? host.close(() => ok()) : ok()));
  },
});

describe("embed pages inside another site's iframe", () => {
  it("render the chart alone, from the snippet's address, with no errors and no external request", async () => {
    const { page, problems } = await watchedPage(site);
    await page.setViewportSize({ width: 1000, height: 1800 });
    await page.goto(hostUrl);
    const frame = await embedFrame(page, "national-profit");
    // A different origin from the page that holds it (another port).
    expect(new URL(frame.url()).origin).not.toBe(new URL(hostUrl).origin);
    expect(frame.url()).toBe(`${site.url}/embed/national-profit?${QUERY}&${MV}`);

    // No site chrome.
    for (const chrome of [
      "#observablehq-sidebar",
      "#observablehq-header",
      "#observablehq-footer",
      "#observablehq-toc",
    ])
      expect(await frame.locator(chrome).count()).toBe(0);

    // The scenario's numbers: one bar per year, and the data table holds the engine's figures.
    const cli = await cliRun(SCENARIO, "fy");
    const years = cli.filter((r) => r.crc === "ALL" && r.owner === "ALL" && r.line === "profit");
    expect(await frame.locator('svg [aria-label="bar"] rect').count()).toBe(years.length);
    const table = await frame.locator("figure.chart details table").textContent();
    for (const y of years) expect(table).toContain(formatMillions(Number(y.amount)));
    expect(
      Number(cliAmount(cli, { crc: "ALL", owner: "ALL", period: "2017-18", line: "profit" })),
    ).not.toBe(0);

    // What it is, and the way back to the full page (outside the frame).
    const hash = (await summaryFor(SCENARIO)).hash;
    const caption = await frame.getByTestId("embed-caption").textContent();
    expect(caption).toContain(`(hash ${hash})`);
    expect(caption).toContain(`Rebuild: ${site.url}/explorer?${QUERY}&${MV}`);
    const open = frame.getByTestId("embed-open");
    expect(await open.textContent()).toContain("Open in the explorer");
    expect(await open.getAttribute("href")).toBe(`${site.url}/explorer?${QUERY}&${MV}`);
    expect(await open.getAttribute("target")).toBe("_blank");

    // The comparison embed, from Compare's snippet: its bars and its two scenarios.
    const comparison = await embedFrame(page, "comparison");
    expect(comparison.url()).toBe(
      `${site.url}/embed/comparison?_base=contract-as-let&_with=pbr-high&${MV}`,
    );
    expect(
      await comparison.locator('svg [aria-label="bar"] rect, svg [aria-label="bar"] a').count(),
    ).toBeGreaterThanOrEqual(21);
    const compCaption = await comparison.getByTestId("embed-caption").textContent();
    expect(compCaption).toContain(
      `(hash ${(await summaryFor({ schemaVersion: 1, extends: "contract-as-let" })).hash})`,
    );
    expect(compCaption).toContain(
      `(hash ${(await summaryFor({ schemaVersion: 1, extends: "pbr-high" })).hash})`,
    );
    // Links to a CRC's page leave the frame for the full site.
    const crcLink = comparison.locator("svg a").first();
    expect(await crcLink.getAttribute("href")).toMatch(new RegExp(`^${site.url}/crcs/[a-z0-9-]+$`));
    expect(await crcLink.getAttribute("target")).toBe("_blank");

    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("name a compared scenario the engine refuses, with each issue at its path", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/compare`);
    await settled(page);
    const broken = { schemaVersion: 1, extends: "pbr-high", parameters: { "ffs.fixedShare": 5 } };
    await page.evaluate((scenario) => {
      const entry = { name: "Broken", scenario, savedAt: "2026-01-01T00:00:00Z" };
      localStorage.setItem("crc-scenarios:saved:v1", JSON.stringify([entry]));
    }, broken);
    await page.goto(`${site.url}/embed/comparison?_base=contract-as-let&_with=saved%253ABroken`);
    const note = page.getByTestId("problems");
    await expect.poll(() => note.textContent()).toContain("This chart cannot be drawn:");
    expect(await note.locator("li").allTextContents()).toEqual([
      "Saved: Broken: scenario.parameters.ffs.fixedShare.value: 5 is above the maximum 1",
    ]);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("follow the iframe's width", async () => {
    const { page, problems } = await watchedPage(site);
    await page.setViewportSize({ width: 1000, height: 1800 });
    await page.goto(hostUrl);
    const frame = await embedFrame(page, "national-profit");
    const chartWidth = () =>
      frame
        .locator('[data-testid="embed"] figure.chart svg')
        .first()
        .getAttribute("width")
        .then(Number);
    const wide = await chartWidth();
    expect(wide).toBeGreaterThan(700);
    expect(wide).toBeLessThanOrEqual(900);
    await page.evaluate(() => {
      document.getElementById("column")!.style.width = "380px";
    });
    await expect.poll(chartWidth).toBeLessThanOrEqual(380);
    expect(await chartWidth()).toBeGreaterThan(250);
    // The long-labelled charts narrow too (labels shortened), without drawing invalid shapes.
    for (const chart of ["crc-profit", "comparison"]) {
      const f = await embedFrame(page, chart);
      const svg = f.locator('[data-testid="embed"] figure.chart svg').first();
      await expect.poll(() => svg.getAttribute("width").then(Number)).toBeLessThanOrEqual(380);
    }
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });
});
