import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { validateScenario, type ResolvedScenario } from "../../src/scenario/validate-scenario.ts";
import { findBreakEven, type BreakEvenReport } from "../../src/sensitivity/break-even.ts";
import { runGrid, type Grid } from "../../src/sensitivity/grid.ts";
import { parseOutputSpec } from "../../src/sensitivity/output-spec.ts";
import { runTornado, type Tornado } from "../../src/sensitivity/tornado.ts";
import { breakEvenCells, breakEvenRows } from "../../src/site/sensitivity.ts";
import {
  outputRequest,
  sensitivityContext,
  sensitivityViewFromSearch,
  type SensitivityView,
} from "../../src/state/sensitivity-view.ts";
import { decodeScenarioQuery } from "../../src/state/url-state.ts";
import { NO_PROBLEMS, siteForFile, seriousViolations, settled, watchedPage } from "./harness.ts";
import { dataset } from "./project-in-node.ts";

const site = siteForFile();

/** The scenario and view in a page's address, resolved in Node (the oracle's inputs). */
async function stateOf(
  url: string,
): Promise<{ resolved: ResolvedScenario; view: SensitivityView }> {
  const search = new URL(url).search;
  const decoded = decodeScenarioQuery(search);
  if (!decoded.ok) throw new Error(`bad URL state: ${JSON.stringify(decoded.issues)}`);
  const data = await dataset();
  const { value: view, warnings } = sensitivityViewFromSearch(search, sensitivityContext(data));
  if (warnings.length) throw new Error(JSON.stringify(warnings));
  const resolved = validateScenario(decoded.value, data);
  if (!resolved.ok) throw new Error("scenario fails");
  return { resolved: resolved.value, view };
}

function outputOf(state: { resolved: ResolvedScenario; view: SensitivityView }) {
  const spec = parseOutputSpec(outputRequest(state.view), state.resolved.inputs.crcs);
  if (!spec.ok) throw new Error(JSON.stringify(spec.issues));
  return spec.value;
}

async function tornadoFor(url: string): Promise<Tornado> {
  const state = await stateOf(url);
  const run = runTornado(state.resolved, await dataset(), outputOf(state));
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return run.value;
}

async function gridFor(url: string): Promise<Grid> {
  const state = await stateOf(url);
  const { view } = state;
  const run = runGrid(state.resolved, await dataset(), {
    x: { id: view.gx },
    y: { id: view.gy },
    steps: view.steps,
    output: outputOf(state),
  });
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return run.value;
}

async function breakEvenFor(url: string): Promise<BreakEvenReport> {
  const state = await stateOf(url);
  const run = findBreakEven(state.resolved, await dataset(), { lever: state.view.lever });
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return run.value;
}

/** What the tornado's headline shows: its base value and its top row. */
async function tornadoShown(page: Page) {
  const top = page.getByTestId("tornado-top");
  return {
    output: await page.getByTestId("tornado-headline").getAttribute("data-output"),
    basePence: Number(await page.getByTestId("tornado-base").getAttribute("data-pence")),
    parameter: await top.getAttribute("data-parameter"),
    lowPence: Number(await top.getAttribute("data-low-pence")),
    highPence: Number(await top.getAttribute("data-high-pence")),
  };
}

const expectedTornado = (t: Tornado) => ({
  output: t.outputLabel,
  basePence: t.basePence,
  parameter: t.rows[0]!.parameter,
  lowPence: t.rows[0]!.outputAtLowPence,
  highPence: t.rows[0]!.outputAtHighPence,
});

/** The break-even table's cells for one CRC, by column heading. */
async function breakEvenRowShown(page: Page, crcName: string): Promise<Record<string, string>> {
  const table = page.getByTestId("break-even-table");
  const headings = (await table.locator("thead th").allTextContents()).slice(1);
  const row = table.locator("tbody tr").filter({
    has: page.locator("td:nth-child(2)", {
      hasText: new RegExp(`^${crcName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`),
    }),
  });
  const cells = (await row.locator("td").allTextContents()).slice(1);
  return Object.fromEntries(headings.map((h, i) => [h.trim(), cells[i]!]));
}

describe("Sensitivity", () => {
  it("shows the engine's tornado, grid and break-evens, and follows a change of output", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/sensitivity?v=1&extends=no-variation&_steps=5`);
    await settled(page);
    await expect.poll(() => page.url()).toContain("_lever=shortfall");
    await page.getByTestId("break-even-table").waitFor();

    // Tornado: base value and top row as in Node.
    const tornado = await tornadoFor(page.url());
    expect(await tornadoShown(page)).toEqual(expectedTornado(tornado));
    expect(tornado.outputLabel).toBe("profit, national, contract life");
    expect(
      await page.locator('[data-testid="tornado-chart"] svg [aria-label="bar"] rect').count(),
    ).toBe(30);
    expect(await page.getByTestId("tornado-notes").textContent()).toContain(tornado.notes[0]);

    // Grid: every cell drawn, each with Node's value; the scenario's own point marked.
    const grid = await gridFor(page.url());
    const gridEl = page.getByTestId("grid");
    expect(await gridEl.getAttribute("data-base-pence")).toBe(String(grid.basePence));
    const rects = gridEl.locator('svg [aria-label="rect"] rect');
    expect(await rects.count()).toBe(25);
    const shown = await rects.evaluateAll((els) =>
      els.map((e) => [
        e.getAttribute("data-x"),
        e.getAttribute("data-y"),
        e.getAttribute("data-pence"),
      ]),
    );
    expect(shown).toEqual(grid.rows.map((r) => [String(r.x), String(r.y), String(r.valuePence)]));
    // A corner and the middle cell differ: the chart is not one colour.
    expect(grid.rows[0]!.valuePence).not.toBe(grid.rows[12]!.valuePence);
    expect(await gridEl.locator('svg [aria-label="dot"] circle').count()).toBe(1);
    // Accessible with the tornado, the grid and the break-even table shown.
    await page.getByTestId("break-even-chart").waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Break-even: a CRC that breaks even and one that does not, cell for cell as Node's.
    const report = await breakEvenFor(page.url());
    const data = await dataset();
    const names = new Map(data.crcs.map((c) => [c.id, c.name]));
    const owners = new Map(data.owners.map((o) => [o.id, o.name]));
    const rows = breakEvenRows(report, names, owners);
    const found = rows.find((r) => r.breakEven !== null);
    expect(found).toBeDefined();
    expect(found!.checked).toBe(true);
    expect(await breakEvenRowShown(page, found!.name)).toEqual(breakEvenCells(found!, report.unit));
    const none = rows.find((r) => r.breakEven === null);
    expect(none).toBeDefined();
    expect(await breakEvenRowShown(page, none!.name)).toEqual(breakEvenCells(none!, report.unit));

    // Follow London's 2017-18 income instead: the tornado and the grid both re-run.
    const picker = page.getByTestId("output-picker");
    await picker.getByLabel("Whose money").selectOption({ label: "CRC: London" });
    await picker.getByLabel("Line").selectOption({ label: "Income" });
    await picker.getByLabel("Period").selectOption({ label: "Financial year 2017-18" });
    const label = "income_total, crc london, 2017-18";
    await expect
      .poll(() => page.getByTestId("tornado-headline").getAttribute("data-output"))
      .toBe(label);
    await expect.poll(() => page.url()).toContain("_period=2017-18");
    expect(page.url()).toContain("_output=crc%3Alondon");
    const london = await tornadoFor(page.url());
    expect(london.outputLabel).toBe(label);
    expect(await tornadoShown(page)).toEqual(expectedTornado(london));
    expect(london.basePence).not.toBe(tornado.basePence);
    await expect.poll(() => gridEl.getAttribute("data-output")).toBe(label);
    const londonGrid = await gridFor(page.url());
    expect(await gridEl.getAttribute("data-base-pence")).toBe(String(londonGrid.basePence));
    const corner = gridEl.locator(
      `svg rect[data-x="${londonGrid.rows[24]!.x}"][data-y="${londonGrid.rows[24]!.y}"]`,
    );
    expect(await corner.getAttribute("data-pence")).toBe(String(londonGrid.rows[24]!.valuePence));
    // Still accessible after the change of output.
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it("re-runs the grid and the break-evens when their choices change", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/sensitivity?v=1&extends=the-2017-variation&_steps=5`);
    await settled(page);
    await page.getByTestId("break-even-table").waitFor();
    const picker = page.getByTestId("grid-picker");
    await picker
      .getByLabel("Up")
      .selectOption({ value: await optionValue(page, "Up", "cost.staffShare") });
    await expect
      .poll(() => page.getByTestId("grid").getAttribute("data-y"))
      .toBe("cost.staffShare");
    await expect.poll(() => page.url()).toContain("_gy=cost.staffShare");
    const grid = await gridFor(page.url());
    const rect = page.locator(
      `[data-testid="grid"] svg rect[data-x="${grid.rows[7]!.x}"][data-y="${grid.rows[7]!.y}"]`,
    );
    expect(await rect.getAttribute("data-pence")).toBe(String(grid.rows[7]!.valuePence));

    await page
      .getByTestId("lever-picker")
      .locator("select")
      .selectOption({ label: "Fixed share of the price (φ)" });
    await expect
      .poll(() => page.getByTestId("break-even-summary").getAttribute("data-lever"))
      .toBe("fixedShare");
    await expect.poll(() => page.url()).toContain("_lever=fixedShare");
    const report = await breakEvenFor(page.url());
    const data = await dataset();
    const rows = breakEvenRows(
      report,
      new Map(data.crcs.map((c) => [c.id, c.name])),
      new Map(data.owners.map((o) => [o.id, o.name])),
    );
    for (const row of [rows[0]!, rows[rows.length - 1]!])
      expect(await breakEvenRowShown(page, row.name)).toEqual(breakEvenCells(row, report.unit));
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it("names a bad grid axis and other bad settings in the address, and uses the defaults", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/sensitivity?v=1&_gx=ffs.fixedshare&_steps=1&_lever=staff`);
    await settled(page);
    const note = page.getByTestId("problems").filter({ hasText: "sensitivity settings" });
    await expect
      .poll(() => note.textContent())
      .toMatch(
        /_gx: "ffs\.fixedshare" is not one of volume\.shortfall\.shift, .* \(did you mean "ffs\.fixedShare"\?\)/,
      );
    expect(await note.textContent()).toContain('_steps: "1" is not a whole number from 2 to 50');
    expect(await note.textContent()).toContain(
      '_lever: "staff" is not one of shortfall, fixedShare, variationScale',
    );
    await expect
      .poll(() => page.getByTestId("grid").getAttribute("data-x"))
      .toBe("volume.shortfall.shift");
    // The grid's wrapper carries data-x at once; its cells are drawn once `resize` knows the width.
    await expect
      .poll(() => page.locator('[data-testid="grid"] svg [aria-label="rect"] rect').count())
      .toBe(121);
    await expect.poll(() => page.url()).toContain("_gx=volume.shortfall.shift");
    expect(problems).toEqual(NO_PROBLEMS);
  });
});

/** Inputs.select's option values are indices: the one whose label names `id`. */
async function optionValue(page: Page, label: string, id: string): Promise<string> {
  const select = page.getByTestId("grid-picker").getByLabel(label);
  return select.evaluate(
    (el, wanted) =>
      [...(el as HTMLSelectElement).options].find((o) => o.textContent!.includes(`(${wanted})`))!
        .value,
    id,
  );
}
