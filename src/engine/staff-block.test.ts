import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixtureInputs } from "../../test/fixtures/fixture-inputs.ts";
import { FY_COUNT, Params, type ProjectionInputs } from "./projection-inputs.ts";
import { projectExact } from "./project-exact.ts";
import { createStaffBlockMemo, STAFF_BLOCK_PARAMS, staffBlock } from "./staff-block.ts";
import { arbitraryInputsFromSpecs, DRAWN_IDS } from "../../test/fixtures/arbitrary-inputs.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { checkResolvedInputs } from "../scenario/check-resolved-inputs.ts";

const arbitraryInputs = arbitraryInputsFromSpecs(await testDataset());

/** Params that records every parameter id a computation reads. */
class RecordingParams extends Params {
  readonly read = new Set<string>();
  override num(id: string, crc: number, fy = 0): number {
    this.read.add(id);
    return super.num(id, crc, fy);
  }
  override dec(id: string, crc: number, fy = 0) {
    this.read.add(id);
    return super.dec(id, crc, fy);
  }
}

/** Inputs with one value of one parameter changed (CRC c, year y). */
function changed(inputs: ProjectionInputs, id: string, c: number, y: number): ProjectionInputs {
  const values = new Map(inputs.values);
  const column = Float64Array.from(values.get(id)!);
  const k = c * FY_COUNT + y;
  // Months and whole numbers by a whole step; an end date earlier, so it stays in the contract.
  column[k] =
    id === "termination.endDate"
      ? column[k]! - 3
      : column[k]! + (Number.isInteger(column[k]) ? 1 : 0.01);
  values.set(id, column);
  return { ...inputs, values };
}

describe("staffBlock", () => {
  it("reads no parameter outside STAFF_BLOCK_PARAMS (what its memo compares)", () => {
    const inputs = fixtureInputs({ "staff.payAward": 0.01 });
    for (let c = 0; c < inputs.crcs.length; c++) {
      const p = new RecordingParams(inputs);
      staffBlock(p, c);
      expect(
        [...p.read].filter((id) => !(STAFF_BLOCK_PARAMS as readonly string[]).includes(id)),
      ).toEqual([]);
    }
  });
});

describe("createStaffBlockMemo", () => {
  it("gives the remembered block for equal values and a new one when any listed value changes", () => {
    const memo = createStaffBlockMemo();
    const inputs = fixtureInputs({ "staff.payAward": 0.01, "termination.endDate": 70 });
    const first = memo(new Params(inputs), 1);
    expect(
      memo(new Params(fixtureInputs({ "staff.payAward": 0.01, "termination.endDate": 70 })), 1),
    ).toBe(first);
    for (const id of STAFF_BLOCK_PARAMS) {
      for (const y of [0, FY_COUNT - 1]) {
        const other = changed(inputs, id, 1, y);
        const block = memo(new Params(other), 1);
        expect(block).toEqual(staffBlock(new Params(other), 1));
        // Back to the first values: recomputed (one slot per CRC), and equal to the first block.
        expect(memo(new Params(inputs), 1)).toEqual(first);
      }
    }
  });

  it("never changes a projection: its staffing rows are a fresh block's, whatever ran before (law)", () => {
    // b is another scenario, or a with one value of any parameter changed (the case a memo
    // could miss; drawn from every parameter, not from the list under test).
    const pair = fc.oneof(
      fc.tuple(arbitraryInputs, arbitraryInputs),
      fc
        .tuple(
          arbitraryInputs,
          fc.constantFrom(...DRAWN_IDS),
          fc.integer({ min: 0, max: 20 }),
          fc.integer({ min: 0, max: FY_COUNT - 1 }),
        )
        .map(([a, id, c, y]) => [a, changed(a, id, c, y)] as const)
        // one value moved can break a rule across parameters (staffing to 0 FTE)
        .filter(([, b]) => checkResolvedInputs(b, () => undefined).length === 0),
    );
    fc.assert(
      fc.property(pair, ([a, b]) => {
        projectExact(a);
        const ledger = projectExact(b);
        for (let c = 0; c < b.crcs.length; c++) {
          const fresh = staffBlock(new Params(b), c);
          const row = (values: ArrayLike<number>) => Array.from(values).slice(c * 86, (c + 1) * 86);
          expect(row(ledger.money.staff_cost)).toEqual(Array.from(fresh.staffPence));
          expect(row(ledger.money.redundancy_cost)).toEqual(Array.from(fresh.redundancyPence));
          expect(row(ledger.fte)).toEqual(Array.from(fresh.fteNumber));
        }
      }),
      // 21 CRCs, two exact projections a run
      { numRuns: 30 },
    );
  }, 120_000);
});
