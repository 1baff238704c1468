import { readFile } from "node:fs/promises";
import * as aq from "arquero";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { NO_PROBLEMS, siteForFile, settled, watchedPage } from "./harness.ts";
import { summaryFor } from "./project-in-node.ts";
import { lineTotal } from "./crc-in-node.ts";

const site = siteForFile();

const preset = (id: string) => ({ schemaVersion: 1, extends: id });

const cell = (page: Page, metric: string, scenario: string, kind: string) =>
  page
    .locator(`[data-metric="${metric}"][data-scenario="${scenario}"][data-kind="${kind}"]`)
    .first()
    .getAttribute("data-value");

describe("Compare", () => {
  it("reads the selection from the address and shows the engine's differences", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/compare?_base=contract-as-let&_with=pbr-low,pbr-high`);
    await settled(page);
    const base = await summaryFor(preset("contract-as-let"));
    const high = await summaryFor(preset("pbr-high"));
    const low = await summaryFor(preset("pbr-low"));
    await expect
      .poll(() => cell(page, "crc_profit", "pbr-high", "delta"))
      .toBe(String(high.crcProfitPence - base.crcProfitPence));
    expect(await cell(page, "crc_profit", "contract-as-let", "value")).toBe(
      String(base.crcProfitPence),
    );
    expect(await cell(page, "moj_spend", "pbr-low", "delta")).toBe(
      String(low.mojSpendPence - base.mojSpendPence),
    );
    const pct = Number(await cell(page, "moj_spend", "pbr-low", "pct"));
    expect(pct).toBeCloseTo(
      ((low.mojSpendPence - base.mojSpendPence) / Math.abs(base.mojSpendPence)) * 100,
      8,
    );
    const pbrDelta =
      (await lineTotal(preset("pbr-high"), {}, "pbr")) -
      (await lineTotal(preset("contract-as-let"), {}, "pbr"));
    expect(await cell(page, "pbr", "pbr-high", "delta")).toBe(String(pbrDelta));
    // One bar per CRC per compared scenario.
    await expect
      .poll(() =>
        page
          .locator(
            '[data-testid="crc-delta-chart"] svg [aria-label="bar"] a, [data-testid="crc-delta-chart"] svg [aria-label="bar"] rect',
          )
          .count(),
      )
      .toBeGreaterThanOrEqual(42);
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it("follows the inputs, keeps them in the address, and downloads the same numbers as CSV", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/compare`);
    await settled(page);
    await page
      .getByLabel("Baseline", { exact: true })
      .selectOption({ label: "No-variation counterfactual" });
    await page
      .locator("form")
      .filter({ hasText: "Compare with" })
      .getByLabel("Payment by results: high", { exact: true })
      .check();
    await expect.poll(() => page.url()).toContain("_base=no-variation");
    await expect.poll(() => page.url()).toContain("_with=pbr-high");
    const base = await summaryFor(preset("no-variation"));
    const high = await summaryFor(preset("pbr-high"));
    const expected = String(high.crcProfitPence - base.crcProfitPence);
    await expect.poll(() => cell(page, "crc_profit", "pbr-high", "delta")).toBe(expected);

    // Changing the baseline keeps the ticked scenarios.
    await page
      .getByLabel("Baseline", { exact: true })
      .selectOption({ label: "The contract as let" });
    await expect.poll(() => page.url()).toContain("_base=contract-as-let");
    expect(page.url()).toContain("_with=pbr-high");
    const asLet = await summaryFor(preset("contract-as-let"));
    await expect
      .poll(() => cell(page, "crc_profit", "pbr-high", "delta"))
      .toBe(String(high.crcProfitPence - asLet.crcProfitPence));
    await page
      .getByLabel("Baseline", { exact: true })
      .selectOption({ label: "No-variation counterfactual" });
    await expect.poll(() => cell(page, "crc_profit", "pbr-high", "delta")).toBe(expected);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    const text = await readFile((await download.path())!, "utf8");
    const comments = text.split("\n").filter((l) => l.startsWith("#"));
    expect(
      comments.some((l) => l.includes("baseline: no-variation") && l.includes(base.hash)),
    ).toBe(true);
    expect(comments.some((l) => l.includes("pbr-high") && l.includes(high.hash))).toBe(true);
    const rows = aq
      .fromCSV(
        text
          .split("\n")
          .filter((l) => !l.startsWith("#"))
          .join("\n"),
      )
      .objects() as Array<Record<string, unknown>>;
    const profit = rows.find((r) => r.metric === "crc_profit" && r.scenario === "pbr-high")!;
    expect(profit.value).toBe(high.crcProfitPence);
    expect(String(profit.delta)).toBe(expected);
    const baseRow = rows.find((r) => r.metric === "moj_spend" && r.scenario === "no-variation")!;
    expect(baseRow.value).toBe(base.mojSpendPence);
    expect(baseRow.delta).toBe(0);
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it("compares a scenario saved in this browser, named in the address", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/compare`);
    await settled(page);
    const mine = { schemaVersion: 1, extends: "pbr-high", title: "Mine, with a comma" };
    await page.evaluate((scenario) => {
      const entry = { name: "Mine, with a comma", scenario, savedAt: "2026-01-01T00:00:00Z" };
      localStorage.setItem("crc-scenarios:saved:v1", JSON.stringify([entry]));
    }, mine);
    await page.goto(
      `${site.url}/compare?_base=contract-as-let&_with=pbr-low,saved%253AMine%252C%2520with%2520a%2520comma`,
    );
    await settled(page);
    const base = await summaryFor(preset("contract-as-let"));
    const saved = await summaryFor(mine);
    await expect
      .poll(() => cell(page, "crc_profit", "saved:Mine, with a comma", "delta"))
      .toBe(String(saved.crcProfitPence - base.crcProfitPence));
    expect(await page.getByTestId("problems").first().isHidden()).toBe(true);
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it("reports a bad address and falls back", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/compare?_base=nonsense&_with=pbr-low,zzz`);
    await settled(page);
    await expect
      .poll(() => page.getByTestId("problems").first().textContent())
      .toContain("nonsense");
    expect(await page.getByTestId("problems").first().textContent()).toContain("zzz");
    const base = await summaryFor(preset("contract-as-let"));
    await expect
      .poll(() => cell(page, "crc_profit", "contract-as-let", "value"))
      .toBe(String(base.crcProfitPence));
    expect(await cell(page, "crc_profit", "pbr-low", "value")).not.toBeNull();
    expect(problems).toEqual(NO_PROBLEMS);
  });
});
