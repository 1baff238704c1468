import type Decimal from "decimal.js";
import { money, Money, ZERO } from "./money.ts";

/**
 * Month indices of the staffing path. FTE is the June 2014 position (written answer, 3 Nov 2017)
 * at the share sale (index 0 = Feb 2015) and reaches the June 2017 position at index 28
 * (Jun 2017; the Sodexo table in sources/2018-03-19_napo-evidence… compares Q3 2014-15 with
 * June 2017); between them it moves in a straight line, after it stays flat. The straight line
 * is an assumption: the cuts' timing by month is not published.
 */
export const STAFF_PATH_START_INDEX = 0;
export const STAFF_PATH_END_INDEX = 28;

/** Inputs of the FTE path for one CRC in one month. */
export interface FteInputs {
  /** FTE at 30 June 2014. */
  readonly fteJune2014: Decimal.Value;
  /** FTE at June 2017 (the reported cuts). */
  readonly fteJune2017: Decimal.Value;
  /** How much of the 2014→2017 change happens: 1 = cuts as reported, 0 = staffing held at 2014. */
  readonly cutScale: Decimal.Value;
  /** Month index in the contract (0 = Feb 2015). */
  readonly monthIndex: number;
}

export const FTE_RULE = {
  id: "fte",
  section: 'MODEL.md "Costs of a CRC in a month" (Staff)',
  equation: "FTE14 + scale × (FTE17 − FTE14) × clamp((m − 0) / 28, 0, 1)",
} as const;

/** FTE in a month, exact. */
export function fteAt(inputs: FteInputs): Money {
  const span = STAFF_PATH_END_INDEX - STAFF_PATH_START_INDEX;
  const k = Math.min(span, Math.max(0, inputs.monthIndex - STAFF_PATH_START_INDEX));
  const start = money(inputs.fteJune2014);
  const change = money(inputs.fteJune2017).minus(start).times(inputs.cutScale);
  return start.plus(change.times(k).dividedBy(span));
}

/**
 * The fall in FTE from the previous month: on the straight-line path it is the same in every
 * month of the ramp, (FTE14 − FTE17) × scale / 28, and 0 outside it or when staffing grows.
 * Equal to fteAt(m − 1) − fteAt(m), computed directly so that each month's redundancy inputs
 * are exactly the same number.
 */
export function fteReductionAt(inputs: FteInputs): Money {
  const span = STAFF_PATH_END_INDEX - STAFF_PATH_START_INDEX;
  const k = inputs.monthIndex - STAFF_PATH_START_INDEX;
  if (k < 1 || k > span) return ZERO;
  const fall = money(inputs.fteJune2014).minus(inputs.fteJune2017).times(inputs.cutScale);
  return fall.isPositive() && !fall.isZero() ? fall.dividedBy(span) : ZERO;
}

/** Float twin of `fteAt`, in the same order: FTE14 + (FTE17 − FTE14) × scale × k / 28. */
export function fteAtFloat(
  fteJune2014: number,
  fteJune2017: number,
  cutScale: number,
  monthIndex: number,
): number {
  const span = STAFF_PATH_END_INDEX - STAFF_PATH_START_INDEX;
  const k = Math.min(span, Math.max(0, monthIndex - STAFF_PATH_START_INDEX));
  return fteJune2014 + ((fteJune2017 - fteJune2014) * cutScale * k) / span;
}

/**
 * A bound on the size of the terms of `fteAtFloat` (FTE14 + |change|): the change can cancel
 * the start (a cut to near 0 FTE), so rules that multiply FTE take their tie band from this.
 */
export function fteFloatScale(fteJune2014: number, fteJune2017: number, cutScale: number): number {
  return fteJune2014 + Math.abs((fteJune2017 - fteJune2014) * cutScale);
}

/**
 * Float twin of `fteReductionAt` on the path's falling months (`staffFallsIn`,
 * applicability.ts): the same fall in every one, 0 when staffing grows.
 */
export function fteReductionFloat(
  fteJune2014: number,
  fteJune2017: number,
  cutScale: number,
): number {
  const fall = (fteJune2014 - fteJune2017) * cutScale;
  return fall > 0 ? fall / (STAFF_PATH_END_INDEX - STAFF_PATH_START_INDEX) : 0;
}
