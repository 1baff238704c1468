import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MONEY_LINES } from "../../src/engine/lines.ts";
import { projectExact } from "../../src/engine/project-exact.ts";
import { projectFloat } from "../../src/engine/project-float.ts";
import { PRESETS } from "../../src/scenario/presets.ts";
import { testDataset } from "../fixtures/test-dataset.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { arbitraryInputsFromSpecs } from "../fixtures/arbitrary-inputs.ts";

/**
 * The float path (issue #6) against the exact ledger, cell by cell: both round each rule's
 * result to whole pence at the same point, and a float cell that lands within its tie band of a
 * half-penny is settled on the exact path (exact-cells.ts), so no cell differs at all.
 */
const dataset = await testDataset();

describe("projectFloat", () => {
  it.each([...PRESETS.keys()])(
    "equals the exact ledger to the penny, every cell, on preset %s",
    (id) => {
      const result = validateScenario(PRESETS.get(id), dataset);
      if (!result.ok) throw new Error(id);
      const exact = projectExact(result.value.inputs);
      const float = projectFloat(result.value.inputs);
      for (const line of MONEY_LINES)
        expect([line, ...float.money[line]]).toEqual([line, ...exact.money[line]]);
      for (let i = 0; i < exact.fte.length; i++) {
        expect(Math.abs(float.fte[i]! - exact.fte[i]!)).toBeLessThan(1e-9);
        expect(Math.abs(float.caseload[i]! - exact.caseload[i]!)).toBeLessThan(1e-9);
      }
    },
  );

  it("equals the exact ledger to the penny, every cell, on random scenarios (law)", () => {
    // A cell whose float value lands within the tie band of a half-penny is settled on the
    // exact path (exact-cells.ts), so no cell differs, not even by the penny float64 error
    // could move across a half-penny (issue #15). The 21 CRCs, every parameter the engine reads
    // drawn (or not) within its data rows' min–max, by CRC and by year where its spec allows.
    fc.assert(
      fc.property(arbitraryInputsFromSpecs(dataset), (inputs) => {
        const exact = projectExact(inputs);
        const float = projectFloat(inputs);
        for (const line of MONEY_LINES)
          expect([line, ...float.money[line]]).toEqual([line, ...exact.money[line]]);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it("equals the exact ledger where a cell lands on or near a half-penny (issue #15)", () => {
    // A staff cost exactly on a half-penny whose exact path carries a 28th (£32,879.35), and a
    // fee for service 0.00002p below a half-penny (the-2017-variation, band 0.11, scale 1.5):
    // inside the float path's tie band, so both are settled on the exact path.
    for (const doc of [
      { schemaVersion: 1, parameters: { "staff.loadedCostPerFte": 32879.35 } },
      {
        schemaVersion: 1,
        extends: "the-2017-variation",
        parameters: { "ffs.toleranceBand": 0.11, "variation.scale": 1.5 },
      },
    ]) {
      const result = validateScenario(doc, dataset);
      if (!result.ok) throw new Error(JSON.stringify(doc));
      const exact = projectExact(result.value.inputs);
      const float = projectFloat(result.value.inputs);
      for (const line of MONEY_LINES)
        expect([line, ...float.money[line]]).toEqual([line, ...exact.money[line]]);
    }
  });

  it("reuses a ledger passed in, clearing it first (no allocation per Monte Carlo draw)", () => {
    const inputsOf = (id: string) => {
      const result = validateScenario(PRESETS.get(id), dataset);
      if (!result.ok) throw new Error(id);
      return result.value.inputs;
    };
    const into = projectFloat(inputsOf("contract-as-let"));
    // Each way round: a run that ends early over one that does not, and back again.
    for (const id of ["early-termination", "contract-as-let", "pbr-high", "early-termination"]) {
      const again = projectFloat(inputsOf(id), into);
      expect(again).toBe(into);
      const exact = projectExact(inputsOf(id));
      for (const line of MONEY_LINES)
        expect([id, line, ...again.money[line]]).toEqual([id, line, ...exact.money[line]]);
      expect([...again.fte]).toEqual([...projectFloat(inputsOf(id)).fte]);
      expect([...again.caseload]).toEqual([...projectFloat(inputsOf(id)).caseload]);
    }
  });
});
