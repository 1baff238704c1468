import type Decimal from "decimal.js";
import { Money, money } from "./money.ts";

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
