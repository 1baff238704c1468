import type { MoneyLine } from "./lines.ts";
import type { CrcRef } from "./projection-inputs.ts";
import { CONTRACT_MONTHS } from "./timeline.ts";

export const MONTH_COUNT = CONTRACT_MONTHS.length;

/**
 * A projection, CRC by month: every money line in whole pence (integers held in float64, exact
 * below 2^53; a contract total is ~4e11 pence), plus FTE and caseload. Cell `[c × 86 + m]`.
 * Cells are rounded to whole pence once, where the rule computes them; totals and every roll-up
 * are integer sums of those cells, so they reconcile exactly.
 */
export interface Ledger {
  readonly crcs: readonly CrcRef[];
  readonly money: Readonly<Record<MoneyLine, Float64Array>>;
  /** Staff in post, full-time equivalent (0 after an early end). */
  readonly fte: Float64Array;
  /** People supervised (0 after an early end). */
  readonly caseload: Float64Array;
  /** People per FTE at the 2014 norm, for the workload index. */
  readonly caseloadPerFteNorm: number;
}

export function emptyLedger(crcs: readonly CrcRef[], caseloadPerFteNorm: number): Ledger {
  const size = crcs.length * MONTH_COUNT;
  const a = () => new Float64Array(size);
  // An object literal, not Object.fromEntries: V8 then keeps fast properties, and the hot
  // loops' `money.fee_for_service[i]` stay cheap.
  const money: Record<MoneyLine, Float64Array> = {
    fee_for_service: a(),
    variation: a(),
    guarantee: a(),
    pbr: a(),
    service_credits: a(),
    ict_compensation: a(),
    termination: a(),
    income_total: a(),
    staff_cost: a(),
    redundancy_cost: a(),
    non_staff_cost: a(),
    cost_total: a(),
    profit: a(),
  };
  return {
    crcs,
    money,
    fte: new Float64Array(size),
    caseload: new Float64Array(size),
    caseloadPerFteNorm,
  };
}
