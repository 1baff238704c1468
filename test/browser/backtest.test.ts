import { describe, expect, it } from "vitest";
import { loadTargetsFromDisk } from "../../src/calibration/load-targets.ts";
import {
  prepareTargetSimulation,
  simulateTargets,
} from "../../src/calibration/simulate-targets.ts";
import { backtestFromDraws } from "../../src/site/posterior-rerun.ts";
import { NO_PROBLEMS, siteForFile, settled, watchedPage } from "./harness.ts";
import { dataset } from "./project-in-node.ts";

const site = siteForFile();

/** Node's back-test rows for the same settings: the browser must give exactly these. */
async function inNode(asOf: string, draws: number, seed: number, without: string[] = []) {
  const data = await dataset();
  const sim = prepareTargetSimulation(data, await loadTargetsFromDisk(data));
  const out = backtestFromDraws(sim, simulateTargets(sim, seed, 0, draws), {
    asOf,
    draws,
    seed,
    without,
  });
  return out.rows.map((r) => [
    r.target,
    r.published,
    r.model,
    r.covered === "yes" ? "✓ covered" : "✗ not covered",
  ]);
}

describe("Calibration page: a back-test in the browser (issue #14)", () => {
  it("runs a vintage from the address in the workers, with progress, and gives Node's figures for the same seed", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/calibration?_asof=2016-09&_bt_draws=4000&_bt_seed=7`);
    await settled(page);
    const rows = page.locator('[data-testid="backtest-table"] tbody tr');
    await expect.poll(() => rows.count(), { timeout: 120_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId("backtest-progress").getAttribute("value")).toBe("4000");
    const status = await page.getByTestId("backtest-status").textContent();
    expect(status).toContain(
      "4,000 prior draws (seed 7) weighed by the 2 targets published by 2016-09",
    );
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent!.trim())),
    );
    expect(shown).toEqual(await inNode("2016-09", 4000, 7));
    expect(problems).toEqual(NO_PROBLEMS);
  }, 180_000);

  it("switches a target off, puts the settings in the address, and cancels a long run without blocking the page", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/calibration`);
    await settled(page);
    await page.locator("#bt-asof").fill("2017-06");
    await page.locator("summary", { hasText: "Switch targets off" }).click();
    await page.locator('input[name="bt-without"][value="interserve.unsustainable2016"]').check();
    await page.locator("#bt-draws").selectOption("100000");
    await page.getByTestId("backtest-run").click();
    await expect.poll(() => page.url()).toContain("_asof=2017-06");
    expect(page.url()).toContain("_without=interserve.unsustainable2016");
    // Progress moves while the page keeps answering (a click on a details element still works).
    await expect
      .poll(async () => Number(await page.getByTestId("backtest-progress").getAttribute("value")), {
        timeout: 60_000,
      })
      .toBeGreaterThan(0);
    await page.getByTestId("backtest-cancel").click();
    await expect
      .poll(() => page.getByTestId("backtest-status").textContent(), { timeout: 60_000 })
      .toContain("Cancelled");
    expect(await page.locator('[data-testid="backtest-table"]').count()).toBe(0);
    expect(problems).toEqual(NO_PROBLEMS);
  }, 180_000);

  it("reports a bad month or an unknown target in the address and uses the defaults", async () => {
    const { page } = await watchedPage(site);
    await page.goto(`${site.url}/calibration?_asof=2016-13&_without=nope&_bt_draws=5`);
    await settled(page);
    const status = await page.getByTestId("backtest-status").textContent();
    expect(status).toContain('_asof: "2016-13" is not a month YYYY-MM');
    expect(status).toContain('_without: "nope" not a target');
    expect(status).toContain('_bt_draws: "5" is not a whole number from 1000 to 1000000');
    await page.close();
  }, 180_000);
});
