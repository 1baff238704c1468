import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryInputsFromSpecs } from "../../test/fixtures/arbitrary-inputs.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { PRESETS } from "../scenario/presets.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { ExactCells } from "./exact-cells.ts";
import { MONTH_COUNT } from "./ledger.ts";
import {
  COHORTS_MAX,
  cohortCaseloadsFloat,
  cohortCaseloadsScratch,
  pbrCohortCellsFloat,
  type PbrCohortColumns,
} from "./pbr-cohort-cells.ts";
import { projectExact } from "./project-exact.ts";
import type { ProjectionInputs } from "./projection-inputs.ts";
import { FY_OF_MONTH } from "./timeline.ts";

const dataset = await testDataset();

/** Every CRC's PbR cells by month, made by the shared cohort functions (NaN settled exactly). */
function pbrCellsOf(inputs: ProjectionInputs): Float64Array {
  const col = (id: string) => inputs.values.get(id)!;
  const k: PbrCohortColumns = {
    end: col("termination.endDate"),
    fte14: col("staff.fteJune2014"),
    fte17: col("staff.fteJune2017"),
    cut: col("staff.cutScale"),
    cutsEnd: col("staff.cutsCompleteBy"),
    pbrFeedback: col("workload.feedback.pbrPtsPer10Pct"),
    rB: col("pbr.binaryReductionPts"),
    rF: col("pbr.frequencyReductionPct"),
    deduction: col("pbr.deductionThreshold"),
  };
  const s = {
    first: col("pbr.firstCohort")[0]!,
    lag: col("pbr.cashLagMonths")[0]!,
    norm: col("workload.caseloadPerFteNorm")[0]!,
    priceB: col("pbr.binaryPricePerPoint")[0]!,
    priceF: col("pbr.frequencyPricePerPoint")[0]!,
  };
  const n = inputs.crcs.length;
  const caseloads = cohortCaseloadsScratch();
  const cohorts = cohortCaseloadsFloat(
    s.first,
    s.lag,
    col("size.caseload2014"),
    col("caseload.growth"),
    n,
    caseloads,
  );
  const cells = new Float64Array(COHORTS_MAX);
  const out = new Float64Array(n * MONTH_COUNT);
  for (let c = 0; c < n; c++) {
    pbrCohortCellsFloat(k, s, c, cohorts, caseloads, cells);
    for (let j = 0, start = s.first; j < cohorts; j++, start += 3) {
      const cell = cells[j]!;
      out[c * MONTH_COUNT + start + s.lag] =
        cell === cell ? cell : new ExactCells(inputs).pbrPence(c, start, FY_OF_MONTH[start]!);
    }
  }
  return out;
}

describe("pbrCohortCellsFloat (issue #13: PbR cohorts written once for the float paths)", () => {
  it("gives the exact ledger's PbR cells on every preset", () => {
    for (const id of PRESETS.keys()) {
      const resolved = validateScenario(PRESETS.get(id), dataset);
      if (!resolved.ok) throw new Error(id);
      const { inputs } = resolved.value;
      expect([...pbrCellsOf(inputs)], id).toEqual([...projectExact(inputs).money.pbr]);
    }
  });

  it("law: gives the exact ledger's PbR cells on random inputs, feedback and early ends included", () => {
    fc.assert(
      fc.property(arbitraryInputsFromSpecs(dataset, { ends: true }), (inputs) => {
        expect([...pbrCellsOf(inputs)]).toEqual([...projectExact(inputs).money.pbr]);
      }),
      { numRuns: 60 },
    );
  });
});
