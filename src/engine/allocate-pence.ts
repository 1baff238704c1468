import type Decimal from "decimal.js";
import { money, ZERO } from "./money.ts";

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
  if (weights.every((x) => typeof x === "number" && Number.isSafeInteger(x) && x >= 0)) {
    return allocateByIntegers(totalPence, weights as readonly number[]);
  }
  const w = weights.map((x) => money(x));
  if (w.some((x) => x.isNegative() || !x.isFinite())) {
    throw new RangeError("allocatePence: weights must be finite and not negative");
  }
  const sum = w.reduce((a, b) => a.plus(b), ZERO);
  if (sum.isZero()) throw new RangeError("allocatePence: weights sum to zero");
  const sign = totalPence < 0 ? -1 : 1;
  const total = Math.abs(totalPence);
  // Work with numerators total × w (exact: well inside 40 digits) and compare the remainders
  // of their division by the sum exactly; fractional parts rounded to 40 digits could misorder
  // true ties between shares of different size.
  const numerators = w.map((x) => x.times(total));
  const whole = numerators.map((x) => x.dividedToIntegerBy(sum));
  const parts = whole.map((x) => x.toNumber());
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = numerators
    .map((x, i) => ({ i, rem: x.minus(whole[i]!.times(sum)) }))
    .sort((a, b) => b.rem.comparedTo(a.rem) || a.i - b.i);
  for (let k = 0; left > 0; k++, left--) {
    const target = order[k % order.length]!;
    parts[target.i]! += 1;
  }
  return parts.map((p) => (p === 0 ? 0 : sign * p));
}

/**
 * The same method for whole-number weights (pence, month counts) in exact integer arithmetic
 * (BigInt): remainders compare as integers, so the result equals the decimal path's.
 */
function allocateByIntegers(totalPence: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + BigInt(b), 0n);
  if (sum === 0n) throw new RangeError("allocatePence: weights sum to zero");
  const sign = totalPence < 0 ? -1 : 1;
  const total = BigInt(Math.abs(totalPence));
  const parts = weights.map((w) => (total * BigInt(w)) / sum);
  const rems = weights.map((w, i) => ({ i, rem: total * BigInt(w) - parts[i]! * sum }));
  let left = total - parts.reduce((a, b) => a + b, 0n);
  rems.sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (let k = 0; left > 0n; k++, left--) parts[rems[k % rems.length]!.i]! += 1n;
  return parts.map((p) => (p === 0n ? 0 : sign * Number(p)));
}
