import type Decimal from "decimal.js";
import { money, Money, ZERO } from "./money.ts";

/**
 * Month indices of the staffing path. FTE is the June 2014 position (written answer, 3 Nov 2017)
 * at the share sale (index 0 = Feb 2015) and reaches the June 2017 position (the Sodexo table
 * in sources/2018-03-19_napo-evidence… compares Q3 2014-15 with June 2017) in the month its
 * owner's cuts were complete, `staff.cutsCompleteBy` (a month index from 1 to 28 = Jun 2017);
 * between them it moves in a straight line, after it stays flat. When each owner's cuts were
 * made is sourced by owner in data/parameters.csv (Working Links planned about 50% "in the
 * first year of the contract", Sodexo announced its redundancies in 2015 with the enhanced
 * voluntary redundancy's leaving date of 31 March 2016, Interserve, RRP and WWM cut in 2016);
 * the straight line within that span is an assumption: the cuts by month are not published.
 */
export const STAFF_PATH_START_INDEX = 0;
/** The latest month a CRC's path may end: June 2017, the month of the reported positions. */
export const STAFF_PATH_LATEST_END_INDEX = 28;

/** Inputs of the FTE path for one CRC in one month. */
export interface FteInputs {
  /** FTE at 30 June 2014. */
  readonly fteJune2014: Decimal.Value;
  /** FTE at June 2017 (the reported cuts). */
  readonly fteJune2017: Decimal.Value;
  /** How much of the 2014→2017 change happens: 1 = cuts as reported, 0 = staffing held at 2014. */
  readonly cutScale: Decimal.Value;
  /** Month index by which the change is complete (1 … 28; `staff.cutsCompleteBy`). */
  readonly cutsCompleteBy: number;
  /** Month index in the contract (0 = Feb 2015). */
  readonly monthIndex: number;
}

export const FTE_RULE = {
  id: "fte",
  section: 'MODEL.md "Costs of a CRC in a month" (Staff)',
  equation: "FTE14 + scale × (FTE17 − FTE14) × clamp(m / E, 0, 1), E = the month cuts are complete",
} as const;

/** Months from the path's start to its end (at least 1: the data's range starts at Mar 2015). */
export function staffPathSpan(cutsCompleteBy: number): number {
  return cutsCompleteBy - STAFF_PATH_START_INDEX;
}

/** FTE in a month, exact. */
export function fteAt(inputs: FteInputs): Money {
  const span = staffPathSpan(inputs.cutsCompleteBy);
  const k = Math.min(span, Math.max(0, inputs.monthIndex - STAFF_PATH_START_INDEX));
  const start = money(inputs.fteJune2014);
  const change = money(inputs.fteJune2017).minus(start).times(inputs.cutScale);
  return start.plus(change.times(k).dividedBy(span));
}

/**
 * The fall in FTE from the previous month: on the straight-line path it is the same in every
 * month of the ramp, (FTE14 − FTE17) × scale / E, and 0 outside it or when staffing grows.
 * Equal to fteAt(m − 1) − fteAt(m), computed directly so that each month's redundancy inputs
 * are exactly the same number.
 */
export function fteReductionAt(inputs: FteInputs): Money {
  const span = staffPathSpan(inputs.cutsCompleteBy);
  const k = inputs.monthIndex - STAFF_PATH_START_INDEX;
  if (k < 1 || k > span) return ZERO;
  const fall = money(inputs.fteJune2014).minus(inputs.fteJune2017).times(inputs.cutScale);
  return fall.isPositive() && !fall.isZero() ? fall.dividedBy(span) : ZERO;
}

/** Float twin of `fteAt`, in the same order: FTE14 + (FTE17 − FTE14) × scale × k / E. */
export function fteAtFloat(
  fteJune2014: number,
  fteJune2017: number,
  cutScale: number,
  cutsCompleteBy: number,
  monthIndex: number,
): number {
  const span = cutsCompleteBy - STAFF_PATH_START_INDEX;
  const k = staffPathMonth(monthIndex, cutsCompleteBy);
  return fteJune2014 + ((fteJune2017 - fteJune2014) * cutScale * k) / span;
}

/**
 * How far along its path a CRC's FTE stands in a month: 0 at the path's start (and before it),
 * the path's length from its end on (FTE is flat after the path).
 */
export function staffPathMonth(monthIndex: number, cutsCompleteBy: number): number {
  const span = cutsCompleteBy - STAFF_PATH_START_INDEX;
  return Math.min(span, Math.max(0, monthIndex - STAFF_PATH_START_INDEX));
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
  cutsCompleteBy: number,
): number {
  const fall = (fteJune2014 - fteJune2017) * cutScale;
  return fall > 0 ? fall / (cutsCompleteBy - STAFF_PATH_START_INDEX) : 0;
}
