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
