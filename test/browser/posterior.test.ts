import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import type { PosteriorReport } from "../../src/calibration/build-posterior.ts";
import { STRUCTURAL_NOTES } from "../../src/calibration/diagnostics.ts";
import { loadTargetsFromDisk } from "../../src/calibration/load-targets.ts";
import { posteriorView } from "../../src/site/calibration-posterior.ts";
import { SWING_BASIS, basisCaption, monteCarloCsv } from "../../src/site/uncertainty.ts";
import { download, exportButton } from "./downloads.ts";
import {
  NO_PROBLEMS,
  openAllDetails,
  siteForFile,
  seriousViolations,
  settled,
  watchedPage,
} from "./harness.ts";
import { dataset } from "./project-in-node.ts";
import { monteCarloForUrl } from "./sampled-in-node.ts";

// Issue #14 on the site: the Uncertainty page draws from the posterior by default and switches to
// the prior ranges (in the address, the figures and every export), and the Calibration page shows
// the stored posterior's report: parameters, predictive check, back-tests and leave one out.

const site = siteForFile();

const csvText = (bytes: Buffer) => bytes.toString("utf8");

describe("Uncertainty: posterior or prior", () => {
  it("draws from the posterior by default, switches to the prior ranges, and every figure and export says which", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/uncertainty?v=1&extends=volumes-as-they-fell&_draws=200&_seed=42`);
    await settled(page);
    const headline = page.getByTestId("mc-headline");
    await expect.poll(() => headline.getAttribute("data-basis")).toBe("posterior");
    await expect.poll(() => page.url()).toContain("_basis=posterior");
    const posterior = await monteCarloForUrl(page.url());
    expect(posterior.basis).toBe("posterior");
    const median = () => page.getByTestId("mc-median").getAttribute("data-pence");
    expect(await median()).toBe(String(posterior.national.crcProfitPence.p50));
    const ess = Math.round(posterior.posterior!.effectiveSampleSize).toLocaleString("en-GB");
    expect(await page.getByTestId("mc-basis").textContent()).toContain(
      `an effective sample size of ${ess}`,
    );
    expect(await page.getByTestId("mc-basis").textContent()).toContain(
      `${posterior.posterior!.priorDraws.toLocaleString("en-GB")} prior draws`,
    );
    // The page's CSV starts by saying what the draws came from.
    const firstCsv = csvText((await download(page, page.getByTestId("mc-csv"))).bytes);
    expect(firstCsv).toBe(monteCarloCsv(posterior));
    expect(firstCsv.split("\n")[1]).toBe("ALL,ALL,total,basis,posterior,1");
    expect(await seriousViolations(page)).toEqual([]);

    // A shape chosen with the posterior: the page says it does not move the posterior's draws.
    const shape = page.getByTestId("mc-settings").getByLabel("Distribution shape");
    await shape.selectOption("uniform");
    await expect.poll(() => page.url()).toContain("_shape=uniform");
    await expect
      .poll(() => page.getByTestId("mc-settings-note").textContent())
      .toContain("With the posterior, the uniform shape acts on none of the draws here");
    await expect.poll(median).toBe(String(posterior.national.crcProfitPence.p50));
    await shape.selectOption("pert");
    await expect.poll(() => page.url()).toContain("_shape=pert");
    expect(await page.getByTestId("mc-settings-note").count()).toBe(0);

    // The switch: the prior ranges only.
    await page.getByLabel("the prior ranges only").check();
    await expect.poll(() => headline.getAttribute("data-basis")).toBe("prior");
    await expect.poll(() => page.url()).toContain("_basis=prior");
    const prior = await monteCarloForUrl(page.url());
    expect(prior.basis).toBe("prior");
    await expect.poll(median).toBe(String(prior.national.crcProfitPence.p50));
    expect(prior.national.crcProfitPence.p50).not.toBe(posterior.national.crcProfitPence.p50);
    expect(await page.getByTestId("mc-basis").textContent()).toContain(
      "Drawn from the prior ranges only",
    );
    const file = await download(page, page.getByTestId("mc-csv"));
    expect(file.name).toMatch(/-prior\.csv$/);
    const priorCsv = csvText(file.bytes);
    expect(priorCsv).toBe(monteCarloCsv(prior));
    expect(priorCsv.split("\n")[1]).toBe("ALL,ALL,total,basis,prior,1");
    // A chart's export says it too, in its comments and its citation.
    await page.locator('.chart-tools[data-chart="fan"]').waitFor();
    const fanCsv = csvText((await download(page, exportButton(page, "fan", "csv"))).bytes);
    expect(fanCsv).toContain(`# drawn from: ${basisCaption(prior)}\n`);
    expect(fanCsv).toContain("# drawn from: prior ranges only");
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it("opens a link with _basis=prior on the prior, and names a bad _basis", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(
      `${site.url}/uncertainty?v=1&extends=the-2017-variation&_draws=200&_seed=3&_basis=prior`,
    );
    await settled(page);
    await expect
      .poll(() => page.getByTestId("mc-headline").getAttribute("data-basis"))
      .toBe("prior");
    expect(await page.getByLabel("the prior ranges only").isChecked()).toBe(true);
    await page.goto(`${site.url}/uncertainty?v=1&_draws=200&_basis=flat`);
    await settled(page);
    const note = page.getByTestId("problems").filter({ hasText: "run settings" });
    await expect.poll(() => note.textContent()).toContain('_basis: "flat" is not one of');
    await expect
      .poll(() => page.getByTestId("mc-headline").getAttribute("data-basis"))
      .toBe("posterior");
    expect(problems).toEqual(NO_PROBLEMS);
  });
});

describe("Sensitivity: over the prior ranges", () => {
  it("says on the page and in every export that its swings are over the prior ranges", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/sensitivity?v=1&extends=the-2017-variation&_steps=5`);
    await settled(page);
    expect(await page.locator("#observablehq-main").textContent()).toContain(
      "The tornado's swings and the grid's default spans are over the prior ranges",
    );
    await page.locator('.chart-tools[data-chart="tornado"]').waitFor();
    const csv = csvText((await download(page, exportButton(page, "tornado", "csv"))).bytes);
    expect(csv).toContain(`# drawn from: ${SWING_BASIS}\n`);
    expect(problems).toEqual(NO_PROBLEMS);
  });
});

describe("Calibration: the posterior's report", () => {
  it("shows the summary, parameters, predictive check, back-tests with charts, and leave one out", async () => {
    const data = await dataset();
    const sample = data.posterior!;
    const report = sample.report as PosteriorReport;
    const view = posteriorView(sample, report, await loadTargetsFromDisk(data), data.parameters);
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/calibration`);
    await settled(page);
    const summary = page.getByTestId("posterior-summary");
    await expect.poll(() => summary.getAttribute("data-ess")).toBe(view.effectiveSampleSize);
    expect(await summary.textContent()).toContain(view.priorDraws);
    expect(await page.getByTestId("posterior-ess").textContent()).toBe(view.effectiveSampleSize);

    const parameters = page.locator('[data-testid="posterior-parameters"] tbody tr');
    expect(await parameters.count()).toBe(report.parameters.length);
    const informed = report.parameters.find((p) => p.informedBy.length > 0);
    if (informed) {
      const row = page.locator(`#posterior-${informed.id.replace(/\./g, "\\.")}`);
      expect(await row.textContent()).toContain(informed.informedBy[0]);
    }

    const predictive = page.locator('[data-testid="posterior-predictive"] tbody tr');
    expect(await predictive.count()).toBe(report.predictive.length);
    for (const p of report.predictive.filter((x) => !x.covers)) {
      const row = page.locator(`#predictive-${p.target.replace(/\./g, "\\.")}`);
      expect(await row.textContent()).toContain("not covered");
      const note = STRUCTURAL_NOTES[p.target];
      expect(note, `${p.target} is not covered and has no structural note`).toBeDefined();
      // The row links to the one place the reason is written (issue #16).
      expect(await row.locator(`a[href="#why-${p.target}"]`).count()).toBe(1);
      const why = page.locator(`#why-${p.target.replace(/\./g, "\\.")} dd`);
      expect(await why.textContent()).toContain(note!.slice(0, 60));
    }

    for (const v of view.vintages) {
      expect(v.summarised).toBe(true);
      const chart = page.getByTestId(`back-test-chart-${v.asOf}`);
      await chart.locator(".chart-tools").waitFor();
      // One published dot per money target on the chart.
      expect(await chart.locator('svg [aria-label="dot"] circle').count()).toBe(v.chart.length);
      expect(await page.getByTestId(`vintage-${v.asOf}`).textContent()).toContain(
        `${v.covered} of ${v.rows.length} later targets covered`,
      );
      const rows = page.locator(`[data-testid="back-test-table-${v.asOf}"] tbody tr`);
      expect(await rows.count()).toBe(v.rows.length);
    }
    expect(await page.locator("h3#vintage-2016-09").textContent()).toBe(
      "What the model would have said in September 2016 about the figures published later",
    );

    // The back-test's CSV: its rows in whole pence, and what it was weighed by.
    const first = view.vintages[0]!;
    const file = await download(
      page,
      page.getByTestId(`back-test-chart-${first.asOf}`).locator('button[data-export="csv"]'),
    );
    const text = file.bytes.toString("utf8");
    expect(text).toContain(
      `# drawn from: posterior weighed by the targets published by ${first.label}`,
    );
    const rows = aq.fromCSV(text, { comment: "#", autoType: false }).objects() as Array<
      Record<string, string>
    >;
    expect(rows.map((r) => r.target)).toEqual(first.chart.map((p) => p.target));
    expect(rows[0]!.p50_pence).toBe(String(first.chart[0]!.pence.p50));

    const loo = page.locator('[data-testid="leave-one-out"] tbody tr');
    expect(await loo.count()).toBe(report.leaveOneOut.length);

    await openAllDetails(page);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual(NO_PROBLEMS);
  });
});
