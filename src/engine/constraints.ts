/**
 * The rules that need several parameters at once, in one place: validation refuses a scenario
 * that breaks one (src/scenario/check-resolved-inputs.ts, naming the path to change), and the
 * Monte Carlo's draws (src/uncertainty/sampler.ts) and the tornado's swung ends
 * (src/sensitivity/hold-in-range.ts, src/scenario/hold-staffing.ts) are held inside them.
 * Each is a plain predicate or hold on numbers, so the three agree by construction.
 */

import { feedbackApplies } from "./applicability.ts";
import { SHORTFALL_TREND_ID } from "./parameter-specs.ts";

/**
 * Staff count as fixed costs (non-staff-cost.ts: the fixed share f − σ must not be negative),
 * so the staff share σ must not exceed the fixed share f.
 */
export function staffWithinFixed(staffShare: number, fixedShare: number): boolean {
  return staffShare <= fixedShare;
}

/** The parameters `staffWithinFixed` reads. */
export const STAFF_WITHIN_FIXED_IDS: readonly string[] = ["cost.fixedShare", "cost.staffShare"];

/** The staff share held at or below the fixed share (`staffWithinFixed`). */
export function staffShareHeld(staffShare: number, fixedShare: number): number {
  return Math.min(staffShare, fixedShare);
}

/**
 * The lowest FTE of a CRC's staffing path (staffing.ts): a straight line from FTE14 to
 * FTE14 + scale × (FTE17 − FTE14), so at one of its ends.
 */
export function lowestFte(fteJune2014: number, fteJune2017: number, cutScale: number): number {
  return Math.min(fteJune2014, fteJune2014 + cutScale * (fteJune2017 - fteJune2014));
}

/** Staffing stays above 0 FTE: the workload index (workload.ts) divides by it. */
export function staffingAbove0(
  fteJune2014: number,
  fteJune2017: number,
  cutScale: number,
): boolean {
  return fteJune2014 > 0 && fteJune2014 + cutScale * (fteJune2017 - fteJune2014) > 0;
}

/** The parameters of a CRC's staffing path (`lowestFte`, `staffingAbove0`). */
export const STAFFING_IDS: readonly string[] = [
  "staff.fteJune2014",
  "staff.fteJune2017",
  "staff.cutScale",
];

/**
 * The effective shortfall of a year after 2017-18 (2017-18 plus the trend, effective-shortfall.ts)
 * stays inside the 2017-18 row's range.
 */
export function shortfallWithin(shortfall: number, min: number, max: number): boolean {
  return !(shortfall < min || shortfall > max);
}

/** The parameters `shortfallWithin` reads: the 2017-18 shortfall and the trend after it. */
export const SHORTFALL_PATH_IDS: readonly string[] = [
  "volume.shortfall.2017-18",
  SHORTFALL_TREND_ID,
];

/** The effective shortfall held inside the row's range (`shortfallWithin`). */
export function shortfallHeld(shortfall: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, shortfall));
}

/**
 * 1 + x is a divisor above 0: non-staff cost divides by 1 + the bid margin, redundancy by 1 +
 * the on-cost rate.
 */
export function onePlusAbove0(x: number): boolean {
  return 1 + x > 0;
}

/**
 * The workload index's cap where the workload feedback is on: 10, i.e. 1,000% of the 2014
 * staffing norm.
 *
 * The index is caseload per FTE over the 2014 norm (MODEL.md "Workload and quality": "100% = the
 * 2014 staffing norm; staff reported readings above 150%"), and the feedback loop is linear in
 * the excess above 100% (a coefficient "per 10 points", workload.ts `feedbackAmountFloat`), with
 * no bound of its own. As FTE nears 0 the index grows without limit, and so do the fines and the
 * lost PbR: 0.001 FTE in June 2017 with the service-credit feedback at 1 gave a national loss of
 * £50.8 trillion, and with the norm at 1 the ledger left the range of whole pence a float64
 * holds. A CRC at ten times the norm supervises ten times the caseload per head it was staffed
 * for in 2014: far beyond any reading reported (about 150%) and anything the data's ranges or the
 * site's levers reach (the defaults give at most about 2.3, Working Links' halved staff against
 * 20% more caseload; the cut scale at its maximum 1.5 about 4.5), so the cap refuses only what the
 * linear feedback cannot describe. At the cap and the data's largest coefficients the fines are
 * at most 91 times their gross (1 + 1 × 10 × 9), well inside safe money.
 *
 * Only where the feedback is on (either coefficient non-zero for the CRC in some year,
 * applicability.ts `feedbackApplies`): elsewhere the index reaches no money, and staffing above
 * 0 FTE (`staffingAbove0`) is all the engine needs.
 */
export const WORKLOAD_INDEX_MAX = 10;

/**
 * The highest caseload of a CRC's path (workload.ts `caseloadAt`: a straight line from the 2014
 * caseload to caseload2014 × (1 + growth), flat after), so at one of its ends.
 */
export function highestCaseload(caseload2014: number, growth: number): number {
  return Math.max(caseload2014, caseload2014 * (1 + growth));
}

/**
 * The least FTE that keeps the workload index at or below `WORKLOAD_INDEX_MAX` against the
 * highest caseload: highest caseload / (norm × cap). Held against the lowest FTE of the staffing
 * path (`lowestFte`), it bounds the index in every month; with caseload growing and staff cut
 * (the usual case) both extremes fall in the same months (from June 2017), so the bound is the
 * index's peak.
 */
export function workloadFteFloor(caseload2014: number, growth: number, norm: number): number {
  return highestCaseload(caseload2014, growth) / (norm * WORKLOAD_INDEX_MAX);
}

/** The staffing path keeps the workload index within the cap (`WORKLOAD_INDEX_MAX`). */
export function workloadWithinCap(
  fteJune2014: number,
  fteJune2017: number,
  cutScale: number,
  caseload2014: number,
  growth: number,
  norm: number,
): boolean {
  return (
    lowestFte(fteJune2014, fteJune2017, cutScale) >= workloadFteFloor(caseload2014, growth, norm)
  );
}

/** The parameters whose non-zero value turns the workload feedback on (`WORKLOAD_INDEX_MAX`). */
export const FEEDBACK_IDS = [
  "workload.feedback.serviceCreditsPer10Pct",
  "workload.feedback.pbrPtsPer10Pct",
] as const;

/** The parameters the workload cap reads (`workloadWithinCap`, `feedbackOn`). */
export const WORKLOAD_CAP_IDS: readonly string[] = [
  ...STAFFING_IDS,
  "size.caseload2014",
  "caseload.growth",
  "workload.caseloadPerFteNorm",
  ...FEEDBACK_IDS,
];

/**
 * The workload feedback is on for a CRC: either coefficient applies (`feedbackApplies`) in one
 * of its `count` year cells from `from` (a CRC's cells of a values column).
 */
export function feedbackOn(
  columns: readonly ArrayLike<number>[],
  from: number,
  count: number,
): boolean {
  for (const column of columns)
    for (let k = from; k < from + count; k++) if (feedbackApplies(column[k]!)) return true;
  return false;
}
