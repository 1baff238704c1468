import type Decimal from "decimal.js";
import { Money, money, ONE } from "./money.ts";

/** Inputs of the redundancy-cost rule for one CRC in one month. */
export interface RedundancyInputs {
  /** FTE that left this month (the fall in FTE since last month; 0 when FTE did not fall). */
  readonly fteReduction: Decimal.Value;
  /** Share of the reduction made through paid redundancy (the rest is turnover not replaced). */
  readonly redundancyShareOfReduction: Decimal.Value;
  readonly loadedCostPerFtePence: Decimal.Value;
  readonly payIndex: Decimal.Value;
  /** Employer on-costs as a share of pay: redundancy pay is on pay, not on the loaded cost. */
  readonly onCostRate: Decimal.Value;
  /** Weeks of pay per year of service (e.g. Working Links' VR: 3). */
  readonly weeksPerYear: Decimal.Value;
  /** Cap on the weeks paid (e.g. Working Links: 52). */
  readonly capWeeks: Decimal.Value;
  /** Average years of service of those leaving (assumed). */
  readonly avgServiceYears: Decimal.Value;
  /** Share of the cost met by the Modernisation Fund rather than the CRC. */
  readonly modernisationFundShare: Decimal.Value;
}

export const REDUNDANCY_RULE = {
  id: "redundancy_cost",
  section: 'MODEL.md "Costs of a CRC in a month" (Redundancy)',
  equation:
    "ΔFTE × share × (loaded × pay index / (1 + on-cost) / 52) × min(weeks/yr × service, cap) × (1 − MF share)",
} as const;

export function redundancyCost(inputs: RedundancyInputs): Money {
  const weeks = Money.min(
    money(inputs.weeksPerYear).times(inputs.avgServiceYears),
    inputs.capWeeks,
  );
  // Weekly pay = loaded × pay index / (1 + on-cost) / 52; the divisions come last, in one step.
  return money(inputs.fteReduction)
    .times(inputs.redundancyShareOfReduction)
    .times(inputs.loadedCostPerFtePence)
    .times(inputs.payIndex)
    .times(weeks)
    .times(ONE.minus(inputs.modernisationFundShare))
    .dividedBy(ONE.plus(inputs.onCostRate).times(52));
}

/**
 * Float twin of `redundancyCost`, unrounded (the caller rounds the cell): the cost at pay index
 * 1 (`redundancyPerPayIndexFloat`) times the pay index. The pay index comes last so that the
 * rest, the same in every month of a CRC, is worked out once.
 */
export function redundancyCostFloat(
  fteReduction: number,
  redundancyShareOfReduction: number,
  loadedCostPerFtePence: number,
  payIndex: number,
  onCostRate: number,
  weeksPerYear: number,
  capWeeks: number,
  avgServiceYears: number,
  modernisationFundShare: number,
): number {
  return (
    redundancyPerPayIndexFloat(
      fteReduction,
      redundancyShareOfReduction,
      loadedCostPerFtePence,
      onCostRate,
      weeksPerYear,
      capWeeks,
      avgServiceYears,
      modernisationFundShare,
    ) * payIndex
  );
}

/** `redundancyCostFloat` at pay index 1: the terms' product, one division by (1 + on-cost) × 52. */
export function redundancyPerPayIndexFloat(
  fteReduction: number,
  redundancyShareOfReduction: number,
  loadedCostPerFtePence: number,
  onCostRate: number,
  weeksPerYear: number,
  capWeeks: number,
  avgServiceYears: number,
  modernisationFundShare: number,
): number {
  const weeks = Math.min(weeksPerYear * avgServiceYears, capWeeks);
  return (
    (fteReduction *
      redundancyShareOfReduction *
      loadedCostPerFtePence *
      weeks *
      (1 - modernisationFundShare)) /
    ((1 + onCostRate) * 52)
  );
}

/**
 * A bound on the size of the terms of `redundancyPerPayIndexFloat` (times the pay index for the
 * cell's), for its tie band: the fall in FTE (FTE14 − FTE17, given as `fallScale` =
 * (FTE14 + |FTE17|) × |scale| / 28) and 1 − MF share can cancel. It is the twin itself at each
 * term's size (1 − (−|MF share|) = 1 + |MF share|, the same operations in the same order), so
 * the rule's arithmetic is written once.
 */
export function redundancyPerPayIndexFloatScale(
  fallScale: number,
  redundancyShareOfReduction: number,
  loadedCostPerFtePence: number,
  onCostRate: number,
  weeksPerYear: number,
  capWeeks: number,
  avgServiceYears: number,
  modernisationFundShare: number,
): number {
  return redundancyPerPayIndexFloat(
    fallScale,
    Math.abs(redundancyShareOfReduction),
    loadedCostPerFtePence,
    onCostRate,
    weeksPerYear,
    capWeeks,
    avgServiceYears,
    -Math.abs(modernisationFundShare),
  );
}
