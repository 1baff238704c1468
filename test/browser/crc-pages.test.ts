import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO } from "../../src/site/scenario-from-url.ts";
import { NO_PROBLEMS, siteForFile, settled, watchedPage } from "./harness.ts";
import { lineTotal } from "./crc-in-node.ts";
import { dataset } from "./project-in-node.ts";

const site = siteForFile();

const HIGH = { schemaVersion: 1, extends: "pbr-high" };

describe("CRC pages", () => {
  it("/crcs/wales shows the engine's figures and follows the scenario", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/crcs/wales`);
    await settled(page);
    expect(await page.getByTestId("crc-name").textContent()).toBe("Wales");
    expect(await page.title()).toBe("Wales | CRC scenarios");
    const profit = () => page.getByTestId("crc-profit").getAttribute("data-pence");
    await expect
      .poll(profit)
      .toBe(String(await lineTotal(DEFAULT_SCENARIO, { crc: "wales" }, "profit")));
    expect(await page.getByTestId("crc-income").getAttribute("data-pence")).toBe(
      String(await lineTotal(DEFAULT_SCENARIO, { crc: "wales" }, "income_total")),
    );
    // Five charts (income, costs, profit, staffing has two plots, cumulative), each with a table.
    expect(await page.locator("figure.chart details").count()).toBe(5);
    // Its per-CRC data rows.
    const ds = await dataset();
    const own = ds.parameters.filter((p) => p.crc === "wales").length;
    if (own > 0) await expect.poll(() => page.getByTestId("crc-data").count()).toBe(1);

    const select = page.getByLabel("Scenario");
    await select.selectOption({ label: "Preset: Payment by results: high" });
    await expect.poll(() => page.url()).toContain("extends=pbr-high");
    await expect.poll(profit).toBe(String(await lineTotal(HIGH, { crc: "wales" }, "profit")));
    expect(await page.getByTestId("crc-costs").getAttribute("data-pence")).toBe(
      String(await lineTotal(HIGH, { crc: "wales" }, "cost_total")),
    );
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it("/crcs lists all 21 CRCs with links that open", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/crcs/`);
    await settled(page);
    const links = page.locator('[data-testid="crc-list"] tbody tr td:first-child a');
    expect(await links.count()).toBe(21);
    await links.filter({ hasText: "London" }).click();
    await page.waitForURL(/\/crcs\/london/);
    await settled(page);
    expect(await page.getByTestId("crc-name").textContent()).toBe("London");
    expect(problems).toEqual(NO_PROBLEMS);
  });
});

describe("Owner pages", () => {
  it("/owners/sodexo rolls up its CRCs and follows the scenario", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/owners/sodexo`);
    await settled(page);
    expect(await page.title()).toMatch(/^Sodexo.* \| CRC scenarios$/);
    const profit = () => page.getByTestId("owner-profit").getAttribute("data-pence");
    await expect
      .poll(profit)
      .toBe(String(await lineTotal(DEFAULT_SCENARIO, { owner: "sodexo" }, "profit")));
    const ds = await dataset();
    const mine = ds.crcs.filter((c) => c.ownerId === "sodexo");
    expect(await page.locator('[data-testid="owner-crcs"] tbody tr').count()).toBe(mine.length);

    await page.getByLabel("Scenario").selectOption({ label: "Preset: Payment by results: high" });
    await expect.poll(() => page.url()).toContain("extends=pbr-high");
    await expect.poll(profit).toBe(String(await lineTotal(HIGH, { owner: "sodexo" }, "profit")));
    const first = mine[0]!.id;
    expect(
      await page
        .locator(`[data-testid="owner-crcs"] [data-crc="${first}"]`)
        .getAttribute("data-pence"),
    ).toBe(String(await lineTotal(HIGH, { crc: first }, "profit")));
    expect(await page.getByTestId("owner-income").getAttribute("data-pence")).toBe(
      String(await lineTotal(HIGH, { owner: "sodexo" }, "income_total")),
    );
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it("/owners lists every owner", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/owners/`);
    await settled(page);
    const ds = await dataset();
    expect(await page.locator('[data-testid="owner-list"] tbody tr').count()).toBe(
      ds.owners.length,
    );
    expect(problems).toEqual(NO_PROBLEMS);
  });
});
