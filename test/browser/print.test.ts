import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatMillions } from "../../docs/components/format.ts";
import { mergeScenario } from "../../src/scenario/merge-scenario.ts";
import { PRESETS } from "../../src/scenario/presets.ts";
import type { Scenario } from "../../src/scenario/scenario.ts";
import { inputsComparison, scenarioInputRows } from "../../src/site/scenario-inputs.ts";
import { NO_PROBLEMS, openSite, settled, watchedPage, type Site } from "./harness.ts";
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

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

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
