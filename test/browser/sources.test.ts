import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data/load-from-disk.ts";
import type { Dataset } from "../../src/data/dataset.ts";
import { NO_PROBLEMS, siteForFile, settled, watchedPage } from "./harness.ts";

let dataset: Dataset;
const site = siteForFile({
  async setup() {
    const loaded = await loadDataset("data");
    if (!loaded.ok) throw new Error("data/ does not validate");
    dataset = loaded.value;
  },
});

describe("Sources & assumptions page", () => {
  it("summarises statuses, filters by status and searches", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/sources`);
    await settled(page);

    for (const status of ["sourced", "derived", "assumed", "fitted"]) {
      const expected = dataset.parameters.filter((p) => p.status === status).length;
      await expect
        .poll(() =>
          page.locator(`[data-testid="status-summary"] [data-status="${status}"]`).textContent(),
        )
        .toBe(String(expected));
    }
    const total = dataset.parameters.length + dataset.figures.length;
    const count = page.getByTestId("row-count");
    await expect.poll(() => count.textContent()).toBe(`${total} of ${total} rows`);

    await page.getByLabel("Status").selectOption("assumed");
    const assumed = dataset.parameters.filter((p) => p.status === "assumed").length;
    await expect.poll(() => count.textContent()).toBe(`${assumed} of ${total} rows`);

    await page.getByLabel("Status").selectOption("any");
    await page.getByRole("searchbox").fill("ffs.fixedShare");
    const matching = page.locator("table tbody tr", { hasText: "ffs.fixedShare" });
    await expect.poll(() => matching.count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator("table").first().textContent()).toContain("sourced");
    expect(problems).toEqual(NO_PROBLEMS);
  });
});
