import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { search, pence, NO_PROBLEMS, siteForFile, settled, watchedPage } from "./harness.ts";
import { summaryFor, summaryForUrl } from "./project-in-node.ts";

// Issue #16, scenario continuity: the scenario follows the reader through every internal link
// and a save; Reset, Undo, Redo and the browser's Back work on the levers; levers that differ
// from the preset are marked; the per-CRC levers say what the model uses; presets say what
// they are and which of them coincide.

const site = siteForFile();

const slider = (page: Page, id: string) => page.locator(`[data-lever="${id}"] input[type="range"]`);

/** Move a lever by the keyboard, `steps` steps up, and wait for the address to say so. */
async function nudge(page: Page, id: string, steps: number): Promise<string> {
  const range = slider(page, id);
  await range.focus();
  for (let i = 0; i < steps; i++) await range.press("ArrowRight");
  const value = await range.inputValue();
  await expect.poll(() => search(page).get(id)).toBe(value);
  return value;
}

describe("the scenario follows the reader (issue #16)", () => {
  it("through the sidebar, the text's links and a CRC's bar, and via a page that does not read it", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/`);
    await settled(page);
    const picker = page.getByLabel("Scenario");
    const noVariation = await picker
      .locator("option", { hasText: "No-variation" })
      .first()
      .getAttribute("value");
    await picker.selectOption(noVariation!);
    await expect.poll(() => search(page).get("extends")).toBe("no-variation");

    // The Overview's own link to the Explorer, in its text.
    await page.locator("#observablehq-main p a", { hasText: "Explorer" }).first().click();
    await page.waitForURL(/\/explorer\?/);
    await settled(page);
    expect(search(page).get("extends")).toBe("no-variation");
    const expected = await summaryFor({ schemaVersion: 1, extends: "no-variation" });
    await expect.poll(() => pence(page, "national-profit")).toBe(String(expected.crcProfitPence));
    expect(await page.getByLabel("Start from").locator("option:checked").textContent()).toContain(
      "No-variation",
    );

    // A lever moved, then a CRC's bar: the CRC page opens this scenario, lever and all.
    const band = await nudge(page, "ffs.toleranceBand", 3);
    // The first bar (the largest loss), clicked where the pointer shows its tip over it.
    await page.locator('[data-testid="crc-chart"] svg a').first().click();
    await page.waitForURL(/\/crcs\//);
    await settled(page);
    expect(search(page).get("extends")).toBe("no-variation");
    expect(search(page).get("ffs.toleranceBand")).toBe(band);

    // Through Methodology (which does not read a scenario) and back to the Explorer by the sidebar.
    await page.locator("#observablehq-sidebar a", { hasText: "Methodology" }).click();
    await page.waitForURL(/\/methodology/);
    await page.locator("#observablehq-sidebar a", { hasText: "Explorer" }).click();
    await page.waitForURL(/\/explorer/);
    await settled(page);
    expect(search(page).get("ffs.toleranceBand")).toBe(band);
    expect(await slider(page, "ffs.toleranceBand").inputValue()).toBe(band);
    const moved = await summaryForUrl(page.url());
    await expect.poll(() => pence(page, "national-profit")).toBe(String(moved.crcProfitPence));

    // A link pointed at says where it goes, with the scenario; Compare keeps its own selection.
    const uncertainty = page.locator("#observablehq-sidebar a", { hasText: "Uncertainty" });
    await uncertainty.hover();
    expect(await uncertainty.getAttribute("href")).toContain(`ffs.toleranceBand=${band}`);
    const compare = page.locator("#observablehq-sidebar a", { hasText: "Compare" });
    await compare.hover();
    expect(await compare.getAttribute("href")).not.toContain("extends=");
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it("a save leaves the levers, the figures and the address as they were", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer`);
    await settled(page);
    const scale = slider(page, "variation.scale");
    await scale.fill("0");
    await expect.poll(() => search(page).get("variation.scale")).toBe("0");
    const profit = await pence(page, "national-profit");
    const address = page.url();
    await page.getByLabel("Name").fill("No variation, mine");
    await page.getByRole("button", { name: "Save this scenario" }).click();
    await expect
      .poll(() => page.getByTestId("save-message").textContent())
      .toBe("Saved “No variation, mine”.");
    await expect
      .poll(() => page.getByLabel("Start from").locator("option").allTextContents())
      .toContain("Saved: No variation, mine");
    expect(await scale.inputValue()).toBe("0");
    expect(await pence(page, "national-profit")).toBe(profit);
    expect(search(page).get("variation.scale")).toBe("0");
    expect(page.url()).toBe(address);
    expect(problems).toEqual(NO_PROBLEMS);
  });
});

describe("Reset, Undo, Redo and Back on the Explorer's levers (issue #16)", () => {
  it("marks changed levers, undoes and redoes settled moves, steps back through them, and resets", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer?v=1&extends=pbr-high`);
    await settled(page);
    const start = await pence(page, "national-profit");
    const entries = await page.evaluate(() => history.length);
    await expect
      .poll(() => page.getByTestId("changed-count").textContent())
      .toBe("No inputs changed from the preset");
    expect(await page.getByTestId("undo").isDisabled()).toBe(true);

    const band = await nudge(page, "ffs.toleranceBand", 4);
    const lever = page.locator('[data-lever="ffs.toleranceBand"]');
    await expect.poll(() => lever.getAttribute("class")).toContain("lever-changed");
    expect(await lever.getByTestId("lever-changed").textContent()).toMatch(
      /^Changed; Payment by results: high: /,
    );
    await expect.poll(() => page.getByTestId("undo").isDisabled()).toBe(false);
    const afterBand = await pence(page, "national-profit");
    const fixed = await nudge(page, "ffs.fixedShare", 3);
    await expect
      .poll(() => page.getByTestId("changed-count").textContent())
      .toBe("2 inputs changed from the preset");
    // Each settled change is an entry in the browser's history (not each step of the keys).
    await expect.poll(() => page.evaluate(() => history.length)).toBe(entries + 2);

    // Ctrl+Z in a lever's number box undoes the last lever move (the fixed share), not the box.
    await lever.locator('input[type="number"]').focus();
    await page.keyboard.press("Control+z");
    await expect.poll(() => search(page).get("ffs.fixedShare")).toBe(null);
    expect(search(page).get("ffs.toleranceBand")).toBe(band);
    await expect.poll(() => pence(page, "national-profit")).toBe(afterBand);

    // Redo puts it back; Back (the browser's) steps back through the same entries.
    await page.getByTestId("redo").click();
    await expect.poll(() => search(page).get("ffs.fixedShare")).toBe(fixed);
    await page.goBack();
    await expect.poll(() => search(page).get("ffs.fixedShare")).toBe(null);
    expect(new URL(page.url()).pathname).toBe("/explorer");
    await page.goBack();
    await expect.poll(() => search(page).get("ffs.toleranceBand")).toBe(null);
    await expect.poll(() => pence(page, "national-profit")).toBe(start);
    expect(await lever.getAttribute("class")).not.toContain("lever-changed");
    await page.goForward();
    await expect.poll(() => search(page).get("ffs.toleranceBand")).toBe(band);
    expect(await slider(page, "ffs.toleranceBand").inputValue()).toBe(band);

    // Reset: back to the preset, as one more step that Undo takes back.
    await page.getByTestId("reset").click();
    await expect.poll(() => search(page).get("ffs.toleranceBand")).toBe(null);
    await expect.poll(() => pence(page, "national-profit")).toBe(start);
    await expect
      .poll(() => page.getByTestId("changed-count").textContent())
      .toBe("No inputs changed from the preset");
    await page.getByTestId("undo").click();
    await expect.poll(() => search(page).get("ffs.toleranceBand")).toBe(band);
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it("a linked scenario's levers are marked against its preset, and Reset returns to the preset", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer?v=1&extends=no-variation&ffs.toleranceBand=0.1`);
    await settled(page);
    await expect
      .poll(() => page.locator('[data-lever="ffs.toleranceBand"]').getAttribute("class"))
      .toContain("lever-changed");
    await page.getByTestId("reset").click();
    await expect.poll(() => search(page).get("ffs.toleranceBand")).toBe(null);
    expect(search(page).get("extends")).toBe("no-variation");
    const expected = await summaryFor({ schemaVersion: 1, extends: "no-variation" });
    await expect.poll(() => pence(page, "national-profit")).toBe(String(expected.crcProfitPence));
    expect(problems).toEqual(NO_PROBLEMS);
  });
});

describe("the per-CRC levers and the presets say what they are (issue #16)", () => {
  it("a shortfall lever shows each CRC's spread, used until one value is chosen", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer`);
    await settled(page);
    const lever = page.locator('[data-lever="volume.shortfall.2017-18"]');
    const scope = lever.getByTestId("lever-scope");
    expect(await scope.textContent()).toMatch(
      /Each CRC's own value: \d+% to \d+% across 21 CRCs \(median \d+%\)/,
    );
    // While each CRC's own value is used, no single value is shown as if it were.
    expect(await lever.locator('input[type="range"]').isVisible()).toBe(false);
    const before = await pence(page, "national-profit");
    await scope.getByLabel("One value for every CRC").check();
    await expect.poll(() => lever.locator('input[type="range"]').isVisible()).toBe(true);
    const value = await lever.locator('input[type="range"]').inputValue();
    await expect.poll(() => search(page).get("volume.shortfall.2017-18")).toBe(value);
    expect(await lever.getByTestId("lever-changed").textContent()).toContain("each CRC's own");
    await scope.getByLabel(/Each CRC's own value/).check();
    await expect.poll(() => search(page).get("volume.shortfall.2017-18")).toBe(null);
    await expect.poll(() => pence(page, "national-profit")).toBe(before);
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it("the chosen preset's description shows, and presets that coincide say so", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer?v=1&extends=cuts-as-reported`);
    await settled(page);
    const note = page.getByTestId("preset-description");
    await expect.poll(() => note.textContent()).toContain("staffing falling");
    expect(await note.getByTestId("preset-same-as").textContent()).toMatch(
      /same as\s+“The 2017 variation”/,
    );
    await page.goto(`${site.url}/?v=1&extends=pbr-high`);
    await settled(page);
    await expect
      .poll(() => page.getByTestId("preset-description").textContent())
      .toContain("high reoffending outcome");
    expect(await page.getByTestId("preset-same-as").count()).toBe(0);
    expect(problems).toEqual(NO_PROBLEMS);
  });
});

describe("addresses from outside (issue #16)", () => {
  it("a link with campaign keys (?utm_source=…) opens its scenario with no complaint", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer?utm_source=newsletter&utm_medium=email`);
    await settled(page);
    expect(await page.getByTestId("problems").first().isVisible()).toBe(false);
    const expected = await summaryFor({ schemaVersion: 1, extends: "the-2017-variation" });
    await expect.poll(() => pence(page, "national-profit")).toBe(String(expected.crcProfitPence));
    await page.goto(`${site.url}/?v=1&extends=pbr-high&utm_campaign=x`);
    await settled(page);
    expect(await page.getByTestId("problems").first().isVisible()).toBe(false);
    await expect.poll(() => search(page).get("extends")).toBe("pbr-high");
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it("an address with no page gets the site's 404 page, which leads back", async () => {
    const { page, problems } = await watchedPage(site);
    const response = await page.goto(`${site.url}/no-such-page`);
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Page not found");
    await page.locator("#observablehq-main a", { hasText: "Explorer" }).click();
    await page.waitForURL(/\/explorer/);
    await settled(page);
    expect(await page.getByTestId("national-profit").count()).toBe(1);
    // The one error is the browser's note of the 404 status itself.
    expect(problems).toEqual({
      ...NO_PROBLEMS,
      consoleErrors: [
        "Failed to load resource: the server responded with a status of 404 (Not Found)",
      ],
    });
  });
});
