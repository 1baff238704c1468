import type Decimal from "decimal.js";
import { Money } from "./money.ts";

/**
 * Split a whole number of pence across recipients in proportion to `weights`, so that the parts
 * are whole pence and add up to the total exactly (largest-remainder / Hamilton method).
 *
 * Used for national totals that are sourced as one figure (ICT compensation £23.1m, the 2017
 * variation's payments of £42m and £22m): each CRC's share is rounded down, and the pence left
 * over go one each to the largest remainders, ties to the earlier recipient, so the result is
 * deterministic. A negative total is split as its absolute value and negated.
 */
export function allocatePence(totalPence: number, weights: readonly Decimal.Value[]): number[] {
  if (!Number.isSafeInteger(totalPence)) {
    throw new RangeError(`allocatePence: total must be a safe integer of pence, got ${totalPence}`);
  }
  if (weights.length === 0) throw new RangeError("allocatePence: no recipients");
  const w = weights.map((x) => new Money(x));
  if (w.some((x) => x.isNegative() || !x.isFinite())) {
    throw new RangeError("allocatePence: weights must be finite and not negative");
  }
  const sum = w.reduce((a, b) => a.plus(b), new Money(0));
  if (sum.isZero()) throw new RangeError("allocatePence: weights sum to zero");
  const sign = totalPence < 0 ? -1 : 1;
  const total = Math.abs(totalPence);
  const exact = w.map((x) => new Money(total).times(x).dividedBy(sum));
  const parts = exact.map((x) => x.floor().toNumber());
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, rem: x.minus(x.floor()) }))
    .sort((a, b) => b.rem.comparedTo(a.rem) || a.i - b.i);
  for (let k = 0; left > 0; k++, left--) {
    const target = order[k % order.length]!;
    parts[target.i]! += 1;
  }
  return parts.map((p) => (p === 0 ? 0 : sign * p));
}
