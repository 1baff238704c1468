import type Decimal from "decimal.js";
import { Money, ONE } from "./money.ts";

/**
 * Cumulative pay index for a financial year: 1 in the first year, then × (1 + award) for each
 * year's April pay award (MODEL.md "Costs": "pay was frozen for years — a pay-award lever").
 * `awards[i]` is the award applied at the start of year i; the first year's award is ignored
 * because the loaded cost per FTE is stated at that year's prices.
 */
export function payIndex(awards: readonly Decimal.Value[], fyIndex: number): Money {
  let index = ONE;
  for (let i = 1; i <= fyIndex; i++) index = index.times(ONE.plus(awards[i] ?? 0));
  return index;
}

/**
 * Float twin of `payIndex`, a year at a time: year `fyIndex`'s index from the year before's
 * (ignored in the first year, whose index is 1) and the year's award, compounded in the same
 * order as `payIndex`.
 */
export function payIndexFloat(previousYearIndex: number, award: number, fyIndex: number): number {
  return fyIndex === 0 ? 1 : previousYearIndex * (1 + award);
}
