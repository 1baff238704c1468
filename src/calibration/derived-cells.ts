import {
  cohortInContract,
  cohortPaid,
  feedbackApplies,
  upliftPaidInYear,
} from "../engine/applicability.ts";
import { ExactCells } from "../engine/exact-cells.ts";
import {
  discountedPriceFloat,
  feeForServiceFloat,
  volumeFactorFloat,
} from "../engine/fee-for-service.ts";
import { learningCurveYears } from "../engine/learning-curve.ts";
import { MONTH_COUNT } from "../engine/ledger.ts";
import { SHORTFALL_ID } from "../engine/parameter-specs.ts";
import { pbrCohortPaymentFloat, pbrCohortPaymentFloatScale } from "../engine/pbr.ts";
import { FY_COUNT, type ProjectionInputs } from "../engine/projection-inputs.ts";
import { roundCellUnlessTie } from "../engine/round-half-even.ts";
import { fteAtFloat, fteFloatScale } from "../engine/staffing.ts";
import { FINANCIAL_YEARS, FY_INDEX_BY_MONTH } from "../engine/timeline.ts";
import { variationUpliftFloat, variationUpliftFloatScale } from "../engine/variation.ts";
import {
  caseloadAtFloat,
  sameCaseload,
  feedbackAmountFloat,
  feedbackFloatScale,
  workloadExcessFloat,
  workloadIndexFloat,
} from "../engine/workload.ts";

/**
 * Three of the float path's cells made on their own, for the posterior's prior simulation
 * (`simulate-derived.ts`): fee for service and the variation's uplift by CRC and year, and PbR
 * income by CRC and financial year. Each is composed as src/engine/project-float.ts composes it
 * (`yearValues`, `cohortCaseloads`, `oneOffCells`): the same float twins of the rules, the same
 * tie scales, the same applicability tests and the same exact-path settlement of a half-penny,
 * so each cell is bit for bit the float path's. The simulation checks that these cells equal
 * the projected ledger's (the uplift every draw, the others on a sample of draws; a composition
 * changed there and not here throws), and a test compares whole runs.
 */

/** Financial-year index of each month, as the float path holds it. */
export const FY_OF = Int32Array.from(FY_INDEX_BY_MONTH);
/** First and last month index of each financial year. */
export const FY_FIRST = Int32Array.from(FINANCIAL_YEARS, (_, y) => FY_INDEX_BY_MONTH.indexOf(y));
export const FY_LAST = Int32Array.from(FINANCIAL_YEARS, (_, y) => FY_INDEX_BY_MONTH.lastIndexOf(y));
const COHORTS_MAX = Math.ceil(MONTH_COUNT / 3);

/** The columns the three rules read, looked up once (a drawn column is the draw's buffer). */
export interface RuleColumns {
  readonly inputs: ProjectionInputs;
  readonly n: number;
  readonly price: Float64Array;
  readonly shortfall: Float64Array;
  readonly tau: Float64Array;
  readonly cap: Float64Array;
  readonly phi: Float64Array;
  readonly phi2: Float64Array;
  readonly scale: Float64Array;
  readonly discount: Float64Array;
  readonly end: Float64Array;
  readonly start: Float64Array;
  readonly norm: Float64Array;
  readonly first: Float64Array;
  readonly lag: Float64Array;
  readonly priceB: Float64Array;
  readonly priceF: Float64Array;
  readonly rB: Float64Array;
  readonly rF: Float64Array;
  readonly deduction: Float64Array;
  readonly pbrFeedback: Float64Array;
  readonly cl14: Float64Array;
  readonly growth: Float64Array;
  readonly fte14: Float64Array;
  readonly fte17: Float64Array;
  readonly cut: Float64Array;
  readonly cutsEnd: Float64Array;
}

export function ruleColumns(inputs: ProjectionInputs): RuleColumns {
  const col = (id: string) => {
    const c = inputs.values.get(id);
    if (c === undefined) throw new Error(`projection inputs lack parameter ${id}`);
    return c;
  };
  return {
    inputs,
    n: inputs.crcs.length,
    price: col("size.annualPrice"),
    shortfall: col(SHORTFALL_ID),
    tau: col("ffs.toleranceBand"),
    cap: col("ffs.upsideCap"),
    phi: col("ffs.fixedShare"),
    phi2: col("variation.fixedShare"),
    scale: col("variation.scale"),
    discount: col("price.learningCurveDiscount"),
    end: col("termination.endDate"),
    start: col("variation.start"),
    norm: col("workload.caseloadPerFteNorm"),
    first: col("pbr.firstCohort"),
    lag: col("pbr.cashLagMonths"),
    priceB: col("pbr.binaryPricePerPoint"),
    priceF: col("pbr.frequencyPricePerPoint"),
    rB: col("pbr.binaryReductionPts"),
    rF: col("pbr.frequencyReductionPct"),
    deduction: col("pbr.deductionThreshold"),
    pbrFeedback: col("workload.feedback.pbrPtsPer10Pct"),
    cl14: col("size.caseload2014"),
    growth: col("caseload.growth"),
    fte14: col("staff.fteJune2014"),
    fte17: col("staff.fteJune2017"),
    cut: col("staff.cutScale"),
    cutsEnd: col("staff.cutsCompleteBy"),
  };
}

/** Months of financial year y up to CRC c's end (the months its fee for service is paid). */
export function monthsPaid(k: RuleColumns, c: number, y: number): number {
  const end = k.end[c * FY_COUNT]!;
  const from = FY_FIRST[y]!;
  return from > end ? 0 : Math.min(FY_LAST[y]!, end) - from + 1;
}

/**
 * Fee for service (`ffs`) and the variation's uplift (`uplift`, 0 where it is not paid) a month,
 * by CRC and year, `[c × FY_COUNT + y]` (project-float.ts `yearValues`); and the uplift of the
 * inputs `other` (`upliftOther`), which differ from `k` in φ′ only.
 */
export function yearCells(
  k: RuleColumns,
  ffs: Float64Array | null,
  uplift: Float64Array | null,
  other: RuleColumns | null = null,
  upliftOther: Float64Array | null = null,
): void {
  let exact: ExactCells | null = null;
  let exactOther: ExactCells | null = null;
  for (let c = 0; c < k.n; c++) {
    const c0 = c * FY_COUNT;
    const P = k.price[c0]!;
    const end = k.end[c0]!;
    const varStart = k.start[c0]!;
    const scale = k.scale[c0]!;
    const discount = k.discount[c0]!;
    for (let y = 0; y < FY_COUNT; y++) {
      const i = c0 + y;
      const phi = k.phi[i]!;
      const v = volumeFactorFloat(k.shortfall[i]!, k.tau[i]!, k.cap[i]!);
      const Pk = discountedPriceFloat(P, discount, learningCurveYears(y));
      if (ffs !== null) {
        const ffsX = feeForServiceFloat(Pk, phi, v);
        const cell = roundCellUnlessTie(ffsX, ffsX);
        ffs[i] =
          cell === cell ? cell : (exact ??= new ExactCells(k.inputs)).feeForServicePence(c, y);
      }
      if (uplift === null) continue;
      if (upliftPaidInYear(y, varStart, end)) {
        const upliftScale = variationUpliftFloatScale(Pk, scale);
        const cell = roundCellUnlessTie(
          variationUpliftFloat(Pk, k.phi2[i]!, phi, v, scale),
          upliftScale,
        );
        uplift[i] = cell === cell ? cell : (exact ??= new ExactCells(k.inputs)).upliftPence(c, y);
        if (other === null || upliftOther === null) continue;
        const cellOther = roundCellUnlessTie(
          variationUpliftFloat(Pk, other.phi2[i]!, phi, v, scale),
          upliftScale,
        );
        upliftOther[i] =
          cellOther === cellOther
            ? cellOther
            : (exactOther ??= new ExactCells(other.inputs)).upliftPence(c, y);
      } else {
        uplift[i] = 0;
        if (upliftOther !== null) upliftOther[i] = 0;
      }
    }
  }
}

/** Scratch for `pbrYearSums`: each CRC's caseload at each cohort's start, and the nation's. */
let cohortCaseloads = new Float64Array(0);
const cohortTotals = new Float64Array(MONTH_COUNT);
/** 1 where cohort j's caseloads (every CRC's and the total) are cohort j − 1's. */
const cohortSame = new Uint8Array(MONTH_COUNT);

/**
 * Each CRC's caseload at each PbR cohort's start, and the nation's (project-float.ts
 * `cohortCaseloads`), into scratch read by `pbrYearSums`: the same for every preset of a draw
 * that leaves the caseload, the first cohort and the cash lag alone. Returns the cohort count.
 */
export function pbrCohorts(k: RuleColumns): number {
  const n = k.n;
  const first = k.first[0]!;
  const lag = k.lag[0]!;
  if (cohortCaseloads.length < n * COHORTS_MAX) cohortCaseloads = new Float64Array(n * COHORTS_MAX);
  const each = cohortCaseloads;
  let cohorts = 0;
  for (let start = first; cohortInContract(start + lag); start += 3, cohorts++) {
    // After the caseload path's end every cohort has the same caseloads (as project-float.ts).
    cohortSame[cohorts] = cohorts > 0 && sameCaseload(start - 3, start) ? 1 : 0;
    if (cohortSame[cohorts] === 1) {
      for (let c = 0; c < n; c++)
        each[c * COHORTS_MAX + cohorts] = each[c * COHORTS_MAX + cohorts - 1]!;
      cohortTotals[cohorts] = cohortTotals[cohorts - 1]!;
      continue;
    }
    let total = 0;
    for (let c = 0; c < n; c++) {
      const caseload = caseloadAtFloat(k.cl14[c * FY_COUNT]!, k.growth[c * FY_COUNT]!, start);
      each[c * COHORTS_MAX + cohorts] = caseload;
      total += caseload;
    }
    cohortTotals[cohorts] = total;
  }
  return cohorts;
}

/**
 * PbR income by CRC and the financial year it is paid, `[c × FY_COUNT + y]` (the PbR cohorts of
 * project-float.ts `oneOffCells`), from the `cohorts` cohorts `pbrCohorts` made for inputs with
 * the same caseload, first cohort and cash lag.
 */
export function pbrYearSums(k: RuleColumns, cohorts: number, out: Float64Array): void {
  const n = k.n;
  out.fill(0, 0, n * FY_COUNT);
  const first = k.first[0]!;
  const lag = k.lag[0]!;
  const norm = k.norm[0]!;
  const priceB = k.priceB[0]!;
  const priceF = k.priceF[0]!;
  const each = cohortCaseloads;
  const totals = cohortTotals;
  let exact: ExactCells | null = null;
  for (let c = 0; c < n; c++) {
    const c0 = c * FY_COUNT;
    const end = k.end[c0]!;
    const fte14 = k.fte14[c0]!;
    const fte17 = k.fte17[c0]!;
    const cut = k.cut[c0]!;
    const fteScale = fteFloatScale(fte14, fte17, cut);
    // The cell before, reused as project-float.ts `oneOffCells` does.
    let lastJ = -1;
    let lastY = -1;
    let lastCell = 0;
    for (let j = 0, start = first; j < cohorts; j++, start += 3) {
      const cash = start + lag;
      if (!cohortPaid(cash, end)) continue;
      const y = FY_OF[start]!;
      const i = c0 + y;
      const coef = k.pbrFeedback[i]!;
      if (lastJ === j - 1 && lastY === y && cohortSame[j] === 1 && !feedbackApplies(coef)) {
        out[c0 + FY_OF[cash]!] = out[c0 + FY_OF[cash]!]! + lastCell;
        lastJ = j;
        continue;
      }
      const caseload = each[c * COHORTS_MAX + j]!;
      const total = totals[j]!;
      let penalty = 0;
      let penaltyScale = 0;
      if (feedbackApplies(coef)) {
        const fte = fteAtFloat(fte14, fte17, cut, k.cutsEnd[c0]!, start);
        const index = workloadIndexFloat(caseload, fte, norm);
        penalty = feedbackAmountFloat(coef, workloadExcessFloat(index));
        penaltyScale = feedbackFloatScale(coef, index, fte, fteScale);
      }
      const d = k.deduction[i]!;
      // Two reads, not `[rB, rF] = [...]`: that array was made for every cell (32 kB a draw).
      const rB = k.rB[i]!;
      const rF = k.rF[i]!;
      let cell = roundCellUnlessTie(
        pbrCohortPaymentFloat(priceB, priceF, rB, rF, d, caseload, total, penalty),
        pbrCohortPaymentFloatScale(priceB, priceF, rB, rF, d, caseload, total, penaltyScale),
      );
      if (cell !== cell) cell = (exact ??= new ExactCells(k.inputs)).pbrPence(c, start, y);
      out[c0 + FY_OF[cash]!] = out[c0 + FY_OF[cash]!]! + cell;
      lastJ = j;
      lastY = y;
      lastCell = cell;
    }
  }
}
