import type Decimal from "decimal.js";
import { discountedPrice, volumeFactor } from "./fee-for-service.ts";
import { money, ONE, type Money } from "./money.ts";

/** Inputs of the 2017 variation's fixed-share uplift for one CRC in one month. */
export interface VariationUpliftInputs {
  readonly annualPricePence: Decimal.Value;
  readonly shortfallShare: Decimal.Value;
  readonly toleranceBand: Decimal.Value;
  readonly upsideCap?: Decimal.Value;
  readonly learningCurveDiscount?: Decimal.Value;
  readonly discountYears?: number;
  /** φ, the fixed share as let. */
  readonly fixedShare: Decimal.Value;
  /** φ′, the fixed share recognised from the variation's start date. */
  readonly recognisedFixedShare: Decimal.Value;
  /** Scale of the variation: 1 = as agreed, 0 = the no-variation counterfactual. */
  readonly scale: Decimal.Value;
}

export const VARIATION_RULE = {
  id: "variation",
  section: 'MODEL.md "Income of a CRC in a month" §2',
  equation: "scale × (FfS(φ′) − FfS(φ)) = scale × P × (1 − d)^k / 12 × (φ′ − φ) × (1 − v(s))",
} as const;

/**
 * The extra fee a CRC receives in a month because MoJ recognises a larger fixed share φ′ from
 * 1 Aug 2017 (NAO HC 676 via Civil Service World, 19 Dec 2017): the difference between the fee
 * for service under φ′ and under φ, times the scenario's scale. It is positive whenever volume
 * is below the band; when volume exceeds the band a larger fixed share pays *less*, and the
 * formula says so (the sign is not clamped).
 */
export function variationUplift(inputs: VariationUpliftInputs): Money {
  // FfS(φ′) − FfS(φ) = P × (φ′ − φ) × (1 − v) / 12: the same difference, in fewer steps.
  const factor = volumeFactor(inputs.shortfallShare, inputs.toleranceBand, inputs.upsideCap);
  return discountedPrice(
    inputs.annualPricePence,
    inputs.learningCurveDiscount,
    inputs.discountYears,
  )
    .times(money(inputs.recognisedFixedShare).minus(inputs.fixedShare))
    .times(ONE.minus(factor))
    .times(inputs.scale)
    .dividedBy(12);
}

export const VARIATION_PAYMENT_RULE = {
  id: "variation_payment",
  section: 'MODEL.md "Income of a CRC in a month" §2',
  equation:
    "national payment for the year × scale, split across CRCs pro rata to bid price and across " +
    "the year's months before the variation start (largest remainder, whole pence)",
} as const;

/**
 * Float twin of `variationUplift`, unrounded (the caller rounds the cell), in the same order:
 * P × (1 − d)^k × (φ′ − φ) × (1 − v) × scale / 12, from the twins' discounted price and volume
 * factor.
 */
export function variationUpliftFloat(
  discountedPricePence: number,
  recognisedFixedShare: number,
  fixedShare: number,
  volumeFactor: number,
  scale: number,
): number {
  return (
    (discountedPricePence * (recognisedFixedShare - fixedShare) * (1 - volumeFactor) * scale) / 12
  );
}

/**
 * A bound on the size of the terms of `variationUpliftFloat`, for its tie band: φ′ − φ and
 * 1 − v can cancel, so their terms are bounded (φ′ + φ ≤ 2, |1 − v| + 1 ≤ 2.5) rather than
 * taken from the cell.
 */
export function variationUpliftFloatScale(discountedPricePence: number, scale: number): number {
  return discountedPricePence * (5 / 12) * Math.abs(scale);
}
