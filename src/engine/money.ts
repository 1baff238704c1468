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
  const n = pence.toNumber();
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`money out of safe range: ${pence.toString()} pence`);
  }
  return n;
}

/** Pounds (as written in data/, e.g. "14000000" or "23.1e6") to integer pence, exactly. */
export function poundsToPence(pounds: Decimal.Value): number {
  return toPence(new Money(pounds).times(100));
}

/** Format integer pence as pounds with two decimals, exactly (no float). */
export function formatPence(pence: number): string {
  return new Money(pence).dividedBy(100).toFixed(2);
}
