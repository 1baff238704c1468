import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MONEY_LINES, INCOME_LINES, COST_LINES } from "../../src/engine/lines.ts";
import { projectExact } from "../../src/engine/project-exact.ts";
import { projectFloat } from "../../src/engine/project-float.ts";
import { PRESETS } from "../../src/scenario/presets.ts";
import { testDataset } from "../../src/scenario/test-dataset.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { arbitraryInputs } from "./arbitrary-inputs.ts";

/**
 * The float path (issue #6) against the exact ledger. Agreement is defined cell by cell: both
 * round each rule's result half-even to whole pence, so a cell can differ only if float64's
 * error moves an exact value across a half-penny; then by 1 penny, and a total by at most the
 * number of lines it sums. On every preset no cell differs at all.
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

  it("stays within a penny per rule cell of the exact ledger on random scenarios (law)", () => {
    fc.assert(
      fc.property(arbitraryInputs, (inputs) => {
        const exact = projectExact(inputs);
        const float = projectFloat(inputs);
        for (const line of MONEY_LINES) {
          const bound =
            line === "income_total"
              ? INCOME_LINES.length
              : line === "cost_total"
                ? COST_LINES.length
                : line === "profit"
                  ? INCOME_LINES.length + COST_LINES.length
                  : 1;
          for (let i = 0; i < exact.money[line].length; i++) {
            expect(Math.abs(float.money[line][i]! - exact.money[line][i]!)).toBeLessThanOrEqual(
              bound,
            );
          }
        }
      }),
      { numRuns: 50 },
    );
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
