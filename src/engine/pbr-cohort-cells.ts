import { cohortInContract, cohortPaid, feedbackApplies } from "./applicability.ts";
import { MONTH_COUNT } from "./ledger.ts";
import { pbrCohortPaymentFloat, pbrCohortPaymentFloatScale } from "./pbr.ts";
import { FY_COUNT } from "./projection-inputs.ts";
import { roundCellUnlessTie } from "./round-half-even.ts";
import { fteAtFloat, fteFloatScale } from "./staffing.ts";
import { FY_OF_MONTH } from "./timeline.ts";
import {
  caseloadAtFloat,
  feedbackAmountFloat,
  feedbackFloatScale,
  sameCaseload,
  workloadExcessFloat,
  workloadIndexFloat,
} from "./workload.ts";

/*
 * The PbR cohorts on a float path, written once (issue #13): which cohorts there are, each
 * CRC's caseload at their start, and each cohort's cell, for every float path that makes PbR
 * cells (the posterior's derived cells, src/calibration/derived-cells.ts; the float projection
 * can call the same). The cells are the rule's float twin (`pbrCohortPaymentFloat`), with the
 * workload feedback on the FTE path where it applies, rounded at the same point as the exact
 * path (pbr-cohorts.ts, project-exact.ts); a cell in the tie band of a half-penny is NaN, for
 * the caller to settle on the exact path (`ExactCells.pbrPence`).
 */

/** At most one PbR cohort a quarter. */
export const COHORTS_MAX = Math.ceil(MONTH_COUNT / 3);

/** Each CRC's caseload at each PbR cohort's start, and the nation's (scratch, reused). */
export interface CohortCaseloads {
  /** `[c × COHORTS_MAX + j]`: CRC c's caseload at cohort j's start (grown to the CRCs). */
  each: Float64Array;
  /** The national caseload at cohort j's start. */
  readonly totals: Float64Array;
  /** 1 where cohort j's caseloads (every CRC's and the total) are cohort j − 1's. */
  readonly same: Uint8Array;
}

export function cohortCaseloadsScratch(): CohortCaseloads {
  return {
    each: new Float64Array(0),
    totals: new Float64Array(MONTH_COUNT),
    same: new Uint8Array(MONTH_COUNT),
  };
}

/**
 * The cohorts paid inside the contract (from month `first`, one a quarter, each paid `lag`
 * months after it starts) and each CRC's caseload at their start, into `into`; returns the
 * cohort count. After the caseload path's end every cohort has the same caseloads: copied,
 * not made again. `cl14` and `growth` are columns `[c × FY_COUNT + y]` (a CRC's value is its
 * first year's).
 */
export function cohortCaseloadsFloat(
  first: number,
  lag: number,
  cl14: Float64Array,
  growth: Float64Array,
  n: number,
  into: CohortCaseloads,
): number {
  if (into.each.length < n * COHORTS_MAX) into.each = new Float64Array(n * COHORTS_MAX);
  const { each, totals, same } = into;
  let j = 0;
  for (let start = first; cohortInContract(start + lag); start += 3, j++) {
    same[j] = j > 0 && sameCaseload(start - 3, start) ? 1 : 0;
    if (same[j] === 1) {
      for (let c = 0; c < n; c++) each[c * COHORTS_MAX + j] = each[c * COHORTS_MAX + j - 1]!;
      totals[j] = totals[j - 1]!;
      continue;
    }
    let total = 0;
    for (let c = 0; c < n; c++) {
      const caseload = caseloadAtFloat(cl14[c * FY_COUNT]!, growth[c * FY_COUNT]!, start);
      each[c * COHORTS_MAX + j] = caseload;
      total += caseload;
    }
    totals[j] = total;
  }
  return j;
}

/** The columns a PbR cohort's cell reads, `[c × FY_COUNT + y]` (the inputs' or a draw's). */
export interface PbrCohortColumns {
  readonly end: Float64Array;
  readonly fte14: Float64Array;
  readonly fte17: Float64Array;
  readonly cut: Float64Array;
  readonly cutsEnd: Float64Array;
  readonly pbrFeedback: Float64Array;
  readonly rB: Float64Array;
  readonly rF: Float64Array;
  readonly deduction: Float64Array;
}

/** The national PbR values: the same for every CRC and year. */
export interface PbrScalars {
  first: number;
  lag: number;
  norm: number;
  priceB: number;
  priceF: number;
}

/**
 * CRC c's PbR cell for each of the `cohorts` cohorts of `caseloads`, into `cells[j]` (cohort j
 * starts in month first + 3j and is paid in month first + 3j + lag): 0 where the CRC's
 * contract has ended by the cash month (nothing is paid), NaN in the tie band (the caller
 * settles it on the exact path, `ExactCells.pbrPence(c, start, FY of start)`). A cohort of the
 * same financial year as the one before, with the same caseloads and no feedback, has the same
 * inputs, so it takes that cell (as on the exact path).
 */
export function pbrCohortCellsFloat(
  k: PbrCohortColumns,
  s: PbrScalars,
  c: number,
  cohorts: number,
  caseloads: CohortCaseloads,
  cells: Float64Array,
): void {
  const { first, lag, norm, priceB, priceF } = s;
  const c0 = c * FY_COUNT;
  const end = k.end[c0]!;
  const fte14 = k.fte14[c0]!;
  const fte17 = k.fte17[c0]!;
  const cut = k.cut[c0]!;
  const cutsEnd = k.cutsEnd[c0]!;
  const fteScale = fteFloatScale(fte14, fte17, cut);
  const { each, totals, same } = caseloads;
  let lastY = -1;
  for (let j = 0, start = first; j < cohorts; j++, start += 3) {
    if (!cohortPaid(start + lag, end)) {
      cells[j] = 0;
      lastY = -1;
      continue;
    }
    const y = FY_OF_MONTH[start]!;
    const i = c0 + y;
    const coef = k.pbrFeedback[i]!;
    if (lastY === y && same[j] === 1 && !feedbackApplies(coef)) {
      cells[j] = cells[j - 1]!;
      continue;
    }
    const caseload = each[c * COHORTS_MAX + j]!;
    const total = totals[j]!;
    let penalty = 0;
    let penaltyScale = 0;
    if (feedbackApplies(coef)) {
      const fte = fteAtFloat(fte14, fte17, cut, cutsEnd, start);
      const index = workloadIndexFloat(caseload, fte, norm);
      penalty = feedbackAmountFloat(coef, workloadExcessFloat(index));
      penaltyScale = feedbackFloatScale(coef, index, fte, fteScale);
    }
    const d = k.deduction[i]!;
    // Two reads, not `[rB, rF] = [...]`: that array was made for every cell (32 kB a draw).
    const rB = k.rB[i]!;
    const rF = k.rF[i]!;
    cells[j] = roundCellUnlessTie(
      pbrCohortPaymentFloat(priceB, priceF, rB, rF, d, caseload, total, penalty),
      pbrCohortPaymentFloatScale(priceB, priceF, rB, rF, d, caseload, total, penaltyScale),
    );
    lastY = y;
  }
}
