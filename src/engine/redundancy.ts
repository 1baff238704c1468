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
