import * as aq from "arquero";
import { feeForService, type FeeForServiceInputs } from "./fee-for-service.ts";
import { toPence } from "./money.ts";
import { CONTRACT_MONTHS } from "./timeline.ts";

export interface MonthAmount {
  readonly month: string;
  readonly fy: string;
  readonly pence: number;
}

export interface YearAmount {
  readonly fy: string;
  readonly pence: number;
}

/** One CRC's fee-for-service line over the whole contract, by month and by financial year. */
export interface FeeForServiceLine {
  readonly months: readonly MonthAmount[];
  readonly years: readonly YearAmount[];
  readonly totalPence: number;
}

/**
 * Fee for service for one CRC, month by month from Feb 2015 to Mar 2022, with its financial-year
 * roll-up. Each month is rounded to whole pence once (the ledger's rounding point); years and the
 * contract total are exact integer sums of those months, so they reconcile to the penny.
 */
export function feeForServiceLine(inputs: FeeForServiceInputs): FeeForServiceLine {
  const monthlyPence = toPence(feeForService(inputs));
  const months = CONTRACT_MONTHS.map((m) => ({ month: m.id, fy: m.fy, pence: monthlyPence }));
  const years = aq
    .from(months)
    .groupby("fy")
    .rollup({ pence: aq.op.sum("pence") })
    .orderby("fy")
    .objects() as YearAmount[];
  const totalPence = years.reduce((sum, y) => sum + y.pence, 0);
  return { months, years, totalPence };
}
