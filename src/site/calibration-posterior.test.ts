import { beforeAll, describe, expect, it } from "vitest";
import type { PosteriorReport } from "../calibration/build-posterior.ts";
import { STRUCTURAL_NOTES } from "../calibration/diagnostics.ts";
import { loadTargetsFromDisk } from "../calibration/load-targets.ts";
import type { Target } from "../calibration/targets.ts";
import type { Dataset } from "../data/index.ts";
import { loadDataset } from "../data/load-from-disk.ts";
import {
  formatParameterValue,
  monthName,
  posteriorView,
  type PosteriorView,
} from "./calibration-posterior.ts";
import { PENCE_PER_MILLION } from "../engine/format-millions.ts";
import { pageSign } from "./target-signs.ts";

let dataset: Dataset;
let targets: Target[];
let report: PosteriorReport;
let view: PosteriorView;

beforeAll(async () => {
  const loaded = await loadDataset("data");
  if (!loaded.ok) throw new Error("data/ does not validate");
  dataset = loaded.value;
  targets = await loadTargetsFromDisk(dataset);
  report = dataset.posterior!.report as PosteriorReport;
  view = posteriorView(dataset.posterior!, report, targets, dataset.parameters);
});

describe("posteriorView", () => {
  it("keeps every parameter, target, vintage and left-out target of the report, in order", () => {
    expect(view.parameters.map((p) => p.id)).toEqual(report.parameters.map((p) => p.id));
    expect(view.predictive.map((p) => p.target)).toEqual(report.predictive.map((p) => p.target));
    expect(view.vintages.map((v) => v.asOf)).toEqual(report.vintages.map((v) => v.asOf));
    expect(view.leaveOneOut.map((p) => p.target)).toEqual(report.leaveOneOut.map((p) => p.target));
    expect(view.effectiveSampleSize).toBe(
      Math.round(report.effectiveSampleSize).toLocaleString("en-GB"),
    );
  });

  it("gives every target not covered its structural reason, and says which are checks or met by construction", () => {
    for (const row of view.predictive) {
      if (!row.covers) {
        expect(STRUCTURAL_NOTES[row.target]).toBeDefined();
        expect(row.note?.href).toBe(`#why-${row.target}`);
      }
    }
    const byId = new Map(view.predictive.map((r) => [r.target, r]));
    // A short note linking to the one place the page explains it (issue #16).
    expect(byId.get("pbr.low")!.note).toEqual({
      text: "a check here, not weighed: why",
      href: "#posterior-held",
    });
    expect(byId.get("variation.increase")!.note?.href).toBe("#posterior-solved");
    expect(byId.get("variation.maxFeeIncrease")!.note?.href).toBe("#posterior-solved");
    // A count every draw agrees on is not "by construction": it just does not vary.
    expect(byId.get("interserve.unsustainable2016")!.note).toBeNull();
  });

  it("charts each vintage's later money targets in £m, leaving out those met by construction", () => {
    for (const [k, v] of view.vintages.entries()) {
      const later = report.vintages[k]!.predictions!;
      expect(v.rows).toHaveLength(later.length);
      expect(v.covered).toBe(later.filter((p) => p.covers).length);
      expect(v.chart.every((p) => p.target !== "variation.increase")).toBe(true);
      for (const point of v.chart) {
        const p = later.find((x) => x.target === point.target)!;
        expect(p.unit).toBe("GBP");
        // A figure about losses is the size of the loss (issue #16): a profit measure is negated.
        const sign = pageSign(targets.find((t) => t.id === p.target)!);
        expect(point.published).toBeCloseTo((sign * p.published) / PENCE_PER_MILLION, 9);
        expect(point.pence.p50).toBe(Math.round(sign * p.interval.p50));
        expect(point.p5).toBeLessThanOrEqual(point.p95);
      }
    }
    expect(view.vintages[0]!.label).toBe("September 2016");
    // Every loss on the chart reads as a positive amount, as it was published.
    const losses = view.vintages[0]!.chart.filter((p) => p.group === "Losses");
    expect(losses.length).toBeGreaterThan(0);
    for (const p of losses) expect([p.target, p.published > 0]).toEqual([p.target, true]);
  });
});

describe("formatting", () => {
  it("names a month", () => {
    expect(monthName("2016-09")).toBe("September 2016");
    expect(monthName("2017-06")).toBe("June 2017");
  });

  it("writes a parameter in its own unit: shares in per cent, money in pounds or £m, months by name", () => {
    const row = (id: string) => dataset.parameters.find((p) => p.id === id)!;
    expect(formatParameterValue(row("ffs.toleranceBand"), 0.05)).toBe("5%");
    expect(formatParameterValue(row("staff.loadedCostPerFte"), 3_600_000)).toBe("£36,000");
    expect(formatParameterValue(row("serviceCredits.grossAnnual"), 578_436_152)).toBe("£5.8m");
    expect(formatParameterValue(row("ict.paymentMonth"), 13)).toMatch(/^\d{4}-\d{2}$/);
    expect(formatParameterValue(row("redundancy.capWeeks"), 57.7495)).toBe("57.7");
  });
});
