import type Decimal from "decimal.js";
import { Money } from "./money.ts";

/** Inputs of the service-credit rule for one CRC in one month. */
export interface ServiceCreditInputs {
  /** National gross service credits (fines for missed targets) a year, in pence, before waivers. */
  readonly grossAnnualPence: Decimal.Value;
  /** Share of the fines waived or "re-invested" (71%: NAO HC 676 via the Napo/UNISON/GMB summary). */
  readonly waivedShare: Decimal.Value;
  /** This CRC's share of the national total: its bid price over the sum of bid prices. */
  readonly crcShare: Decimal.Value;
  /** Extra fines from overwork, as a share of the gross (0 when the feedback is off). */
  readonly feedbackUplift: Decimal.Value;
}

export const SERVICE_CREDITS_RULE = {
  id: "service_credits",
  section: 'MODEL.md "Income of a CRC in a month" §4',
  equation: "−gross / 12 × (1 − waived) × share × (1 + feedback)",
} as const;

/** Net service credits in the month: a deduction from income, so zero or negative. */
export function serviceCredits(inputs: ServiceCreditInputs): Money {
  return new Money(inputs.grossAnnualPence)
    .dividedBy(12)
    .times(new Money(1).minus(inputs.waivedShare))
    .times(inputs.crcShare)
    .times(new Money(1).plus(inputs.feedbackUplift))
    .negated();
}
