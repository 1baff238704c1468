import { describe, expect, it } from "vitest";
import {
  NO_PROBLEMS,
  siteForFile,
  pence,
  search,
  seriousViolations,
  settled,
  watchedPage,
} from "./harness.ts";
import { monthName } from "../../src/site/calibration-posterior.ts";
import { summaryFor } from "./project-in-node.ts";

// The Explorer's month levers: each option's value is the month it names ("2017-08"), not its
// position in the menu ("0" for the first), which Observable Inputs' select writes. The lever's
// value, the address and a saved scenario carried the month before and still do.

const site = siteForFile();

describe("month levers", () => {
  it("every option's value is its month (YYYY-MM); the chosen one is the scenario's", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer`);
    await settled(page);
    const menus = page.getByTestId("month-lever");
    expect(await menus.count()).toBeGreaterThanOrEqual(3);
    const levers = await menus.evaluateAll((forms) =>
      forms.map((f) => {
        const select = f.querySelector("select")!;
        return {
          id: f.closest<HTMLElement>("[data-lever]")!.dataset.lever!,
          label: f.querySelector("label")!.textContent,
          labelFor: f.querySelector("label")!.htmlFor === select.id,
          selected: select.value,
          options: [...select.options].map((o) => [o.value, o.textContent]),
        };
      }),
    );
    expect(levers.map((l) => l.id)).toEqual(
      expect.arrayContaining(["variation.start", "termination.endDate", "staff.cutsCompleteBy"]),
    );
    for (const l of levers) {
      expect(l.labelFor, l.id).toBe(true);
      expect(l.options.length, l.id).toBeGreaterThan(1);
      for (const [value, text] of l.options) {
        expect(value, l.id).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
        expect(text, l.id).toBe(monthName(value!));
      }
      // In order, one a month.
      const values = l.options.map(([v]) => v!);
      expect(values, l.id).toEqual([...values].sort());
      expect(new Set(values).size, l.id).toBe(values.length);
    }
    // The 2017 variation (the default) starts in August 2017.
    expect(levers.find((l) => l.id === "variation.start")!.selected).toBe("2017-08");
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("a month chosen by its value reaches the address as YYYY-MM, the engine, and back from the address", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer`);
    await settled(page);
    const lever = page.locator('[data-lever="variation.start"]');
    const menu = lever.getByRole("combobox");
    await menu.selectOption("2016-10");
    await expect.poll(() => search(page).get("variation.start")).toBe("2016-10");
    const expected = await summaryFor({
      schemaVersion: 1,
      extends: "the-2017-variation",
      parameters: { "variation.start": "2016-10" },
    });
    await expect.poll(() => pence(page, "national-profit")).toBe(String(expected.crcProfitPence));
    expect(await lever.getByTestId("lever-changed").textContent()).toContain("August 2017");
    // The address opens with the month chosen.
    await page.goto(page.url());
    await settled(page);
    expect(await page.locator('[data-lever="variation.start"] select').inputValue()).toBe(
      "2016-10",
    );
    expect(await pence(page, "national-profit")).toBe(String(expected.crcProfitPence));
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });
});
