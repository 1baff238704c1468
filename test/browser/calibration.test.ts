import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateTargets, presetLedgers } from "../../src/calibration/evaluate.ts";
import { FREE_PARAMETERS } from "../../src/calibration/fit.ts";
import { loadTargetsFromDisk } from "../../src/calibration/load-targets.ts";
import { formatTargetValue } from "../../src/calibration/report.ts";
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
  it("shows every target with model, published, residual and the parameters fitted to it", async () => {
    const data = await dataset();
    const targets = await loadTargetsFromDisk(data);
    const results = evaluateTargets(targets, presetLedgers(data));
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/calibration`);
    await settled(page);
    const met = results.filter((r) => r.within).length;
    await expect
      .poll(() => page.getByTestId("calibration-summary").textContent())
      .toBe(
        `${met} of ${results.length} targets within tolerance; ${results.length - met} missed.`,
      );
    const rows = page.locator('[data-testid="calibration-table"] tbody tr');
    expect(await rows.count()).toBe(results.length);
    // The loss count after the variation, as the Node evaluation gives it.
    const losing = results.find((r) => r.target.id === "losses.crcsStillLosing")!;
    const row = page.locator("#target-losses\\.crcsStillLosing");
    await expect.poll(() => row.textContent()).toContain(formatTargetValue(losing.model, "count"));
    expect(await row.textContent()).toContain("Guardian");
    const fitted = page.locator('[data-testid="fitted-table"] tbody tr');
    expect(await fitted.count()).toBe(FREE_PARAMETERS.length);
    expect(await fitted.first().textContent()).toContain("pbr.binaryPricePerPoint");
    // Every miss is explained on the page.
    const reasons = await page.locator('[data-testid="why-not"] dd').allTextContents();
    expect(reasons).toHaveLength(results.length - met);
    for (const reason of reasons) expect(reason).not.toMatch(/No reason recorded/);
    expect(problems).toEqual(NO_PROBLEMS);
  });
});
