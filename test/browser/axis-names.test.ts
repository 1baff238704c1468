import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  chartsDrawn,
  NO_PROBLEMS,
  siteForFile,
  seriousViolations,
  watchedPage,
} from "./harness.ts";
import { dataset } from "./project-in-node.ts";
import type { Dataset } from "../../src/data/index.ts";

// A long name on a chart's axis is wrapped onto several lines (labelAxis): its text, as a screen
// reader reads it and as it is copied, keeps the space where a line ends ("Bedfordshire,
// Northamptonshire", not "Bedfordshire,Northamptonshire"), on every chart with such an axis.

const site = siteForFile();

const crcNames = (data: Dataset) => data.crcs.map((c) => c.name);

interface WrappedName {
  /** The label's text, as read out (its textContent). */
  text: string;
  /** Its text as copied (a selection of the label). */
  copied: string;
  /** Its lines as drawn, each trimmed. */
  lines: string[];
}

/** The names of the y (or fy) axis of the chart `svg` drawn on more than one line. */
function wrappedNames(page: Page, svg: string): Promise<WrappedName[]> {
  return page.evaluate((svg) => {
    const chart = document.querySelector(svg);
    if (!chart) throw new Error(`no chart ${svg}`);
    const texts = [
      ...chart.querySelectorAll(
        'g[aria-label="y-axis tick label"] text, g[aria-label="fy-axis tick label"] text',
      ),
    ];
    const selection = window.getSelection()!;
    return texts
      .filter((t) => t.querySelectorAll("tspan").length > 1)
      .map((t) => {
        selection.removeAllRanges();
        const range = document.createRange();
        range.selectNodeContents(t);
        selection.addRange(range);
        const copied = selection.toString();
        selection.removeAllRanges();
        return {
          text: t.textContent ?? "",
          copied,
          lines: [...t.querySelectorAll("tspan")].map((l) => (l.textContent ?? "").trim()),
        };
      });
  }, svg);
}

/**
 * Every wrapped name reads, and copies, as its lines with a space between them; where the
 * chart's names are known (`names`), as one of them in full.
 */
async function expectWhole(page: Page, svg: string, where: string, names?: readonly string[]) {
  const wrapped = await wrappedNames(page, svg);
  expect(wrapped.length, `${where}: some names wrap`).toBeGreaterThan(0);
  for (const w of wrapped) {
    expect(w.text, where).toBe(w.lines.join(" "));
    // A selection may break the line where the label does: a space or a line break.
    expect(w.copied.replace(/\s+/g, " ").trim(), where).toBe(w.text);
    if (names) expect(names, where).toContain(w.text);
  }
  return wrapped;
}

describe("wrapped names on a chart's axis keep their spaces", () => {
  it("Sensitivity: the tornado's parameters and the break-even chart's CRCs, at 375 px", async () => {
    const data = await dataset();
    const { page, problems } = await watchedPage(site);
    await page.setViewportSize({ width: 375, height: 900 });
    await page.goto(`${site.url}/sensitivity`);
    await chartsDrawn(page);
    const tornado = 'svg[aria-label^="Tornado"]';
    const breakEven = 'svg[aria-label^="Break-even"]';
    await page.waitForSelector(breakEven, { timeout: 30_000 });
    await page.waitForSelector(tornado, { timeout: 30_000 });
    await expectWhole(page, tornado, "tornado");
    const crcs = await expectWhole(page, breakEven, "break-even", crcNames(data));
    expect(crcs.map((w) => w.text)).toContain(
      "Bedfordshire, Northamptonshire, Cambridgeshire & Hertfordshire (BeNCH)",
    );
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("Uncertainty: the chance of a loss by CRC, at 375 px", async () => {
    const data = await dataset();
    const { page, problems } = await watchedPage(site);
    await page.setViewportSize({ width: 375, height: 900 });
    await page.goto(`${site.url}/uncertainty?_draws=200`);
    await chartsDrawn(page);
    const chances = 'svg[aria-label="Probability that each CRC loses money over the contract"]';
    await page.waitForSelector(chances, { timeout: 30_000 });
    await expectWhole(page, chances, "chance of loss", crcNames(data));
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("the Explorer's profit by CRC and Compare's change by CRC, as before (linkedNameAxis)", async () => {
    const data = await dataset();
    const { page, problems } = await watchedPage(site);
    await page.setViewportSize({ width: 375, height: 900 });
    await page.goto(`${site.url}/explorer`);
    await chartsDrawn(page);
    const crcs = 'svg[aria-label^="Contract-life profit or loss of each CRC"]';
    await expectWhole(page, crcs, "profit by CRC", crcNames(data));
    await page.goto(`${site.url}/compare?_base=no-variation&_with=the-2017-variation,pbr-high`);
    await chartsDrawn(page);
    const change = '[data-testid="crc-delta-chart"] svg[aria-label^="Change in each CRC"]';
    await expectWhole(page, change, "change by CRC", crcNames(data));
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });
});
