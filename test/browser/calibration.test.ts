import { describe, expect, it } from "vitest";
import { evaluateTargets, presetLedgers } from "../../src/calibration/evaluate.ts";
import { FREE_PARAMETERS } from "../../src/calibration/fit.ts";
import { loadTargetsFromDisk } from "../../src/calibration/load-targets.ts";
import { formatTargetValue } from "../../src/calibration/report.ts";
import { STRUCTURAL_NOTES } from "../../src/calibration/diagnostics.ts";
import { WORD_JOINER } from "../../src/engine/format-millions.ts";
import { SIGN_CONVENTION } from "../../src/site/target-signs.ts";
import { NO_PROBLEMS, openAllDetails, siteForFile, settled, watchedPage } from "./harness.ts";
import { dataset } from "./project-in-node.ts";

const site = siteForFile();

describe("Calibration page", () => {
  it("shows every target with model, published, residual and the parameters fitted to it", async () => {
    const data = await dataset();
    const targets = await loadTargetsFromDisk(data);
    const results = evaluateTargets(targets, presetLedgers(data));
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/calibration`);
    await settled(page);
    const met = results.filter((r) => r.within).length;
    await expect
      .poll(() => page.getByTestId("calibration-summary").textContent())
      .toBe(
        `${met} of ${results.length} targets within tolerance; ${results.length - met} missed.`,
      );
    const rows = page.getByTestId("calibration-target");
    expect(await rows.count()).toBe(results.length);
    // The loss count after the variation, as the Node evaluation gives it.
    const losing = results.find((r) => r.target.id === "losses.crcsStillLosing")!;
    const row = page.locator("#target-losses\\.crcsStillLosing");
    await expect.poll(() => row.textContent()).toContain(formatTargetValue(losing.model, "count"));
    expect(await row.textContent()).toContain("Guardian");
    const fitted = page.locator('[data-testid="fitted-table"] tbody tr');
    expect(await fitted.count()).toBe(FREE_PARAMETERS.length);
    expect(await fitted.first().textContent()).toContain("pbr.binaryPricePerPoint");
    // Every miss is explained on the page, where its row links.
    for (const r of results.filter((x) => !x.within)) {
      const id = r.target.id.replace(/\./g, "\\.");
      expect(await page.locator(`#target-${id} a[href="#why-${r.target.id}"]`).count()).toBe(1);
      expect(await page.locator(`#why-${id} dd`).textContent()).not.toMatch(/No reason recorded/);
    }
    expect(problems).toEqual(NO_PROBLEMS);
  });
});

const plain = (text: string | null) => (text ?? "").replaceAll(WORD_JOINER, "").trim();

describe("Calibration page: signs, reasons and sources that read (issue #16)", () => {
  it("states one sign convention once, and a loss reads as a loss on both sides", async () => {
    const data = await dataset();
    const targets = await loadTargetsFromDisk(data);
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/calibration`);
    await settled(page);
    expect(await page.getByTestId("sign-convention").count()).toBe(1);
    expect(await page.getByTestId("sign-convention").textContent()).toContain(SIGN_CONVENTION);
    // Every money target about losses: model and published both positive (a loss), as published.
    const losses = targets.filter((t) => t.id.startsWith("losses.") && t.unit === "GBP");
    expect(losses.length).toBeGreaterThanOrEqual(5);
    for (const t of losses) {
      const cells = page
        .locator(`#target-${t.id.replace(/\./g, "\\.")} tr`)
        .first()
        .locator("td");
      const [model, published] = [
        plain(await cells.nth(1).textContent()),
        plain(await cells.nth(2).textContent()),
      ];
      expect([t.id, model, published]).toEqual([
        t.id,
        expect.stringMatching(/^£/),
        expect.stringMatching(/^£/),
      ]);
    }
    // The combined loss: £443.0m published, beside the model's loss (no "−£443.0m").
    const before = page.locator("#target-losses\\.beforeVariation");
    expect(plain(await before.locator("td").nth(2).textContent())).toBe("£443.0m");
    // The predictive check and the back-test charts use the same convention.
    const predicted = page.locator("#predictive-losses\\.beforeVariation td").nth(1);
    expect(plain(await predicted.textContent())).toBe("£443.0m");
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it("explains each reason once and links to it from every table", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/calibration`);
    await settled(page);
    await openAllDetails(page);
    const text = (await page.locator("#observablehq-main").textContent()) ?? "";
    const count = (needle: string) => text.split(needle).length - 1;
    for (const [target, note] of Object.entries(STRUCTURAL_NOTES)) {
      const shown = count(note.slice(0, 80));
      expect([target, shown]).toEqual([target, shown > 0 ? 1 : 0]);
    }
    expect(count("is solved in each draw")).toBe(1);
    expect(count("held at their exact fit")).toBe(1);
    expect(count("held at its exact fit")).toBe(0);
    // Each table's short note links to the one explanation.
    const links = page.locator(
      'table a[href^="#why-"], table a[href="#posterior-held"], table a[href="#posterior-solved"]',
    );
    expect(await links.count()).toBeGreaterThan(4);
    for (const href of new Set(
      await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")!)),
    ))
      expect([href, await page.locator(href.replace(/\./g, "\\.")).count()]).toEqual([href, 1]);
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it("gives each target's words and source the table's whole width, with no sideways scrolling", async () => {
    const { page, problems } = await watchedPage(site);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${site.url}/calibration`);
    await settled(page);
    const table = page.getByTestId("calibration-table");
    const fit = await table.evaluate((t) => {
      const box = t.parentElement!;
      const about = [...t.querySelectorAll<HTMLElement>('[data-testid="target-about"]')];
      const lineHeight = parseFloat(getComputedStyle(about[0]!).lineHeight) || 18;
      return {
        scrolls: box.scrollWidth > box.clientWidth + 1,
        narrowest:
          Math.min(...about.map((a) => a.getBoundingClientRect().width)) /
          t.getBoundingClientRect().width,
        mostLines: Math.max(
          ...about.map((a) => Math.round(a.getBoundingClientRect().height / lineHeight)),
        ),
      };
    });
    expect(fit.scrolls).toBe(false);
    expect(fit.narrowest).toBeGreaterThan(0.95);
    // Before: a 360 px column where one target's words and source ran to 15 lines.
    expect(fit.mostLines).toBeLessThanOrEqual(8);
    expect(problems).toEqual(NO_PROBLEMS);
  });
});
