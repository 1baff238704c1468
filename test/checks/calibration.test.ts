import { describe, expect, it } from "vitest";
import { param } from "../../src/data/index.ts";
import { calibrationTable, formatCalibrationTable } from "../../src/scenario/calibration.ts";
import { calibrationDiagnostics } from "../../src/scenario/calibration-diagnostics.ts";
import { fitPbrPrices, fitVariationFixedShare } from "../../src/scenario/calibration-fit.ts";
import { testDataset } from "../../src/scenario/test-dataset.ts";

const dataset = await testDataset();
const rows = calibrationTable(dataset);

/**
 * Targets the model does not meet, each explained in the table (src/scenario/calibration.ts,
 * `whyNot`). Listed here so that a new miss fails the test, and so does a listed gap that
 * closes (the list must say what is true).
 */
const KNOWN_GAPS = [
  "contract.valueAfterVolumeFall",
  "contract.valueAfterVariation",
  "losses.forecastBeforeVariation",
  "losses.crcsStillLosing",
  "losses.totalAfterVariation",
  "losses.perCrcMax",
];

describe("calibration (MODEL.md targets: model vs published, with the gap)", () => {
  it("prints the table", () => {
    console.log("\n" + formatCalibrationTable(rows, calibrationDiagnostics(dataset)));
    expect(rows.length).toBe(12);
  });

  it("meets every target within its tolerance, except the explained gaps", () => {
    const misses = rows.filter((r) => !r.within).map((r) => r.figureId);
    expect(misses).toEqual(KNOWN_GAPS);
    for (const r of rows.filter((r) => !r.within)) expect(r.whyNot?.length).toBeGreaterThan(50);
  });

  it("keeps the fitted defaults in data/parameters.csv equal to a fresh fit (reproducible)", () => {
    expect(String(param(dataset, "variation.fixedShare").defaultValue)).toBe(
      fitVariationFixedShare(dataset).value,
    );
    for (const fit of fitPbrPrices(dataset)) {
      expect(String(param(dataset, fit.id).defaultValue)).toBe(fit.value);
    }
  });
});
