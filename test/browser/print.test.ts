import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// A PDF's text has no word joiner: the plain £m text.
import { signedMillions as formatMillions } from "../../src/engine/format-millions.ts";
import { mergeScenario } from "../../src/scenario/merge-scenario.ts";
import { PRESETS } from "../../src/scenario/presets.ts";
import type { Scenario } from "../../src/scenario/scenario.ts";
import { inputsComparison, scenarioInputRows } from "../../src/site/scenario-inputs.ts";
import { NO_PROBLEMS, siteForFile, settled, watchedPage } from "./harness.ts";
import { pdfText, squeeze } from "./pdf-text.ts";
import { dataset, summaryFor } from "./project-in-node.ts";

const SCENARIO: Scenario = {
  schemaVersion: 1,
  extends: "pbr-high",
  parameters: { "ffs.toleranceBand": 0.02 },
};
const QUERY = "v=1&extends=pbr-high&ffs.toleranceBand=0.02";
const VERSION = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;
// A4 in PostScript points (210 × 297 mm); Chromium rounds to its own pixel grid.
const A4 = { width: 595.28, height: 841.89 };

const site = siteForFile();

describe("printing", () => {
  it("the Overview prints on A4 with its chart, its numbers, the citation and the inputs table", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/?${QUERY}`);
    await settled(page);
    await page.waitForSelector('figure.chart svg [aria-label="bar"]');
    const pages = await pdfText(await page.pdf({ preferCSSPageSize: true }));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const p of pages) {
      expect(p.width).toBeCloseTo(A4.width, -1);
      expect(p.height).toBeCloseTo(A4.height, -1);
    }
    const text = pages.map((p) => p.text).join("\n");
    const flat = squeeze(text);

    // The headline numbers and the chart, drawn as text the PDF keeps (axis, ticks).
    const summary = await summaryFor(SCENARIO);
    expect(text).toContain(formatMillions(summary.crcProfitPence));
    expect(text).toContain("Profit or loss by year");
    expect(text).toContain("Financial year");
    for (const fy of ["2014-15", "2017-18", "2021-22"]) expect(text).toContain(fy);

    // What it shows: the citation (scenario, hash, version, address).
    expect(flat).toContain(
      squeeze(
        `crc-scenarios ${VERSION}, “Overview”, scenario “Payment by results: high, with 1 changed input” (hash ${summary.hash.slice(0, 12)})`,
      ),
    );
    expect(flat).toContain(squeeze(`${site.url}/?${QUERY}`));

    // The inputs table: every row the engine's data gives for this scenario, with its value.
    expect(text).toContain("Inputs of this scenario");
    const rows = scenarioInputRows(await dataset(), mergeScenario(SCENARIO, PRESETS).merged);
    for (const r of rows) expect(flat).toContain(squeeze(`${r.label}${r.value}${r.unit}`));
    expect(flat).toContain(squeeze("Volume tolerance band (±τ) 0.02 share set by the scenario"));

    // No controls on paper.
    for (const control of ["Copy citation", "Data table", "SVG", "PNG"])
      expect(text).not.toContain(control);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("Compare and a CRC page show their inputs tables and hide pickers and export buttons in print", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/compare?_base=contract-as-let&_with=pbr-high`);
    await settled(page);
    await page.emulateMedia({ media: "print" });
    const table = page.getByTestId("print-inputs");
    await expect.poll(() => table.isVisible()).toBe(true);
    expect(await page.locator("select").first().isVisible()).toBe(false);
    expect(await page.locator(".chart-tools").first().isVisible()).toBe(false);
    const expected = inputsComparison(await dataset(), [
      mergeScenario({ schemaVersion: 1, extends: "contract-as-let" }, PRESETS).merged,
      mergeScenario({ schemaVersion: 1, extends: "pbr-high" }, PRESETS).merged,
    ]);
    const differing = expected.filter((r) => r.differs);
    expect(differing.length).toBeGreaterThan(0);
    const marked = await table.locator("tbody tr.set").allTextContents();
    expect(marked.map(squeeze)).toEqual(
      differing.map((r) => squeeze(`${r.label}${r.unit}${r.values.join("")}`)),
    );
    await page.emulateMedia({ media: "screen" });
    expect(await table.isVisible()).toBe(false);

    await page.goto(`${site.url}/crcs/london?${QUERY}`);
    await settled(page);
    await page.emulateMedia({ media: "print" });
    await expect.poll(() => page.getByTestId("print-inputs").isVisible()).toBe(true);
    expect(await page.getByTestId("print-citation").textContent()).toContain("“London”");
    expect(await page.locator("select").first().isVisible()).toBe(false);
    expect(await page.locator(".chart-tools").first().isVisible()).toBe(false);
    expect(await page.locator("figure.chart svg").first().isVisible()).toBe(true);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });
});

describe("printing what the screen shows (issue #16)", () => {
  it("Compare prints its change column, whole, with n/a for misleading percentages and one minus sign", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(
      `${site.url}/compare?_base=no-variation&_with=the-2017-variation,contract-as-let,early-termination`,
    );
    await settled(page);
    const base = await summaryFor({ schemaVersion: 1, extends: "no-variation" });
    const variation = await summaryFor({ schemaVersion: 1, extends: "the-2017-variation" });
    const change = `+${formatMillions(variation.mojSpendPence - base.mojSpendPence)}`;
    const pages = await pdfText(await page.pdf({ preferCSSPageSize: true }));
    const flat = squeeze(pages.map((p) => p.text).join("\n"));
    expect(flat).toContain(squeeze(change));
    // The table is not cut at the page's edge: its last column's cells are on paper.
    await page.emulateMedia({ media: "print" });
    const table = page.getByTestId("compare-table");
    const fits = await table.evaluate((t) => {
      const box = t.getBoundingClientRect();
      return box.right <= document.documentElement.clientWidth + 1;
    });
    expect(fits).toBe(true);
    // Every change cell printed, with U+2212 for a fall and no hyphen-minus.
    const deltas = await table.locator('td[data-kind="delta"]').allTextContents();
    expect(deltas.length).toBeGreaterThan(0);
    for (const d of deltas) {
      expect(d).not.toBe("");
      expect(d).not.toMatch(/^-/);
      expect(flat).toContain(squeeze(d));
    }
    // A sign change or a tiny base gives n/a, not a percentage of it.
    const cells = await table.locator("td[data-kind]").evaluateAll((tds) =>
      tds.map((td) => ({
        kind: td.getAttribute("data-kind"),
        metric: td.getAttribute("data-metric"),
        scenario: td.getAttribute("data-scenario"),
        text: td.textContent,
      })),
    );
    const value = (metric: string, scenario: string) =>
      cells.find((c) => c.kind === "value" && c.metric === metric && c.scenario === scenario)!
        .text!;
    for (const c of cells.filter((x) => x.kind === "pct")) {
      const b = value(c.metric!, "no-variation");
      const v = value(c.metric!, c.scenario!);
      const otherSign = b.startsWith("−") !== v.startsWith("−") && b !== "£0.0m" && v !== "£0.0m";
      if (otherSign) expect(c.text, `${c.metric} ${c.scenario}`).toBe("n/a");
    }
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("the Explorer's and a CRC page's headline figures print with their numbers", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer?${QUERY}`);
    await settled(page);
    const summary = await summaryFor(SCENARIO);
    await expect
      .poll(() => page.getByTestId("national-profit").getAttribute("data-pence"))
      .toBe(String(summary.crcProfitPence));
    let flat = squeeze(
      (await pdfText(await page.pdf({ preferCSSPageSize: true }))).map((p) => p.text).join("\n"),
    );
    expect(flat).toContain(squeeze(formatMillions(summary.crcProfitPence)));
    expect(flat).toContain(squeeze(formatMillions(summary.mojSpendPence)));

    await page.goto(`${site.url}/crcs/london?${QUERY}`);
    await settled(page);
    const cards = page.locator("button.explain-figure.big");
    await page.emulateMedia({ media: "print" });
    const numbers = await cards.allTextContents();
    expect(numbers.length).toBeGreaterThan(0);
    for (const n of numbers) expect(n).toMatch(/£[\d,.]+m/);
    expect(await cards.first().isVisible()).toBe(true);
    flat = squeeze(
      (await pdfText(await page.pdf({ preferCSSPageSize: true }))).map((p) => p.text).join("\n"),
    );
    for (const n of numbers) expect(flat).toContain(squeeze(n));
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });
});
