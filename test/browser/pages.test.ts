import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_PROBLEMS, builtPages, openSite, settled, watchedPage, type Site } from "./harness.ts";

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe("every built page", () => {
  const pages = builtPages();

  it("the build produced pages", () => {
    expect(pages.length).toBeGreaterThan(0);
    // Pages the sidebar names, so each is checked below (the list is read from dist/).
    for (const path of ["/", "/calibration", "/methodology", "/versions"])
      expect(pages).toContain(path);
  });

  for (const path of pages) {
    it(`${path} loads with no console error, no exception and no external request`, async () => {
      const { page, problems } = await watchedPage(site);
      const response = await page.goto(site.url + path);
      expect(response?.status()).toBe(200);
      await settled(page);
      expect(await page.locator(".observablehq--error").allTextContents()).toEqual([]);
      expect(problems).toEqual(NO_PROBLEMS);
      await page.close();
    });
  }
});
