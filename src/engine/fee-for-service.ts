import type Decimal from "decimal.js";
import { learningCurveIndex, learningCurveIndexFloat } from "./learning-curve.ts";
import { Money, money, ONE } from "./money.ts";

/** Inputs of the fee-for-service rule for one CRC in one month (MODEL.md "Income" §1). */
export interface FeeForServiceInputs {
  /** Bid annual price P, in pence. */
  readonly annualPricePence: Decimal.Value;
  /** Volume shortfall s against the predicted weighted volume (0.2 = 20% fewer; negative = more work). */
  readonly shortfallShare: Decimal.Value;
  /** Share φ of P paid whatever the volume (0.2 as let: NAO HC 676). */
  readonly fixedShare: Decimal.Value;
  /** Tolerance band τ: within ±τ of the predicted volume the full price is paid (assumed). */
  readonly toleranceBand: Decimal.Value;
  /**
   * Cap on the upside: the volume factor never exceeds 1 + upsideCap (assumed; the real cap was
   * never published). Omitted = no cap.
   */
  readonly upsideCap?: Decimal.Value;
  /** Annual learning-curve discount d on the price (learning-curve.ts). Omitted = none. */
  readonly learningCurveDiscount?: Decimal.Value;
  /** Times the discount has applied this financial year (`learningCurveYears`). */
  readonly discountYears?: number;
}

/** The price after the learning-curve discount: P × (1 − d)^k, in pence (exact). */
export function discountedPrice(
  annualPricePence: Decimal.Value,
  learningCurveDiscount: Decimal.Value | undefined,
  discountYears: number | undefined,
): Money {
  const price = money(annualPricePence);
  if (learningCurveDiscount === undefined || !discountYears) return price;
  return price.times(learningCurveIndex(learningCurveDiscount, discountYears));
}

/** Rule metadata, for "explain this number" (issue #8). */
export const FEE_FOR_SERVICE_RULE = {
  id: "fee_for_service",
  section: 'MODEL.md "Income of a CRC in a month" §1',
  equation:
    "P × (1 − d)^k / 12 × (φ + (1 − φ) × v(s)), v(s) = 1 inside ±τ, else 1 − (s ∓ τ), v ≤ 1 + cap",
} as const;

/**
 * The volume factor applied to the variable share of the price.
 *
 * Inside the band (|s| ≤ τ) the full price is paid. Outside it, the variable share is paid
 * pro rata to the volume beyond the band (the band acts as a deductible), so payment is
 * continuous in s. This continuity is an assumption: the real payment schedules were never
 * published (MODEL.md "Income" §1). Above the band the factor is capped at 1 + upsideCap.
 */
export function volumeFactor(
  shortfallShare: Decimal.Value,
  toleranceBand: Decimal.Value,
  upsideCap?: Decimal.Value,
): Money {
  const s = money(shortfallShare);
  const tau = money(toleranceBand);
  if (s.abs().lessThanOrEqualTo(tau)) return ONE;
  // s > τ: fewer volumes → 1 − (s − τ); s < −τ: more volumes → 1 + (|s| − τ).
  if (s.greaterThan(0)) return ONE.minus(s.minus(tau));
  const up = ONE.plus(s.abs().minus(tau));
  if (upsideCap === undefined) return up;
  return Money.min(up, ONE.plus(upsideCap));
}

/**
 * Monthly fee for service, exact (unrounded), in pence: P × (1 − d)^k / 12 × (φ + (1 − φ) ×
 * volumeFactor), the price discounted by the learning curve (learning-curve.ts).
 * Payments are monthly in arrears (MoJ Straw Man, May 2013); the annual reconciliation is folded
 * into the month so that each month carries its share of the year's settled fee.
 */
export function feeForService(inputs: FeeForServiceInputs): Money {
  const phi = money(inputs.fixedShare);
  const factor = volumeFactor(inputs.shortfallShare, inputs.toleranceBand, inputs.upsideCap);
  const variable = ONE.minus(phi).times(factor);
  // Multiply first, divide by 12 last: one inexact step, so the cell is rounded only once.
  return discountedPrice(
    inputs.annualPricePence,
    inputs.learningCurveDiscount,
    inputs.discountYears,
  )
    .times(phi.plus(variable))
    .dividedBy(12);
}

/** Float twin of `discountedPrice`: P × (1 − d)^k, the index by repeated multiplication. */
export function discountedPriceFloat(
  annualPricePence: number,
  learningCurveDiscount: number,
  discountYears: number,
): number {
  return annualPricePence * learningCurveIndexFloat(learningCurveDiscount, discountYears);
}

/** Float twin of `volumeFactor` (the same branches; `upsideCap` is always given here). */
export function volumeFactorFloat(
  shortfallShare: number,
  toleranceBand: number,
  upsideCap: number,
): number {
  const s = shortfallShare;
  const tau = toleranceBand;
  if (Math.abs(s) <= tau) return 1;
  return s > 0 ? 1 - (s - tau) : Math.min(1 - s - tau, 1 + upsideCap);
}

/**
 * Float twin of `feeForService`, unrounded (the caller rounds the cell): the discounted price
 * and the volume factor as their twins make them, multiplied first and divided by 12 last.
 * Every term is positive, so the cell's own size bounds its float error (`roundCellUnlessTie`
 * with the cell as its scale).
 */
export function feeForServiceFloat(
  discountedPricePence: number,
  fixedShare: number,
  volumeFactor: number,
): number {
  const phi = fixedShare;
  return (discountedPricePence * (phi + (1 - phi) * volumeFactor)) / 12;
}
