import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  chartsDrawn,
  NO_PROBLEMS,
  siteForFile,
  seriousViolations,
  watchedPage,
} from "./harness.ts";

// Where the focus goes back to (issue #16): when an explanation closes, or a chart is drawn
// afresh under the focus, the focus returns to the element that had it, or, if that was drawn
// afresh, to the one standing for the same thing (its data-focus-key: the bar or label of the
// same year, the same CRC) — never to another element that only shares its accessible name.

const site = siteForFile();

const PROFIT_BY_YEAR = 'svg[aria-label="All CRCs: profit or loss by financial year"]';
const CRC_PROFIT = 'svg[aria-label^="Contract-life profit or loss of each CRC"]';

/** What has the focus: its accessible name, its text, and the chart it is in. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName.toLowerCase() ?? "",
      name: el?.getAttribute("aria-label") ?? null,
      text: el?.textContent ?? "",
      chart: el?.closest("svg")?.getAttribute("aria-label") ?? null,
      decoy: el?.hasAttribute("data-decoy") ?? false,
      // A bar link's name is its <rect>'s (Plot names the rect inside the link).
      rect: el?.querySelector("rect")?.getAttribute("aria-label") ?? null,
    };
  });
}

/**
 * Puts a button named `name` at the top of the page (before every chart): another control that
 * reads the same as an opener. It opens nothing.
 */
async function addNameTwin(page: Page, name: string) {
  await page.evaluate((name) => {
    const twin = document.createElement("button");
    twin.type = "button";
    twin.textContent = "twin";
    twin.setAttribute("aria-label", name);
    twin.setAttribute("data-decoy", "");
    document.getElementById("observablehq-main")!.prepend(twin);
  }, name);
}

/** Marks what `selector` finds, so a test can tell when it has been drawn afresh (gone). */
const mark = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => el.setAttribute("data-old", ""));
const redrawn = (page: Page) => page.locator("[data-old]").count();

describe("the focus returns to the same element, or the one standing for it, not a name twin", () => {
  it("Explorer: closing an explanation opened from a year's label (redrawn meanwhile) focuses that label", async () => {
    const { page, problems } = await watchedPage(site);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${site.url}/explorer`);
    await chartsDrawn(page);
    await page.locator(PROFIT_BY_YEAR).scrollIntoViewIfNeeded();
    await chartsDrawn(page);
    const label = `${PROFIT_BY_YEAR} g[aria-label="x-axis tick label"] text[role="button"]`;
    const year = page.locator(label).filter({ hasText: "2017-18" });
    const name = await year.getAttribute("aria-label");
    expect(name).toBe("2017-18: Explain all CRCs' profit or loss in 2017-18");
    await addNameTwin(page, name!);
    expect(await page.getByRole("button", { name: name!, exact: true }).count()).toBe(2);

    await year.focus();
    await mark(page, PROFIT_BY_YEAR);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("explain-panel").count()).toBe(1);
    // The page narrowed beside the panel, so the chart was drawn afresh: the label is a new one.
    await expect.poll(() => redrawn(page)).toBe(0);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByTestId("explain-panel").count()).toBe(0);
    await expect
      .poll(() => focused(page))
      .toMatchObject({ chart: "All CRCs: profit or loss by financial year", text: "2017-18" });
    expect((await focused(page)).decoy).toBe(false);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("a CRC's page: closing an explanation opened from a bar (redrawn meanwhile) focuses that bar", async () => {
    const { page, problems } = await watchedPage(site);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${site.url}/crcs/wales`);
    await chartsDrawn(page);
    const chart = '[data-testid="profit-by-year"] svg';
    const bars = `${chart} g[aria-label="bar"] [role="button"]`;
    await page.locator(chart).scrollIntoViewIfNeeded();
    const bar = page.getByRole("button", {
      name: "Explain Wales's profit or loss in 2018-19",
      exact: true,
    });
    expect(await bar.count()).toBe(1);
    await addNameTwin(page, "Explain Wales's profit or loss in 2018-19");
    expect(
      await page
        .getByRole("button", { name: "Explain Wales's profit or loss in 2018-19", exact: true })
        .count(),
    ).toBe(2);
    const real = bar.and(page.locator(bars));
    await real.focus();
    await mark(page, chart);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("explain-panel").count()).toBe(1);
    await expect.poll(() => redrawn(page)).toBe(0);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByTestId("explain-panel").count()).toBe(0);
    await expect
      .poll(() => focused(page))
      .toMatchObject({ name: "Explain Wales's profit or loss in 2018-19", decoy: false });
    expect((await focused(page)).chart).toMatch(/profit or loss by financial year$/);
    expect(await seriousViolations(page, { exclude: ["[data-decoy]"] })).toEqual([]);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("Explorer: a CRC's bar (a link) keeps the focus when the chart is drawn afresh at a new width", async () => {
    const { page, problems } = await watchedPage(site);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${site.url}/explorer`);
    await chartsDrawn(page);
    await page.locator(CRC_PROFIT).scrollIntoViewIfNeeded();
    await chartsDrawn(page);
    const wales = page.locator(`${CRC_PROFIT} g[aria-label="bar"] a`, {
      has: page.locator('rect[aria-label^="Wales:"]'),
    });
    expect(await wales.count()).toBe(1);
    await wales.focus();
    const before = await focused(page);
    expect(before.rect).toMatch(/^Wales: /);
    await mark(page, CRC_PROFIT);
    await page.setViewportSize({ width: 1100, height: 900 });
    // Drawn afresh at the new width: the link with the focus is a new one, for the same CRC.
    await expect.poll(() => redrawn(page)).toBe(0);
    await expect.poll(() => focused(page)).toMatchObject({ tag: "a", chart: before.chart });
    expect((await focused(page)).rect).toMatch(/^Wales: /);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });
});
