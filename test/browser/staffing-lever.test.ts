import { describe, expect, it } from "vitest";
import { search, pence, NO_PROBLEMS, siteForFile, settled, watchedPage } from "./harness.ts";
import { summaryFor } from "./project-in-node.ts";

// Model version 0.3.0 (issue #20): when each CRC's staff cuts were complete
// (`staff.cutsCompleteBy`, a month for each CRC, sourced by owner) is a lever in the Explorer:
// each CRC's own month by default, or one month for every CRC (e.g. Working Links' plan, half
// its staff gone "in the first year of the contract", for all).

const site = siteForFile();

describe("the staff cuts' timing lever", () => {
  it("says each CRC's own months, and one month for every CRC moves the figures as the engine does", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer`);
    await settled(page);
    const lever = page.locator('[data-lever="staff.cutsCompleteBy"]');
    const scope = lever.getByTestId("lever-scope");
    // Sodexo's six by March 2016, eight by December 2016, seven by June 2017.
    expect(await scope.textContent()).toContain(
      "Each CRC's own value: March 2016 to June 2017 across 21 CRCs (median December 2016)",
    );
    const before = await pence(page, "national-profit");
    expect(before).toBe(
      String(
        (await summaryFor({ schemaVersion: 1, extends: "the-2017-variation" })).crcProfitPence,
      ),
    );
    await scope.getByLabel("One value for every CRC").check();
    const menu = lever.locator("select");
    await expect.poll(() => menu.isVisible()).toBe(true);
    await menu.selectOption({ label: "January 2016" });
    await expect.poll(() => search(page).get("staff.cutsCompleteBy")).toBe("2016-01");
    const expected = await summaryFor({
      schemaVersion: 1,
      extends: "the-2017-variation",
      parameters: { "staff.cutsCompleteBy": "2016-01" },
    });
    await expect.poll(() => pence(page, "national-profit")).toBe(String(expected.crcProfitPence));
    expect(String(expected.crcProfitPence)).not.toBe(before);
    expect(problems).toEqual(NO_PROBLEMS);
  });
});
