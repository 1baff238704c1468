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
  /**
   * Transformation gap g: how far the cost base a CRC inherited from its probation trust(s)
   * exceeded the bid's cost base C, as a share of C. Omitted = 0 (the bid's costs from day one).
   */
  readonly transformationGap?: Decimal.Value;
  /** Share α of the gap the CRC's transformation closed once complete (0 = none, 1 = all). */
  readonly savingsAchieved?: Decimal.Value;
  /** Share r of the transformation done by this financial year (`transformationPhase`). */
  readonly transformationPhase?: Decimal.Value;
}

export const NON_STAFF_COST_RULE = {
  id: "non_staff_cost",
  section: 'MODEL.md "Costs of a CRC in a month" (Non-staff, Cost at bid; Revised December 2026)',
  equation: "P / (1 + m) / 12 × ((f − σ) + (1 − f) × (1 − s) + g × (1 − α × r))",
} as const;

/**
 * Share r of the planned transformation done by financial year `fyIndex` (0 = 2014-15): none in
 * Feb–Mar 2015, half in 2015-16, all from 2016-17. The bidders' transformation (new IT, estates,
 * back office) was financed "mainly in the first two years" (NAO, Transforming Rehabilitation,
 * HC 951, Apr 2016, Figure 5, as summarised by Russell Webster): a straight line over them.
 */
export function transformationPhase(fyIndex: number): number {
  return Math.min(1, Math.max(0, fyIndex / 2));
}

/**
 * Non-staff costs: estates, ICT, corporate services (fixed: f − σ of the bid cost base) and
 * supply chain / interventions (volume-driven: 1 − f, scaled by actual volume 1 − s). Staff are
 * costed separately from FTE, and count as fixed, so the whole base is f fixed at bid volumes
 * (MODEL.md: "split into fixed and volume-driven parts so that the whole cost base is ~77% fixed").
 *
 * On top, the part of the inherited cost base the bid planned to save and the CRC has not (yet)
 * saved: g × (1 − α × r) of C. A bid priced below MoJ's maximum assumed transformation savings
 * (MODEL.md "Revised December 2026": "the planned savings were only partly achieved"); until
 * they are made, and for the share never made, the CRC pays the trust's costs. It is fixed: it
 * does not follow volume. Requires σ ≤ f (checked when the scenario is validated).
 */
export function nonStaffCost(inputs: NonStaffCostInputs): Money {
  const fixed = money(inputs.costFixedShare).minus(inputs.costStaffShare);
  const variable = ONE.minus(inputs.costFixedShare).times(ONE.minus(inputs.shortfallShare));
  const unsaved =
    inputs.transformationGap === undefined
      ? money(0)
      : money(inputs.transformationGap).times(
          ONE.minus(money(inputs.savingsAchieved ?? 0).times(inputs.transformationPhase ?? 0)),
        );
  // Multiply first, divide once: P × share / ((1 + m) × 12).
  return money(inputs.annualPricePence)
    .times(fixed.plus(variable).plus(unsaved))
    .dividedBy(ONE.plus(inputs.bidMargin).times(12));
}

/** Float twin of `nonStaffCost` (same order of operations; the caller rounds the cell). */
export function nonStaffCostFloat(
  price: number,
  margin: number,
  costFixedShare: number,
  staffShare: number,
  shortfall: number,
  gap: number,
  achieved: number,
  phase: number,
): number {
  const f = costFixedShare;
  return (
    (price * (f - staffShare + (1 - f) * (1 - shortfall) + gap * (1 - achieved * phase))) /
    ((1 + margin) * 12)
  );
}

/**
 * A bound on the size of the terms of `nonStaffCostFloat`, for its tie band: the shares can
 * cancel (0.77 − 0.65), so each is bounded (f and σ at most 1 each, (1 − f)(1 − s) at most 1.5,
 * the gap's part at most 2 × gap) rather than taken from the cell.
 */
export function nonStaffCostFloatScale(price: number, margin: number, gap: number): number {
  return (price * (4 + 2 * Math.abs(gap))) / (Math.abs(1 + margin) * 12);
}
