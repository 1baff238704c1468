import { flowsIn, onStaffPath, staffFallsIn } from "./applicability.ts";
import { MONTH_COUNT } from "./ledger.ts";
import { type Money, ONE, toPence } from "./money.ts";
import { payIndex } from "./pay-index.ts";
import { FY_COUNT, type Params } from "./projection-inputs.ts";
import { redundancyCost } from "./redundancy.ts";
import { fteInputs, payAwards, redundancyInputs, staffCostInputs } from "./rule-inputs.ts";
import { staffCost } from "./staff-cost.ts";
import { fteAt, fteReductionAt, STAFF_PATH_START_INDEX } from "./staffing.ts";
import { FY_INDEX_BY_MONTH } from "./timeline.ts";

/**
 * Every parameter a CRC's staffing lines read: the FTE path (fteInputs), staff cost
 * (staffCostInputs, payAwards), redundancy (redundancyInputs), and the end date that cuts them
 * (termination.endDate). A test checks the rule-input builders read nothing else.
 */
export const STAFF_BLOCK_PARAMS = [
  "staff.fteJune2014",
  "staff.fteJune2017",
  "staff.cutScale",
  "staff.cutsCompleteBy",
  "staff.payAward",
  "staff.loadedCostPerFte",
  "staff.onCostRate",
  "redundancy.shareOfReduction",
  "redundancy.weeksPerYear",
  "redundancy.capWeeks",
  "redundancy.avgServiceYears",
  "redundancy.modernisationFundShare",
  "termination.endDate",
] as const;

/** A CRC's staffing, month by month: FTE (exact, for workload), staff and redundancy cost (pence). */
export interface StaffBlock {
  readonly fte: readonly Money[];
  /** FTE as a number for the ledger's FTE row, up to the end date (0 after). */
  readonly fteNumber: Float64Array;
  readonly staffPence: Float64Array;
  readonly redundancyPence: Float64Array;
}

/**
 * The staffing lines of CRC `c` (MODEL.md "Staffing", "Staff cost", "Redundancy"): FTE on the
 * straight-line path from June 2014 to June 2017 (reached when the CRC's cuts are complete), staff cost on it at the year's pay index, and
 * redundancy on each month's fall in FTE. A cell whose rule inputs equal last month's (same FTE,
 * same year) copies last month's pence instead of recomputing the same number.
 */
export function staffBlock(p: Params, c: number): StaffBlock {
  const end = p.num("termination.endDate", c);
  const cutsEnd = p.num("staff.cutsCompleteBy", c);
  const fte: Money[] = [];
  for (let m = 0; m < MONTH_COUNT; m++) {
    fte.push(onStaffPath(m, cutsEnd) ? fteAt(fteInputs(p, c, m).values) : fte[m - 1]!);
  }
  // payIndex compounds year by year; extend the previous year's index rather than redo it.
  const awards = payAwards(p, c);
  const payIdxY: Money[] = [];
  for (let y = 0; y < FY_COUNT; y++) {
    const award = awards[y]!;
    payIdxY.push(
      y === 0
        ? payIndex(awards, 0)
        : award.isZero()
          ? payIdxY[y - 1]!
          : payIdxY[y - 1]!.times(ONE.plus(award)),
    );
  }
  const fteNumber = new Float64Array(MONTH_COUNT);
  const staffPence = new Float64Array(MONTH_COUNT);
  const redundancyPence = new Float64Array(MONTH_COUNT);
  // fteReductionAt is by definition the same in every month of the ramp (staffing.ts): read it
  // once, and recompute the redundancy only when the pay index changes with the year.
  const reduction = fteReductionAt(fteInputs(p, c, STAFF_PATH_START_INDEX + 1).values);
  let staff = 0;
  let redundancy = 0;
  let lastReductionYear = -1;
  let fteNow = 0;
  for (let m = 0; flowsIn(m, end); m++) {
    const y = FY_INDEX_BY_MONTH[m]!;
    const newYear = m === 0 || FY_INDEX_BY_MONTH[m - 1] !== y;
    const fteChanged = onStaffPath(m, cutsEnd);
    if (fteChanged || newYear) {
      staff = toPence(staffCost(staffCostInputs(p, c, fte[m]!, payIdxY[y]!).values));
    }
    staffPence[m] = staff;
    if (!reduction.isZero() && staffFallsIn(m, cutsEnd)) {
      if (newYear || lastReductionYear < 0) {
        redundancy = toPence(redundancyCost(redundancyInputs(p, c, reduction, payIdxY[y]!).values));
        lastReductionYear = y;
      }
      redundancyPence[m] = redundancy;
    }
    if (fteChanged) fteNow = fte[m]!.toNumber();
    fteNumber[m] = fteNow;
  }
  return { fte, fteNumber, staffPence, redundancyPence };
}

/**
 * `staffBlock`, remembering each CRC's last block with the values it was computed from. A
 * block is a pure function of those values, so an equal set gives the remembered block: on an
 * Explorer move that does not touch staffing (most levers), a third of an exact projection is
 * skipped (issue #5). Keyed by the CRC's id only to pick a slot; the values decide a reuse.
 */
export function createStaffBlockMemo(): (p: Params, c: number) => StaffBlock {
  const slots = new Map<string, { key: Float64Array; block: StaffBlock }>();
  const size = STAFF_BLOCK_PARAMS.length * FY_COUNT;
  return (p, c) => {
    // The CRC's values of every listed parameter, all years: one slice of each column.
    const key = new Float64Array(size);
    STAFF_BLOCK_PARAMS.forEach((id, i) => {
      const column = p.inputs.values.get(id);
      if (column === undefined) throw new Error(`projection inputs lack parameter ${id}`);
      key.set(column.subarray(c * FY_COUNT, (c + 1) * FY_COUNT), i * FY_COUNT);
    });
    const id = p.inputs.crcs[c]!.id;
    const slot = slots.get(id);
    if (slot !== undefined && sameValues(slot.key, key)) return slot.block;
    const block = staffBlock(p, c);
    slots.set(id, { key, block });
    return block;
  };
}

/** Equal as numbers, −0 apart from 0 (Object.is): decimal.js keeps the sign of zero. */
function sameValues(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
