import type Decimal from "decimal.js";
import { money, ONE, type Money } from "./money.ts";

/**
 * The annual learning-curve discount on the fee-for-service price (MODEL.md, "Revised December
 * 2026": "Annual price paid in twelve equal payments made monthly in arrears … subject to an
 * annual learning curve discount", MoJ Payment Mechanism Straw Man, May 2013, in Justice
 * Committee HC 1004 para 66; bidders set their own discount, Oct 2013). The rate was never
 * published: data/parameters.csv says how it is set.
 *
 * The first contract year (Feb 2015 – Mar 2016: financial years 2014-15 and 2015-16) is paid at
 * the bid price; each later financial year applies the discount once more, compounding.
 */
/** How many times the discount has applied in financial year `fyIndex` (0 = 2014-15). */
export function learningCurveYears(fyIndex: number): number {
  return Math.max(0, fyIndex - 1);
}

/**
 * The powers of (1 − d) already computed, by the discount's decimal: projections share input
 * decimals (`exactOf`), so a projection asks for the same few powers 8 times per CRC.
 */
const POWERS = new WeakMap<object, Money[]>();

/** The price index (1 − d)^k, exact (k ≤ 6, so the power is a short exact decimal). */
export function learningCurveIndex(discount: Decimal.Value, years: number): Money {
  if (typeof discount !== "object") return ONE.minus(money(discount)).pow(years);
  let powers = POWERS.get(discount);
  if (powers === undefined) {
    powers = [ONE];
    POWERS.set(discount, powers);
  }
  const keep = ONE.minus(discount);
  while (powers.length <= years) powers.push(powers[powers.length - 1]!.times(keep));
  return powers[years]!;
}

/** Float twin of `learningCurveIndex`: repeated multiplication, as the float path computes it. */
export function learningCurveIndexFloat(discount: number, years: number): number {
  let index = 1;
  for (let k = 0; k < years; k++) index *= 1 - discount;
  return index;
}
