import Decimal from "decimal.js";

/**
 * The one configured decimal.js constructor for the ledger.
 *
 * - precision 40 significant digits: contract totals are ~4e11 pence, so every intermediate
 *   product of a price and a share keeps well over 20 digits after the point.
 * - rounding ROUND_HALF_EVEN ("banker's rounding"): applied only when a money cell is fixed to
 *   whole pence (see `toPence`), so that rounding half-pennies does not bias long sums.
 */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });
export type Money = InstanceType<typeof Money>;

/** The value as a ledger decimal, without copying one that already is (the hot path's habit). */
export function money(value: Decimal.Value): Money {
  return value instanceof Money ? value : new Money(value);
}

export const ZERO: Money = new Money(0);
export const ONE: Money = new Money(1);

/** Round an exact amount to whole pence (the defined rounding point of every ledger cell). */
export function toPence(amount: Decimal.Value): number {
  const pence = money(amount).toDecimalPlaces(0, Money.ROUND_HALF_EVEN);
  const n = integerToNumber(pence);
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`money out of safe range: ${pence.toString()} pence`);
  }
  return n;
}

/**
 * A whole-number decimal as a float64, read straight from decimal.js's base-1e7 digit words
 * (`d`, exponent `e`, sign `s`: decimal.js 10 internals, pinned in package.json) instead of
 * through a string, which is most of the cost of `toNumber` on the hot path. Exact for safe
 * integers: every partial sum is an integer below the result. Falls back to `toNumber` for
 * anything else.
 */
function integerToNumber(x: Money): number {
  const { d, e, s } = x as unknown as { d: number[] | null; e: number; s: number };
  if (d === null || e > 15 || d.length > 3) return x.toNumber();
  if (d.length === 1 && d[0] === 0) return 0;
  let n = d[0]!;
  for (let i = 1; i < d.length; i++) n = n * 1e7 + d[i]!;
  const firstDigits = String(d[0]).length;
  const shift = e - (firstDigits - 1) - 7 * (d.length - 1);
  if (shift < 0) return x.toNumber();
  n *= 10 ** shift;
  return s < 0 ? -n : n;
}

/** Pounds (as written in data/, e.g. "14000000" or "23.1e6") to integer pence, exactly. */
export function poundsToPence(pounds: Decimal.Value): number {
  return toPence(new Money(pounds).times(100));
}

/** Format integer pence as pounds with two decimals, exactly (no float). */
export function formatPence(pence: number): string {
  return new Money(pence).dividedBy(100).toFixed(2);
}
