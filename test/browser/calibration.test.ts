import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calibrationTable } from "../../src/scenario/calibration.ts";
import { NO_PROBLEMS, openSite, settled, watchedPage, type Site } from "./harness.ts";
import { dataset } from "./project-in-node.ts";

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe("Calibration page", () => {
  it("shows every target with model, published and gap, and explains every gap", async () => {
    const rows = calibrationTable(await dataset());
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/calibration`);
    await settled(page);
    const met = rows.filter((r) => r.within).length;
    await expect
      .poll(() => page.getByTestId("calibration-summary").textContent())
      .toBe(
        `${met} of ${rows.length} targets within tolerance; ${rows.length - met} explained gaps.`,
      );
    expect(await page.locator('[data-testid="calibration-table"] tbody tr').count()).toBe(
      rows.length,
    );
    const reasons = await page.locator(".why-not dd").allTextContents();
    expect(reasons).toHaveLength(rows.length - met);
    for (const reason of reasons) expect(reason).not.toMatch(/No reason recorded/);
    expect(problems).toEqual(NO_PROBLEMS);
  });
});
