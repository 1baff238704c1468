import type Decimal from "decimal.js";
import { Money, money, ZERO } from "./money.ts";

/** Inputs of the income-floor guarantee for one CRC in one month. */
export interface GuaranteeInputs {
  /** g: the floor as a share of the CRC's costs (0 = no guarantee). */
  readonly floorShareOfCost: Decimal.Value;
  /** The CRC's total cost in the month, in whole pence. */
  readonly costTotalPence: Decimal.Value;
  /**
   * The fee income the floor tops up, in whole pence: fee for service + variation + service
   * credits. PbR, ICT compensation and termination are left out: they are lumpy one-off cash,
   * and a floor on running fees should not swing with them (an assumption, MODEL.md §2 leaves it
   * open).
   */
  readonly feeIncomePence: Decimal.Value;
}

export const GUARANTEE_RULE = {
  id: "guarantee",
  section: 'MODEL.md "Income of a CRC in a month" §2 (guarantee)',
  equation: "max(0, round(g × cost_total) − (fee_for_service + variation + service_credits))",
} as const;

/**
 * MoJ tops the month's fee income up to the floor g × cost, a whole-pence amount; never
 * negative. The floor is rounded before the fee income (whole pence) is taken off, so income
 * under the floor is the floor itself whatever the fees were (rounding the difference instead
 * let a penny depend on the fees' parity).
 */
export function guaranteeTopUp(inputs: GuaranteeInputs): Money {
  const floor = money(inputs.floorShareOfCost)
    .times(inputs.costTotalPence)
    .toDecimalPlaces(0, Money.ROUND_HALF_EVEN);
  const gap = floor.minus(inputs.feeIncomePence);
  return gap.isPositive() && !gap.isZero() ? gap : ZERO;
}

/**
 * Float twin of the floor in `guaranteeTopUp`, g × cost, unrounded: the caller rounds it to the
 * penny (a product: its own size bounds its float error) before `guaranteeTopUpFloat`.
 */
export function guaranteeFloorFloat(floorShareOfCost: number, costTotalPence: number): number {
  return floorShareOfCost * costTotalPence;
}

/** Float twin of `guaranteeTopUp` from the floor rounded to whole pence: never negative. */
export function guaranteeTopUpFloat(floorPence: number, feeIncomePence: number): number {
  const gap = floorPence - feeIncomePence;
  return gap > 0 ? gap : 0;
}
