/**
 * The ledger's lines (MODEL.md "Outputs"). Income lines are what MoJ pays a CRC (service credits
 * are a deduction, so zero or negative); cost lines are positive amounts the CRC spends.
 * Sign convention: profit = income_total − cost_total, negative for a loss.
 */
export const INCOME_LINES = [
  "fee_for_service",
  "variation",
  "guarantee",
  "pbr",
  "service_credits",
  "ict_compensation",
  "termination",
] as const;

export const COST_LINES = ["staff_cost", "redundancy_cost", "non_staff_cost"] as const;

export const MONEY_LINES = [
  ...INCOME_LINES,
  "income_total",
  ...COST_LINES,
  "cost_total",
  "profit",
] as const;

/** Non-money lines: FTE (staff, full-time equivalent) and the workload index (per cent). */
export const QUANTITY_LINES = ["fte", "workload_index"] as const;

export type IncomeLine = (typeof INCOME_LINES)[number];
export type CostLine = (typeof COST_LINES)[number];
export type MoneyLine = (typeof MONEY_LINES)[number];
export type QuantityLine = (typeof QUANTITY_LINES)[number];
export type Line = MoneyLine | QuantityLine;

export const LINES: readonly Line[] = [...MONEY_LINES, ...QUANTITY_LINES];
