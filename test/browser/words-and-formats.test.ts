// Issue #16, the polish that was left: a minus sign that stays with its amount, tips with a true
// minus, cards that name presets by their titles, an owner's later history that reads as a
// sentence, and one bad value in a link said once.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { NO_PROBLEMS, chartsDrawn, siteForFile, settled, watchedPage } from "./harness.ts";

const site = siteForFile();

/**
 * Every visible sign (− or +) before an amount ("£3.6m", "£-" excluded: that is its own failure)
 * that ends one line while its amount starts the next, with the text around it.
 */
function signsWrappedAway(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const main = document.querySelector("#observablehq-main") ?? document.body;
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    const box = (node: Node, at: number) => {
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      return range.getBoundingClientRect();
    };
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      for (const match of text.matchAll(/[−+]\u2060?£/g)) {
        const sign = box(node, match.index);
        const pound = box(node, match.index + match[0].length - 1);
        if (sign.width > 0 && pound.width > 0 && pound.top >= sign.bottom - 1)
          out.push(text.slice(Math.max(0, match.index - 20), match.index + 12));
      }
    }
    return out;
  });
}

describe("money on the page (issue #16)", () => {
  it("never breaks a line between a minus sign and its amount, on a phone or a desktop", async () => {
    const pages = ["/versions", "/uncertainty?v=1&_draws=200", "/explorer", "/"];
    for (const width of [375, 1280]) {
      const { page, problems } = await watchedPage(site);
      await page.setViewportSize({ width, height: 900 });
      for (const path of pages) {
        await page.goto(`${site.url}${path}`);
        await settled(page);
        await chartsDrawn(page);
        expect([width, path, await signsWrappedAway(page)]).toEqual([width, path, []]);
      }
      expect(problems).toEqual(NO_PROBLEMS);
      await page.close();
    }
  }, 180_000);

  it("shows a loss in a chart's tip with a true minus sign before the pound sign", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer?v=1&extends=no-variation`);
    await settled(page);
    await chartsDrawn(page);
    // A CRC's loss bar in the Explorer (each bar is named with its amount).
    const chart = page.locator(
      '#observablehq-main svg[aria-label^="Contract-life profit or loss of each CRC"]',
    );
    await chart.locator('a rect[aria-label*="−"]').first().hover();
    const tip = chart.locator('[aria-label="tip"]');
    await expect.poll(() => tip.textContent()).toMatch(/−£\d+(\.\d)?m/);
    expect(await tip.textContent()).not.toMatch(/£-|-£|£−/);
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it("names the presets a scenario is based on by their titles, never their ids", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer?v=1&extends=the-2017-variation&ffs.toleranceBand=0.04`);
    await settled(page);
    const lineage = page.getByTestId("card-lineage");
    await expect.poll(() => lineage.textContent()).toContain("“The 2017 variation”");
    expect(await lineage.textContent()).not.toMatch(/the-2017-variation|no-variation/);
    expect(problems).toEqual(NO_PROBLEMS);
  });
});

describe("an owner's later history (issue #16)", () => {
  it("reads as a sentence on the owner's page", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/owners/working-links`);
    await settled(page);
    const blurb = (await page.locator("#observablehq-main h1 + p").textContent()) ?? "";
    expect(blurb).toContain("Later owned by Aurelius;");
    expect(blurb).not.toMatch(/Later: Owned|\(dispute/);
    expect(problems).toEqual(NO_PROBLEMS);
  });
});

describe("one bad value in a link (issue #16)", () => {
  it("is said once, naming the field and the range it must be in", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer?v=1&volume.shortfall.2015-16=5`);
    await settled(page);
    const note = page.getByTestId("problems").filter({ hasText: "could not be used" });
    await expect.poll(() => note.textContent()).toContain("volume.shortfall.2015-16");
    const lines = await note.locator("li").allTextContents();
    expect(lines).toEqual([
      "scenario.parameters.volume.shortfall.2015-16.value: 5 is above the maximum 0.9 (the range for every CRC: -0.5 to 0.9)",
    ]);
    expect(problems).toEqual(NO_PROBLEMS);
  });
});

describe("the focus through a redraw (review of issue #16)", () => {
  it("stays on a live chart's bar when the chart is drawn again at a new width", async () => {
    const { page, problems } = await watchedPage(site);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${site.url}/explorer`);
    await settled(page);
    const name = "Explain all CRCs' fee for service in 2017-18";
    const bar = page.getByRole("button", { name });
    await bar.focus();
    const before = await bar.elementHandle();
    await page.setViewportSize({ width: 1100, height: 900 });
    // The plot is drawn again (its bar is a new element), and the focus is on the new bar.
    await expect.poll(() => before!.evaluate((el) => el.isConnected)).toBe(false);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
      .toBe(name);
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it("goes back to the bar that opened an explanation on a CRC page, drawn afresh as the panel closes", async () => {
    const { page, problems } = await watchedPage(site);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${site.url}/crcs/wales`);
    await settled(page);
    const name = "Explain Wales's profit or loss in 2017-18";
    await page.getByRole("button", { name, exact: true }).focus();
    await page.keyboard.press("Enter");
    const panel = page.getByTestId("explain-panel");
    await panel.getByTestId("explain-amount").waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(() => panel.count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
      .toBe(name);
    expect(problems).toEqual(NO_PROBLEMS);
  });
});
