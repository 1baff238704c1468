import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO } from "../../src/site/scenario-from-url.ts";
import { publishedBeside } from "../../src/site/published-beside.ts";
import {
  pence,
  NO_PROBLEMS,
  chartsDrawn,
  siteForFile,
  seriousViolations,
  settled,
  watchedPage,
} from "./harness.ts";
import { pageMillions as formatMillions } from "../../src/engine/format-millions.ts";
import { dataset, summaryFor, summaryForUrl } from "./project-in-node.ts";

const site = siteForFile();

describe("Explorer", () => {
  it("opens on the default scenario with the engine's numbers", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer`);
    await settled(page);
    const expected = await summaryFor(DEFAULT_SCENARIO);
    await expect.poll(() => pence(page, "national-profit")).toBe(String(expected.crcProfitPence));
    expect(await pence(page, "moj-spend")).toBe(String(expected.mojSpendPence));
    expect(await page.getByTestId("loss-making").textContent()).toBe(
      `${expected.lossMakingCrcs} of 21`,
    );
    // One bar per CRC in the per-CRC chart.
    expect(
      await page.locator('[data-testid="crc-chart"] svg [aria-label="bar"] rect').count(),
    ).toBe(21);
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it("moving a slider updates the charts to the engine's result and the address", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer`);
    await settled(page);
    const before = await pence(page, "national-profit");

    // Keyboard, as a user would: the tolerance band slider, ten steps up.
    const slider = page.locator('[data-lever="ffs.toleranceBand"] input[type="range"]');
    await slider.focus();
    for (let i = 0; i < 10; i++) await slider.press("ArrowRight");
    const band = await slider.inputValue();
    await expect.poll(() => page.url()).toContain(`ffs.toleranceBand=${band}`);
    const afterKeys = await summaryForUrl(page.url());
    await expect.poll(() => pence(page, "national-profit")).toBe(String(afterKeys.crcProfitPence));
    expect(String(afterKeys.crcProfitPence)).not.toBe(before);

    // A drag's end: jump the shortfall for 2017-18 on for every CRC and set it.
    const lever = page.locator('[data-lever="volume.shortfall.2017-18"]');
    await lever.getByLabel("One value for every CRC").check();
    await lever.locator('input[type="range"]').fill("0.4");
    await expect.poll(() => page.url()).toContain("volume.shortfall.2017-18=0.4");
    const afterDrag = await summaryForUrl(page.url());
    await expect.poll(() => pence(page, "national-profit")).toBe(String(afterDrag.crcProfitPence));
    expect(await pence(page, "moj-spend")).toBe(String(afterDrag.mojSpendPence));
    // The published figures stay beside the model's, which follow the move (from 2016-17).
    expect(await page.getByTestId("published-losses").textContent()).toBe(
      `${publishedBeside(afterDrag, (await dataset()).figures).losses} Calibration`,
    );
    // Accessible after the moves, the charts redrawn.
    await chartsDrawn(page);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual(NO_PROBLEMS);

    // The address round-trips: a new page on it shows the same numbers and lever values.
    const url = page.url();
    const second = await watchedPage(site);
    await second.page.goto(url);
    await settled(second.page);
    await expect
      .poll(() => pence(second.page, "national-profit"))
      .toBe(String(afterDrag.crcProfitPence));
    expect(
      await second.page
        .locator('[data-lever="volume.shortfall.2017-18"] input[type="range"]')
        .inputValue(),
    ).toBe("0.4");
    expect(second.page.url()).toBe(url);
    expect(second.problems).toEqual(NO_PROBLEMS);
  });

  it("a malformed or hostile address shows why and falls back to the default", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(
      `${site.url}/explorer?v=1&ffs.fixedShare=1.7&title=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E`,
    );
    await settled(page);
    const note = page.getByTestId("problems").first();
    await expect.poll(() => note.textContent()).toMatch(/ffs\.fixedShare.*1\.7/);
    const expected = await summaryFor(DEFAULT_SCENARIO);
    await expect.poll(() => pence(page, "national-profit")).toBe(String(expected.crcProfitPence));
    expect(await page.locator("img[src=x]").count()).toBe(0);
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it("saves a scenario that survives reload; a corrupt import is refused and loses nothing", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer?v=1&extends=pbr-high&ffs.toleranceBand=0.1`);
    await settled(page);
    // Move a lever first: the save takes the scenario the levers describe now.
    const slider = page.locator('[data-lever="ffs.toleranceBand"] input[type="range"]');
    await slider.focus();
    for (let i = 0; i < 2; i++) await slider.press("ArrowRight");
    const band = Number(await slider.inputValue());
    await expect.poll(() => page.url()).toContain(`ffs.toleranceBand=${band}`);
    const name = "<b>Deeper</b> cuts";
    await page.getByLabel("Name").fill(name);
    await page.getByRole("button", { name: "Save this scenario" }).click();
    await expect
      .poll(() => page.getByTestId("save-message").textContent())
      .toBe(`Saved “${name}”.`);
    const stored = await page.evaluate(() =>
      Object.keys(localStorage).map((k) => localStorage.getItem(k) ?? ""),
    );
    const saved = stored
      .flatMap((text) => {
        try {
          return [JSON.parse(text) as unknown];
        } catch {
          return [];
        }
      })
      .flatMap((v) => (Array.isArray(v) ? v : [v]))
      .find((v) => (v as { name?: string })?.name === name) as
      { scenario: { parameters: Record<string, unknown> } } | undefined;
    expect(saved?.scenario.parameters["ffs.toleranceBand"]).toBe(band);

    await page.reload();
    await settled(page);
    const options = () => page.getByLabel("Start from").locator("option").allTextContents();
    await expect.poll(options).toContain(`Saved: ${name}`);
    expect(await page.locator("b", { hasText: "Deeper" }).count()).toBe(0); // text, never HTML

    await page.getByTestId("import").setInputFiles({
      name: "broken.json",
      mimeType: "application/json",
      buffer: Buffer.from(
        '{"format":"crc-scenarios/saved-scenarios","version":1,"scenarios":[{"name":"x","scenario":{"schemaVersion":1,"parameters":{"ffs.fixedShare":9}},"savedAt":"t"}]}',
      ),
    });
    await expect
      .poll(() => page.getByTestId("save-message").textContent())
      .toMatch(/^Import refused, nothing changed: .*ffs\.fixedShare/);
    await page.reload();
    await settled(page);
    await expect.poll(options).toContain(`Saved: ${name}`);
    expect(problems).toEqual(NO_PROBLEMS);
  });
});

describe("Explorer: adjust one CRC", () => {
  it("sets one CRC's shortfall as a byCrc override and shows the engine's result", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer`);
    await settled(page);
    const panel = page.getByTestId("crc-panel");
    await panel.locator("summary").click();
    await panel.getByLabel("CRC").selectOption({ label: "Wales" });
    await panel.getByLabel("Year").selectOption({ label: "2017-18" });
    await panel.locator('input[type="range"]').fill("0.6");
    await panel.getByRole("button", { name: "Apply to this CRC" }).click();
    await expect.poll(() => page.url()).toContain("volume.shortfall.2017-18(crc.wales)=0.6");
    const expected = await summaryForUrl(page.url());
    await expect.poll(() => pence(page, "national-profit")).toBe(String(expected.crcProfitPence));
    expect(await page.getByTestId("crc-overrides").textContent()).toContain("Wales, 2017-18: 0.6");
    expect(problems).toEqual(NO_PROBLEMS);
  });
});

describe("Explorer: adjust one CRC, over the data's range", () => {
  it("the slider runs over the CRC's and year's data row (−0.5 to 0.9, not 0 to 0.9), and a negative shortfall applies", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer`);
    await settled(page);
    const panel = page.getByTestId("crc-panel");
    await panel.locator("summary").click();
    await panel.getByLabel("CRC").selectOption({ label: "Wales" });
    await panel.getByLabel("Year").selectOption({ label: "2016-17" });
    const data = (await dataset()).parameters.find(
      (p) => p.id === "volume.shortfall.2016-17" && p.crc === "wales",
    )!;
    const slider = panel.locator('input[type="range"]');
    const box = panel.getByTestId("crc-value").locator('input[type="number"]');
    expect([await slider.getAttribute("min"), await slider.getAttribute("max")]).toEqual([
      data.text.min,
      data.text.max,
    ]);
    expect(Number(data.text.min)).toBeLessThan(0);
    expect(await panel.getByTestId("crc-value").textContent()).toContain(
      `Shortfall (share, \u2212${data.text.min.slice(1)} to ${data.text.max})`,
    );
    expect(Number(await box.inputValue())).toBeCloseTo(Number(data.text.default), 1);
    // The keyboard takes the slider to the data's minimum (it stopped at 0 before).
    await slider.focus();
    await page.keyboard.press("Home");
    expect(await slider.inputValue()).toBe(data.text.min);
    await box.fill("-0.3");
    await box.dispatchEvent("input");
    await panel.getByRole("button", { name: "Apply to this CRC" }).click();
    await expect.poll(() => page.url()).toContain("volume.shortfall.2016-17(crc.wales)=-0.3");
    const expected = await summaryForUrl(page.url());
    await expect.poll(() => pence(page, "national-profit")).toBe(String(expected.crcProfitPence));
    expect(await page.getByTestId("crc-overrides").textContent()).toContain("Wales, 2016-17: -0.3");
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });
});

describe("Explorer charts off screen", () => {
  it("draws a chart that was off screen during a move with the latest result once it is in view", async () => {
    const { page, problems } = await watchedPage(site);
    await page.setViewportSize({ width: 1280, height: 600 });
    await page.goto(`${site.url}/explorer`);
    await settled(page);
    await page.waitForSelector('[data-testid="crc-chart"] svg');
    // The per-CRC chart is below the fold; move a lever from the top of the page.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(100);
    const slider = page.locator('[data-lever="ffs.toleranceBand"] input[type="range"]');
    await slider.focus();
    for (let i = 0; i < 5; i++) await slider.press("ArrowRight");
    const band = await slider.inputValue();
    await expect.poll(() => page.url()).toContain(`ffs.toleranceBand=${band}`);
    const expected = await summaryForUrl(page.url());
    await expect.poll(() => pence(page, "national-profit")).toBe(String(expected.crcProfitPence));

    const worst = [...expected.crcs].sort((a, b) => a.profitPence - b.profitPence)[0]!;
    const names = new Map((await dataset()).crcs.map((c) => [c.id, c.name]));
    const chart = page.getByTestId("crc-chart");
    await chart.scrollIntoViewIfNeeded();
    await chart.locator("details summary").first().click();
    const firstRow = chart.locator("table tbody tr").first();
    await expect.poll(() => firstRow.textContent()).toContain(names.get(worst.crc)!);
    expect(await firstRow.textContent()).toContain(formatMillions(worst.profitPence));
    expect(await chart.locator('svg [aria-label="bar"] rect').count()).toBe(21);

    // The open data table follows the next move (it is rebuilt only while open).
    await slider.focus();
    for (let i = 0; i < 5; i++) await slider.press("ArrowRight");
    const band2 = await slider.inputValue();
    await expect.poll(() => page.url()).toContain(`ffs.toleranceBand=${band2}`);
    const next = await summaryForUrl(page.url());
    const worst2 = [...next.crcs].sort((a, b) => a.profitPence - b.profitPence)[0]!;
    expect(worst2.profitPence).not.toBe(worst.profitPence);
    await expect.poll(() => firstRow.textContent()).toContain(formatMillions(worst2.profitPence));
    expect(problems).toEqual(NO_PROBLEMS);
  });
});
