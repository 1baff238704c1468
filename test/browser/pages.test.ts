import { describe, expect, it } from "vitest";
import {
  NO_PROBLEMS,
  builtPages,
  chartsDrawn,
  openAllDetails,
  siteForFile,
  seriousViolations,
  watchedPage,
} from "./harness.ts";

// Every page of the built site, as a reader first sees it: it loads, every cell renders, nothing
// goes wrong in the console and nothing is fetched from outside. Then an accessibility audit:
// axe-core (the version in package.json, injected from node_modules) runs every rule it runs by
// default (WCAG 2.0, 2.1 and 2.2 at levels A and AA, and its best practices) on the whole
// document once the charts are drawn, and again with every <details> opened (the charts' data
// tables), and the page fails on any violation of impact "serious" or "critical".

const site = siteForFile();

describe("every built page", () => {
  const pages = builtPages();

  it("the build produced pages", () => {
    expect(pages.length).toBeGreaterThan(0);
    // Pages the sidebar names, so each is checked below (the list is read from dist/).
    for (const path of ["/", "/calibration", "/methodology", "/versions"])
      expect(pages).toContain(path);
  });

  for (const path of pages) {
    it(`${path} loads with no console error, no exception, no external request and no serious or critical accessibility violation`, async () => {
      const { page, problems } = await watchedPage(site);
      const response = await page.goto(site.url + path);
      expect(response?.status()).toBe(200);
      await chartsDrawn(page);
      expect(await page.locator(".observablehq--error").allTextContents()).toEqual([]);
      expect(await seriousViolations(page), "as loaded").toEqual([]);
      await openAllDetails(page);
      expect(await seriousViolations(page), "with every <details> open").toEqual([]);
      expect(problems).toEqual(NO_PROBLEMS);
      await page.close();
    });
  }
});
