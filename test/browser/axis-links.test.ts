import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { FINANCIAL_YEARS } from "../../src/engine/timeline.ts";
import {
  chartsDrawn,
  NO_PROBLEMS,
  siteForFile,
  seriousViolations,
  watchedPage,
} from "./harness.ts";

// A CRC near break-even has a bar a pixel wide, too small to click: in every chart whose bars
// link to a CRC's (or an owner's) page, the names on the axis are links to the same page,
// reachable from the keyboard, and carry the scenario as the bars do.

const site = siteForFile();

const XLINK = "http://www.w3.org/1999/xlink";

interface NameLink {
  name: string;
  /** The axis link's target, as drawn (before the page adds the scenario). */
  href: string;
  /** The target of the bar(s) of the same name. */
  barHrefs: string[];
  /** The narrowest of its bars, in pixels. */
  barWidth: number;
}

/** Each axis name of the chart (`svg` selector, `axis` "y" or "fy") and its bars' targets. */
function nameLinks(page: Page, svg: string, axis: string): Promise<NameLink[]> {
  return page.evaluate(
    ({ svg, axis, XLINK }) => {
      const chart = document.querySelector(svg)!;
      const href = (a: Element) => a.getAttributeNS(XLINK, "href") ?? "";
      const bars = [...chart.querySelectorAll('g[aria-label="bar"] a')];
      return [...chart.querySelectorAll(`g[aria-label="${axis}-axis tick label"] a`)].map((a) => {
        const name = (a.getAttribute("aria-label") ?? "").replace(/: open its page$/, "");
        const mine = bars.filter((b) => {
          // Plot names the bar's <rect>, inside its link.
          const label = b.querySelector("rect")?.getAttribute("aria-label") ?? "";
          return label.startsWith(`${name}:`) || label.startsWith(`${name},`);
        });
        return {
          name,
          href: href(a),
          barHrefs: [...new Set(mine.map(href))],
          barWidth: Math.min(...mine.map((b) => b.querySelector("rect")!.getBBox().width)),
        };
      });
    },
    { svg, axis, XLINK },
  );
}

describe("axis names link to their page, as the bars do", () => {
  it("Explorer, profit by CRC: the narrowest bar's name opens its CRC page from the keyboard, with the scenario", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer?v=1&extends=the-2017-variation`);
    await chartsDrawn(page);
    const svg = 'svg[aria-label^="Contract-life profit or loss of each CRC"]';
    const links = await nameLinks(page, svg, "y");
    expect(links).toHaveLength(21);
    for (const l of links) {
      expect(l.href, l.name).toMatch(/^\.\/crcs\/[a-z-]+$/);
      expect(l.barHrefs, l.name).toEqual([l.href]);
    }
    const narrowest = [...links].sort((x, y) => x.barWidth - y.barWidth)[0]!;
    const target = page
      .locator(`${svg} g[aria-label="y-axis tick label"]`)
      .getByRole("link", { name: `${narrowest.name}: open its page`, exact: true });
    expect(await target.count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    // Tab reaches it (an SVG link is focusable); Enter follows it.
    await target.focus();
    expect(await target.evaluate((a) => a === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/crcs\//);
    const url = new URL(page.url());
    expect(url.pathname).toBe(`/crcs/${narrowest.href.slice("./crcs/".length)}`);
    expect(url.searchParams.get("extends")).toBe("the-2017-variation");
    await chartsDrawn(page);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("Explorer, profit by owner: a name opens the owner's page on a click", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer`);
    await chartsDrawn(page);
    const svg = 'svg[aria-label="Contract-life profit or loss of each owner"]';
    await page.locator(svg).scrollIntoViewIfNeeded();
    const links = await nameLinks(page, svg, "y");
    expect(links.length).toBeGreaterThan(1);
    for (const l of links) {
      expect(l.href, l.name).toMatch(/^\.\/owners\/[a-z-]+$/);
      expect(l.barHrefs, l.name).toEqual([l.href]);
    }
    await page.getByRole("link", { name: `${links[0]!.name}: open its page`, exact: true }).click();
    await page.waitForURL(/\/owners\//);
    expect(new URL(page.url()).pathname).toBe(`/owners/${links[0]!.href.slice(9)}`);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("Compare, change by CRC: a CRC's name opens its page on a click", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/compare?_base=no-variation&_with=the-2017-variation,pbr-high`);
    await chartsDrawn(page);
    const svg = '[data-testid="crc-delta-chart"] svg[aria-label^="Change in each CRC"]';
    const links = await nameLinks(page, svg, "fy");
    expect(links).toHaveLength(21);
    for (const l of links) {
      expect(l.href, l.name).toMatch(/^\.\/crcs\/[a-z-]+$/);
      expect(l.barHrefs, l.name).toEqual([l.href]);
    }
    expect(await seriousViolations(page)).toEqual([]);
    const wales = links.find((l) => l.href === "./crcs/wales")!;
    await page
      .locator(svg)
      .getByRole("link", { name: `${wales.name}: open its page`, exact: true })
      .click();
    await page.waitForURL(/\/crcs\/wales/);
    await chartsDrawn(page);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });
});

// A year whose bar is near zero is as hard to click as a CRC's: in every chart whose year bars
// open an explanation, the year's label on the axis is a button opening the same one.

interface YearButton {
  year: string;
  label: string;
  /** The names of the bar(s) drawn for the year (one, or one per stacked line). */
  barLabels: string[];
  /** The tallest of its bars, in pixels. */
  barHeight: number;
}

function yearButtons(page: Page, svg: string): Promise<YearButton[]> {
  return page.evaluate((svg) => {
    const chart = document.querySelector(svg)!;
    const bars = [...chart.querySelectorAll('g[aria-label="bar"] [role="button"]')];
    return [...chart.querySelectorAll('g[aria-label="x-axis tick label"] text[role="button"]')].map(
      (t) => {
        const year = t.textContent ?? "";
        const mine = bars.filter((b) => (b.getAttribute("aria-label") ?? "").endsWith(` ${year}`));
        return {
          year,
          label: t.getAttribute("aria-label") ?? "",
          barLabels: mine.map((b) => b.getAttribute("aria-label") ?? ""),
          barHeight: Math.max(0, ...mine.map((b) => (b as SVGGraphicsElement).getBBox().height)),
        };
      },
    );
  }, svg);
}

describe("year labels explain the year, as its bars do", () => {
  it("Explorer, profit by year: the thinnest bar's year opens its explanation from the keyboard", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer?v=1&extends=the-2017-variation`);
    await chartsDrawn(page);
    const svg = 'svg[aria-label="All CRCs: profit or loss by financial year"]';
    await page.locator(svg).scrollIntoViewIfNeeded();
    const years = await yearButtons(page, svg);
    expect(years.map((y) => y.year)).toEqual(FINANCIAL_YEARS);
    for (const y of years) {
      expect(y.barLabels, y.year).toEqual([`Explain all CRCs' profit or loss in ${y.year}`]);
      // Named as its bar is, after its own words: its own name, for the focus to come back to.
      expect(y.label, y.year).toBe(`${y.year}: ${y.barLabels[0]}`);
    }
    const thinnest = [...years].sort((a, b) => a.barHeight - b.barHeight)[0]!;
    const target = page
      .locator(`${svg} g[aria-label="x-axis tick label"]`)
      .getByRole("button", { name: thinnest.label, exact: true });
    expect(await target.count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await target.focus();
    expect(await target.evaluate((t) => t === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await expect
      .poll(() => new URL(page.url()).searchParams.get("_explain"))
      .toBe(`ALL.profit.${thinnest.year}`);
    await expect
      .poll(() => page.getByTestId("explain-panel").getByTestId("explain-title").textContent())
      .toContain(thinnest.year);
    // Escape closes it and the focus comes back to the year's label, not its bar.
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByTestId("explain-panel").count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
      .toBe(thinnest.label);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("Explorer, income by year (stacked): a year's label explains the year's income, on a click", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer`);
    await chartsDrawn(page);
    const svg = 'svg[aria-label="All CRCs: income by financial year, stacked by line"]';
    const years = await yearButtons(page, svg);
    expect(years.map((y) => y.year)).toEqual(FINANCIAL_YEARS);
    for (const y of years)
      expect(y.label, y.year).toBe(`${y.year}: Explain all CRCs' income in ${y.year}`);
    await page
      .locator(`${svg} g[aria-label="x-axis tick label"]`)
      .getByRole("button", { name: "2017-18: Explain all CRCs' income in 2017-18", exact: true })
      .click();
    await expect
      .poll(() => new URL(page.url()).searchParams.get("_explain"))
      .toBe("ALL.income_total.2017-18");
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("a CRC's page, narrow (turned labels): a year's label explains the CRC's profit that year", async () => {
    const { page, problems } = await watchedPage(site);
    await page.setViewportSize({ width: 420, height: 900 });
    await page.goto(`${site.url}/crcs/wales`);
    await chartsDrawn(page);
    const svg =
      '[data-testid="profit-by-year"] svg[aria-label$="profit or loss by financial year"]';
    await page.locator(svg).scrollIntoViewIfNeeded();
    const years = await yearButtons(page, svg);
    expect(years.map((y) => y.year)).toEqual(FINANCIAL_YEARS);
    for (const y of years) expect([`${y.year}: ${y.barLabels[0]}`], y.year).toEqual([y.label]);
    await page
      .locator(`${svg} g[aria-label="x-axis tick label"]`)
      .getByRole("button", { name: years[7]!.label, exact: true })
      .click();
    await expect
      .poll(() => new URL(page.url()).searchParams.get("_explain"))
      .toBe("wales.profit.2021-22");
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });
});
