import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryInputsFromSpecs } from "../../test/fixtures/arbitrary-inputs.ts";
import { PRESETS } from "../scenario/presets.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { ExactCells } from "./exact-cells.ts";
import { MONTH_COUNT } from "./ledger.ts";
import { projectExact } from "./project-exact.ts";
import { FY_COUNT, type ProjectionInputs } from "./projection-inputs.ts";
import { STAFF_PATH_START_INDEX } from "./staffing.ts";
import { FY_INDEX_BY_MONTH } from "./timeline.ts";

/**
 * Every cell ExactCells can settle equals the exact ledger's (the float path asks it for cells
 * on a half-penny, so it must be the ledger's own arithmetic, cell for cell).
 */
function expectLedgerCells(inputs: ProjectionInputs) {
  const ledger = projectExact(inputs);
  const cells = new ExactCells(inputs);
  const L = ledger.money;
  const col = (id: string, c: number, y = 0) => inputs.values.get(id)![c * FY_COUNT + y]!;
  const first = col("pbr.firstCohort", 0);
  const lag = col("pbr.cashLagMonths", 0);
  for (let c = 0; c < inputs.crcs.length; c++) {
    const base = c * MONTH_COUNT;
    const end = col("termination.endDate", c);
    const varStart = col("variation.start", c);
    const cutsEnd = col("staff.cutsCompleteBy", c);
    for (let m = 0; m <= end; m++) {
      const y = FY_INDEX_BY_MONTH[m]!;
      const at = `${inputs.crcs[c]!.id} month ${m}`;
      expect([at, cells.staffPence(c, m)]).toEqual([at, L.staff_cost[base + m]]);
      if (m > STAFF_PATH_START_INDEX && m <= cutsEnd && L.redundancy_cost[base + m])
        expect([at, cells.redundancyPence(c, m)]).toEqual([at, L.redundancy_cost[base + m]]);
      expect([at, cells.feeForServicePence(c, y)]).toEqual([at, L.fee_for_service[base + m]]);
      expect([at, cells.nonStaffPence(c, y)]).toEqual([at, L.non_staff_cost[base + m]]);
      const credits =
        col("workload.feedback.serviceCreditsPer10Pct", c, y) === 0
          ? cells.serviceCreditsPence(c, y)
          : cells.serviceCreditsFeedbackPence(c, m, y);
      expect([at, credits]).toEqual([at, L.service_credits[base + m]]);
      // From its start the variation's cell is the uplift alone (payments come before it).
      if (m >= varStart) expect([at, cells.upliftPence(c, y)]).toEqual([at, L.variation[base + m]]);
      const g = col("guarantee.floorShareOfCost", c, y);
      if (g !== 0) {
        const fee =
          L.fee_for_service[base + m]! + L.variation[base + m]! + L.service_credits[base + m]!;
        const floor = cells.guaranteeFloorPence(c, y, L.cost_total[base + m]!);
        expect([at, Math.max(0, floor - fee)]).toEqual([at, L.guarantee[base + m]]);
      }
    }
    if (end < MONTH_COUNT - 1) expect(cells.terminationPence(c)).toBe(L.termination[base + end]);
    for (let start = first; start + lag < MONTH_COUNT; start += 3)
      if (start + lag <= end)
        expect(cells.pbrPence(c, start, FY_INDEX_BY_MONTH[start]!)).toBe(L.pbr[base + start + lag]);
  }
}

describe("ExactCells", () => {
  it.each([...PRESETS.keys()])("gives the exact ledger's cells on preset %s", async (id) => {
    const result = validateScenario(PRESETS.get(id), await testDataset());
    if (!result.ok) throw new Error(id);
    expectLedgerCells(result.value.inputs);
  });

  it("gives the exact ledger's cells on random scenarios, every lever (law)", async () => {
    const inputs = arbitraryInputsFromSpecs(await testDataset());
    fc.assert(fc.property(inputs, expectLedgerCells), { numRuns: 30 });
  });

  it("settles the staff cost that lands on a half-penny as the ledger does (issue #15)", async () => {
    // £32,879.35 a year, Hampshire & IoW: FTE 249 → 216 over 28 months (cuts complete by June
    // 2017), so in Oct 2016 (month 20) FTE is 6312/28 and the staff cost 6312 × 3287935 / 336 =
    // 61,766,207.5 pence exactly.
    const result = validateScenario(
      {
        schemaVersion: 1,
        parameters: { "staff.loadedCostPerFte": 32879.35, "staff.cutsCompleteBy": "2017-06" },
      },
      await testDataset(),
    );
    if (!result.ok) throw new Error("scenario");
    const c = result.value.inputs.crcs.findIndex((x) => x.id === "hampshire-iow");
    const ledger = projectExact(result.value.inputs);
    // the ledger's 40-digit FTE is a hair below 6312/28: the cell rounds down, not to even
    expect(ledger.money.staff_cost[c * MONTH_COUNT + 20]).toBe(61766207);
    expect(new ExactCells(result.value.inputs).staffPence(c, 20)).toBe(61766207);
  });
});
