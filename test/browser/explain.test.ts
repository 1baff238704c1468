import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { formatPence } from "../../src/explain/format-tree.ts";
import { MODEL_VERSION } from "../../src/site/model-version.ts";
import { DEFAULT_SCENARIO } from "../../src/site/scenario-from-url.ts";
import { decodeScenarioQuery } from "../../src/state/url-state.ts";
import { lineTotal } from "./crc-in-node.ts";
import { explainDeltaInNode, explainInNode } from "./explain-in-node.ts";
import {
  NO_PROBLEMS,
  chartsDrawn,
  siteForFile,
  seriousViolations,
  settled,
  watchedPage,
} from "./harness.ts";
import { dataset, summaryFor } from "./project-in-node.ts";

// "Explain this number" (issue #8): click a figure or a bar, see the engine's explanation —
// the rule, the inputs and their sources — with every amount equal to the engine's in Node.

const site = siteForFile();

const panelOf = (page: Page) => page.getByTestId("explain-panel");
const amountShown = (page: Page) =>
  panelOf(page).getByTestId("explain-amount").getAttribute("data-pence");
/** Open a step of the panel (a part, by its figure) and return its details element. */
async function openStep(panel: Locator, ref: string): Promise<Locator> {
  const details = panel.locator(`details[data-ref="${ref}"]`);
  await details.locator(":scope > summary").click();
  await expect.poll(() => details.locator(":scope > .explain-slot > *").count()).toBe(1);
  return details;
}
const scenarioOf = (url: string) => {
  const decoded = decodeScenarioQuery(new URL(url).search);
  if (!decoded.ok) throw new Error(JSON.stringify(decoded.issues));
  return decoded.value;
};

describe("Explain this number: Explorer", () => {
  it("a headline figure opens its explanation: rule, parts, Methodology link, address", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer`);
    await settled(page);
    const expected = await summaryFor(DEFAULT_SCENARIO);
    await expect
      .poll(() => page.getByTestId("national-profit").getAttribute("data-pence"))
      .toBe(String(expected.crcProfitPence));
    await page.getByTestId("national-profit").click();
    const panel = panelOf(page);
    await expect.poll(() => amountShown(page)).toBe(String(expected.crcProfitPence));
    expect(await panel.getByTestId("explain-title").textContent()).toBe(
      "All CRCs: profit or loss, over the contract",
    );
    const tree = await explainInNode(DEFAULT_SCENARIO, {
      crc: "ALL",
      line: "profit",
      period: "total",
    });
    expect(tree.amountPence).toBe(expected.crcProfitPence);
    const rule = panel.getByTestId("explain-rule").first();
    expect(await rule.textContent()).toContain("profit = income_total − cost_total");
    expect(await rule.getByTestId("explain-method").getAttribute("href")).toBe(
      "./methodology#money-rounding-and-signs",
    );
    // The parts (income, costs) with the engine's amounts, costs subtracted.
    for (const part of tree.parts) {
      const summary = panel.locator(`details[data-ref="ALL.${part.ref.line}.total"] > summary`);
      expect(await summary.locator("[data-pence]").getAttribute("data-pence")).toBe(
        String(part.amountPence),
      );
      expect(await summary.textContent()).toContain(part.sign < 0 ? "−" : "+");
    }
    // The panel took the focus; the address holds the explanation; Escape closes it.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Why this number?");
    await expect.poll(() => page.url()).toContain("_explain=ALL.profit.total");
    await page.keyboard.press("Escape");
    await expect.poll(() => panel.count()).toBe(0);
    await expect.poll(() => page.url()).not.toContain("_explain");
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it("a bar opens its explanation, step by step down to a cell's inputs and sources", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer`);
    await settled(page);
    await page
      .getByRole("button", { name: "Explain all CRCs' fee for service in 2017-18" })
      .click();
    const ref = { crc: "ALL", line: "fee_for_service", period: "2017-18" };
    const tree = await explainInNode(DEFAULT_SCENARIO, ref, 3);
    await expect.poll(() => amountShown(page)).toBe(String(tree.amountPence));
    const panel = panelOf(page);
    // Nation → owner → CRC → month: each step's amount is the engine's.
    const owner = tree.parts[0]!;
    const crc = owner.parts[0]!;
    const month = crc.parts.find((p) => p.ref.period === "2017-04")!;
    const ownerStep = await openStep(panel, `${owner.ref.crc}.fee_for_service.2017-18`);
    const crcStep = await openStep(ownerStep, `${crc.ref.crc}.fee_for_service.2017-18`);
    const cell = await openStep(crcStep, `${crc.ref.crc}.fee_for_service.2017-04`);
    for (const [node, step] of [
      [owner, ownerStep],
      [crc, crcStep],
      [month, cell],
    ] as const) {
      expect(await step.locator(":scope > summary [data-pence]").getAttribute("data-pence")).toBe(
        String(node.amountPence),
      );
    }
    // The cell: its rule (fee for service), its Methodology section, every input with a source.
    const rule = cell.getByTestId("explain-rule");
    expect(await rule.textContent()).toContain(month.rule!.equation);
    expect(await rule.getByTestId("explain-method").getAttribute("href")).toBe(
      "./methodology#income-of-a-crc-in-a-month",
    );
    const rows = cell.locator('[data-testid="explain-inputs"] tbody tr');
    expect(await rows.count()).toBe(month.inputs.length);
    const fixed = cell.locator('tr[data-input="fixedShare"]');
    expect(await fixed.textContent()).toContain("ffs.fixedShare");
    expect(await fixed.textContent()).toContain("20%");
    expect(await fixed.locator("[data-status]").getAttribute("data-status")).toBe("sourced");
    const ds = await dataset();
    const nao = ds.sources.find((s) => s.id === "nao-hc676-2017-12-19")!;
    expect(await fixed.locator(".explain-source").textContent()).toContain(nao.citation);
    const band = cell.locator('tr[data-input="toleranceBand"] [data-status]');
    expect(await band.getAttribute("data-status")).toBe("assumed");
    // Accessible with the panel open, three steps down to a cell's inputs and sources.
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it("opens from the address and follows the scenario while it is open", async () => {
    const { page, problems } = await watchedPage(site);
    const scenario = { schemaVersion: 1, extends: "no-variation" };
    await page.goto(`${site.url}/explorer?v=1&extends=no-variation&_explain=sodexo.profit.2016-17`);
    await settled(page);
    const ref = { crc: "sodexo", line: "profit", period: "2016-17" };
    const before = await explainInNode(scenario, ref);
    await expect.poll(() => amountShown(page)).toBe(String(before.amountPence));
    expect(await panelOf(page).getByTestId("explain-title").textContent()).toMatch(
      /^Sodexo.* \(all its CRCs\): profit or loss, 2016-17$/,
    );
    // Move a lever: the open explanation is recomputed for the new scenario.
    const slider = page.locator('[data-lever="ffs.toleranceBand"] input[type="range"]');
    await slider.focus();
    for (let i = 0; i < 5; i++) await slider.press("ArrowRight");
    const band = await slider.inputValue();
    await expect.poll(() => page.url()).toContain(`ffs.toleranceBand=${band}`);
    expect(page.url()).toContain("_explain=sodexo.profit.2016-17");
    const after = await explainInNode(scenarioOf(page.url()), ref);
    expect(after.amountPence).not.toBe(before.amountPence);
    await expect.poll(() => amountShown(page)).toBe(String(after.amountPence));
    // Named as the exports name it: the preset, with the lever moved (not the preset alone).
    expect(
      await panelOf(page)
        .getByText(/^Scenario: /)
        .textContent(),
    ).toMatch(
      /^Scenario: No-variation counterfactual, with 1 changed input \(hash [0-9a-f]{12}\)$/,
    );
    const link = await panelOf(page).getByTestId("explain-link").getAttribute("href");
    expect(scenarioOf(link!)).toEqual(scenarioOf(page.url()));
    expect(link).toContain("_explain=sodexo.profit.2016-17");
    // Accessible after a lever move, with the panel open and the charts redrawn.
    await chartsDrawn(page);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it("a bad _explain value gives a clear inline message, and the page still works", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer?v=1&_explain=walse.proft.2030-31`);
    await settled(page);
    const note = panelOf(page).getByTestId("explain-problems");
    await expect
      .poll(() => note.textContent())
      .toMatch(/unknown CRC "walse".*did you mean "wales"/);
    expect(await note.textContent()).toMatch(/unknown line "proft".*did you mean "profit"/);
    expect(await note.textContent()).toMatch(/unknown period "2030-31"/);
    const expected = await summaryFor(DEFAULT_SCENARIO);
    await expect
      .poll(() => page.getByTestId("national-profit").getAttribute("data-pence"))
      .toBe(String(expected.crcProfitPence));

    await page.goto(`${site.url}/explorer?v=1&_explain=%3Cimg%20src%3Dx%3E`);
    await settled(page);
    await expect
      .poll(() => panelOf(page).getByTestId("explain-problems").textContent())
      .toMatch(/is not <crc \| owner \| ALL>\.<line>\.<period>/);
    expect(await page.locator("img[src=x]").count()).toBe(0);
    expect(problems).toEqual(NO_PROBLEMS);
  });
});

describe("Explain this number: CRC page", () => {
  it("the contract totals and a year's bar explain this CRC's figures, down to a cell", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/crcs/wales`);
    await settled(page);
    const income = await lineTotal(DEFAULT_SCENARIO, { crc: "wales" }, "income_total");
    await expect
      .poll(() => page.getByTestId("crc-income").getAttribute("data-pence"))
      .toBe(String(income));
    await page.getByTestId("crc-income").click();
    await expect.poll(() => amountShown(page)).toBe(String(income));
    expect(await panelOf(page).getByTestId("explain-title").textContent()).toBe(
      "Wales: income, over the contract",
    );
    await panelOf(page).getByRole("button", { name: /Close/ }).click();
    await expect.poll(() => panelOf(page).count()).toBe(0);

    // The profit bar for 2017-18, from the keyboard.
    // The bar, not the year's label on the axis, which opens the same (axis-links.test.ts).
    const bar = page
      .locator('g[aria-label="bar"]')
      .getByRole("button", { name: "Explain Wales's profit or loss in 2017-18" });
    await bar.focus();
    await page.keyboard.press("Enter");
    const ref = { crc: "wales", line: "profit", period: "2017-18" };
    const tree = await explainInNode(DEFAULT_SCENARIO, ref, 3);
    await expect.poll(() => amountShown(page)).toBe(String(tree.amountPence));
    await expect.poll(() => page.url()).toContain("_explain=wales.profit.2017-18");
    const panel = panelOf(page);
    const costs = await openStep(panel, "wales.cost_total.2017-18");
    const staff = await openStep(costs, "wales.staff_cost.2017-18");
    const april = await openStep(staff, "wales.staff_cost.2017-04");
    const cell = tree.parts[1]!.parts[0]!.parts[0]!;
    expect(cell.ref).toEqual({ crc: "wales", line: "staff_cost", period: "2017-04" });
    expect(await april.locator(":scope > summary [data-pence]").getAttribute("data-pence")).toBe(
      String(cell.amountPence),
    );
    expect(await april.getByTestId("explain-rule").textContent()).toContain(cell.rule!.equation);
    expect(await april.getByTestId("explain-method").getAttribute("href")).toBe(
      "../methodology#costs-of-a-crc-in-a-month",
    );
    const loaded = april.locator('tr[data-input="loadedCostPerFtePence"]');
    expect(await loaded.locator("[data-status]").getAttribute("data-status")).toBe("assumed");
    const ds = await dataset();
    const row = ds.parameters.find((p) => p.id === "staff.loadedCostPerFte" && p.crc === null)!;
    expect(await loaded.textContent()).toContain(formatPence(row.defaultPence!));
    expect(await loaded.locator(".explain-source").textContent()).toContain(row.reason);

    // Copy as text: the footnote names the figure with the engine's amount, and links back.
    await panel.getByRole("button", { name: "Copy as text" }).click();
    const text = await panel.getByTestId("explain-text").inputValue();
    expect(text.split("\n")[0]).toBe(
      `Wales: profit or loss, 2017-18: ${formatPence(tree.amountPence)}`,
    );
    expect(text).toContain(`wales · profit · 2017-18: ${formatPence(tree.amountPence)}`);
    expect(text).toContain(`2017-04: ${formatPence(cell.amountPence)}`);
    const tail = `crcs/wales?v=1&extends=the-2017-variation&_explain=wales.profit.2017-18&_mv=${MODEL_VERSION}`;
    expect(text.trimEnd().slice(-tail.length)).toBe(tail);
    // Accessible with the panel open down to a cell, and its text shown.
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it("the Methodology anchors the panel links to exist", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/methodology`);
    await settled(page);
    for (const id of [
      "money-rounding-and-signs",
      "income-of-a-crc-in-a-month",
      "costs-of-a-crc-in-a-month",
    ])
      expect(await page.locator(`[id="${id}"]`).count()).toBe(1);
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it("opens from the address on another scenario", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/crcs/wales?v=1&extends=pbr-high&_explain=wales.pbr.total`);
    await settled(page);
    const high = { schemaVersion: 1, extends: "pbr-high" };
    await expect
      .poll(() => amountShown(page))
      .toBe(String(await lineTotal(high, { crc: "wales" }, "pbr")));
    expect(await panelOf(page).getByTestId("explain-title").textContent()).toBe(
      "Wales: payment by results, over the contract",
    );
    expect(problems).toEqual(NO_PROBLEMS);
  });
});

describe("Explain this number: owner page", () => {
  it("an owner's profit opens as the sum of its CRCs, each the engine's", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/owners/sodexo`);
    await settled(page);
    const profit = await lineTotal(DEFAULT_SCENARIO, { owner: "sodexo" }, "profit");
    await expect
      .poll(() => page.getByTestId("owner-profit").getAttribute("data-pence"))
      .toBe(String(profit));
    await page.getByTestId("owner-profit").click();
    await expect.poll(() => amountShown(page)).toBe(String(profit));
    const panel = panelOf(page);
    const income = await openStep(panel, "sodexo.income_total.total");
    const fee = await openStep(income, "sodexo.fee_for_service.total");
    expect(await fee.getByTestId("explain-rule").first().textContent()).toContain("sum of CRCs");
    const ds = await dataset();
    for (const c of ds.crcs.filter((x) => x.ownerId === "sodexo")) {
      const shown = fee.locator(
        `details[data-ref="${c.id}.fee_for_service.total"] > summary [data-pence]`,
      );
      expect(await shown.getAttribute("data-pence")).toBe(
        String(await lineTotal(DEFAULT_SCENARIO, { crc: c.id }, "fee_for_service")),
      );
    }
    expect(problems).toEqual(NO_PROBLEMS);
  });
});

describe("Explain this number: a change on the Compare page", () => {
  const preset = (id: string) => ({ schemaVersion: 1, extends: id });

  it("a change opens its one-at-a-time decomposition (order-dependent), summing exactly to the change", async () => {
    const { page, problems } = await watchedPage(site);
    // Fair shares are the default (issue #17, attribution.test.ts); this view is kept as an option.
    await page.goto(
      `${site.url}/compare?_base=contract-as-let&_with=the-2017-variation&_split=one-at-a-time`,
    );
    await settled(page);
    const change = page.locator(
      'td[data-metric="crc_profit"][data-scenario="the-2017-variation"][data-kind="delta"]',
    );
    await expect.poll(() => change.count()).toBe(1);
    await change.getByRole("button").click();
    const ref = { crc: "ALL", line: "profit", period: "total" };
    const d = await explainDeltaInNode(
      preset("contract-as-let"),
      preset("the-2017-variation"),
      ref,
    );
    const panel = page.getByTestId("delta-panel");
    const shown = (id: string) => panel.getByTestId(id).getAttribute("data-pence");
    await expect.poll(() => shown("delta-amount"), { timeout: 30_000 }).toBe(String(d.deltaPence));
    expect(await change.getAttribute("data-value")).toBe(String(d.deltaPence));
    expect(await shown("delta-a")).toBe(String(d.amountAPence));
    expect(await shown("delta-b")).toBe(String(d.amountBPence));
    expect(d.parts.length).toBeGreaterThan(1);
    const rows = panel.locator('[data-testid="delta-parts"] tbody tr');
    expect(await rows.count()).toBe(d.parts.length + 1);
    let sum = 0;
    for (const part of [...d.parts, { param: "interaction", effectPence: d.interactionPence }]) {
      const pence = await panel
        .locator(`tr[data-param="${part.param}"] [data-pence]`)
        .getAttribute("data-pence");
      expect([part.param, pence]).toEqual([part.param, String(part.effectPence)]);
      sum += Number(pence);
    }
    expect(sum).toBe(d.deltaPence);
    await expect
      .poll(() => page.url())
      .toContain("_explain=ALL.profit.total&_vs=the-2017-variation");
    // Accessible with the change's decomposition open.
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it("opens from the address; an unknown _vs is named inline", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(
      `${site.url}/compare?_base=no-variation&_with=pbr-high&_explain=ALL.pbr.total&_vs=pbr-high`,
    );
    await settled(page);
    const ref = { crc: "ALL", line: "pbr", period: "total" };
    const d = await explainDeltaInNode(preset("no-variation"), preset("pbr-high"), ref);
    await expect
      .poll(() => page.getByTestId("delta-amount").getAttribute("data-pence"), { timeout: 30_000 })
      .toBe(String(d.deltaPence));

    await page.goto(`${site.url}/compare?_base=no-variation&_explain=ALL.pbr.total&_vs=atlantis`);
    await settled(page);
    await expect
      .poll(() => page.getByTestId("explain-problems").textContent())
      .toContain('_vs: "atlantis" is not a preset or saved scenario');
    expect(problems).toEqual(NO_PROBLEMS);
  });
});
