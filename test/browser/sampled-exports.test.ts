import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import * as aq from "arquero";
import type { Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRESETS } from "../../src/scenario/presets.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { signedMillions } from "../../src/engine/format-millions.ts";
import { breakEvenRows } from "../../src/site/sensitivity.ts";
import { scenarioName } from "../../src/site/scenario-name.ts";
import { download, exportButton } from "./downloads.ts";
import { NO_PROBLEMS, siteForFile, settled, watchedPage } from "./harness.ts";
import { dataset } from "./project-in-node.ts";
import { breakEvenForUrl, gridForUrl, monteCarloForUrl, tornadoForUrl } from "./sampled-in-node.ts";

// Exports and embeds of the sampled (Uncertainty) and sensitivity charts (issue #7): their files
// carry the seed and draws and the page's "_" keys, and their numbers are the engine's in Node
// for the address they carry.

const VERSION = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;
const MC_QUERY = "v=1&extends=volumes-as-they-fell&_draws=200&_seed=42&_fan=income_total";
const MC_SCENARIO = { schemaVersion: 1, extends: "volumes-as-they-fell" } as const;
const SENS_QUERY = "v=1&extends=the-2017-variation&_output=crc%3Alondon&_steps=5";
const SENS_SCENARIO = { schemaVersion: 1, extends: "the-2017-variation" } as const;

const site = siteForFile();

/** Open a page and wait until it has written its full state to the address and drawn `charts`. */
async function openPage(path: string, addressKey: string, charts: string[]) {
  const { page, problems } = await watchedPage(site);
  await page.goto(`${site.url}${path}`);
  await settled(page);
  await page.waitForFunction((key) => location.search.includes(key), addressKey);
  for (const chart of charts) await page.locator(`.chart-tools[data-chart="${chart}"]`).waitFor();
  return { page, problems };
}

/** A CSV export: its # lines, and its rows as text (no type guessing: digits stay digits). */
function readCsv(bytes: Buffer) {
  const text = bytes.toString("utf8");
  const comments = text.split("\n").filter((l) => l.startsWith("#"));
  // Arquero reads an empty cell as null; the files' empty cells are empty text.
  const rows = (
    aq.fromCSV(text, { comment: "#", autoType: false }).objects() as Array<
      Record<string, string | null>
    >
  ).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v ?? ""])));
  const rebuild = comments.find((c) => c.startsWith("# rebuild: "))?.slice("# rebuild: ".length);
  return { comments, rows, rebuild: rebuild ?? "" };
}

function inspectSvg(page: Page, text: string) {
  return page.evaluate((svgText) => {
    const doc = new DOMParser().parseFromString(svgText, "image/svg+xml");
    return {
      parseError: doc.querySelector("parsererror")?.textContent ?? null,
      title: doc.querySelector("title")?.textContent ?? "",
      desc: doc.querySelector("desc")?.textContent ?? "",
      visibleCaption: [...doc.querySelectorAll(".export-caption text")]
        .map((t) => t.textContent)
        .join(" "),
      areas: doc.querySelectorAll('svg svg [aria-label="area"] path').length,
      bars: doc.querySelectorAll('svg svg [aria-label="bar"] rect').length,
    };
  }, text);
}

const text = (n: number) => String(n);

describe("Uncertainty exports", () => {
  it("fan chart: the SVG's caption has the seed and draws, the CSV is Node's run for its own address", async () => {
    const { page, problems } = await openPage(`/uncertainty?${MC_QUERY}`, "_rho=", [
      "fan",
      "crc-loss-probability",
      "owner-loss-probability",
      "loss-count",
    ]);
    const address = page.url();
    expect(address).toBe(
      `${site.url}/uncertainty?v=1&extends=volumes-as-they-fell&_draws=200&_seed=42&_shape=pert&_rho=0&_basis=posterior&_fan=income_total&_mv=${VERSION}`,
    );

    const svgFile = await download(page, exportButton(page, "fan", "svg"));
    const svg = await inspectSvg(page, svgFile.bytes.toString("utf8"));
    expect(svg.parseError).toBeNull();
    expect(svg.title).toBe("Monte Carlo fan chart by financial year, all 21 CRCs: Income");
    expect(svg.areas).toBe(2);
    expect(svg.desc).toContain(`Model: crc-scenarios ${VERSION}, seed 42, 200 draws, generated `);
    expect(svg.desc).toContain(`Rebuild: ${address}`);
    const drawn = svg.visibleCaption.replace(/\s+/g, "");
    expect(drawn).toContain("seed42,200draws");

    const csv = readCsv((await download(page, exportButton(page, "fan", "csv"))).bytes);
    expect(csv.comments).toContain("# seed: 42");
    expect(csv.comments).toContain("# draws: 200");
    expect(csv.rebuild).toBe(address);
    // The oracle runs the address the CSV carries: the file rebuilds itself.
    const mc = await monteCarloForUrl(csv.rebuild);
    expect(mc.seed).toBe(42);
    expect(mc.draws).toBe(200);
    expect(csv.comments).toContain(
      `# scenario: ${scenarioName(MC_SCENARIO, PRESETS)} (hash ${mc.hash})`,
    );
    expect(csv.rows).toEqual(
      mc.fan.years.map((year, y) => {
        const s = mc.fan.lines.income_total[y]!;
        return {
          financial_year: year,
          line: "income_total",
          mean_pence: text(s.mean),
          min_pence: text(s.min),
          p5_pence: text(s.p5),
          p25_pence: text(s.p25),
          p50_pence: text(s.p50),
          p75_pence: text(s.p75),
          p95_pence: text(s.p95),
          max_pence: text(s.max),
        };
      }),
    );
    // The bands are not one number: the draws differ.
    const first = csv.rows[0]!;
    expect(Number(first.p95_pence)).toBeGreaterThan(Number(first.p5_pence));

    // P(loss) per CRC and the number of loss-making CRCs: Node's probabilities and pence.
    const crcs = readCsv(
      (await download(page, exportButton(page, "crc-loss-probability", "csv"))).bytes,
    );
    expect(crcs.comments).toContain("# seed: 42");
    expect(crcs.rows).toHaveLength(21);
    for (const row of crcs.rows) {
      const c = mc.crcs.find((x) => x.crc === row.crc)!;
      expect(row.p_loss).toBe(text(c.pLoss));
      expect(row.profit_p50_pence).toBe(text(c.profitPence.p50));
      expect(row.profit_p5_pence).toBe(text(c.profitPence.p5));
    }
    expect(crcs.rows.some((r) => Number(r.p_loss) > 0)).toBe(true);
    const counts = readCsv((await download(page, exportButton(page, "loss-count", "csv"))).bytes);
    expect(counts.rows.map((r) => r.probability)).toEqual(mc.lossMakingCrcs.probability.map(text));
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });
});

describe("Sensitivity exports", () => {
  it("tornado, grid and break-even CSVs are Node's runs for the address they carry", async () => {
    const { page, problems } = await openPage(`/sensitivity?${SENS_QUERY}`, "_lever=", [
      "tornado",
      "grid",
      "break-even",
    ]);
    const address = page.url();

    const tornado = readCsv((await download(page, exportButton(page, "tornado", "csv"))).bytes);
    expect(tornado.rebuild).toBe(address);
    expect(tornado.comments.some((c) => c.startsWith("# seed"))).toBe(false);
    const t = await tornadoForUrl(tornado.rebuild);
    expect(t.outputLabel).toBe("profit, crc london, contract life");
    expect(tornado.comments[0]).toBe(
      // the output by name, as the page says it (issue #16); the rows keep the engine's ids
      "# crc-scenarios: Tornado: each parameter at its low and its high end: London CRC profit or loss, whole contract",
    );
    // Every row of the tornado, not only the 15 drawn.
    expect(t.rows.length).toBeGreaterThan(15);
    expect(tornado.rows).toEqual(
      t.rows.map((r, i) => ({
        rank: text(i + 1),
        parameter: r.parameter,
        label: r.label,
        unit: r.unit,
        all_crcs_at_once: r.perCrc ? "yes" : "no",
        low_value: r.lowValue,
        high_value: r.highValue,
        base_pence: text(t.basePence),
        output_at_low_pence: text(r.outputAtLowPence),
        output_at_high_pence: text(r.outputAtHighPence),
        swing_pence: text(r.swingPence),
        status: r.status,
        source: r.source,
        note: r.note,
      })),
    );
    const hash = tornado.comments.find((c) => c.startsWith("# scenario: "));
    expect(hash).toBe(
      `# scenario: ${scenarioName(SENS_SCENARIO, PRESETS)} (hash ${await hashOf(SENS_SCENARIO)})`,
    );

    // The tornado's SVG: one document, the legend and its caption, no seed (nothing is sampled).
    const svg = await inspectSvg(
      page,
      (await download(page, exportButton(page, "tornado", "svg"))).bytes.toString("utf8"),
    );
    expect(svg.parseError).toBeNull();
    expect(svg.title).toBe(
      "Tornado: each parameter at its low and its high end: London CRC profit or loss, whole contract",
    );
    expect(svg.desc).toContain(`Rebuild: ${address}`);
    expect(svg.desc).not.toContain("draws");
    expect(svg.bars).toBe(30);

    const grid = readCsv((await download(page, exportButton(page, "grid", "csv"))).bytes);
    const g = await gridForUrl(grid.rebuild);
    expect(grid.rows).toEqual(
      g.rows.map((r) => ({
        x_parameter: g.x.id,
        x: text(r.x),
        y_parameter: g.y.id,
        y: text(r.y),
        output_pence: text(r.valuePence),
      })),
    );
    expect(grid.rows).toHaveLength(25);

    const be = readCsv((await download(page, exportButton(page, "break-even", "csv"))).bytes);
    const report = await breakEvenForUrl(be.rebuild);
    const data = await dataset();
    const rows = breakEvenRows(
      report,
      new Map(data.crcs.map((c) => [c.id, c.name])),
      new Map(data.owners.map((o) => [o.id, o.name])),
    );
    expect(be.rows).toHaveLength(21);
    for (const r of rows) {
      const got = be.rows.find((x) => x.crc === r.crc)!;
      expect(got.current_profit_pence).toBe(text(r.currentProfitPence));
      expect(got.break_even_value).toBe(r.breakEven === null ? "" : text(r.breakEven));
      expect(got.exact_profit_pence).toBe(
        r.exactProfitPence === null ? "" : text(r.exactProfitPence),
      );
      expect(got.checked_by_exact_engine).toBe(r.checked ? "yes" : "no");
    }
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });
});

/** A scenario's canonical hash, as Node's validation computes it. */
async function hashOf(scenario: unknown): Promise<string> {
  const checked = validateScenario(scenario, await dataset());
  if (!checked.ok) throw new Error("scenario fails");
  return checked.value.hash;
}

describe("fan chart and tornado embeds inside another site's iframe", () => {
  let host: Server;
  let hostUrl: string;
  let snippets = "";

  /** The <iframe> code a page's "Embed" button gives for a chart, and the page's address. */
  async function snippetFrom(path: string, key: string, chart: string) {
    const { page, problems } = await openPage(path, key, [chart]);
    await exportButton(page, chart, "embed").click();
    const snippet = await page.getByTestId("embed-snippet").inputValue();
    const address = page.url();
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
    return { snippet, query: new URL(address).search };
  }

  async function embedFrame(page: Page, chart: string): Promise<Frame> {
    await expect
      .poll(() => page.frames().some((f) => f.url().includes(`/embed/${chart}`)))
      .toBe(true);
    const frame = page.frames().find((f) => f.url().includes(`/embed/${chart}`))!;
    await frame.waitForSelector(`[data-testid="embed"][data-chart="${chart}"] svg`, {
      timeout: 30_000,
    });
    await frame.waitForFunction(
      () => document.querySelectorAll(".observablehq--loading").length === 0,
    );
    return frame;
  }

  let fanQuery: string;
  let tornadoQuery: string;
  beforeAll(async () => {
    const fan = await snippetFrom(`/uncertainty?${MC_QUERY}`, "_rho=", "fan");
    const tornado = await snippetFrom(`/sensitivity?${SENS_QUERY}`, "_lever=", "tornado");
    fanQuery = fan.query;
    tornadoQuery = tornado.query;
    expect(fan.snippet).toContain(`src="${site.url}/embed/fan${fanQuery.replace(/&/g, "&amp;")}"`);
    expect(fan.snippet).toContain('height="520"');
    snippets = fan.snippet + tornado.snippet;
    host = createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(
        `<!doctype html><html><head><title>A briefing</title><link rel="icon" href="data:,"></head>` +
          `<body style="margin:0"><p>Briefing text.</p>` +
          `<div id="column" style="width:900px">${req.url === "/" ? snippets : ""}</div></body></html>`,
      );
    });
    await new Promise<void>((ok) => host.listen(0, "127.0.0.1", ok));
    const address = host.address();
    if (address === null || typeof address === "string") throw new Error("host has no port");
    hostUrl = `http://127.0.0.1:${address.port}/`;
  });
  afterAll(async () => {
    await new Promise<void>((ok) => (host ? host.close(() => ok()) : ok()));
  });

  it("draw the page's run (same seed, draws and view) with its caption and a link back", async () => {
    const { page, problems } = await watchedPage(site);
    await page.setViewportSize({ width: 1000, height: 1800 });
    await page.goto(hostUrl);

    const fan = await embedFrame(page, "fan");
    expect(new URL(fan.url()).origin).not.toBe(new URL(hostUrl).origin);
    expect(fan.url()).toBe(`${site.url}/embed/fan${fanQuery}`);
    for (const chrome of ["#observablehq-sidebar", "#observablehq-header", "#observablehq-footer"])
      expect(await fan.locator(chrome).count()).toBe(0);
    const mc = await monteCarloForUrl(fan.url());
    expect(await fan.locator('svg [aria-label="area"] path').count()).toBe(2);
    // The data table holds Node's medians (in £m, as the page writes them) for the income line.
    const table = await fan.locator("figure.chart details table").textContent();
    for (const s of mc.fan.lines.income_total)
      expect(table).toContain(`£${(s.p50 / 1e8).toFixed(1)}m`);
    const caption = await fan.getByTestId("embed-caption").textContent();
    expect(caption).toContain("seed 42, 200 draws");
    expect(caption).toContain(`(hash ${mc.hash})`);
    expect(caption).toContain(`Rebuild: ${site.url}/uncertainty${fanQuery}`);
    expect(await fan.locator(".embed-title").textContent()).toContain(": Income");
    const openFan = fan.getByTestId("embed-open");
    expect(await openFan.textContent()).toContain("Open in Uncertainty");
    expect(await openFan.getAttribute("href")).toBe(`${site.url}/uncertainty${fanQuery}`);
    expect(await openFan.getAttribute("target")).toBe("_blank");

    const tornado = await embedFrame(page, "tornado");
    expect(tornado.url()).toBe(`${site.url}/embed/tornado${tornadoQuery}`);
    const t = await tornadoForUrl(tornado.url());
    expect(t.outputLabel).toBe("profit, crc london, contract life");
    expect(await tornado.locator('svg [aria-label="bar"] rect').count()).toBe(30);
    // The data table (every row; the first ones rendered) holds Node's largest swing.
    const ttable = await tornado.locator("figure.chart details table").textContent();
    expect(ttable).toContain(t.rows[0]!.parameter);
    expect(ttable).toContain(signedMillions(t.rows[0]!.outputAtLowPence));
    expect(ttable).toContain(signedMillions(t.rows[0]!.outputAtHighPence));
    const tcaption = await tornado.getByTestId("embed-caption").textContent();
    expect(tcaption).toContain(`(hash ${await hashOf(SENS_SCENARIO)})`);
    expect(tcaption).not.toContain("draws");
    const openTornado = tornado.getByTestId("embed-open");
    expect(await openTornado.textContent()).toContain("Open in Sensitivity");
    expect(await openTornado.getAttribute("href")).toBe(`${site.url}/sensitivity${tornadoQuery}`);

    // Responsive: a narrower column narrows both charts.
    await page.evaluate(() => {
      document.getElementById("column")!.style.width = "380px";
    });
    for (const frame of [fan, tornado]) {
      const svg = frame.locator('[data-testid="embed"] figure.chart svg').first();
      await expect.poll(() => svg.getAttribute("width").then(Number)).toBeLessThanOrEqual(380);
    }
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });
});
