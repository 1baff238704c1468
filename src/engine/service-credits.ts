import type Decimal from "decimal.js";
import { Money, money, ONE } from "./money.ts";

/** Inputs of the service-credit rule for one CRC in one month. */
export interface ServiceCreditInputs {
  /** National gross service credits (fines for missed targets) a year, in pence, before waivers. */
  readonly grossAnnualPence: Decimal.Value;
  /** Share of the fines waived or "re-invested" (71%: NAO HC 676 via the Napo/UNISON/GMB summary). */
  readonly waivedShare: Decimal.Value;
  /** This CRC's weight in the national total: its bid price, in pence. */
  readonly crcWeight: Decimal.Value;
  /** The sum of all CRCs' weights (bid prices): the CRC's share is crcWeight / totalWeight. */
  readonly totalWeight: Decimal.Value;
  /** Extra fines from overwork, as a share of the gross (0 when the feedback is off). */
  readonly feedbackUplift: Decimal.Value;
}

export const SERVICE_CREDITS_RULE = {
  id: "service_credits",
  section: 'MODEL.md "Income of a CRC in a month" §4',
  equation: "−gross × (1 − waived) × (P / ΣP) × (1 + feedback) / 12",
} as const;

/** Net service credits in the month: a deduction from income, so zero or negative. */
export function serviceCredits(inputs: ServiceCreditInputs): Money {
  return money(inputs.grossAnnualPence)
    .times(ONE.minus(inputs.waivedShare))
    .times(inputs.crcWeight)
    .times(ONE.plus(inputs.feedbackUplift))
    .dividedBy(money(inputs.totalWeight).times(12))
    .negated();
}

/**
 * Float twin of `serviceCredits`, unrounded (the caller rounds the cell), in the same order:
 * −gross × (1 − waived) × P × (1 + feedback) / (ΣP × 12).
 */
export function serviceCreditsFloat(
  grossAnnualPence: number,
  waivedShare: number,
  crcWeight: number,
  totalWeight: number,
  feedbackUplift: number,
): number {
  return (
    (-grossAnnualPence * (1 - waivedShare) * crcWeight * (1 + feedbackUplift)) / (totalWeight * 12)
  );
}

/**
 * A bound on the size of the terms of `serviceCreditsFloat`, for its tie band: 1 − waived can
 * cancel (the gross's share before it is the bound, waived being a share), and the feedback's
 * terms are bounded by `feedbackFloatScale` (workload.ts). `crcShare` is crcWeight / totalWeight
 * (the same for every cell of a CRC: the caller works it out once).
 */
export function serviceCreditsFloatScale(
  grossAnnualPence: number,
  crcShare: number,
  feedbackScale: number,
): number {
  return Math.abs(grossAnnualPence) * crcShare * (1 + feedbackScale) * (1 / 12);
}
