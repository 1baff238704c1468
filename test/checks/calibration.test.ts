import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { diagnose, STRUCTURAL_NOTES } from "../../src/calibration/diagnostics.ts";
import { evaluateTargets, presetLedgers } from "../../src/calibration/evaluate.ts";
import { FREE_PARAMETERS, fitModel } from "../../src/calibration/fit.ts";
import { loadTargetsFromDisk } from "../../src/calibration/load-targets.ts";
import { formatCalibrationReport } from "../../src/calibration/report.ts";
import { withFittedValues } from "../../src/calibration/write-back.ts";
import { param } from "../../src/data/index.ts";
import { testDataset } from "../fixtures/test-dataset.ts";

const dataset = await testDataset();
const targets = await loadTargetsFromDisk(dataset);
const results = evaluateTargets(targets, presetLedgers(dataset));
const byId = new Map(results.map((r) => [r.target.id, r]));

/**
 * Targets the model does not meet. A new miss fails this test, and must be added here with its
 * explanation (src/calibration/diagnostics.ts) and the reason in CHANGELOG, never by widening a
 * tolerance silently. None since model version 0.3.0 (the jobs cut by mid 2016 were missed
 * while every CRC's cuts ran to June 2017; the staffing path now ends when each owner's did).
 */
const KNOWN_MISSES: string[] = [];

describe("calibration: the model against data/targets.csv (issue #20)", () => {
  it("prints the table", () => {
    console.log("\n" + formatCalibrationReport(results));
    expect(results.length).toBe(targets.length);
  });

  it("meets every target within its tolerance, except the listed misses", () => {
    expect(results.filter((r) => !r.within).map((r) => r.target.id)).toEqual(KNOWN_MISSES);
  });

  it("says what it would take for every miss: a diagnostic that meets it, or the structure", async () => {
    const fit = fitModel(dataset, targets);
    const overrides = Object.fromEntries(fit.values.map((v) => [v.id, Number(v.value)]));
    const missed = fit.results.filter((r) => !r.within);
    const diagnostics = diagnose(dataset, missed, overrides);
    for (const r of missed) {
      const met = diagnostics.some((d) => d.target === r.target.id && d.meetsAt !== null);
      expect(met || STRUCTURAL_NOTES[r.target.id] !== undefined, r.target.id).toBe(true);
    }
    // Every structural note names a target that exists (a note outlives its miss only by error).
    for (const id of Object.keys(STRUCTURAL_NOTES)) expect(byId.has(id), id).toBe(true);
    // A miss made on purpose (the £443m held to ±1%) gets its diagnostics in the report.
    const strict = fit.results
      .filter((r) => r.target.id === "losses.beforeVariation")
      .map((r) => ({
        ...r,
        within: false,
        target: { ...r.target, tolerance: { kind: "relative" as const, share: 0.01 } },
      }));
    const made = diagnose(dataset, strict, overrides);
    expect(made.some((d) => d.meetsAt !== null)).toBe(true);
    expect(formatCalibrationReport(strict, fit.values, made)).toContain(
      "What it would take (diagnostics, not fitted):",
    );
  }, 120_000);

  it("reproduces the loss figures the issue requires (the point of the model)", () => {
    // After the variation: a national loss from 2016-17 on, and losers' losses over £100m.
    expect(byId.get("losses.afterVariation")!.model).toBeLessThan(0);
    expect(byId.get("losses.totalAfterVariation")!.model).toBeGreaterThan(100_000_000_00);
    // 14 ± 2 loss-making CRCs; the £443m before the variation within ±25%.
    expect(Math.abs(byId.get("losses.crcsStillLosing")!.model - 14)).toBeLessThanOrEqual(2);
    const before = byId.get("losses.beforeVariation")!.model;
    expect(Math.abs(before + 443_000_000_00)).toBeLessThanOrEqual(0.25 * 443_000_000_00);
    // Working Links' three CRCs lose money before the variation.
    expect(byId.get("workingLinks.lossesToMarch2017")!.model).toBe(3);
  });

  it("fits no more free parameters than the targets they are fitted to", () => {
    const fitted = targets.filter((t) => t.role === "fitted");
    const named = new Set(fitted.flatMap((t) => t.fits));
    expect([...named].sort()).toEqual(FREE_PARAMETERS.map((p) => p.id).sort());
    expect(FREE_PARAMETERS.length).toBeLessThanOrEqual(fitted.length);
    for (const p of FREE_PARAMETERS) {
      const row = param(dataset, p.id);
      expect(row.status, p.id).toBe("fitted");
      expect(row.reason, p.id).toMatch(/Fitted by npm run calibrate/);
      const value = Number(row.defaultValue);
      expect(value).toBeGreaterThanOrEqual(Number(row.text.low));
      expect(value).toBeLessThanOrEqual(Number(row.text.high));
    }
  });

  it("keeps data/parameters.csv equal to what npm run calibrate writes (reproducible)", async () => {
    const text = await readFile("data/parameters.csv", "utf8");
    const fit = fitModel(dataset, targets);
    expect(withFittedValues(text, fit)).toBe(text);
  }, 120_000);
});
