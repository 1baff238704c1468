import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import {
  NO_PROBLEMS,
  chartsDrawn,
  seriousViolations,
  siteForFile,
  settled,
  watchedPage,
} from "./harness.ts";

// Issue #16: charts drawn at the width they are shown at, with every label whole and inside the
// chart; by-year labels that do not collide on a phone; the Explorer's headline in view while a
// lever moves at 375 px; a skip link on every page.

const site = siteForFile();

interface ChartReport {
  label: string;
  drawn: number;
  shown: number;
  cut: string[];
  outside: string[];
}

/** Every chart's drawn and shown width, labels cut short ("…") and labels outside its box. */
function chartReports(page: Page): Promise<ChartReport[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGSVGElement>("#observablehq-main figure svg[width]")]
      .filter((svg) => Number(svg.getAttribute("width")) > 100 && svg.getClientRects().length > 0)
      .map((svg) => {
        const box = svg.getBoundingClientRect();
        const texts = [...svg.querySelectorAll("text")].filter((t) => t.getClientRects().length);
        return {
          label: svg.getAttribute("aria-label") ?? "",
          drawn: Number(svg.getAttribute("width")),
          shown: box.width,
          cut: texts.map((t) => t.textContent ?? "").filter((t) => t.includes("…")),
          outside: texts
            .filter((t) => {
              const r = t.getBoundingClientRect();
              return r.left < box.left - 1 || r.right > box.right + 1;
            })
            .map((t) => t.textContent ?? ""),
        };
      }),
  );
}

/** Pairs of neighbouring x-axis labels that overlap, in every by-year chart on the page. */
function collidingYearLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const clashes: string[] = [];
    for (const g of document.querySelectorAll(
      '#observablehq-main g[aria-label="x-axis tick label"]',
    )) {
      const texts = [...g.querySelectorAll<SVGTextElement>("text")].filter((t) =>
        /^\d{4}-\d{2}$/.test(t.textContent ?? ""),
      );
      for (let i = 1; i < texts.length; i++) {
        const [a, b] = [texts[i - 1]!, texts[i]!];
        const ra = a.getBoundingClientRect();
        const rb = b.getBoundingClientRect();
        const spacing = rb.left + rb.width / 2 - (ra.left + ra.width / 2);
        const angle = /rotate\((-?[\d.]+)/.exec(a.getAttribute("transform") ?? "")?.[1];
        const font = parseFloat(getComputedStyle(a).fontSize);
        // Side by side, a label needs its own length; turned by θ, parallel labels need a line's
        // height between them, measured across the text.
        const room = angle
          ? spacing * Math.abs(Math.sin((Number(angle) * Math.PI) / 180)) >= font
          : spacing >= a.getComputedTextLength() + 2;
        if (!room) clashes.push(`${a.textContent} / ${b.textContent}`);
      }
    }
    return clashes;
  });
}

/**
 * Pairs of neighbouring names on a chart's name axis (y or fy: CRCs, owners) whose boxes
 * overlap, each pair as "chart: name / name". A wrapped name is several lines of one <text>.
 */
function overlappingNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const clashes: string[] = [];
    for (const svg of document.querySelectorAll<SVGSVGElement>("#observablehq-main svg")) {
      for (const g of svg.querySelectorAll(
        'g[aria-label="y-axis tick label"], g[aria-label="fy-axis tick label"]',
      )) {
        const boxes = [...g.querySelectorAll<SVGTextElement>("text")]
          .filter((t) => t.getClientRects().length)
          .map((t) => ({ name: t.textContent ?? "", box: t.getBoundingClientRect() }))
          .sort((a, b) => a.box.top - b.box.top);
        for (let i = 1; i < boxes.length; i++) {
          const [a, b] = [boxes[i - 1]!, boxes[i]!];
          if (b.box.top < a.box.bottom - 0.5)
            clashes.push(`${svg.getAttribute("aria-label")}: ${a.name} / ${b.name}`);
        }
      }
    }
    return clashes;
  });
}

const WIDE_PAGES = [
  "/explorer",
  "/crcs/cheshire-gm",
  "/sensitivity",
  "/compare?_base=no-variation&_with=the-2017-variation,pbr-high",
  "/uncertainty?_draws=200",
];

describe("charts (issue #16)", () => {
  for (const path of WIDE_PAGES) {
    it(`${path}: each chart drawn at the width shown, every label whole and inside it`, async () => {
      const { page, problems } = await watchedPage(site);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(site.url + path);
      await chartsDrawn(page);
      // The Sensitivity page draws once its runs come back.
      if (path === "/sensitivity")
        await page.waitForSelector('svg[aria-label^="Break-even"]', { timeout: 30_000 });
      const reports = await chartReports(page);
      expect(reports.length).toBeGreaterThan(0);
      for (const r of reports) {
        expect(
          Math.abs(r.shown - r.drawn),
          `${r.label}: drawn ${r.drawn}, shown ${r.shown}`,
        ).toBeLessThanOrEqual(1);
        expect(r.cut, r.label).toEqual([]);
        expect(r.outside, r.label).toEqual([]);
      }
      expect(problems).toEqual(NO_PROBLEMS);
      await page.close();
    });
  }
});

describe("at 375 px (issue #16)", () => {
  it("the Explorer keeps its headline in view while a lever far down moves, and no year labels collide", async () => {
    const { page, problems } = await watchedPage(site);
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${site.url}/explorer`);
    await chartsDrawn(page);
    const slider = page.locator('[data-lever="staff.cutScale"] input[type="range"]');
    await slider.scrollIntoViewIfNeeded();
    const before = await page.getByTestId("national-profit").getAttribute("data-pence");
    await slider.focus();
    for (let i = 0; i < 5; i++) await slider.press("ArrowLeft");
    await expect
      .poll(() => page.getByTestId("national-profit").getAttribute("data-pence"))
      .not.toBe(before);
    const headline = await page.locator(".explorer .headline").boundingBox();
    const lever = await slider.boundingBox();
    expect(headline).not.toBeNull();
    expect(headline!.y).toBeGreaterThanOrEqual(0);
    expect(headline!.y + headline!.height).toBeLessThanOrEqual(740);
    // Both in view at once: the lever below the headline, not under it.
    expect(lever!.y).toBeGreaterThanOrEqual(headline!.y + headline!.height);
    expect(await page.getByTestId("national-profit").isVisible()).toBe(true);

    await page.getByTestId("profit-by-year").scrollIntoViewIfNeeded();
    await chartsDrawn(page);
    expect(await collidingYearLabels(page)).toEqual([]);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("a CRC page's and the Overview's by-year charts keep their year labels apart, and the losers' amounts are on screen", async () => {
    const { page, problems } = await watchedPage(site);
    await page.setViewportSize({ width: 375, height: 740 });
    for (const path of ["/", "/crcs/london"]) {
      await page.goto(site.url + path);
      await chartsDrawn(page);
      expect(await collidingYearLabels(page), path).toEqual([]);
    }
    await page.goto(`${site.url}/`);
    await settled(page);
    const amounts = page
      .locator("table", { hasText: "loss over the contract" })
      .locator("td", { hasText: /^£[\d,.]+m$/ });
    expect(await amounts.count()).toBeGreaterThan(0);
    for (const box of await amounts.evaluateAll((tds) =>
      tds.map((td) => td.getBoundingClientRect().right),
    ))
      expect(box).toBeLessThanOrEqual(375);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });
});

describe("names on a chart's axis at narrow widths", () => {
  it("the Explorer's and Compare's names by CRC and owner do not overlap, however they wrap", async () => {
    const { page, problems } = await watchedPage(site);
    for (const width of [375, 445, 520, 640]) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of [
        "/explorer",
        "/compare?_base=no-variation&_with=the-2017-variation,pbr-high",
      ]) {
        await page.goto(site.url + path);
        await chartsDrawn(page);
        const names = await page
          .locator('#observablehq-main g[aria-label="y-axis tick label"] text')
          .count();
        if (path === "/explorer") expect(names, `${path} at ${width} px`).toBeGreaterThan(21);
        expect(await overlappingNames(page), `${path} at ${width} px`).toEqual([]);
      }
    }
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("the Sensitivity page's tornado and break-even, and the Uncertainty page's loss chances, too", async () => {
    const { page, problems } = await watchedPage(site);
    for (const width of [375, 445]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${site.url}/sensitivity`);
      await chartsDrawn(page);
      await page.waitForSelector('svg[aria-label^="Break-even"]', { timeout: 30_000 });
      await page.waitForSelector('svg[aria-label^="Tornado"]', { timeout: 30_000 });
      expect(await overlappingNames(page), `/sensitivity at ${width} px`).toEqual([]);
      await page.goto(`${site.url}/uncertainty?_draws=200`);
      await chartsDrawn(page);
      await page.waitForSelector('svg[aria-label^="Probability that each"]', { timeout: 30_000 });
      expect(await overlappingNames(page), `/uncertainty at ${width} px`).toEqual([]);
    }
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });
});

/**
 * Compare's waterfall in the explanation panel (shown after a change is clicked): every label of
 * it on screen and inside the panel (a sheet across a narrow screen), drawn at the width shown,
 * none cut short, the step names apart, and the panel not wider than the screen.
 */
function waterfallReport(page: Page) {
  return page.evaluate(() => {
    const svg = document.querySelector<SVGSVGElement>(
      '[data-testid="delta-waterfall"] svg[aria-label^="Waterfall"]',
    )!;
    const panel = document.querySelector<HTMLElement>(".explain-panel")!;
    const edge = panel.getBoundingClientRect();
    const box = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll("text")].filter((t) => t.getClientRects().length);
    const off = (r: DOMRect) =>
      r.left < Math.max(0, edge.left) - 1 ||
      r.right > Math.min(window.innerWidth, edge.right) + 1 ||
      r.left < box.left - 1 ||
      r.right > box.right + 1;
    return {
      drawn: Number(svg.getAttribute("width")),
      shown: box.width,
      steps: svg.querySelectorAll('g[aria-label="y-axis tick label"] text').length,
      // A wrapped step name reads as its lines with a space between them (labelAxis).
      glued: [...svg.querySelectorAll('g[aria-label="y-axis tick label"] text')]
        .filter((t) => t.querySelectorAll("tspan").length > 1)
        .filter(
          (t) =>
            t.textContent !==
            [...t.querySelectorAll("tspan")].map((l) => (l.textContent ?? "").trim()).join(" "),
        )
        .map((t) => t.textContent),
      cut: texts.map((t) => t.textContent ?? "").filter((t) => t.includes("…")),
      outside: texts.filter((t) => off(t.getBoundingClientRect())).map((t) => t.textContent),
      panel: { left: edge.left, right: edge.right, viewport: window.innerWidth },
      sideways: panel.scrollWidth - panel.clientWidth,
    };
  });
}

describe("Compare's waterfall at narrow widths", () => {
  it("keeps its step names apart and every label on screen in the panel, at 375-640 px", async () => {
    const { page, problems } = await watchedPage(site);
    await page.setViewportSize({ width: 375, height: 800 });
    // Seven steps, four of them long parameter names that wrap.
    await page.goto(`${site.url}/compare?_base=contract-as-let&_with=the-2017-variation`);
    await chartsDrawn(page);
    const change = page.locator(
      'td[data-metric="crc_profit"][data-scenario="the-2017-variation"][data-kind="delta"]',
    );
    await change.getByRole("button").click();
    const waterfall = '[data-testid="delta-waterfall"] svg[aria-label^="Waterfall"]';
    await page.waitForSelector(waterfall, { timeout: 60_000 });
    for (const width of [375, 445, 520, 640]) {
      await page.setViewportSize({ width, height: 800 });
      // The panel is drawn again for the new width.
      await expect
        .poll(() => page.locator(waterfall).evaluate((svg) => svg.getBoundingClientRect().width))
        .toBeLessThanOrEqual(width);
      await chartsDrawn(page);
      const r = await waterfallReport(page);
      const at = `at ${width} px: ${JSON.stringify(r)}`;
      expect(r.steps, at).toBe(7);
      expect(Math.abs(r.shown - r.drawn), at).toBeLessThanOrEqual(1);
      expect(r.cut, at).toEqual([]);
      expect(r.glued, at).toEqual([]);
      expect(r.outside, at).toEqual([]);
      expect(r.panel.left, at).toBeGreaterThanOrEqual(0);
      expect(r.panel.right, at).toBeLessThanOrEqual(width);
      expect(r.sideways, at).toBeLessThanOrEqual(0);
      expect(
        (await overlappingNames(page)).filter((c) => c.startsWith("Waterfall")),
        at,
      ).toEqual([]);
    }
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("an explanation's panel is a sheet across the screen at 375 px, its heading not off the left edge", async () => {
    const { page, problems } = await watchedPage(site);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${site.url}/explorer?_explain=ALL.profit.total`);
    await chartsDrawn(page);
    const panel = page.getByTestId("explain-panel");
    await panel.waitFor();
    const box = (await panel.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    expect((await panel.locator(".explain-heading").boundingBox())!.x).toBeGreaterThanOrEqual(0);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });
});

describe("keyboard (issue #16)", () => {
  it("every page starts with a skip link that moves past the sidebar to the content", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer`);
    await settled(page);
    await page.keyboard.press("Tab");
    const focused = page.locator(":focus");
    expect(await focused.textContent()).toBe("Skip to the page's content");
    expect(await focused.isVisible()).toBe(true);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    // The next stop is in the page's content, not the sidebar's 13 links.
    expect(
      await page.evaluate(() => document.activeElement?.closest("#observablehq-main") !== null),
    ).toBe(true);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });
});
