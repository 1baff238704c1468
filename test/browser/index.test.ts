import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feeForServiceLine } from "../../src/engine/fee-for-service-line.ts";
import { openSite, settled, watchedPage, type Site } from "./harness.ts";

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const expectedTotal = (shortfallShare: number) =>
  feeForServiceLine({
    annualPricePence: 1_400_000_000,
    shortfallShare,
    fixedShare: 0.2,
    toleranceBand: 0.05,
  }).totalPence;

describe("fee-for-service page", () => {
  it("moving the slider drives the worker and shows the engine's total", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/`);
    await settled(page);
    const total = page.getByTestId("ffs-total");
    await expect.poll(() => total.getAttribute("data-pence")).toBe(String(expectedTotal(0.25)));

    // Keyboard, as a user would: five steps of 0.01 to the right.
    const slider = page.locator('input[type="range"]').first();
    await slider.focus();
    for (let i = 0; i < 5; i++) await slider.press("ArrowRight");
    await expect.poll(() => total.getAttribute("data-pence")).toBe(String(expectedTotal(0.3)));

    // And a jump, as a drag ends.
    await slider.fill("0.5");
    await expect.poll(() => total.getAttribute("data-pence")).toBe(String(expectedTotal(0.5)));
    expect(expectedTotal(0.5)).toBeLessThan(expectedTotal(0.3));
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], externalRequests: [] });
  });
});
