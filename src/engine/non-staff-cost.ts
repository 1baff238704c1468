import type Decimal from "decimal.js";
import { Money, money, ONE } from "./money.ts";

/** Inputs of the non-staff cost rule for one CRC in one month. */
export interface NonStaffCostInputs {
  /** Bid annual price P, in pence. */
  readonly annualPricePence: Decimal.Value;
  /** Expected margin m in the bid: cost at bid C = P / (1 + m) (assumed). */
  readonly bidMargin: Decimal.Value;
  /** Share f of the bid cost base that is fixed (77% reported by CRCs: NAO HC 676). */
  readonly costFixedShare: Decimal.Value;
  /** Share σ of the bid cost base that is staff (all staff cost counts as fixed). */
  readonly costStaffShare: Decimal.Value;
  /** Volume shortfall s in the month's financial year: volume-driven costs follow actual volume. */
  readonly shortfallShare: Decimal.Value;
}

export const NON_STAFF_COST_RULE = {
  id: "non_staff_cost",
  section: 'MODEL.md "Costs of a CRC in a month" (Non-staff, Cost at bid)',
  equation: "P / (1 + m) / 12 × ((f − σ) + (1 − f) × (1 − s))",
} as const;

/**
 * Non-staff costs: estates, ICT, corporate services (fixed: f − σ of the bid cost base) and
 * supply chain / interventions (volume-driven: 1 − f, scaled by actual volume 1 − s). Staff are
 * costed separately from FTE, and count as fixed, so the whole base is f fixed at bid volumes
 * (MODEL.md: "split into fixed and volume-driven parts so that the whole cost base is ~77% fixed").
 * Requires σ ≤ f (checked when the scenario is validated).
 */
export function nonStaffCost(inputs: NonStaffCostInputs): Money {
  const fixed = money(inputs.costFixedShare).minus(inputs.costStaffShare);
  const variable = ONE.minus(inputs.costFixedShare).times(ONE.minus(inputs.shortfallShare));
  // Multiply first, divide once: P × share / ((1 + m) × 12).
  return money(inputs.annualPricePence)
    .times(fixed.plus(variable))
    .dividedBy(ONE.plus(inputs.bidMargin).times(12));
}
