import { learningCurveIndexFloat, learningCurveYears } from "./learning-curve.ts";
import { nonStaffCostFloat, transformationPhase } from "./non-staff-cost.ts";
import { allocatePence } from "./allocate-pence.ts";
import { emptyLedger, MONTH_COUNT, type Ledger } from "./ledger.ts";
import { COST_LINES, INCOME_LINES } from "./lines.ts";
import { SHORTFALL_ID } from "./parameter-specs.ts";
import { FY_COUNT, type ProjectionInputs } from "./projection-inputs.ts";
import { ExactCells, exactFte } from "./exact-cells.ts";
import { FLOAT_ERROR, roundCellOutsideBand, roundCellUnlessTie } from "./round-half-even.ts";
import { STAFF_PATH_END_INDEX, STAFF_PATH_START_INDEX } from "./staffing.ts";
import { FINANCIAL_YEARS, FY_INDEX_BY_MONTH } from "./timeline.ts";
import { VARIATION_PAYMENT_YEARS, variationPaymentId } from "./variation-payments.ts";
import { CASELOAD_PATH_END_INDEX, CASELOAD_PATH_START_INDEX } from "./workload.ts";

/**
 * Per-year working values of the CRC in hand, allocated once: Monte Carlo projects thousands of
 * draws, and small typed arrays per call cost allocation and garbage collection. Every value is
 * written before it is read in each call, so nothing carries from one call to the next.
 */
const SCRATCH = {
  ffsY: new Float64Array(FY_COUNT),
  floorY: new Float64Array(FY_COUNT),
  upliftY: new Float64Array(FY_COUNT),
  nonStaffY: new Float64Array(FY_COUNT),
  scY: new Float64Array(FY_COUNT),
  payY: new Float64Array(FY_COUNT),
  /**
   * The one-off cells of the CRC in hand added up by financial year, up to its end (the months
   * `monthCells` covers): the variation's payments, PbR, ICT compensation and termination.
   */
  variationPaidY: new Float64Array(FY_COUNT),
  pbrY: new Float64Array(FY_COUNT),
  ictY: new Float64Array(FY_COUNT),
  terminationY: new Float64Array(FY_COUNT),
  /** The national caseload at each PbR cohort's start (at most one cohort a quarter). */
  cohortTotals: new Float64Array(MONTH_COUNT),
  /** Each CRC's caseload at each cohort's start, `[c × COHORTS_MAX + j]` (grown to the CRCs). */
  cohortCaseloads: new Float64Array(0),
};
const COHORTS_MAX = Math.ceil(MONTH_COUNT / 3);

/** Lines not written in every month up to a CRC's end: a reused ledger clears them first. */
const SPARSE_LINES = [
  "variation",
  "guarantee",
  "pbr",
  "ict_compensation",
  "termination",
  "redundancy_cost",
] as const;

/** Financial-year index of each month, as a typed array for the hot loops. */
const FY_OF = Int32Array.from(FY_INDEX_BY_MONTH);
/** First and last month index of each financial year. */
const FY_FIRST = Int32Array.from(FINANCIAL_YEARS, (_, y) => FY_INDEX_BY_MONTH.indexOf(y));
const FY_LAST = Int32Array.from(FINANCIAL_YEARS, (_, y) => FY_INDEX_BY_MONTH.lastIndexOf(y));
const CASELOAD_SPAN = CASELOAD_PATH_END_INDEX - CASELOAD_PATH_START_INDEX;
const STAFF_SPAN = STAFF_PATH_END_INDEX - STAFF_PATH_START_INDEX;
/**
 * From this month FTE and caseload are flat (both paths have ended), so within a financial year
 * staff cost, service credits and cost_total are the same every month.
 */
const FLAT_FROM = Math.max(STAFF_PATH_END_INDEX + 1, CASELOAD_PATH_END_INDEX);
const PHASE = FINANCIAL_YEARS.map((_, y) => transformationPhase(y));
const VARIATION_PAYMENT_IDS = VARIATION_PAYMENT_YEARS.map(variationPaymentId);

/**
 * The lines `projectFloatSums` sums by financial year: the income lines, then the cost lines
 * (their totals give income_total, cost_total and profit).
 */
export const SUMMED_LINES = [...INCOME_LINES, ...COST_LINES] as const;
const SUM_FFS = SUMMED_LINES.indexOf("fee_for_service");
const SUM_VARIATION = SUMMED_LINES.indexOf("variation");
const SUM_GUARANTEE = SUMMED_LINES.indexOf("guarantee");
const SUM_PBR = SUMMED_LINES.indexOf("pbr");
const SUM_CREDITS = SUMMED_LINES.indexOf("service_credits");
const SUM_ICT = SUMMED_LINES.indexOf("ict_compensation");
const SUM_TERMINATION = SUMMED_LINES.indexOf("termination");
const SUM_STAFF = SUMMED_LINES.indexOf("staff_cost");
const SUM_REDUNDANCY = SUMMED_LINES.indexOf("redundancy_cost");
const SUM_NON_STAFF = SUMMED_LINES.indexOf("non_staff_cost");
const VARIATION_PAYMENT_FY = VARIATION_PAYMENT_YEARS.map((fy) => FINANCIAL_YEARS.indexOf(fy));

/**
 * The columns a projection reads, each looked up once per call (in this order, so the first
 * missing one is the one reported), and the national scalars. One object literal, so every call
 * gives the same shape and the functions below that read it stay monomorphic.
 */
function readColumns(inputs: ProjectionInputs) {
  const col = (id: string) => {
    const c = inputs.values.get(id);
    if (c === undefined) throw new Error(`projection inputs lack parameter ${id}`);
    return c;
  };
  return {
    norm: col("workload.caseloadPerFteNorm")[0]!,
    price: col("size.annualPrice"),
    shortfall: col(SHORTFALL_ID),
    phi: col("ffs.fixedShare"),
    tau: col("ffs.toleranceBand"),
    cap: col("ffs.upsideCap"),
    phi2: col("variation.fixedShare"),
    scale: col("variation.scale"),
    margin: col("cost.bidMargin"),
    fixed: col("cost.fixedShare"),
    staffShare: col("cost.staffShare"),
    gap: col("cost.transformationGap"),
    achieved: col("cost.savingsAchieved"),
    discount: col("price.learningCurveDiscount"),
    gross: col("serviceCredits.grossAnnual"),
    waived: col("serviceCredits.waivedShare"),
    award: col("staff.payAward"),
    floor: col("guarantee.floorShareOfCost"),
    scFeedback: col("workload.feedback.serviceCreditsPer10Pct"),
    pbrFeedback: col("workload.feedback.pbrPtsPer10Pct"),
    cl14: col("size.caseload2014"),
    growth: col("caseload.growth"),
    fte14: col("staff.fteJune2014"),
    fte17: col("staff.fteJune2017"),
    cut: col("staff.cutScale"),
    loaded: col("staff.loadedCostPerFte"),
    termMonths: col("termination.paymentMonths"),
    wpy: col("redundancy.weeksPerYear"),
    service: col("redundancy.avgServiceYears"),
    capWeeks: col("redundancy.capWeeks"),
    redShare: col("redundancy.shareOfReduction"),
    mf: col("redundancy.modernisationFundShare"),
    onCost: col("staff.onCostRate"),
    first: col("pbr.firstCohort")[0]!,
    lag: col("pbr.cashLagMonths")[0]!,
    priceB: col("pbr.binaryPricePerPoint")[0]!,
    priceF: col("pbr.frequencyPricePerPoint")[0]!,
    rB: col("pbr.binaryReductionPts"),
    rF: col("pbr.frequencyReductionPct"),
    deduction: col("pbr.deductionThreshold"),
    ictMonth: col("ict.paymentMonth")[0]!,
    ictTotal: col("ict.compensationTotal")[0]!,
    variationPayments: VARIATION_PAYMENT_IDS.map((id) => col(id)[0]!),
    end: col("termination.endDate"),
    start: col("variation.start"),
    inputs,
  };
}
type Columns = ReturnType<typeof readColumns>;

/**
 * The exact ledger's cells for this projection's inputs (exact-cells.ts), for cells of rules
 * that divide before they multiply on the exact path and land on a half-penny here: the exact
 * path's 40-digit rounding of the repeating decimal decides such a cell, not half-even.
 */
function exact(k: Columns): ExactCells {
  return (exactCells ??= new ExactCells(k.inputs));
}

/**
 * The projection in hand's `exact` cells, made on first need; cleared as each projection starts
 * (Monte Carlo reuses one inputs object, its columns rewritten each draw). Kept out of `Columns`
 * so that object's shape never changes in the hot loops.
 */
let exactCells: ExactCells | null = null;

/**
 * The same model as `projectExact`, in float64 arithmetic with no allocation in its loops: the
 * fast path for Monte Carlo (issue #6). Each cell is rounded half-even to whole pence at the
 * same point as in the exact ledger, and totals are sums of the rounded cells, so for the same
 * inputs the two ledgers agree cell by cell except where float64's ~16 significant digits put a
 * cell on the other side of a half-penny (a test checks every preset: no such cell).
 *
 * Every rule here mirrors one in the exact path (named in the comments); a change to a rule
 * must change both, and test/properties/float-path.test.ts compares them on random scenarios.
 *
 * The work is split into small functions (per-year values, one-off payments, month cells),
 * each called once per CRC: one large function exhausts V8's inlining budget, and the rounding
 * calls it could not inline cost a call and a boxed number each (issue #6 profile).
 */
export function projectFloat(inputs: ProjectionInputs, into?: Ledger): Ledger {
  const k = readColumns(inputs);
  const ledger = into ?? emptyLedger(inputs.crcs, k.norm);
  if (into !== undefined) {
    // Lines written only in some months start from zero; the others are written in every month
    // up to a CRC's end (and zeroed after it below), so a reused ledger needs no more clearing.
    for (const line of SPARSE_LINES) ledger.money[line].fill(0);
  }
  project(k, inputs.crcs.length, ledger, undefined);
  return ledger;
}

/** `projectFloatSums`'s ledger, for the variation's payments only (kept for the next call). */
let sumsLedger: Ledger | undefined;

/**
 * What `projectFloat` computes, kept as each CRC's income and cost lines summed by financial
 * year, `lineYearSums[(c × SUMMED_LINES.length + line) × FY_COUNT + y]` (length crcs ×
 * SUMMED_LINES × FY_COUNT), without writing a ledger's month cells: all a Monte Carlo draw keeps
 * (issue #6; writing and reading back the cells was a third of a draw). The cells are made by
 * the same code as `projectFloat`'s and only added up (they are whole pence and every sum stays
 * below 2^53, so the sums are exact, and the same as the ledger's in any order): the one-off
 * payments by year as they are made, the variation's payments also placed in a ledger kept for
 * this (the guarantee reads them month by month), and a month-invariant line's year as its
 * value times its months where no month needs its own cell (no guarantee floor).
 */
export function projectFloatSums(inputs: ProjectionInputs, lineYearSums: Float64Array): void {
  const n = inputs.crcs.length;
  const k = readColumns(inputs);
  if (lineYearSums.length !== n * SUMMED_LINES.length * FY_COUNT)
    throw new RangeError(
      `lineYearSums has ${lineYearSums.length} values, not ${n * SUMMED_LINES.length * FY_COUNT} (CRCs × lines × years)`,
    );
  if (sumsLedger === undefined || sumsLedger.fte.length !== n * MONTH_COUNT)
    sumsLedger = emptyLedger(inputs.crcs, k.norm);
  sumsLedger.money.variation.fill(0);
  project(k, n, sumsLedger, lineYearSums);
}

/**
 * The projection's cells, CRC by CRC: into the ledger's month cells if `sums` is undefined, else
 * added up into `sums` (the ledger then holds only the one-off cells, cleared by the caller).
 */
function project(k: Columns, n: number, ledger: Ledger, sums: Float64Array | undefined): void {
  exactCells = null;
  let priceSum = 0;
  for (let c = 0; c < n; c++) priceSum += k.price[c * FY_COUNT]!;
  const cohorts = cohortCaseloads(k, n);

  // One-off payments, shared out by largest remainder (allocate-pence.ts, variation-payments.ts).
  const ict = allocateFloat(k.ictTotal, k.price, n);
  const varParts = k.variationPayments.map((total) => allocateFloat(total, k.price, n));

  for (let c = 0; c < n; c++) {
    yearValues(k, c, priceSum);
    oneOffCells(k, ledger, c, ict, varParts, cohorts, sums === undefined);
    monthCells(k, ledger, c, priceSum, sums);
  }
}

/**
 * The caseload path (workload.ts caseloadAt) at each PbR cohort's start (pbr-cohorts.ts), each
 * CRC's and the nation's, once for all CRCs. Returns the number of cohorts paid in the contract.
 */
function cohortCaseloads(k: Columns, n: number): number {
  const { first, lag, cl14, growth } = k;
  if (SCRATCH.cohortCaseloads.length < n * COHORTS_MAX)
    SCRATCH.cohortCaseloads = new Float64Array(n * COHORTS_MAX);
  const each = SCRATCH.cohortCaseloads;
  const totals = SCRATCH.cohortTotals;
  let j = 0;
  for (let start = first; start + lag < MONTH_COUNT; start += 3, j++) {
    const steps = Math.min(CASELOAD_SPAN, Math.max(0, start - CASELOAD_PATH_START_INDEX));
    let total = 0;
    for (let c = 0; c < n; c++) {
      const caseload = cl14[c * FY_COUNT]! * (1 + (growth[c * FY_COUNT]! * steps) / CASELOAD_SPAN);
      each[c * COHORTS_MAX + j] = caseload;
      total += caseload;
    }
    totals[j] = total;
  }
  return j;
}

/**
 * Per financial year of CRC c (fee-for-service.ts, variation.ts, non-staff-cost.ts,
 * service-credits.ts, pay-index.ts), into SCRATCH.
 */
function yearValues(k: Columns, c: number, priceSum: number): void {
  const { ffsY, floorY, upliftY, nonStaffY, scY, payY } = SCRATCH;
  const { shortfall, tau, cap, phi: phiC, phi2, fixed, staffShare, gross, waived, award } = k;
  const c0 = c * FY_COUNT;
  const P = k.price[c0]!;
  const end = k.end[c0]!;
  const varStart = k.start[c0]!;
  const scale = k.scale[c0]!;
  const margin = k.margin[c0]!;
  const gap = k.gap[c0]!;
  const achieved = k.achieved[c0]!;
  const discount = k.discount[c0]!;
  const startYear = FY_OF[Math.min(varStart, MONTH_COUNT - 1)]!;
  // Tie bands (round-half-even.ts), FLOAT_ERROR times a bound on the sizes of each rule's
  // terms, where terms can cancel: non-staff cost's shares (each at most 1, 1 − f times 1 − s at
  // most 1.5, the gap's at most 2 gap) and the variation's (φ′ + φ ≤ 2, |1 − v| + 1 ≤ 2.5).
  const nonStaffBand = ((P * (4 + 2 * Math.abs(gap))) / (Math.abs(1 + margin) * 12)) * FLOAT_ERROR;
  const upliftFactor = ((5 * Math.abs(scale)) / 12) * FLOAT_ERROR;
  const creditsFactor = (P / (priceSum * 12)) * FLOAT_ERROR;
  for (let y = 0; y < FY_COUNT; y++) {
    const i = c0 + y;
    const s = shortfall[i]!;
    const t = tau[i]!;
    const v = Math.abs(s) <= t ? 1 : s > 0 ? 1 - (s - t) : Math.min(1 - s - t, 1 + cap[i]!);
    const phi = phiC[i]!;
    const Pk = P * learningCurveIndexFloat(discount, learningCurveYears(y));
    // Each cell rounded to the penny, or at a half-penny settled on the exact path (`exact`).
    // (every term of the fee is positive: its scale is itself)
    const ffsX = (Pk * (phi + (1 - phi) * v)) / 12;
    const ffs = roundCellOutsideBand(ffsX, ffsX * FLOAT_ERROR);
    ffsY[y] = ffs === ffs ? ffs : exact(k).feeForServicePence(c, y);
    if (y >= startYear && varStart <= end) {
      const uplift = roundCellOutsideBand(
        (Pk * (phi2[i]! - phi) * (1 - v) * scale) / 12,
        Pk * upliftFactor,
      );
      upliftY[y] = uplift === uplift ? uplift : exact(k).upliftPence(c, y);
    } else upliftY[y] = 0;
    const nonStaff = roundCellOutsideBand(
      nonStaffCostFloat(P, margin, fixed[i]!, staffShare[i]!, s, gap, achieved, PHASE[y]!),
      nonStaffBand,
    );
    nonStaffY[y] = nonStaff === nonStaff ? nonStaff : exact(k).nonStaffPence(c, y);
    // (1 − waived can cancel: the band is the gross's share before it)
    const credits = roundCellOutsideBand(
      (-gross[y]! * (1 - waived[i]!) * P) / (priceSum * 12),
      Math.abs(gross[y]!) * creditsFactor,
    );
    scY[y] = credits === credits ? credits : exact(k).serviceCreditsPence(c, y);
    payY[y] = y === 0 ? 1 : payY[y - 1]! * (1 + award[i]!);
    floorY[y] = k.floor[i]!;
  }
}

const paidOutcome = (r: number, d: number) => (r >= 0 ? r : r + d < 0 ? r + d : 0);

/**
 * CRC c's one-off cells: the variation's payments, ICT compensation, PbR and termination, added
 * up by year (into SCRATCH, up to the CRC's end) and placed in the ledger (only the variation's
 * payments unless `cells`: the other lines are read from the ledger only to write its cells).
 */
function oneOffCells(
  k: Columns,
  ledger: Ledger,
  c: number,
  ict: readonly number[],
  varParts: readonly (readonly number[])[],
  cohorts: number,
  cells: boolean,
): void {
  const { variationPaidY, pbrY, ictY, terminationY } = SCRATCH;
  // A loop, not four `fill` calls: a native call per 8-value array cost more than the stores.
  for (let y = 0; y < FY_COUNT; y++) {
    variationPaidY[y] = 0;
    pbrY[y] = 0;
    ictY[y] = 0;
    terminationY[y] = 0;
  }
  const L = ledger.money;
  const variationL = L.variation;
  const pbrL = L.pbr;
  const base = c * MONTH_COUNT;
  const c0 = c * FY_COUNT;
  const end = k.end[c0]!;
  const varStart = k.start[c0]!;
  const scale = k.scale[c0]!;
  for (let p = 0; p < varParts.length; p++) {
    // Spread over the year's months before the variation start (variation-payments.ts).
    const fyIndex = VARIATION_PAYMENT_FY[p]!;
    const from = FY_FIRST[fyIndex]!;
    const to = Math.min(FY_LAST[fyIndex]!, varStart - 1);
    const count = to - from + 1;
    if (count <= 0) continue;
    let scaled = roundCellUnlessTie(scale * varParts[p]![c]!, scale * varParts[p]![c]!);
    if (scaled !== scaled) scaled = exact(k).scaledPence(c, varParts[p]![c]!);
    const sign = scaled < 0 ? -1 : 1;
    const each = Math.floor(Math.abs(scaled) / count);
    let left = Math.abs(scaled) - each * count;
    let paid = 0;
    for (let m = from; m <= to; m++, left--) {
      const cell = sign * (each + (left > 0 ? 1 : 0)) || 0;
      variationL[base + m] = cell;
      if (m <= end) paid += cell;
    }
    variationPaidY[fyIndex] = variationPaidY[fyIndex]! + paid;
  }
  if (k.ictMonth <= end) {
    if (cells) L.ict_compensation[base + k.ictMonth] = ict[c]!;
    ictY[FY_OF[k.ictMonth]!] = ictY[FY_OF[k.ictMonth]!]! + ict[c]!;
  }

  // PbR cohorts (pbr.ts, pbr-cohorts.ts); the staffing path (staffing.ts) for the feedback.
  const { first, lag, norm, priceB, priceF, pbrFeedback, rB, rF, deduction } = k;
  const fte14 = k.fte14[c0]!;
  const fteChange = (k.fte17[c0]! - fte14) * k.cut[c0]!;
  const caseloads = SCRATCH.cohortCaseloads;
  const totals = SCRATCH.cohortTotals;
  for (let j = 0, start = first; j < cohorts; j++, start += 3) {
    const cash = start + lag;
    if (cash > end) continue;
    const y = FY_OF[start]!;
    const caseload = caseloads[c * COHORTS_MAX + j]!;
    const i = c0 + y;
    const coef = pbrFeedback[i]!;
    let excess = 0;
    // The penalty's scale: the workload ratio, with the FTE path's cancellation (a cut to near
    // 0 FTE) carried into it.
    let penaltyScale = 0;
    if (coef !== 0) {
      const steps = Math.min(STAFF_SPAN, Math.max(0, start - STAFF_PATH_START_INDEX));
      const fte = fte14 + (fteChange * steps) / STAFF_SPAN;
      const ratio = caseload / fte / norm;
      excess = Math.max(0, ratio - 1);
      penaltyScale = Math.abs(coef) * 10 * (1 + (ratio * (fte14 + Math.abs(fteChange))) / fte);
    }
    const penalty = coef * 10 * excess;
    const d = deduction[i]!;
    const pay =
      priceB * paidOutcome(rB[i]! - penalty, d) + priceF * paidOutcome(rF[i]! - penalty, d);
    const share = (pay * caseload) / totals[j]!;
    const payScale =
      Math.abs(priceB) * (Math.abs(rB[i]!) + Math.abs(d) + penaltyScale) +
      Math.abs(priceF) * (Math.abs(rF[i]!) + Math.abs(d) + penaltyScale);
    let cell = roundCellUnlessTie(share, (payScale * caseload) / totals[j]!);
    if (cell !== cell) cell = exact(k).pbrPence(c, start, y);
    if (cells) pbrL[base + cash] = cell;
    pbrY[FY_OF[cash]!] = pbrY[FY_OF[cash]!]! + cell;
  }
  if (end < MONTH_COUNT - 1) {
    const payment = (k.price[c0]! * k.termMonths[c0]!) / 12;
    let cell = roundCellUnlessTie(payment, payment);
    if (cell !== cell) cell = exact(k).terminationPence(c);
    if (cells) L.termination[base + end] = cell;
    terminationY[FY_OF[end]!] = terminationY[FY_OF[end]!]! + cell;
  }
}

/**
 * CRC c's month cells, financial year by financial year: fee for service, the variation's
 * uplift, staff, redundancy and non-staff cost, service credits, the guarantee, FTE, caseload
 * and the totals (the one-off cells placed by `oneOffCells` are read), then zeros after an
 * early end; or, given `sums`, the same cells only added up by year (`projectFloatSums`).
 */
function monthCells(
  k: Columns,
  ledger: Ledger,
  c: number,
  priceSum: number,
  sums: Float64Array | undefined,
): void {
  const L = ledger.money;
  const feeForServiceL = L.fee_for_service;
  const variationL = L.variation;
  const guaranteeL = L.guarantee;
  const pbrL = L.pbr;
  const serviceCreditsL = L.service_credits;
  const ictCompensationL = L.ict_compensation;
  const terminationL = L.termination;
  const incomeTotalL = L.income_total;
  const staffCostL = L.staff_cost;
  const redundancyCostL = L.redundancy_cost;
  const nonStaffCostL = L.non_staff_cost;
  const costTotalL = L.cost_total;
  const profitL = L.profit;
  const fteOut = ledger.fte;
  const caseloadOut = ledger.caseload;
  const { ffsY, floorY, upliftY, nonStaffY, scY, payY } = SCRATCH;
  const { variationPaidY, pbrY, ictY, terminationY } = SCRATCH;
  const norm = k.norm;
  const base = c * MONTH_COUNT;
  const c0 = c * FY_COUNT;
  const P = k.price[c0]!;
  const end = k.end[c0]!;
  const varStart = k.start[c0]!;
  const loaded = k.loaded[c0]!;

  // Redundancy (staffing.ts fteReductionAt, redundancy.ts).
  const fte14 = k.fte14[c0]!;
  const fall = (fte14 - k.fte17[c0]!) * k.cut[c0]!;
  const reduction = fall > 0 ? fall / STAFF_SPAN : 0;
  const weeks = Math.min(k.wpy[c0]! * k.service[c0]!, k.capWeeks[c0]!);
  const redundancyPerPayIndex =
    (reduction * k.redShare[c0]! * loaded * weeks * (1 - k.mf[c0]!)) / ((1 + k.onCost[c0]!) * 52);
  // Its scale: FTE14 − FTE17 and 1 − MF share can cancel.
  const redundancyScale =
    ((((fte14 + Math.abs(k.fte17[c0]!)) * Math.abs(k.cut[c0]!)) / STAFF_SPAN) *
      k.redShare[c0]! *
      loaded *
      weeks *
      (1 + Math.abs(k.mf[c0]!))) /
    ((1 + k.onCost[c0]!) * 52);

  // The staffing and caseload paths (staffing.ts, workload.ts caseloadAt), with the same
  // arithmetic, so every value is bit for bit the same.
  const cl14 = k.cl14[c0]!;
  const growth = k.growth[c0]!;
  const fteChange = (k.fte17[c0]! - fte14) * k.cut[c0]!;
  /** FTE14 + |change|: the size of the FTE path's terms (see `creditsScale`). */
  const fteSpan = fte14 + Math.abs(fteChange);
  /** A staff cell's tie band before its pay index: FTE's terms times the loaded cost, / 12. */
  const staffBand = ((fteSpan * loaded) / 12) * FLOAT_ERROR;
  const caseloadFlat = cl14 * (1 + (growth * CASELOAD_SPAN) / CASELOAD_SPAN);
  const creditsDivisor = priceSum * 12;
  /** Write the month cells (projectFloat), else only add them up into `sums`. */
  const cells = sums === undefined;
  const sumsAt = c * SUMMED_LINES.length * FY_COUNT;
  let staffPence = 0;
  let redundancyPence = 0;
  let fte = 0;
  let y = 0;
  for (; y < FY_COUNT && FY_FIRST[y]! <= end; y++) {
    const from = FY_FIRST[y]!;
    const last = Math.min(FY_LAST[y]!, end);
    const ffs = ffsY[y]!;
    const uplift = upliftY[y]!;
    const nonStaff = nonStaffY[y]!;
    const pay = payY[y]!;
    const g = floorY[y]!;
    /** Does a month need its own variation cell (to write it, or for the guarantee)? */
    const monthly = cells || g !== 0;
    const scCoef = k.scFeedback[c0 + y]!;
    // −gross × (1 − waived) × P, the first factors of the service-credit cell (left to right).
    const creditsBase = -k.gross[y]! * (1 - k.waived[c0 + y]!) * P;
    // The year's sums of the lines that can change month by month.
    let sumVariation = 0;
    let sumGuarantee = 0;
    let sumCredits = 0;
    let sumStaff = 0;
    let sumRedundancy = 0;

    // Months on the staffing or caseload path: FTE, staff cost and caseload move each month.
    const rampLast = Math.min(last, FLAT_FROM - 1);
    for (let m = from; m <= rampLast; m++) {
      const i = base + m;
      const ramp = m <= STAFF_PATH_END_INDEX;
      if (ramp) {
        const steps = Math.min(STAFF_SPAN, Math.max(0, m - STAFF_PATH_START_INDEX));
        fte = fte14 + (fteChange * steps) / STAFF_SPAN;
      }
      let variation = variationL[i]!;
      if (m >= varStart) variation = variation + uplift;
      if (ramp || m === from) staffPence = staffCell(k, c, m, fte, staffBand, loaded, pay);
      let redundancy = 0;
      const redundant = ramp && m > STAFF_PATH_START_INDEX && reduction > 0;
      if (redundant) {
        if (m === from || m === STAFF_PATH_START_INDEX + 1) {
          redundancyPence = roundCellUnlessTie(redundancyPerPayIndex * pay, redundancyScale * pay);
          if (redundancyPence !== redundancyPence) redundancyPence = exact(k).redundancyPence(c, m);
        }
        redundancy = redundancyPence;
      }
      // Read only by the service credits' feedback and the caseload cell.
      const caseload =
        scCoef === 0 && !cells
          ? 0
          : m < CASELOAD_PATH_END_INDEX
            ? cl14 * (1 + (growth * Math.max(0, m - CASELOAD_PATH_START_INDEX)) / CASELOAD_SPAN)
            : caseloadFlat;
      let credits = scY[y]!;
      if (scCoef !== 0) {
        const ratio = caseload / fte / norm;
        const up = scCoef * 10 * Math.max(0, ratio - 1);
        const x = (creditsBase * (1 + up)) / creditsDivisor;
        credits = roundCellUnlessTie(
          x,
          creditsScale(creditsBase, scCoef, ratio, fte, fteSpan) / creditsDivisor,
        );
        if (credits !== credits) credits = exact(k).serviceCreditsFeedbackPence(c, m, y);
      }
      const cost = staffPence + redundancy + nonStaff;
      let guarantee = 0;
      if (g !== 0) {
        const gap = guaranteeFloor(k, c, y, g, cost) - (ffs + variation + credits);
        guarantee = gap > 0 ? gap : 0;
      }
      // Every line of this cell is final here (one-off payments were placed above).
      if (cells) {
        const income =
          ffs +
          variation +
          guarantee +
          pbrL[i]! +
          credits +
          ictCompensationL[i]! +
          terminationL[i]!;
        feeForServiceL[i] = ffs;
        if (m >= varStart) variationL[i] = variation;
        nonStaffCostL[i] = nonStaff;
        staffCostL[i] = staffPence;
        if (redundant) redundancyCostL[i] = redundancy;
        fteOut[i] = fte;
        caseloadOut[i] = caseload;
        serviceCreditsL[i] = credits;
        costTotalL[i] = cost;
        if (g !== 0) guaranteeL[i] = guarantee;
        incomeTotalL[i] = income;
        profitL[i] = income - cost;
      }
      sumVariation += variation;
      sumGuarantee += guarantee;
      sumCredits += credits;
      sumStaff += staffPence;
      sumRedundancy += redundancy;
    }

    // Months after both paths: FTE (its value at the path's end, carried in `fte`) and caseload
    // are flat, so staff cost (recomputed at a new year, else carried, as above), service credits
    // and cost_total are the same in every month of the year; no redundancy.
    const flatFrom = Math.max(from, FLAT_FROM);
    if (flatFrom <= last) {
      if (flatFrom === from) staffPence = staffCell(k, c, flatFrom, fte, staffBand, loaded, pay);
      let credits = scY[y]!;
      if (scCoef !== 0) {
        const ratio = caseloadFlat / fte / norm;
        const up = scCoef * 10 * Math.max(0, ratio - 1);
        const x = (creditsBase * (1 + up)) / creditsDivisor;
        credits = roundCellUnlessTie(
          x,
          creditsScale(creditsBase, scCoef, ratio, fte, fteSpan) / creditsDivisor,
        );
        if (credits !== credits) credits = exact(k).serviceCreditsFeedbackPence(c, flatFrom, y);
      }
      const redundancy = 0;
      const cost = staffPence + redundancy + nonStaff;
      const months = last - flatFrom + 1;
      sumCredits += credits * months;
      sumStaff += staffPence * months;
      // With no cell to write and no guarantee to work out, no month here needs its own value.
      for (let m = flatFrom; monthly && m <= last; m++) {
        const i = base + m;
        let variation = variationL[i]!;
        if (m >= varStart) variation = variation + uplift;
        let guarantee = 0;
        if (g !== 0) {
          const gap = guaranteeFloor(k, c, y, g, cost) - (ffs + variation + credits);
          guarantee = gap > 0 ? gap : 0;
        }
        if (cells) {
          const income =
            ffs +
            variation +
            guarantee +
            pbrL[i]! +
            credits +
            ictCompensationL[i]! +
            terminationL[i]!;
          feeForServiceL[i] = ffs;
          if (m >= varStart) variationL[i] = variation;
          nonStaffCostL[i] = nonStaff;
          staffCostL[i] = staffPence;
          fteOut[i] = fte;
          caseloadOut[i] = caseloadFlat;
          serviceCreditsL[i] = credits;
          costTotalL[i] = cost;
          if (g !== 0) guaranteeL[i] = guarantee;
          incomeTotalL[i] = income;
          profitL[i] = income - cost;
        }
        sumVariation += variation;
        sumGuarantee += guarantee;
      }
    }
    if (sums !== undefined) {
      // Fee for service and non-staff cost are the same in every month of the year.
      const months = last - from + 1;
      const at = sumsAt + y;
      // Unless added up month by month: the payments (before the variation start, placed and
      // added up by oneOffCells) and the uplift in each month from the start.
      const upliftMonths = last - Math.max(from, varStart) + 1;
      sums[at + SUM_FFS * FY_COUNT] = ffs * months;
      sums[at + SUM_VARIATION * FY_COUNT] = monthly
        ? sumVariation
        : variationPaidY[y]! + (upliftMonths > 0 ? uplift * upliftMonths : 0);
      sums[at + SUM_GUARANTEE * FY_COUNT] = sumGuarantee;
      sums[at + SUM_PBR * FY_COUNT] = pbrY[y]!;
      sums[at + SUM_CREDITS * FY_COUNT] = sumCredits;
      sums[at + SUM_ICT * FY_COUNT] = ictY[y]!;
      sums[at + SUM_TERMINATION * FY_COUNT] = terminationY[y]!;
      sums[at + SUM_STAFF * FY_COUNT] = sumStaff;
      sums[at + SUM_REDUNDANCY * FY_COUNT] = sumRedundancy;
      sums[at + SUM_NON_STAFF * FY_COUNT] = nonStaff * months;
    }
  }
  // Years after an early end: nothing.
  if (sums !== undefined)
    for (; y < FY_COUNT; y++)
      for (let l = 0; l < SUMMED_LINES.length; l++) sums[sumsAt + l * FY_COUNT + y] = 0;
  // After an early end nothing flows (the variation's payments may have been placed there).
  if (!cells) return;
  for (let m = end + 1; m < MONTH_COUNT; m++) {
    const i = base + m;
    variationL[i] = 0;
    feeForServiceL[i] = 0;
    nonStaffCostL[i] = 0;
    staffCostL[i] = 0;
    serviceCreditsL[i] = 0;
    costTotalL[i] = 0;
    incomeTotalL[i] = 0;
    profitL[i] = 0;
    fteOut[i] = 0;
    caseloadOut[i] = 0;
  }
}

/**
 * Largest-remainder allocation pro rata to a price column: the exact integer method of
 * allocate-pence.ts (BigInt), because float64 remainders misorder ties of a few pence.
 */
function allocateFloat(totalPence: number, price: Float64Array, n: number): readonly number[] {
  // Monte Carlo projects thousands of draws in which the prices rarely change: remember the
  // last few allocations (a pure function of its arguments, so this is invisible but fast).
  search: for (const entry of allocations) {
    if (entry.total !== totalPence || entry.weights.length !== n) continue;
    for (let c = 0; c < n; c++) if (entry.weights[c] !== price[c * FY_COUNT]) continue search;
    return entry.parts;
  }
  const weights: number[] = [];
  for (let c = 0; c < n; c++) weights.push(price[c * FY_COUNT]!);
  const parts = Object.freeze(allocatePence(totalPence, weights));
  allocations.unshift({ total: totalPence, weights: Float64Array.from(weights), parts });
  if (allocations.length > ALLOCATIONS_KEPT) allocations.pop();
  return parts;
}

const ALLOCATIONS_KEPT = 4;
const allocations: { total: number; weights: Float64Array; parts: readonly number[] }[] = [];

/**
 * A staff-cost cell (staff-cost.ts: FTE × loaded cost × pay index / 12), settled when it lands
 * on a half-penny. FTE on its path carries a 28th, which the exact path rounds to 40 digits when
 * it repeats, and that hair decides the tie there: the exact cell (`exact`). But where the exact
 * FTE is a terminating decimal (always at the path's start, and in every month whose 28th
 * terminates), the loaded cost whole pence and the pay index 1, the exact path's cell is the
 * rational itself: it is decided here in integers, half to even, without decimals. Monte Carlo
 * meets these ties every draw (a whole number of FTE times a loaded cost in whole pence over 12
 * is a tie one time in 12).
 */
function staffCell(
  k: Columns,
  c: number,
  m: number,
  fte: number,
  staffBand: number,
  loaded: number,
  pay: number,
): number {
  // The scale: FTE14 + |change|, the terms of FTE on its path (a cut to near 0 FTE cancels).
  const cell = roundCellOutsideBand((fte * loaded * pay) / 12, staffBand * pay);
  return cell === cell ? cell : staffTie(k, c, m, loaded);
}

/** `staffCell` on a half-penny (kept apart: the hot function stays small and free of BigInt). */
function staffTie(k: Columns, c: number, m: number, loaded: number): number {
  const c0 = c * FY_COUNT;
  const y = FY_OF[m]!;
  let payOne = Number.isSafeInteger(loaded) && loaded >= 0;
  for (let i = 1; payOne && i <= y; i++) payOne = k.award[c0 + i] === 0;
  if (payOne && m <= STAFF_PATH_START_INDEX && Number.isInteger(k.fte14[c0]!)) {
    // The path's start, FTE14 whole (as in the data): FTE14 × loaded / 12 in safe integers.
    const n = k.fte14[c0]! * loaded;
    if (Number.isSafeInteger(n)) {
      const below = Math.floor(n / 12);
      const twice = 2 * (n - below * 12);
      return twice > 12 || (twice === 12 && below % 2 === 1) ? below + 1 : below;
    }
  }
  if (payOne) {
    const f = exactFte(k.fte14[c0]!, k.fte17[c0]!, k.cut[c0]!, m);
    const whole = f.digits === null ? null : f.digits * BigInt(loaded);
    // Products of at most 38 digits: the exact path's 40 hold them, and its division by 12
    // (rounded at 40 digits) cannot cross a half-penny that the rational does not.
    if (whole !== null && whole >= 0n && whole.toString().length <= 38) {
      const unit = 12n * 10n ** BigInt(f.places);
      const below = whole / unit;
      const twice = 2n * (whole - below * unit);
      const up = twice > unit || (twice === unit && below % 2n === 1n);
      return Number(up ? below + 1n : below);
    }
  }
  return exact(k).staffPence(c, m);
}

/** The guarantee's floor, g × cost rounded to the penny (guarantee.ts), settled likewise. */
function guaranteeFloor(k: Columns, c: number, y: number, g: number, cost: number): number {
  const cell = roundCellUnlessTie(g * cost, g * cost);
  return cell === cell ? cell : exact(k).guaranteeFloorPence(c, y, cost);
}

/**
 * The scale of a service-credit cell with the workload feedback (before dividing by 12 ΣP): the
 * base times 1 + the uplift's terms, the workload ratio carrying the FTE path's cancellation.
 */
function creditsScale(
  base: number,
  coef: number,
  ratio: number,
  fte: number,
  fteSpan: number,
): number {
  return Math.abs(base) * (1 + Math.abs(coef) * 10 * (1 + (ratio * fteSpan) / fte));
}
