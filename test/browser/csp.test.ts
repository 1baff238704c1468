import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { download, exportButton } from "./downloads.ts";
import {
  DIST,
  NO_PROBLEMS,
  builtPages,
  chartsDrawn,
  siteForFile,
  settled,
  watchedPage,
} from "./harness.ts";

// The Content-Security-Policy (issue #15; observablehq.config.ts, scripts/csp-hashes.mjs). Every
// page is loaded under it with zero violations in pages.test.ts (the harness records each
// `securitypolicyviolation`); here: every built page carries it with its inline scripts hashed,
// the policy really refuses what it should, and the pages' interactions (a slider, an export,
// an explanation, an embed, a Monte Carlo run) stay within it.

const site = siteForFile();

function policyOf(path: string): string {
  const base = path === "/" ? "index" : path.slice(1);
  const file = existsSync(join(DIST, `${base}.html`)) ? `${base}.html` : `${base}/index.html`;
  const html = readFileSync(join(DIST, file), "utf8");
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  return meta?.[1] ?? "";
}

describe("Content-Security-Policy", () => {
  it("is on every built page, with the page's inline scripts hashed and no 'unsafe-inline' script", () => {
    const pages = builtPages();
    expect(pages.length).toBeGreaterThan(40);
    for (const path of pages) {
      const policy = policyOf(path);
      const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src ")) ?? "";
      expect(scriptSrc, path).toMatch(
        /^script-src 'self' 'unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+$/,
      );
      for (const directive of [
        "default-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
      ])
        expect(policy, path).toContain(directive);
    }
  });

  it("refuses a script that is not the page's own, and the tests see the refusal", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer`);
    await settled(page);
    const ran = await page.evaluate(async () => {
      const w = window as unknown as { injected?: boolean };
      const script = document.createElement("script");
      script.textContent = "window.injected = true";
      document.body.append(script);
      await new Promise((r) => setTimeout(r, 50));
      return w.injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => problems.cspViolations.length).toBeGreaterThan(0);
    expect(problems.cspViolations[0]).toMatch(/^script-src/);
  });

  it("holds through the Explorer's interactions: a slider, an explanation, a PNG export", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer`);
    await chartsDrawn(page);
    await page.waitForFunction(() => document.querySelectorAll(".chart-tools").length === 5);
    const png = await download(page, exportButton(page, "national-profit", "png"));
    expect(png.name).toMatch(/\.png$/);
    const slider = page.locator('[data-lever="ffs.toleranceBand"] input[type="range"]');
    await slider.focus();
    await slider.press("ArrowRight");
    await expect.poll(() => page.url()).toContain("ffs.toleranceBand=");
    await page.getByTestId("national-profit").first().click();
    await page.getByTestId("explain-panel").waitFor();
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it("holds through a Monte Carlo run split over two workers, and on an embed page", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/uncertainty?v=1&extends=the-2017-variation&_draws=1000&_seed=3`);
    await settled(page);
    await expect.poll(() => page.getByTestId("mc-headline").getAttribute("data-seed")).toBe("3");
    await page.goto(`${site.url}/embed/national-profit?v=1&extends=pbr-high`);
    await chartsDrawn(page);
    expect(problems).toEqual(NO_PROBLEMS);
  });
});
