import type Decimal from "decimal.js";
import { Money, money } from "./money.ts";

export interface TerminationInputs {
  /** Months of annual price paid as compensation for ending early (termination.paymentMonths, assumed). */
  readonly paymentMonths: Decimal.Value;
  /** Bid annual price P, in pence. */
  readonly annualPricePence: Decimal.Value;
}

export const TERMINATION_RULE = {
  id: "termination",
  section: 'MODEL.md "Income of a CRC in a month" §4 and "Time" (early end)',
  equation: "payment months × P / 12, paid in the final month",
} as const;

/**
 * The termination payment of an early-ended contract, made in its final month: so many months
 * of the annual price (data/parameters.csv termination.paymentMonths; the real compensation
 * terms were never published).
 */
export function terminationPayment(inputs: TerminationInputs): Money {
  return money(inputs.annualPricePence).dividedBy(12).times(inputs.paymentMonths);
}

/**
 * Float twin of `terminationPayment`, unrounded (the caller rounds the cell): P × months / 12,
 * multiplied first so that only the division is inexact. Both terms are the cell's size.
 */
export function terminationPaymentFloat(paymentMonths: number, annualPricePence: number): number {
  return (annualPricePence * paymentMonths) / 12;
}
