import { MONTH_COUNT } from "./ledger.ts";
import { STAFF_PATH_START_INDEX } from "./staffing.ts";
import { FY_OF_MONTH as FY_OF } from "./timeline.ts";

/**
 * When each rule applies: the one place the exact projection (project-exact.ts, staff-block.ts,
 * pbr-cohorts.ts, variation-payments.ts), the float path (project-float.ts) and "explain this
 * number" (explain-cell.ts) decide whether a rule makes a cell in a month. A rule file says what
 * a cell is; this file says in which months it is made. Months are contract indices
 * (0 = Feb 2015), `end` a CRC's last month (termination.endDate).
 */

/** The contract's last month (Mar 2022). */
const LAST_MONTH = MONTH_COUNT - 1;

/** Nothing flows after a CRC's contract ends (MODEL.md "Time": an early end stops every line). */
export function flowsIn(monthIndex: number, end: number): boolean {
  return monthIndex <= end;
}

/** The contract ends before March 2022: a termination payment is due (termination.ts). */
export function endsEarly(end: number): boolean {
  return end < LAST_MONTH;
}

/** The termination payment is made in the final month of an early-ended contract. */
export function terminationPaidIn(monthIndex: number, end: number): boolean {
  return endsEarly(end) && monthIndex === end;
}

/**
 * The financial year from which the 2017 variation's uplift is paid: the year of its start
 * month (a start after the contract's last month counts as that month's year).
 */
export function upliftFirstYear(variationStart: number): number {
  return FY_OF[Math.min(variationStart, LAST_MONTH)]!;
}

/**
 * The variation's uplift has a value for financial year `fyIndex`: the year is not before the
 * start's, and the variation starts before the contract ends (else it never starts).
 */
export function upliftPaidInYear(fyIndex: number, variationStart: number, end: number): boolean {
  return fyIndex >= upliftFirstYear(variationStart) && variationStart <= end;
}

/** The uplift is paid from the variation's start month (1 Aug 2017 as agreed: variation.ts). */
export function upliftPaidIn(monthIndex: number, variationStart: number): boolean {
  return monthIndex >= variationStart;
}

/**
 * The last month over which a year's payment above contract is spread: its months before the
 * variation's start (variation-payments.ts). Before `firstMonth` when the variation starts at or
 * before the year: the recognised fixed share then covers the year and no payment is made.
 */
export function variationPaymentLastMonth(fyLastMonth: number, variationStart: number): number {
  return Math.min(fyLastMonth, variationStart - 1);
}

/** A PbR cohort is in the contract when its cash month is (pbr-cohorts.ts). */
export function cohortInContract(cashMonth: number): boolean {
  return cashMonth <= LAST_MONTH;
}

/** A CRC is paid a cohort's PbR only if its contract has not ended by the cash month. */
export function cohortPaid(cashMonth: number, end: number): boolean {
  return flowsIn(cashMonth, end);
}

/** ICT compensation is paid in its month, if the CRC's contract runs to it. */
export function ictPaid(paymentMonth: number, end: number): boolean {
  return flowsIn(paymentMonth, end);
}

/** The income floor applies in a year whose floor share is not 0 (guarantee.ts). */
export function guaranteeApplies(floorShareOfCost: number): boolean {
  return floorShareOfCost !== 0;
}

/** A workload feedback (on service credits or PbR) applies where its coefficient is not 0. */
export function feedbackApplies(perTenPoints: number): boolean {
  return perTenPoints !== 0;
}

/**
 * FTE moves in this month (staffing.ts): on the path from the June 2014 position to the June
 * 2017 one, which ends in the month the CRC's cuts are complete (`staff.cutsCompleteBy`), after
 * which it is flat.
 */
export function onStaffPath(monthIndex: number, cutsCompleteBy: number): boolean {
  return monthIndex <= cutsCompleteBy;
}

/**
 * Redundancy is paid in a month in which FTE falls from the month before: the path's months
 * after its first (redundancy.ts, `fteReductionAt`), when the path goes down.
 */
export function staffFallsIn(monthIndex: number, cutsCompleteBy: number): boolean {
  return monthIndex > STAFF_PATH_START_INDEX && monthIndex <= cutsCompleteBy;
}

/**
 * The last month of [from, to] on the staffing path (`onStaffPath`): the months [from, this]
 * are on it (none if it is below `from`), the months after it are not.
 */
export function staffPathLastIn(to: number, cutsCompleteBy: number): number {
  return Math.min(to, cutsCompleteBy);
}

/**
 * The first month from `from` on in which staff can fall (`staffFallsIn`): the months of
 * [from, to] in which they fall are [this, `staffPathLastIn(to, …)`].
 */
export function staffFallsFrom(from: number): number {
  return Math.max(from, STAFF_PATH_START_INDEX + 1);
}
