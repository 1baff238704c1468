import { readFileSync } from "node:fs";
import * as aq from "arquero";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { INCOME_LINES } from "../../src/engine/lines.ts";
import { decodeScenarioQuery } from "../../src/state/url-state.ts";
import { cliAmount, cliRun } from "./cli-in-node.ts";
import { download, exportButton, pngSize } from "./downloads.ts";
import { NO_PROBLEMS, siteForFile, settled, watchedPage, type PageProblems } from "./harness.ts";
import { summaryFor } from "./project-in-node.ts";

// A scenario that is not a preset as shipped, so names, hashes and numbers are all its own.
const SCENARIO = {
  schemaVersion: 1,
  extends: "pbr-high",
  parameters: { "ffs.toleranceBand": 0.02 },
} as const;
const QUERY = "v=1&extends=pbr-high&ffs.toleranceBand=0.02";
const NAME = "Payment by results: high, with 1 changed input";
const VERSION = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;
/** The address the site writes for sharing: the scenario, then the model version (issue #18). */
const SHARED = `${QUERY}&_mv=${VERSION}`;
const EXPLORER_CHARTS = ["income", "national-profit", "crc-profit", "owner-profit", "staffing"];

let page: Page;
let problems: PageProblems;
let hash: string;

const site = siteForFile({
  async setup() {
    hash = (await summaryFor(SCENARIO)).hash;
  },
});

/**
 * A fresh Explorer page on the scenario. Each group of tests gets its own: Chromium was seen to
 * drop the 11th of a quick run of downloads from one page (headless Chromium 150), and a group
 * never downloads more than ten files.
 */
async function openExplorer(): Promise<void> {
  if (page) {
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  }
  ({ page, problems } = await watchedPage(site));
  await page.goto(`${site.url}/explorer?${QUERY}`);
  await settled(page);
  await page.waitForFunction(
    (n) => document.querySelectorAll(".chart-tools").length === n,
    EXPLORER_CHARTS.length,
  );
}

/** Parse an SVG file with the browser's XML parser; what the tests need from it. */
function inspectSvg(text: string) {
  return page.evaluate((svgText) => {
    const doc = new DOMParser().parseFromString(svgText, "image/svg+xml");
    const root = doc.documentElement;
    return {
      parseError: doc.querySelector("parsererror")?.textContent ?? null,
      root: root.nodeName,
      width: Number(root.getAttribute("width")),
      height: Number(root.getAttribute("height")),
      title: doc.querySelector("title")?.textContent ?? "",
      desc: doc.querySelector("desc")?.textContent ?? "",
      visibleCaption: [...doc.querySelectorAll(".export-caption text")]
        .map((t) => t.textContent)
        .join(" "),
      chartSvgs: root.querySelectorAll(":scope > g > svg").length,
      marks: root.querySelectorAll("svg svg rect, svg svg path").length,
      // Every href, plain or xlink: (Plot writes xlink:href).
      links: [...doc.querySelectorAll("*")].flatMap((e) =>
        [...e.attributes].filter((a) => a.localName === "href").map((a) => a.value),
      ),
      images: doc.querySelectorAll("image, use, foreignObject").length,
    };
  }, text);
}

/** A CSV export: its # lines, and its rows as text (no type guessing: digits stay digits). */
function readCsv(bytes: Buffer) {
  const text = bytes.toString("utf8");
  const comments = text.split("\n").filter((l) => l.startsWith("#"));
  const rows = aq.fromCSV(text, { comment: "#", autoType: false }).objects() as Array<
    Record<string, string>
  >;
  return { comments, rows };
}

describe("SVG export", () => {
  beforeAll(openExplorer);
  for (const chart of EXPLORER_CHARTS) {
    it(`${chart}: one SVG document that parses, holds the chart and carries its caption`, async () => {
      const svg = await download(page, exportButton(page, chart, "svg"));
      expect(svg.name).toBe(`crc-scenarios-${chart}-${hash.slice(0, 12)}.svg`);
      const got = await inspectSvg(svg.bytes.toString("utf8"));
      expect(got.parseError).toBeNull();
      expect(got.root).toBe("svg");
      expect(got.chartSvgs).toBe(chart === "staffing" ? 2 : 1);
      expect(got.marks).toBeGreaterThan(5);
      // Nothing to fetch; links (a CRC's page) point at the site, absolute, so they work offline.
      expect(got.images).toBe(0);
      for (const link of got.links) expect(link.startsWith(`${site.url}/`)).toBe(true);
      if (chart === "crc-profit") {
        // Each CRC's bar and its name on the axis (a bar near break-even is too thin to click).
        expect(got.links).toHaveLength(42);
        expect(new Set(got.links).size).toBe(21);
        for (const link of got.links) expect(link).toMatch(/\/crcs\/[a-z0-9-]+$/);
      }
      expect(got.desc).toContain(`Scenario: ${NAME} (hash ${hash})`);
      expect(got.desc).toContain(`Model: crc-scenarios ${VERSION}, generated `);
      expect(got.desc).toMatch(/Sources: [^\n]+ \(\d{4}[^)]*\); /);
      expect(got.desc).toContain(`Rebuild: ${site.url}/explorer?${SHARED}`);
      // The caption is drawn, not only described: every word of it is in the figure's text.
      const drawn = got.visibleCaption.replace(/\s+/g, "");
      expect(drawn).toContain(`(hash${hash})`);
      expect(drawn).toContain(`Rebuild:${site.url}/explorer?${SHARED}`);
    });
  }
});

describe("PNG export", () => {
  beforeAll(openExplorer);
  for (const chart of ["national-profit", "staffing"]) {
    it(`${chart}: twice the SVG's size in pixels, and a drawn chart`, async () => {
      const svg = await inspectSvg(
        (await download(page, exportButton(page, chart, "svg"))).bytes.toString("utf8"),
      );
      const png = await download(page, exportButton(page, chart, "png"));
      expect(png.name).toBe(`crc-scenarios-${chart}-${hash.slice(0, 12)}.png`);
      expect(pngSize(png.bytes)).toEqual({ width: 2 * svg.width, height: 2 * svg.height });
      // Decode it in the browser: most pixels white, and the chart's profit colour present.
      const pixels = await page.evaluate(async (b64) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = document.createElement("canvas");
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const ctx = canvas.getContext("2d")!;
        ctx.drawImage(img, 0, 0);
        const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        let white = 0;
        let blue = 0;
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
          if (r > 250 && g > 250 && b > 250) white++;
          if (Math.abs(r - 0x00) < 8 && Math.abs(g - 0x72) < 8 && Math.abs(b - 0xb2) < 8) blue++;
        }
        return { total: data.length / 4, white, blue };
      }, png.bytes.toString("base64"));
      expect(pixels.white / pixels.total).toBeGreaterThan(0.4);
      expect(pixels.blue).toBeGreaterThan(500);
    });
  }
});

describe("CSV export", () => {
  beforeAll(openExplorer);
  it("national profit by year: the CLI's numbers, with provenance comments", async () => {
    const { comments, rows } = readCsv(
      (await download(page, exportButton(page, "national-profit", "csv"))).bytes,
    );
    expect(comments).toContain(`# scenario: ${NAME} (hash ${hash})`);
    expect(comments).toContain(`# model version: ${VERSION}`);
    expect(comments.some((c) => /^# source: [a-z0-9-]+: .+/.test(c))).toBe(true);
    const rebuild = comments.find((c) => c.startsWith("# rebuild: "))!.slice("# rebuild: ".length);
    expect(rebuild).toBe(`${site.url}/explorer?${SHARED}`);
    const decoded = decodeScenarioQuery(new URL(rebuild).search);
    expect(decoded).toEqual({ ok: true, value: SCENARIO });

    const cli = await cliRun(SCENARIO, "fy");
    const years = cli.filter((r) => r.crc === "ALL" && r.owner === "ALL" && r.line === "profit");
    expect(rows).toEqual(years.map((r) => ({ financial_year: r.period, profit_pence: r.amount })));
  });

  it("income by year and line: every (year, line) amount is the CLI's", async () => {
    const { rows } = readCsv((await download(page, exportButton(page, "income", "csv"))).bytes);
    const cli = await cliRun(SCENARIO, "fy");
    const expected = cli.filter(
      (r) =>
        r.crc === "ALL" &&
        r.owner === "ALL" &&
        (INCOME_LINES as readonly string[]).includes(r.line),
    );
    expect(rows).toHaveLength(expected.length);
    for (const r of rows)
      expect(r.amount_pence).toBe(
        cliAmount(cli, { crc: "ALL", owner: "ALL", period: r.financial_year, line: r.line }),
      );
  });

  it("each CRC's and each owner's contract-life profit: the CLI's totals", async () => {
    const cli = await cliRun(SCENARIO, "total");
    const crcs = readCsv(
      (await download(page, exportButton(page, "crc-profit", "csv"))).bytes,
    ).rows;
    expect(crcs).toHaveLength(21);
    for (const r of crcs) {
      expect(r.profit_pence).toBe(cliAmount(cli, { crc: r.crc!, line: "profit" }));
      expect(r.income_pence).toBe(cliAmount(cli, { crc: r.crc!, line: "income_total" }));
      expect(r.cost_pence).toBe(cliAmount(cli, { crc: r.crc!, line: "cost_total" }));
    }
    const owners = readCsv(
      (await download(page, exportButton(page, "owner-profit", "csv"))).bytes,
    ).rows;
    expect(owners.length).toBeGreaterThan(3);
    for (const r of owners)
      expect(r.profit_pence).toBe(cliAmount(cli, { crc: "ALL", owner: r.owner!, line: "profit" }));
  });

  it("staffing and workload by month: the CLI's digits", async () => {
    const { comments, rows } = readCsv(
      (await download(page, exportButton(page, "staffing", "csv"))).bytes,
    );
    expect(comments.some((c) => c.startsWith("# units: fte = average staff in post"))).toBe(true);
    const cli = await cliRun(SCENARIO, "month");
    const months = cli.filter((r) => r.crc === "ALL" && r.owner === "ALL" && r.line === "fte");
    expect(rows.map((r) => r.month)).toEqual(months.map((r) => r.period));
    for (const r of rows) {
      const where = { crc: "ALL", owner: "ALL", period: r.month! };
      expect(r.fte).toBe(cliAmount(cli, { ...where, line: "fte" }));
      expect(r.workload_index).toBe(cliAmount(cli, { ...where, line: "workload_index" }));
    }
  });
});

describe("citation and embed code", () => {
  beforeAll(openExplorer);
  it("copies a citation naming the view, scenario, version, date and address", async () => {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: site.url,
    });
    await exportButton(page, "national-profit", "cite").click();
    const shown = page.getByTestId("citation");
    await expect.poll(() => shown.inputValue()).toContain("crc-scenarios");
    const text = await shown.inputValue();
    expect(text).toMatch(
      new RegExp(
        `^crc-scenarios ${VERSION.replace(/\./g, "\\.")}, “Profit or loss by financial year, all 21 CRCs”, ` +
          `scenario “${NAME.replace(/[()]/g, "\\$&")}” \\(hash ${hash.slice(0, 12)}\\)\\. ` +
          `Generated \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\. `,
      ),
    );
    expect(text.slice(-`${site.url}/explorer?${SHARED}`.length)).toBe(
      `${site.url}/explorer?${SHARED}`,
    );
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await expect
      .poll(() => page.getByTestId("export-status").allTextContents())
      .toContain("Citation copied.");
  });

  it("gives the <iframe> code of the chart's embed page with this scenario", async () => {
    await exportButton(page, "income", "embed").click();
    const snippet = await page.getByTestId("embed-snippet").inputValue();
    expect(snippet).toBe(
      `<iframe src="${site.url}/embed/income?${SHARED.replace(/&/g, "&amp;")}" ` +
        `title="Income by financial year and line, all 21 CRCs" width="100%" height="520" ` +
        `style="border:0;max-width:100%" loading="lazy"></iframe>`,
    );
  });

  it("left the Explorer clean", () => {
    expect(problems).toEqual(NO_PROBLEMS);
  });
});

describe("exports after a slider move (the toolbar stays, its exports follow)", () => {
  beforeAll(openExplorer);
  it("the same figure and toolbar show the new plot, and the CSV, caption and embed are the new scenario's", async () => {
    // Mark the per-CRC figure and its plot: a move must keep the one and replace the other.
    await page.evaluate(() => {
      const figure = document.querySelector('[data-testid="crc-chart"] figure')!;
      figure.setAttribute("data-kept", "yes");
      (window as unknown as { oldPlot: Element }).oldPlot = figure.querySelector("svg")!;
    });
    const slider = page.locator('[data-lever="ffs.toleranceBand"] input[type="range"]');
    await slider.focus();
    for (let i = 0; i < 3; i++) await slider.press("ArrowRight");
    const band = await slider.inputValue();
    await expect.poll(() => page.url()).toContain(`ffs.toleranceBand=${band}`);
    const decoded = decodeScenarioQuery(new URL(page.url()).search);
    if (!decoded.ok) throw new Error("the address does not decode");
    const moved = decoded.value;
    const movedHash = (await summaryFor(moved)).hash;
    await expect
      .poll(() => page.getByTestId("scenario-hash").textContent())
      .toBe(movedHash.slice(0, 12));
    expect(
      await page.evaluate(() => {
        const figure = document.querySelector('[data-testid="crc-chart"] figure')!;
        const plot = figure.querySelector("svg");
        const { oldPlot } = window as unknown as { oldPlot: Element };
        return {
          kept: figure.getAttribute("data-kept"),
          toolbars: figure.querySelectorAll(".chart-tools").length,
          newPlot: plot !== oldPlot && !oldPlot.isConnected,
        };
      }),
    ).toEqual({ kept: "yes", toolbars: 1, newPlot: true });

    const { comments, rows } = readCsv(
      (await download(page, exportButton(page, "crc-profit", "csv"))).bytes,
    );
    expect(comments.find((c) => c.startsWith("# scenario: "))).toContain(`(hash ${movedHash})`);
    const cli = await cliRun(moved, "total");
    expect(rows).toHaveLength(21);
    for (const r of rows)
      expect(r.profit_pence).toBe(cliAmount(cli, { crc: r.crc!, line: "profit" }));

    await exportButton(page, "crc-profit", "embed").click();
    const snippet = await page.getByTestId("embed-snippet").first().inputValue();
    expect(snippet).toContain(`ffs.toleranceBand=${band}`);
    expect(problems).toEqual(NO_PROBLEMS);
  });
});

describe("exports on the other pages", () => {
  it("Compare: the comparison chart's CSV is the CLI's profit differences per CRC", async () => {
    const { page: p, problems: pp } = await watchedPage(site);
    await p.goto(`${site.url}/compare?_base=contract-as-let&_with=pbr-high`);
    await settled(p);
    const { comments, rows } = readCsv(
      (await download(p, exportButton(p, "comparison", "csv"))).bytes,
    );
    const baseHash = (await summaryFor({ schemaVersion: 1, extends: "contract-as-let" })).hash;
    const highHash = (await summaryFor({ schemaVersion: 1, extends: "pbr-high" })).hash;
    expect(
      comments.some((c) => c.startsWith("# baseline: ") && c.endsWith(`(hash ${baseHash})`)),
    ).toBe(true);
    expect(
      comments.some((c) => c.startsWith("# compared: ") && c.endsWith(`(hash ${highHash})`)),
    ).toBe(true);
    const base = await cliRun({ schemaVersion: 1, extends: "contract-as-let" }, "total");
    const high = await cliRun({ schemaVersion: 1, extends: "pbr-high" }, "total");
    expect(rows).toHaveLength(21);
    for (const r of rows) {
      const b = Number(cliAmount(base, { crc: r.crc!, line: "profit" }));
      const h = Number(cliAmount(high, { crc: r.crc!, line: "profit" }));
      expect(Number(r.baseline_profit_pence)).toBe(b);
      expect(Number(r.change_pence)).toBe(h - b);
    }
    expect(pp).toEqual(NO_PROBLEMS);
    await p.close();
  });

  it("a CRC's page: its income CSV is the CLI's rows for that CRC, its SVG names the CRC", async () => {
    const { page: p, problems: pp } = await watchedPage(site);
    await p.goto(`${site.url}/crcs/london?${QUERY}`);
    await settled(p);
    const { rows } = readCsv((await download(p, exportButton(p, "focus-income", "csv"))).bytes);
    const cli = await cliRun(SCENARIO, "fy");
    const expected = cli.filter(
      (r) => r.crc === "london" && (INCOME_LINES as readonly string[]).includes(r.line),
    );
    expect(rows).toHaveLength(expected.length);
    for (const r of rows)
      expect(r.amount_pence).toBe(
        cliAmount(cli, { crc: "london", period: r.financial_year, line: r.line }),
      );
    const svg = await download(p, exportButton(p, "focus-profit", "svg"));
    expect(svg.bytes.toString("utf8")).toContain(
      "<title>Profit or loss by financial year: London</title>",
    );
    // A CRC's chart has no embed page, so no embed code.
    expect(await exportButton(p, "focus-profit", "embed").count()).toBe(0);
    expect(pp).toEqual(NO_PROBLEMS);
    await p.close();
  });
});
