// Issue #16, "Honest, readable levers and explanations" and "Sources and data tables": what a
// reader sees says values in their units, names outputs as names, and reaches the sources.
import type { Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SPLIT_IDS } from "../../src/uncertainty/index.ts";
import { NO_PROBLEMS, siteForFile, seriousViolations, settled, watchedPage } from "./harness.ts";

const site = siteForFile();

describe("Sensitivity tornado (issue #16)", () => {
  it("swings what the Monte Carlo samples, in units, for an output named as a name", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/sensitivity?v=1&extends=the-2017-variation&_steps=5`);
    await settled(page);
    const top = page.getByTestId("tornado-top");
    await top.waitFor();
    // Not the 21 bid prices at once (that moved the sourced £450m national total).
    expect(SPLIT_IDS).not.toContain(await top.getAttribute("data-parameter"));
    const table = await page.locator('[data-testid="tornado-chart"] table').textContent();
    expect(table).not.toContain("Annual price as let");
    // Ends in their units: no raw pounds like "7023571 to 64382735", shares as per cents.
    const headline = (await page.getByTestId("tornado-headline").textContent()) ?? "";
    expect(headline).toContain("National profit or loss (all 21 CRCs), whole contract");
    expect(headline).not.toMatch(/\d{5,}/);
    const cells = await page.locator('[data-testid="tornado-chart"] table td').allTextContents();
    expect(cells.filter((c) => /^\s*−?\d{5,}/.test(c))).toEqual([]);
    expect(table).toMatch(/\d%/);

    // A CRC's output reads as a name: "Wales CRC profit", not "profit, crc wales".
    await page
      .getByTestId("output-picker")
      .getByLabel("Whose money")
      .selectOption({ label: "CRC: Wales" });
    await expect
      .poll(() => page.getByTestId("tornado-base").textContent())
      .toContain("Wales CRC profit or loss, whole contract");
    const body = (await page.locator("#observablehq-main").textContent()) ?? "";
    expect(body).not.toContain("crc wales");
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });
});

describe("Explorer levers (issue #16)", () => {
  it("say their real range and unit once, money in £, and open their source and reason by keyboard", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer`);
    await settled(page);
    const labels = await page.locator(".lever-panel .lever > form > label").allTextContents();
    expect(labels.length).toBeGreaterThan(20);
    for (const label of labels) {
      expect(label).not.toMatch(/\((\w+|%)\) \((\w+|%)\)/); // "(points) (points)"
      expect(label).not.toContain("share, 0–1");
      expect(label).not.toMatch(/\d{6,}/);
    }
    const shortfall = page.locator('[data-lever="volume.shortfall.2015-16"] > form > label');
    expect(await shortfall.textContent()).toContain("\u22120.5 to 0.9");
    // A pound lever says its value in pounds beside the number box.
    const paid = page.locator('[data-lever="variation.paymentBefore.2016-17"]');
    expect(await paid.locator(":scope > form > label").textContent()).toContain("£100,000,000");
    expect(await paid.locator(".lever-readout").textContent()).toMatch(/^£\d{1,3}(,\d{3})*$/);
    // No hover-only title: the source and the reason open from the keyboard.
    expect(await page.locator(".lever-panel [title]").count()).toBe(0);
    const why = page.locator('[data-lever="ffs.toleranceBand"] [data-testid="lever-why"]');
    await why.locator("summary").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => why.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const text = (await why.textContent()) ?? "";
    expect(text).toMatch(/Why: No published value/);
    expect(text).not.toMatch(/src\/|scripts\/|\.ts\b|csv line/);
    const link = why.locator("a");
    expect(await link.getAttribute("href")).toMatch(/sources#source-csw-2018-03-22$/);
    // A fitted lever's reason points to the Calibration page, not to the code.
    const trend = page.locator('[data-lever="volume.shortfallTrend"] [data-testid="lever-why"]');
    await trend.locator("summary").click();
    expect(await trend.textContent()).toContain("Calibration page");
    expect(await seriousViolations(page)).toEqual([]);
    // The link leads to the source's own entry on the Sources page.
    await link.click();
    // (carrying the scenario: issue #16, scenario continuity)
    await page.waitForURL(/\/sources\?v=1&extends=the-2017-variation[^#]*#source-csw-2018-03-22$/);
    await settled(page);
    await expect.poll(() => page.locator("#source-csw-2018-03-22").count()).toBe(1);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });
});

describe("Sources and data tables (issue #16)", () => {
  it("cite every source and put Status and Source first, wrapped, with no sideways scrolling", async () => {
    const { page, problems } = await watchedPage(site);
    await page.setViewportSize({ width: 760, height: 900 });
    await page.goto(`${site.url}/sources`);
    await settled(page);
    const entries = page.locator('[data-testid="source-list"] li');
    const n = await entries.count();
    expect(n).toBeGreaterThanOrEqual(24);
    for (const text of await entries.locator(".source-citation").allTextContents())
      expect(text.trim().length).toBeGreaterThan(10);
    const headings = await page
      .locator('[data-testid="provenance-table"] thead th')
      .allTextContents();
    expect(headings.slice(0, 2)).toEqual(["Status", "Source"]);
    const fits = (testid: string) =>
      page.getByTestId(testid).evaluate((t) => t.scrollWidth <= t.parentElement!.clientWidth + 1);
    expect(await fits("provenance-table")).toBe(true);
    const main = await page.locator("#observablehq-main").evaluate((m) => m.clientWidth);
    expect(main).toBeLessThanOrEqual(760);
    expect(await seriousViolations(page)).toEqual([]);

    // A CRC's data table: the same columns, wrapped.
    await page.goto(`${site.url}/crcs/wales`);
    await settled(page);
    const crc = page.locator('[data-testid="crc-data"] [data-testid="provenance-table"]');
    expect((await crc.locator("thead th").allTextContents()).slice(0, 2)).toEqual([
      "Status",
      "Source",
    ]);
    expect(await crc.evaluate((t) => t.scrollWidth <= t.parentElement!.clientWidth + 1)).toBe(true);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });
});

async function openStep(panel: Locator, ref: string): Promise<Locator> {
  const details = panel.locator(`details[data-ref="${ref}"]`);
  await details.locator(":scope > summary").click();
  await expect.poll(() => details.locator(":scope > .explain-slot > *").count()).toBe(1);
  return details;
}

describe("Explanation panel (issue #16)", () => {
  it("says money in £, rules in words beside the equation, leaves the charts usable, and gives the focus back", async () => {
    const { page, problems } = await watchedPage(site);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${site.url}/explorer`);
    await settled(page);
    const name = "Explain all CRCs' fee for service in 2017-18";
    const bar = page.getByRole("button", { name });
    await bar.focus();
    await page.keyboard.press("Enter");
    const panel = page.getByTestId("explain-panel");
    await panel.getByTestId("explain-amount").waitFor();
    // Down to one CRC's month: four levels deep.
    const owner = await openStep(panel, "sodexo.fee_for_service.2017-18");
    const crc = await openStep(owner, "northumbria.fee_for_service.2017-18");
    const cell = await openStep(crc, "northumbria.fee_for_service.2017-04");
    const text = (await panel.textContent()) ?? "";
    expect(text).not.toContain("Implements");
    expect(text).not.toContain("MODEL.md");
    // The rule in words, its equation beside it.
    const rule = cell.getByTestId("explain-rule");
    expect(await rule.locator(".explain-rule-words").textContent()).toMatch(/annual price/);
    expect(await rule.locator("code").textContent()).toContain("fee_for_service = ");
    // Inputs by name, money as £ (no raw pence such as 1400000000), sources with room.
    const price = cell.locator('tr[data-input="annualPricePence"]');
    const priceText = (await price.textContent()) ?? "";
    expect(priceText).toMatch(/£\d{1,3}(,\d{3})+\.\d{2}/);
    expect(priceText).not.toMatch(/\d{7,}/);
    expect(priceText).not.toContain("annualPricePence");
    const sourceWidth = await cell
      .locator('tr[data-input="fixedShare"] .explain-source')
      .evaluate((td) => td.getBoundingClientRect().width);
    expect(sourceWidth).toBeGreaterThan(140);
    // The page narrows beside the panel: the content ends where the panel begins, and a bar
    // under where the panel used to be is reachable by the pointer.
    const panelLeft = await panel.evaluate((p) => p.getBoundingClientRect().left);
    const mainRight = await page
      .locator("#observablehq-main")
      .evaluate((m) => m.getBoundingClientRect().right);
    expect(mainRight).toBeLessThanOrEqual(panelLeft + 1);
    await bar.scrollIntoViewIfNeeded();
    const hit = await bar.evaluate((b) => {
      const r = b.getBoundingClientRect();
      const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return at === b;
    });
    expect(hit).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    // Escape: the focus goes back to the bar that opened the panel.
    await panel.locator("summary").first().focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => panel.count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
      .toBe(name);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });
});
