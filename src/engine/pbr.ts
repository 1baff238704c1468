import type Decimal from "decimal.js";
import { Money, money, ZERO } from "./money.ts";

/** Inputs of the payment-by-results rule for one CRC and one quarterly cohort. */
export interface PbrCohortInputs {
  /** National price of one percentage point of reduction in the binary reoffending rate, per cohort, in pence. */
  readonly binaryPricePerPointPence: Decimal.Value;
  /** National price of one per cent reduction in reoffences per reoffender, per cohort, in pence. */
  readonly frequencyPricePerPointPence: Decimal.Value;
  /** Reduction in the share who reoffend against the 2011 baseline, in percentage points (negative = worse). */
  readonly binaryReductionPts: Decimal.Value;
  /** Reduction in reoffences per reoffender against the 2011 baseline, in per cent (negative = worse). */
  readonly frequencyReductionPct: Decimal.Value;
  /**
   * A result worse than baseline by no more than this is not significant: no deduction. The same
   * number applies to both measures, each in its own unit (points, per cent): assumed.
   */
  readonly deductionThreshold: Decimal.Value;
  /**
   * This CRC's caseload in the cohort's first month. Its share of the national cohort is
   * crcCaseload / totalCaseload (cohorts are people starting supervision, so they follow the
   * caseload).
   */
  readonly crcCaseload: Decimal.Value;
  /** The national caseload in the cohort's first month. */
  readonly totalCaseload: Decimal.Value;
  /**
   * Points lost from both measures because of overwork (workload feedback; 0 when the feedback
   * is off, MODEL.md "Workload and quality").
   */
  readonly feedbackPenaltyPts: Decimal.Value;
}

export const PBR_RULE = {
  id: "pbr",
  section: 'MODEL.md "Income of a CRC in a month" §3',
  equation:
    "(caseload / national caseload) × (priceB × o(rB − f) + priceF × o(rF − f)), o(r) = r if r ≥ 0, 0 if −d ≤ r < 0, r + d if r < −d",
} as const;

/**
 * The paid outcome of one measure: improvements are paid in full; a result worse than baseline
 * is ignored while within the significance threshold d, and deducted beyond it (continuous at
 * −d). The threshold is an assumption: MoJ's Payment Mechanism Straw Man (May 2013) describes
 * deductions only for significantly worse results, without a published size.
 */
export function paidOutcome(reduction: Decimal.Value, threshold: Decimal.Value): Money {
  const r = money(reduction);
  if (!r.isNegative() || r.isZero()) return r;
  const d = money(threshold);
  return r.plus(d).isNegative() ? r.plus(d) : ZERO;
}

/**
 * Binary plus frequency payment for one cohort, exact, in pence. Negative when the deductions
 * outweigh the rewards. Cash timing (about two years after the cohort starts) is the caller's.
 */
export function pbrCohortPayment(inputs: PbrCohortInputs): Money {
  const penalty = money(inputs.feedbackPenaltyPts);
  const binary = paidOutcome(
    money(inputs.binaryReductionPts).minus(penalty),
    inputs.deductionThreshold,
  ).times(inputs.binaryPricePerPointPence);
  const frequency = paidOutcome(
    money(inputs.frequencyReductionPct).minus(penalty),
    inputs.deductionThreshold,
  ).times(inputs.frequencyPricePerPointPence);
  return binary.plus(frequency).times(inputs.crcCaseload).dividedBy(inputs.totalCaseload);
}

/** Float twin of `paidOutcome`. */
export function paidOutcomeFloat(reduction: number, threshold: number): number {
  const r = reduction;
  return r >= 0 ? r : r + threshold < 0 ? r + threshold : 0;
}

/**
 * Float twin of `pbrCohortPayment`, unrounded (the caller rounds the cell), in the same order:
 * the two measures' payments added, times the CRC's caseload, over the nation's.
 */
export function pbrCohortPaymentFloat(
  binaryPricePerPointPence: number,
  frequencyPricePerPointPence: number,
  binaryReductionPts: number,
  frequencyReductionPct: number,
  deductionThreshold: number,
  crcCaseload: number,
  totalCaseload: number,
  feedbackPenaltyPts: number,
): number {
  const d = deductionThreshold;
  const penalty = feedbackPenaltyPts;
  const pay =
    binaryPricePerPointPence * paidOutcomeFloat(binaryReductionPts - penalty, d) +
    frequencyPricePerPointPence * paidOutcomeFloat(frequencyReductionPct - penalty, d);
  return (pay * crcCaseload) / totalCaseload;
}

/**
 * A bound on the size of the terms of `pbrCohortPaymentFloat`, for its tie band: each measure's
 * reduction, threshold and penalty can cancel, and so can the two measures; `penaltyScale`
 * bounds the penalty's terms (`feedbackFloatScale`, workload.ts; 0 without feedback).
 */
export function pbrCohortPaymentFloatScale(
  binaryPricePerPointPence: number,
  frequencyPricePerPointPence: number,
  binaryReductionPts: number,
  frequencyReductionPct: number,
  deductionThreshold: number,
  crcCaseload: number,
  totalCaseload: number,
  penaltyScale: number,
): number {
  const d = Math.abs(deductionThreshold);
  const pay =
    Math.abs(binaryPricePerPointPence) * (Math.abs(binaryReductionPts) + d + penaltyScale) +
    Math.abs(frequencyPricePerPointPence) * (Math.abs(frequencyReductionPct) + d + penaltyScale);
  return (pay * crcCaseload) / totalCaseload;
}
