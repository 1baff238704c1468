import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO } from "../../src/site/scenario-from-url.ts";
import { NO_PROBLEMS, siteForFile, settled, watchedPage } from "./harness.ts";
import { publishedBeside } from "../../src/site/published-beside.ts";
import { dataset, summaryFor } from "./project-in-node.ts";

const site = siteForFile();

describe("Overview", () => {
  it("shows the engine's headline numbers and follows the scenario picker", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/`);
    await settled(page);
    const def = await summaryFor(DEFAULT_SCENARIO);
    const profit = () => page.getByTestId("national-profit").getAttribute("data-pence");
    await expect.poll(profit).toBe(String(def.crcProfitPence));
    expect(await page.getByTestId("loss-making").textContent()).toBe(`${def.lossMakingCrcs} of 21`);
    // The published figures beside the model's, like for like (from 2016-17), with a link.
    const published = publishedBeside(def, (await dataset()).figures);
    expect(await page.getByTestId("published-losses").textContent()).toBe(
      `${published.losses} Calibration`,
    );
    expect(await page.getByTestId("published-profit").textContent()).toBe(
      `${published.profit} Calibration`,
    );
    expect(await page.getByTestId("published-losses").getByRole("link").getAttribute("href")).toBe(
      "./calibration",
    );
    expect(await page.getByTestId("reading").textContent()).toMatch(
      /the Ministry pays the 21 CRCs £[\d,.]+m/,
    );

    const option = page
      .getByLabel("Scenario")
      .locator("option", { hasText: "Payment by results: high" });
    await page
      .getByLabel("Scenario")
      .selectOption({ label: (await option.first().textContent())! });
    const high = await summaryFor({ schemaVersion: 1, extends: "pbr-high" });
    await expect.poll(profit).toBe(String(high.crcProfitPence));
    await expect
      .poll(() => page.getByTestId("published-profit").textContent())
      .toBe(`${publishedBeside(high, (await dataset()).figures).profit} Calibration`);
    await expect.poll(() => page.url()).toContain("extends=pbr-high");
    expect(problems).toEqual(NO_PROBLEMS);
  });
});
