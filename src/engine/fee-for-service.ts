import { Money } from "./money.ts";

/** Inputs of the fee-for-service rule for one CRC in one month (MODEL.md "Income" §1). */
export interface FeeForServiceInputs {
  /** Bid annual price P, in pence. */
  readonly annualPricePence: number;
  /** Volume shortfall s against the predicted weighted volume (0.2 = 20% fewer; negative = more work). */
  readonly shortfallShare: number;
  /** Share φ of P paid whatever the volume (0.2 as let: NAO HC 676). */
  readonly fixedShare: number;
  /** Tolerance band τ: within ±τ of the predicted volume the full price is paid (assumed). */
  readonly toleranceBand: number;
}

/**
 * The volume factor applied to the variable share of the price.
 *
 * Inside the band (|s| ≤ τ) the full price is paid. Outside it, the variable share is paid
 * pro rata to the volume beyond the band (the band acts as a deductible), so payment is
 * continuous in s. This continuity is an assumption: the real payment schedules were never
 * published (MODEL.md "Income" §1).
 */
export function volumeFactor(
  shortfallShare: number,
  toleranceBand: number,
): InstanceType<typeof Money> {
  const s = new Money(shortfallShare);
  const tau = new Money(toleranceBand);
  if (s.abs().lessThanOrEqualTo(tau)) return new Money(1);
  // s > τ: fewer volumes → 1 − (s − τ); s < −τ: more volumes → 1 + (|s| − τ).
  return s.greaterThan(0)
    ? new Money(1).minus(s.minus(tau))
    : new Money(1).plus(s.abs().minus(tau));
}

/**
 * Monthly fee for service, exact (unrounded), in pence: P/12 × (φ + (1 − φ) × volumeFactor).
 * Payments are monthly in arrears (MoJ Straw Man, May 2013); the annual reconciliation is folded
 * into the month so that each month carries its share of the year's settled fee.
 */
export function feeForService(inputs: FeeForServiceInputs): InstanceType<typeof Money> {
  const phi = new Money(inputs.fixedShare);
  const variable = new Money(1)
    .minus(phi)
    .times(volumeFactor(inputs.shortfallShare, inputs.toleranceBand));
  return new Money(inputs.annualPricePence).dividedBy(12).times(phi.plus(variable));
}
