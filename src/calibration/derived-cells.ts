import { ExactCells } from "../engine/exact-cells.ts";
import { MONTH_COUNT } from "../engine/ledger.ts";
import { learningCurveIndexFloat, learningCurveYears } from "../engine/learning-curve.ts";
import { FY_COUNT, type ProjectionInputs } from "../engine/projection-inputs.ts";
import {
  FLOAT_ERROR,
  roundCellOutsideBand,
  roundCellUnlessTie,
} from "../engine/round-half-even.ts";
import { STAFF_PATH_END_INDEX, STAFF_PATH_START_INDEX } from "../engine/staffing.ts";
import { FINANCIAL_YEARS, FY_INDEX_BY_MONTH } from "../engine/timeline.ts";
import { CASELOAD_PATH_END_INDEX, CASELOAD_PATH_START_INDEX } from "../engine/workload.ts";
import { SHORTFALL_ID } from "../engine/parameter-specs.ts";

/**
 * Three of the float path's cells made on their own, for the posterior's prior simulation
 * (`simulate-derived.ts`): fee for service and the variation's uplift by CRC and year, and PbR
 * income by CRC and financial year. Each is the arithmetic of src/engine/project-float.ts
 * (`yearValues`, `cohortCaseloads`, `oneOffCells`) copied operation for operation, with the same
 * tie bands and the same exact-path settlement of a half-penny, so each cell is bit for bit the
 * float path's. The simulation checks every draw that these cells equal the projected ledger's
 * where both exist (a rule changed there and not here throws), and a test compares whole runs.
 */

/** Financial-year index of each month, as the float path holds it. */
export const FY_OF = Int32Array.from(FY_INDEX_BY_MONTH);
/** First and last month index of each financial year. */
export const FY_FIRST = Int32Array.from(FINANCIAL_YEARS, (_, y) => FY_INDEX_BY_MONTH.indexOf(y));
export const FY_LAST = Int32Array.from(FINANCIAL_YEARS, (_, y) => FY_INDEX_BY_MONTH.lastIndexOf(y));
const CASELOAD_SPAN = CASELOAD_PATH_END_INDEX - CASELOAD_PATH_START_INDEX;
const STAFF_SPAN = STAFF_PATH_END_INDEX - STAFF_PATH_START_INDEX;
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
    const startYear = FY_OF[Math.min(varStart, MONTH_COUNT - 1)]!;
    const upliftFactor = ((5 * Math.abs(scale)) / 12) * FLOAT_ERROR;
    for (let y = 0; y < FY_COUNT; y++) {
      const i = c0 + y;
      const s = k.shortfall[i]!;
      const t = k.tau[i]!;
      const v = Math.abs(s) <= t ? 1 : s > 0 ? 1 - (s - t) : Math.min(1 - s - t, 1 + k.cap[i]!);
      const phi = k.phi[i]!;
      const Pk = P * learningCurveIndexFloat(discount, learningCurveYears(y));
      if (ffs !== null) {
        const ffsX = (Pk * (phi + (1 - phi) * v)) / 12;
        const cell = roundCellOutsideBand(ffsX, ffsX * FLOAT_ERROR);
        ffs[i] =
          cell === cell ? cell : (exact ??= new ExactCells(k.inputs)).feeForServicePence(c, y);
      }
      if (uplift === null) continue;
      if (y >= startYear && varStart <= end) {
        const cell = roundCellOutsideBand(
          (Pk * (k.phi2[i]! - phi) * (1 - v) * scale) / 12,
          Pk * upliftFactor,
        );
        uplift[i] = cell === cell ? cell : (exact ??= new ExactCells(k.inputs)).upliftPence(c, y);
        if (other === null || upliftOther === null) continue;
        const cellOther = roundCellOutsideBand(
          (Pk * (other.phi2[i]! - phi) * (1 - v) * scale) / 12,
          Pk * upliftFactor,
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

const paidOutcome = (r: number, d: number) => (r >= 0 ? r : r + d < 0 ? r + d : 0);

/** Scratch for `pbrYearSums`: each CRC's caseload at each cohort's start, and the nation's. */
let cohortCaseloads = new Float64Array(0);
const cohortTotals = new Float64Array(MONTH_COUNT);

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
  for (let start = first; start + lag < MONTH_COUNT; start += 3, cohorts++) {
    const steps = Math.min(CASELOAD_SPAN, Math.max(0, start - CASELOAD_PATH_START_INDEX));
    let total = 0;
    for (let c = 0; c < n; c++) {
      const caseload =
        k.cl14[c * FY_COUNT]! * (1 + (k.growth[c * FY_COUNT]! * steps) / CASELOAD_SPAN);
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
    const fteChange = (k.fte17[c0]! - fte14) * k.cut[c0]!;
    // Without the workload feedback a cohort's payment per head is its year's: kept for the
    // year's next cohorts.
    let payOf = -1;
    let pay = 0;
    let payScale = 0;
    for (let j = 0, start = first; j < cohorts; j++, start += 3) {
      const cash = start + lag;
      if (cash > end) continue;
      const y = FY_OF[start]!;
      const caseload = each[c * COHORTS_MAX + j]!;
      const i = c0 + y;
      const coef = k.pbrFeedback[i]!;
      if (coef !== 0 || payOf !== i) {
        let excess = 0;
        let penaltyScale = 0;
        if (coef !== 0) {
          const steps = Math.min(STAFF_SPAN, Math.max(0, start - STAFF_PATH_START_INDEX));
          const fte = fte14 + (fteChange * steps) / STAFF_SPAN;
          const ratio = caseload / fte / norm;
          excess = Math.max(0, ratio - 1);
          penaltyScale = Math.abs(coef) * 10 * (1 + (ratio * (fte14 + Math.abs(fteChange))) / fte);
        }
        const penalty = coef * 10 * excess;
        const d = k.deduction[i]!;
        const rB = k.rB[i]!;
        const rF = k.rF[i]!;
        pay = priceB * paidOutcome(rB - penalty, d) + priceF * paidOutcome(rF - penalty, d);
        payScale =
          Math.abs(priceB) * (Math.abs(rB) + Math.abs(d) + penaltyScale) +
          Math.abs(priceF) * (Math.abs(rF) + Math.abs(d) + penaltyScale);
        payOf = coef === 0 ? i : -1;
      }
      const share = (pay * caseload) / totals[j]!;
      let cell = roundCellUnlessTie(share, (payScale * caseload) / totals[j]!);
      if (cell !== cell) cell = (exact ??= new ExactCells(k.inputs)).pbrPence(c, start, y);
      out[c0 + FY_OF[cash]!] = out[c0 + FY_OF[cash]!]! + cell;
    }
  }
}
