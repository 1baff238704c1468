import type Decimal from "decimal.js";
import { Money, money } from "./money.ts";

/** Inputs of the staff-cost rule for one CRC in one month. */
export interface StaffCostInputs {
  readonly fte: Decimal.Value;
  /** Pay plus employer on-costs per FTE a year, in pence, at 2014-15 prices. */
  readonly loadedCostPerFtePence: Decimal.Value;
  /** Cumulative pay awards since 2014-15 (see payIndex). */
  readonly payIndex: Decimal.Value;
}

export const STAFF_COST_RULE = {
  id: "staff_cost",
  section: 'MODEL.md "Costs of a CRC in a month" (Staff)',
  equation: "FTE × loaded cost per FTE × pay index / 12",
} as const;

export function staffCost(inputs: StaffCostInputs): Money {
  return money(inputs.fte).times(inputs.loadedCostPerFtePence).times(inputs.payIndex).dividedBy(12);
}
