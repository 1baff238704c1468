import { cohortInContract } from "./applicability.ts";
import type { Params } from "./projection-inputs.ts";
import { fyIndexOf } from "./timeline.ts";

/** A quarterly PbR cohort: people starting supervision in the three months from `startMonth`. */
export interface PbrCohort {
  readonly startMonth: number;
  /** The month its payment is made: start + cash lag (12-month follow-up + 6 months + payment). */
  readonly cashMonth: number;
  /** Financial-year index of the cohort's start: outcome parameters are read for that year. */
  readonly fy: number;
}

/**
 * The cohorts whose cash falls inside the contract: quarterly from pbr.firstCohort (Oct 2015,
 * MoJ PbR statistics), paid pbr.cashLagMonths after they start (MODEL.md "Income" §3). With a
 * 24-month lag the last one paid starts Jan 2020 and pays in Jan 2022.
 */
export function pbrCohorts(p: Params): PbrCohort[] {
  const first = p.num("pbr.firstCohort", 0);
  const lag = p.num("pbr.cashLagMonths", 0);
  const cohorts: PbrCohort[] = [];
  for (let start = first; cohortInContract(start + lag); start += 3) {
    cohorts.push({ startMonth: start, cashMonth: start + lag, fy: fyIndexOf(start) });
  }
  return cohorts;
}
