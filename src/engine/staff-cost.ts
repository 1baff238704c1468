import type Decimal from "decimal.js";
import { Money, money } from "./money.ts";
import { STAFF_PATH_START_INDEX } from "./staffing.ts";

/** Inputs of the staff-cost rule for one CRC in one month. */
export interface StaffCostInputs {
  readonly fte: Decimal.Value;
  /** Pay plus employer on-costs per FTE a year, in pence, at 2014-15 prices. */
  readonly loadedCostPerFtePence: Decimal.Value;
  /** Cumulative pay awards since 2014-15 (see payIndex). */
  readonly payIndex: Decimal.Value;
}

export const STAFF_COST_RULE = {
  id: "staff_cost",
  section: 'MODEL.md "Costs of a CRC in a month" (Staff)',
  equation: "FTE × loaded cost per FTE × pay index / 12",
} as const;

export function staffCost(inputs: StaffCostInputs): Money {
  return money(inputs.fte).times(inputs.loadedCostPerFtePence).times(inputs.payIndex).dividedBy(12);
}

/** Float twin of `staffCost`, unrounded (the caller rounds the cell): FTE × loaded × pay / 12. */
export function staffCostFloat(
  fte: number,
  loadedCostPerFtePence: number,
  payIndex: number,
): number {
  return (fte * loadedCostPerFtePence * payIndex) / 12;
}

/**
 * A bound on the size of the terms of `staffCostFloat`, for its tie band: FTE on its path can
 * cancel (a cut to near 0 FTE), so its terms' size (`fteFloatScale`, staffing.ts) stands for it.
 */
export function staffCostFloatScale(
  fteScale: number,
  loadedCostPerFtePence: number,
  payIndex: number,
): number {
  return ((fteScale * loadedCostPerFtePence) / 12) * payIndex;
}

/**
 * `staffCostFloat` on a CRC's FTE path, in the path's own terms: at path month k (`staffPathMonth`,
 * staffing.ts) and pay index p, (base + k × perMonth) × p, where base is the cost of FTE14 and
 * perMonth the cost of one month's change in FTE, both at pay index 1 (`staffPathBaseFloat`,
 * `staffPathPerMonthFloat`: worked out once a CRC). The same value as
 * `staffCostFloat(fteAtFloat(…), …)` to within a few ulps of `staffCostFloatScale`, far inside
 * the tie band (the law in float-twins.test.ts), with no division a month or a year, where that
 * takes two a month: a Monte Carlo draw has 21 CRCs' paths of up to 29 months (bench/NOTES.md).
 */
export function staffPathCostFloat(
  base: number,
  perMonth: number,
  pathMonth: number,
  payIndex: number,
): number {
  return (base + pathMonth * perMonth) * payIndex;
}

/** The staff cost of the path's start, FTE14, at pay index 1 (`staffPathCostFloat`). */
export function staffPathBaseFloat(fteJune2014: number, loadedCostPerFtePence: number): number {
  return staffCostFloat(fteJune2014, loadedCostPerFtePence, 1);
}

/** The staff cost of one month's change in FTE on the path, at pay index 1 (`staffPathCostFloat`). */
export function staffPathPerMonthFloat(
  fteJune2014: number,
  fteJune2017: number,
  cutScale: number,
  cutsCompleteBy: number,
  loadedCostPerFtePence: number,
): number {
  const change =
    ((fteJune2017 - fteJune2014) * cutScale) / (cutsCompleteBy - STAFF_PATH_START_INDEX);
  return staffCostFloat(change, loadedCostPerFtePence, 1);
}
