import type Decimal from "decimal.js";
import { Money } from "./money.ts";

export interface TerminationInputs {
  /** Months of fee paid as compensation for ending early (assumed; no published schedule). */
  readonly paymentMonths: Decimal.Value;
  /** The CRC's fee in the final month, in whole pence: fee for service + variation. */
  readonly finalMonthFeePence: Decimal.Value;
}

export const TERMINATION_RULE = {
  id: "termination",
  section: 'MODEL.md "Income of a CRC in a month" §4 and "Time" (early end)',
  equation: "payment months × (fee_for_service + variation) in the final month",
} as const;

/** The termination payment, made in the final month of an early-ended contract. */
export function terminationPayment(inputs: TerminationInputs): Money {
  return new Money(inputs.paymentMonths).times(inputs.finalMonthFeePence);
}
