import type Decimal from "decimal.js";
import { Money, money, ONE, ZERO } from "./money.ts";

/**
 * People supervised grew 20% from Q1 2015-16 to Q1 2017-18 while paid volumes fell (NAO HC 676
 * summary). The caseload path moves in a straight line between the first months of those
 * quarters (Apr 2015 = index 2, Apr 2017 = index 26) and is flat outside them (assumed).
 */
export const CASELOAD_PATH_START_INDEX = 2;
export const CASELOAD_PATH_END_INDEX = 26;

export interface CaseloadInputs {
  /** People supervised at the split (2014). */
  readonly caseload2014: Decimal.Value;
  /** Growth of people supervised from Q1 2015-16 to Q1 2017-18 (0.2 = +20%). */
  readonly growth: Decimal.Value;
  readonly monthIndex: number;
}

export const CASELOAD_RULE = {
  id: "caseload",
  section: 'MODEL.md "Workload and quality"',
  equation: "caseload2014 × (1 + growth × clamp((m − 2) / 24, 0, 1))",
} as const;

export function caseloadAt(inputs: CaseloadInputs): Money {
  const span = CASELOAD_PATH_END_INDEX - CASELOAD_PATH_START_INDEX;
  const k = Math.min(span, Math.max(0, inputs.monthIndex - CASELOAD_PATH_START_INDEX));
  return money(inputs.caseload2014).times(ONE.plus(money(inputs.growth).times(k).dividedBy(span)));
}

export interface WorkloadInputs {
  readonly caseload: Decimal.Value;
  readonly fte: Decimal.Value;
  /** People supervised per FTE at the 2014 staffing norm (workload index 1 = 100%). */
  readonly caseloadPerFteNorm: Decimal.Value;
}

export const WORKLOAD_RULE = {
  id: "workload_index",
  section: 'MODEL.md "Workload and quality"',
  equation: "(caseload / FTE) / norm",
} as const;

/** Workload index as a ratio (1 = the 2014 norm; staff reported readings above 1.5). */
export function workloadIndex(inputs: WorkloadInputs): Money {
  const fte = money(inputs.fte);
  if (fte.lessThanOrEqualTo(0)) throw new RangeError("workloadIndex: FTE must be positive");
  return money(inputs.caseload).dividedBy(fte).dividedBy(inputs.caseloadPerFteNorm);
}

/** The overwork above the norm, max(0, index − 1): the feedback loop's driver. */
export function workloadExcess(index: Decimal.Value): Money {
  const excess = money(index).minus(1);
  return excess.isPositive() ? excess : ZERO;
}

/** Float twin of `caseloadAt`: the caseload path in float64 (the ledger's caseload row, the float path). */
export function caseloadAtFloat(caseload2014: number, growth: number, monthIndex: number): number {
  const span = CASELOAD_PATH_END_INDEX - CASELOAD_PATH_START_INDEX;
  const k = Math.min(span, Math.max(0, monthIndex - CASELOAD_PATH_START_INDEX));
  return caseload2014 * (1 + (growth * k) / span);
}

/**
 * Whether the caseload path (`caseloadAt`, `caseloadAtFloat`) is the same in months a and b: it
 * moves only between its start and end, so two months both at or before the start, or both at
 * or after the end, have the same caseload. (The PbR cohorts after the end share one row of
 * caseloads: the float path works it out once, as the exact path does.)
 */
export function sameCaseload(a: number, b: number): boolean {
  return (
    a === b ||
    (a <= CASELOAD_PATH_START_INDEX && b <= CASELOAD_PATH_START_INDEX) ||
    (a >= CASELOAD_PATH_END_INDEX && b >= CASELOAD_PATH_END_INDEX)
  );
}

/** Float twin of `workloadIndex`: (caseload / FTE) / norm. */
export function workloadIndexFloat(
  caseload: number,
  fte: number,
  caseloadPerFteNorm: number,
): number {
  return caseload / fte / caseloadPerFteNorm;
}

/** Float twin of `workloadExcess`. */
export function workloadExcessFloat(index: number): number {
  return Math.max(0, index - 1);
}

/** Float twin of `feedbackAmount` (rule-inputs.ts): coefficient per 10 points × 10 × excess. */
export function feedbackAmountFloat(perTenPoints: number, workloadExcess: number): number {
  return perTenPoints * 10 * workloadExcess;
}

/**
 * A bound on the size of the terms of a feedback amount, for the tie band of the cell it enters:
 * the workload index carries FTE's cancellation (`fteScale` over FTE, staffing.ts
 * `fteFloatScale`).
 */
export function feedbackFloatScale(
  perTenPoints: number,
  index: number,
  fte: number,
  fteScale: number,
): number {
  return Math.abs(perTenPoints) * 10 * (1 + (index * fteScale) / fte);
}
