import { allocatePence } from "./allocate-pence.ts";
import {
  cohortPaid,
  endsEarly,
  feedbackApplies,
  flowsIn,
  guaranteeApplies,
  ictPaid,
  onStaffPath,
  staffFallsFrom,
  staffFallsIn,
  staffPathLastIn,
  upliftPaidIn,
  upliftPaidInYear,
  variationPaymentLastMonth,
} from "./applicability.ts";
import { ExactCells, exactFte } from "./exact-cells.ts";
import { feeYearCellFloat, upliftYearCellFloat } from "./fee-year-cells.ts";
import { guaranteeFloorFloat, guaranteeTopUpFloat } from "./guarantee.ts";
import { emptyLedger, MONTH_COUNT, type Ledger } from "./ledger.ts";
import { COST_LINES, INCOME_LINES } from "./lines.ts";
import {
  nonStaffCostFloat,
  nonStaffCostFloatScale,
  transformationPhase,
} from "./non-staff-cost.ts";
import { SHORTFALL_ID } from "./parameter-specs.ts";
import { payIndexFloat } from "./pay-index.ts";
import {
  COHORTS_MAX,
  cohortCaseloadsFloat,
  cohortCaseloadsScratch,
  pbrCohortCellsFloat,
} from "./pbr-cohort-cells.ts";
import { FY_COUNT, type ProjectionInputs } from "./projection-inputs.ts";
import { redundancyPerPayIndexFloat, redundancyPerPayIndexFloatScale } from "./redundancy.ts";
import { cellBand, roundCellOutsideBand, roundCellUnlessTie } from "./round-half-even.ts";
import { terminationPaymentFloat } from "./termination.ts";
import { serviceCreditsFloat, serviceCreditsFloatScale } from "./service-credits.ts";
import {
  staffCostFloatScale,
  staffPathBaseFloat,
  staffPathCostFloat,
  staffPathPerMonthFloat,
} from "./staff-cost.ts";
import {
  fteAtFloat,
  fteFloatScale,
  fteReductionFloat,
  STAFF_PATH_LATEST_END_INDEX,
  STAFF_PATH_START_INDEX,
  staffPathMonth,
} from "./staffing.ts";
import { FINANCIAL_YEARS, FY_FIRST_MONTH, FY_LAST_MONTH, FY_OF_MONTH } from "./timeline.ts";
import {
  VARIATION_PAYMENT_YEARS,
  variationPaymentId,
  variationPaymentSpreadFloat,
  variationPaymentSpreadSumFloat,
} from "./variation-payments.ts";
import {
  CASELOAD_PATH_END_INDEX,
  caseloadAtFloat,
  feedbackAmountFloat,
  feedbackFloatScale,
  workloadExcessFloat,
  workloadIndexFloat,
} from "./workload.ts";

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
  /** Each CRC's and the nation's caseload at each PbR cohort's start, once for all CRCs. */
  cohorts: cohortCaseloadsScratch(),
  /** The CRC in hand's PbR cell of each cohort (`pbrCohortCellsFloat`). */
  pbrCells: new Float64Array(COHORTS_MAX),
};

/** Lines not written in every month up to a CRC's end: a reused ledger clears them first. */
const SPARSE_LINES = [
  "variation",
  "guarantee",
  "pbr",
  "ict_compensation",
  "termination",
  "redundancy_cost",
] as const;

/** Financial-year index of each month, and each year's first and last month (timeline.ts). */
const FY_OF = FY_OF_MONTH;
const FY_FIRST = FY_FIRST_MONTH;
const FY_LAST = FY_LAST_MONTH;
/**
 * From this month FTE and caseload are flat (both paths have ended, whenever a CRC's cuts are
 * complete), so within a financial year staff cost, service credits and cost_total are the same
 * every month.
 */
const FLAT_FROM = Math.max(STAFF_PATH_LATEST_END_INDEX + 1, CASELOAD_PATH_END_INDEX);
const PHASE = FINANCIAL_YEARS.map((_, y) => transformationPhase(y));
const VARIATION_PAYMENT_IDS = VARIATION_PAYMENT_YEARS.map(variationPaymentId);
/** Each payment of the variation shared out between the CRCs (`project`'s, reused). */
const VARIATION_PARTS: (readonly number[])[] = VARIATION_PAYMENT_IDS.map(() => []);

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

/** The column of parameter `id`; a missing one is a bug in the caller. */
function column(inputs: ProjectionInputs, id: string): Float64Array {
  const c = inputs.values.get(id);
  if (c === undefined) throw new Error(`projection inputs lack parameter ${id}`);
  return c;
}

/** The columns of the national scalars `readScalars` reads (a class, as `Columns` is). */
class ScalarColumns {
  declare readonly norm: Float64Array;
  declare readonly first: Float64Array;
  declare readonly lag: Float64Array;
  declare readonly priceB: Float64Array;
  declare readonly priceF: Float64Array;
  declare readonly ictMonth: Float64Array;
  declare readonly ictTotal: Float64Array;
  declare readonly variationPayments: readonly Float64Array[];

  constructor(col: (id: string) => Float64Array) {
    this.norm = col("workload.caseloadPerFteNorm");
    this.first = col("pbr.firstCohort");
    this.lag = col("pbr.cashLagMonths");
    this.priceB = col("pbr.binaryPricePerPoint");
    this.priceF = col("pbr.frequencyPricePerPoint");
    this.ictMonth = col("ict.paymentMonth");
    this.ictTotal = col("ict.compensationTotal");
    this.variationPayments = VARIATION_PAYMENT_IDS.map(col);
  }
}

/**
 * The columns a projection reads, each looked up once (in this order, so the first missing one is
 * the one reported), and the national scalars (`readScalars`: a parameter read as one number
 * goes there, so that a bound projection reads it again each time). A class, not an object
 * literal: every instance is built by the same transitions with the same field types, so code
 * optimised for the first run's instance still holds for the next run's (a literal's second
 * instance comes from its boilerplate and generalises the fields, which threw away the
 * optimised projection at every second run; bench/NOTES.md). Fields are `declare`d: a class
 * field would first be defined as undefined and then overwritten, the same generalisation.
 */
class Columns {
  declare readonly scalarColumns: ScalarColumns;
  declare norm: number;
  declare readonly price: Float64Array;
  declare readonly shortfall: Float64Array;
  declare readonly phi: Float64Array;
  declare readonly tau: Float64Array;
  declare readonly cap: Float64Array;
  declare readonly phi2: Float64Array;
  declare readonly scale: Float64Array;
  declare readonly margin: Float64Array;
  declare readonly fixed: Float64Array;
  declare readonly staffShare: Float64Array;
  declare readonly gap: Float64Array;
  declare readonly achieved: Float64Array;
  declare readonly discount: Float64Array;
  declare readonly gross: Float64Array;
  declare readonly waived: Float64Array;
  declare readonly award: Float64Array;
  declare readonly floor: Float64Array;
  declare readonly scFeedback: Float64Array;
  declare readonly pbrFeedback: Float64Array;
  declare readonly cl14: Float64Array;
  declare readonly growth: Float64Array;
  declare readonly fte14: Float64Array;
  declare readonly fte17: Float64Array;
  declare readonly cut: Float64Array;
  declare readonly cutsEnd: Float64Array;
  declare readonly loaded: Float64Array;
  declare readonly termMonths: Float64Array;
  declare readonly wpy: Float64Array;
  declare readonly service: Float64Array;
  declare readonly capWeeks: Float64Array;
  declare readonly redShare: Float64Array;
  declare readonly mf: Float64Array;
  declare readonly onCost: Float64Array;
  declare first: number;
  declare lag: number;
  declare priceB: number;
  declare priceF: number;
  declare readonly rB: Float64Array;
  declare readonly rF: Float64Array;
  declare readonly deduction: Float64Array;
  declare ictMonth: number;
  declare ictTotal: number;
  declare readonly variationPayments: number[];
  declare readonly end: Float64Array;
  declare readonly start: Float64Array;
  declare readonly inputs: ProjectionInputs;

  constructor(inputs: ProjectionInputs) {
    const col = (id: string) => column(inputs, id);
    this.scalarColumns = new ScalarColumns(col);
    this.norm = NaN;
    this.price = col("size.annualPrice");
    this.shortfall = col(SHORTFALL_ID);
    this.phi = col("ffs.fixedShare");
    this.tau = col("ffs.toleranceBand");
    this.cap = col("ffs.upsideCap");
    this.phi2 = col("variation.fixedShare");
    this.scale = col("variation.scale");
    this.margin = col("cost.bidMargin");
    this.fixed = col("cost.fixedShare");
    this.staffShare = col("cost.staffShare");
    this.gap = col("cost.transformationGap");
    this.achieved = col("cost.savingsAchieved");
    this.discount = col("price.learningCurveDiscount");
    this.gross = col("serviceCredits.grossAnnual");
    this.waived = col("serviceCredits.waivedShare");
    this.award = col("staff.payAward");
    this.floor = col("guarantee.floorShareOfCost");
    this.scFeedback = col("workload.feedback.serviceCreditsPer10Pct");
    this.pbrFeedback = col("workload.feedback.pbrPtsPer10Pct");
    this.cl14 = col("size.caseload2014");
    this.growth = col("caseload.growth");
    this.fte14 = col("staff.fteJune2014");
    this.fte17 = col("staff.fteJune2017");
    this.cut = col("staff.cutScale");
    this.cutsEnd = col("staff.cutsCompleteBy");
    this.loaded = col("staff.loadedCostPerFte");
    this.termMonths = col("termination.paymentMonths");
    this.wpy = col("redundancy.weeksPerYear");
    this.service = col("redundancy.avgServiceYears");
    this.capWeeks = col("redundancy.capWeeks");
    this.redShare = col("redundancy.shareOfReduction");
    this.mf = col("redundancy.modernisationFundShare");
    this.onCost = col("staff.onCostRate");
    this.first = NaN;
    this.lag = NaN;
    this.priceB = NaN;
    this.priceF = NaN;
    this.rB = col("pbr.binaryReductionPts");
    this.rF = col("pbr.frequencyReductionPct");
    this.deduction = col("pbr.deductionThreshold");
    this.ictMonth = NaN;
    this.ictTotal = NaN;
    this.variationPayments = VARIATION_PAYMENT_IDS.map(() => NaN);
    this.end = col("termination.endDate");
    this.start = col("variation.start");
    this.inputs = inputs;
    readScalars(this);
  }
}

function readColumns(inputs: ProjectionInputs): Columns {
  return new Columns(inputs);
}

/** The national scalars of `readColumns`, from their columns as they are now. */
function readScalars(k: Columns): void {
  const s = k.scalarColumns;
  k.norm = s.norm[0]!;
  k.first = s.first[0]!;
  k.lag = s.lag[0]!;
  k.priceB = s.priceB[0]!;
  k.priceF = s.priceF[0]!;
  k.ictMonth = s.ictMonth[0]!;
  k.ictTotal = s.ictTotal[0]!;
  for (let p = 0; p < s.variationPayments.length; p++)
    k.variationPayments[p] = s.variationPayments[p]![0]!;
}

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
 * No rule is written here: each cell is its rule's float twin, beside the exact rule in the
 * rule's file (`feeForServiceFloat` in fee-for-service.ts, …), and whether a rule applies in a
 * month is decided by applicability.ts, as on the exact path; this file orders the work, keeps
 * the per-year values and settles half-penny cells. Each twin's law (its rule's test file)
 * checks it rounds to the exact rule's pence; test/properties/float-path.test.ts compares the
 * two ledgers on random scenarios.
 *
 * The work is split into small functions (per-year values, one-off payments, month cells),
 * each called once per CRC, so that V8 inlines the twins each calls (bench/NOTES.md).
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
 * (issue #6). The cells are made by
 * the same code as `projectFloat`'s and only added up (they are whole pence and every sum stays
 * below 2^53, so the sums are exact, and the same as the ledger's in any order): the one-off
 * payments by year as they are made, the variation's payments also placed in a ledger kept for
 * this (the guarantee reads them month by month), and a month-invariant line's year as its
 * value times its months where no month needs its own cell (no guarantee floor).
 */
export function projectFloatSums(inputs: ProjectionInputs, lineYearSums: Float64Array): void {
  projectSums(readColumns(inputs), lineYearSums);
}

/**
 * `projectFloatSums` bound to one inputs object, for many projections of it whose columns are
 * rewritten in place between calls, never replaced (a Monte Carlo's draw buffers, sampler.ts):
 * the columns are looked up by name once, here, not at every call (44 lookups, about 4% of a
 * draw; bench/NOTES.md); the national scalars are read again at every call.
 */
export function floatSumsProjector(inputs: ProjectionInputs): FloatSumsProjector {
  return new FloatSumsProjector(readColumns(inputs));
}

/**
 * A bound `projectFloatSums` (`floatSumsProjector`). An object with a method, not a closure: a
 * run's new closure would be a new call target where the Monte Carlo loop calls it, and V8 would
 * throw away that loop's optimised code at every run's start (bench/NOTES.md).
 */
export class FloatSumsProjector {
  readonly #k: Columns;

  constructor(k: Columns) {
    this.#k = k;
  }

  /** The sums, as `projectFloatSums(inputs, lineYearSums)` with the inputs as they are now. */
  project(lineYearSums: Float64Array): void {
    readScalars(this.#k);
    projectSums(this.#k, lineYearSums);
  }
}

function projectSums(k: Columns, lineYearSums: Float64Array): void {
  const inputs = k.inputs;
  const n = inputs.crcs.length;
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
  const cohorts = cohortCaseloadsFloat(k.first, k.lag, k.cl14, k.growth, n, SCRATCH.cohorts);

  // One-off payments, shared out by largest remainder (allocate-pence.ts, variation-payments.ts).
  const ict = allocateFloat(k.ictTotal, k.price, n);
  const varParts = VARIATION_PARTS;
  for (let p = 0; p < varParts.length; p++)
    varParts[p] = allocateFloat(k.variationPayments[p]!, k.price, n);

  for (let c = 0; c < n; c++) {
    yearValues(k, c, priceSum);
    oneOffCells(k, ledger, c, ict, varParts, cohorts, sums === undefined);
    monthCells(k, ledger, c, priceSum, sums);
  }
}

/**
 * CRC c's cells that are the same in every month of a financial year (fee for service, the
 * variation's uplift, non-staff cost, service credits without feedback) and its pay index and
 * guarantee floor, by year, into SCRATCH. Each cell is its rule's float twin rounded to the
 * penny, or, where float64 cannot tell which way a half-penny goes, the exact path's cell
 * (`exact`).
 */
function yearValues(k: Columns, c: number, priceSum: number): void {
  const { ffsY, upliftY, floorY, nonStaffY, scY, payY } = SCRATCH;
  const c0 = c * FY_COUNT;
  const P = k.price[c0]!;
  const end = k.end[c0]!;
  const varStart = k.start[c0]!;
  const scale = k.scale[c0]!;
  const discount = k.discount[c0]!;
  const margin = k.margin[c0]!;
  const gap = k.gap[c0]!;
  const achieved = k.achieved[c0]!;
  const nonStaffScale = nonStaffCostFloatScale(P, margin, gap);
  const crcShare = P / priceSum;
  for (let y = 0; y < FY_COUNT; y++) {
    const i = c0 + y;
    const phi = k.phi[i]!;
    const s = k.shortfall[i]!;
    const ffs = feeYearCellFloat(P, discount, y, phi, s, k.tau[i]!, k.cap[i]!);
    ffsY[y] = ffs === ffs ? ffs : exact(k).feeForServicePence(c, y);
    if (upliftPaidInYear(y, varStart, end)) {
      const uplift = upliftYearCellFloat(k.phi2[i]!, phi, scale);
      upliftY[y] = uplift === uplift ? uplift : exact(k).upliftPence(c, y);
    } else upliftY[y] = 0;
    const nonStaff = roundCellUnlessTie(
      nonStaffCostFloat(P, margin, k.fixed[i]!, k.staffShare[i]!, s, gap, achieved, PHASE[y]!),
      nonStaffScale,
    );
    nonStaffY[y] = nonStaff === nonStaff ? nonStaff : exact(k).nonStaffPence(c, y);
    const gross = k.gross[y]!;
    const credits = roundCellUnlessTie(
      serviceCreditsFloat(gross, k.waived[i]!, P, priceSum, 0),
      serviceCreditsFloatScale(gross, crcShare, 0),
    );
    scY[y] = credits === credits ? credits : exact(k).serviceCreditsPence(c, y);
    payY[y] = payIndexFloat(y === 0 ? 1 : payY[y - 1]!, k.award[i]!, y);
    floorY[y] = k.floor[i]!;
  }
}

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
  // A loop, not four `fill` calls: a native call per 8-value array costs more than the stores.
  for (let y = 0; y < FY_COUNT; y++) {
    variationPaidY[y] = 0;
    pbrY[y] = 0;
    ictY[y] = 0;
    terminationY[y] = 0;
  }
  const L = ledger.money;
  const variationL = L.variation;
  const base = c * MONTH_COUNT;
  const c0 = c * FY_COUNT;
  const end = k.end[c0]!;
  const varStart = k.start[c0]!;
  const scale = k.scale[c0]!;
  // The payments' months are placed in the ledger only where a month is read on its own: to
  // write its cells, or for the guarantee (monthCells); else only their sums are needed.
  let placed = cells;
  for (let y = 0; y < FY_COUNT && !placed; y++) placed = guaranteeApplies(k.floor[c0 + y]!);
  for (let p = 0; p < varParts.length; p++) {
    // The year's payment, scaled, spread over its months before the variation's start.
    const fyIndex = VARIATION_PAYMENT_FY[p]!;
    const from = FY_FIRST[fyIndex]!;
    const count = variationPaymentLastMonth(FY_LAST[fyIndex]!, varStart) - from + 1;
    if (count <= 0) continue;
    const part = varParts[p]![c]!;
    let scaled = roundCellUnlessTie(scale * part, scale * part);
    if (scaled !== scaled) scaled = exact(k).scaledPence(c, part);
    let paid = 0;
    if (placed) {
      variationPaymentSpreadFloat(scaled, count, variationL, base + from);
      for (let m = from; m < from + count && flowsIn(m, end); m++) paid += variationL[base + m]!;
    } else {
      let months = 0;
      while (months < count && flowsIn(from + months, end)) months++;
      paid = variationPaymentSpreadSumFloat(scaled, count, months);
    }
    variationPaidY[fyIndex] = variationPaidY[fyIndex]! + paid;
  }
  if (ictPaid(k.ictMonth, end)) {
    if (cells) L.ict_compensation[base + k.ictMonth] = ict[c]!;
    ictY[FY_OF[k.ictMonth]!] = ictY[FY_OF[k.ictMonth]!]! + ict[c]!;
  }

  // PbR cohorts, with the workload feedback on the FTE path where it applies
  // (pbr-cohort-cells.ts); a cell in a half-penny's tie band is settled on the exact path.
  const pbrCells = SCRATCH.pbrCells;
  pbrCohortCellsFloat(k, k, c, cohorts, SCRATCH.cohorts, pbrCells);
  for (let j = 0, start = k.first; j < cohorts; j++, start += 3) {
    const cash = start + k.lag;
    if (!cohortPaid(cash, end)) continue;
    let cell = pbrCells[j]!;
    if (cell !== cell) cell = exact(k).pbrPence(c, start, FY_OF[start]!);
    if (cells) L.pbr[base + cash] = cell;
    pbrY[FY_OF[cash]!] = pbrY[FY_OF[cash]!]! + cell;
  }
  if (endsEarly(end)) {
    const payment = terminationPaymentFloat(k.termMonths[c0]!, k.price[c0]!);
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
 * Two loops: the months on the staffing or caseload path, where FTE, staff cost and caseload
 * move, and the months after both paths, where they are flat within a year.
 */
function monthCells(
  k: Columns,
  ledger: Ledger,
  c: number,
  priceSum: number,
  sums: Float64Array | undefined,
): void {
  const { ffsY, floorY, upliftY, nonStaffY, scY, payY } = SCRATCH;
  const { variationPaidY, pbrY, ictY, terminationY } = SCRATCH;
  const base = c * MONTH_COUNT;
  const c0 = c * FY_COUNT;
  const end = k.end[c0]!;
  const varStart = k.start[c0]!;
  const loaded = k.loaded[c0]!;
  const fte14 = k.fte14[c0]!;
  const fte17 = k.fte17[c0]!;
  const cut = k.cut[c0]!;
  const cutsEnd = k.cutsEnd[c0]!;
  const fteScale = fteFloatScale(fte14, fte17, cut);
  // The same fall in FTE in every falling month; its size (FTE14 − FTE17 can cancel).
  const reduction = fteReductionFloat(fte14, fte17, cut, cutsEnd);
  const fallScale =
    ((fte14 + Math.abs(fte17)) * Math.abs(cut)) / (cutsEnd - STAFF_PATH_START_INDEX);
  const share = k.redShare[c0]!;
  const onCost = k.onCost[c0]!;
  const wpy = k.wpy[c0]!;
  const capWeeks = k.capWeeks[c0]!;
  const service = k.service[c0]!;
  const mf = k.mf[c0]!;
  const redundancyPerPay = redundancyPerPayIndexFloat(
    reduction,
    share,
    loaded,
    onCost,
    wpy,
    capWeeks,
    service,
    mf,
  );
  const redundancyPerPayScale = redundancyPerPayIndexFloatScale(
    fallScale,
    share,
    loaded,
    onCost,
    wpy,
    capWeeks,
    service,
    mf,
  );
  const cl14 = k.cl14[c0]!;
  const growth = k.growth[c0]!;
  const caseloadFlat = caseloadAtFloat(cl14, growth, CASELOAD_PATH_END_INDEX);
  /** Write the month cells (projectFloat), else only add them up into `sums`. */
  const cells = sums === undefined;
  const sumsAt = c * SUMMED_LINES.length * FY_COUNT;
  const path = STAFF_PATH;
  path.fte14 = fte14;
  path.fte17 = fte17;
  path.cut = cut;
  path.cutsEnd = cutsEnd;
  path.loaded = loaded;
  path.reduction = reduction;
  path.redundancyPerPay = redundancyPerPay;
  path.redundancyPerPayScale = redundancyPerPayScale;
  path.base = staffPathBaseFloat(fte14, loaded);
  path.perMonth = staffPathPerMonthFloat(fte14, fte17, cut, cutsEnd, loaded);
  // `staffCostFloatScale` at pay index 1: times the year's pay index, that at the year's.
  const staffUnitScale = staffCostFloatScale(fteScale, loaded, 1);
  const at = STAFF_MONTH;
  at.staffPence = 0;
  at.redundancyPence = 0;
  let y = 0;
  for (; y < FY_COUNT && flowsIn(FY_FIRST[y]!, end); y++) {
    const from = FY_FIRST[y]!;
    const last = Math.min(FY_LAST[y]!, end);
    const ffs = ffsY[y]!;
    const uplift = upliftY[y]!;
    const nonStaff = nonStaffY[y]!;
    const pay = payY[y]!;
    path.pay = pay;
    path.band = cellBand(staffUnitScale * pay);
    const g = floorY[y]!;
    /** Does a month need its own variation cell (to write it, or for the guarantee)? */
    const monthly = cells || guaranteeApplies(g);
    const scCoef = k.scFeedback[c0 + y]!;
    const feedback = feedbackApplies(scCoef);
    // The year's sums of the lines that can change month by month.
    let sumVariation = 0;
    let sumGuarantee = 0;
    let sumCredits = 0;
    let sumStaff = 0;
    let sumRedundancy = 0;

    // Months on the staffing or caseload path: FTE, staff cost and caseload move each month.
    const rampLast = Math.min(last, FLAT_FROM - 1);
    if (monthly || feedback) {
      // Each month needs its own cells (to write them, for the guarantee or the feedback).
      const cell = MONTH_CELL;
      cell.ffs = ffs;
      cell.nonStaff = nonStaff;
      rampCells(k, ledger, c, y, from, rampLast, priceSum, cells, scCoef, fteScale, uplift, g, pay);
      sumVariation += RAMP_SUMS.variation;
      sumGuarantee += RAMP_SUMS.guarantee;
      sumCredits += RAMP_SUMS.credits;
      sumStaff += RAMP_SUMS.staff;
      sumRedundancy += RAMP_SUMS.redundancy;
    } else {
      // A Monte Carlo draw's usual case: only staff and redundancy move month by month; the
      // other lines' sums are the year's (the variation's and guarantee's are not read).
      if (rampLast >= from) {
        staffSums(k, c, from, rampLast, pay);
        sumStaff += STAFF_SUMS.staff;
        sumRedundancy += STAFF_SUMS.redundancy;
        sumCredits += scY[y]! * (rampLast - from + 1);
      }
    }

    // Months after both paths: FTE (its value at the path's end, carried in `fte`) and caseload
    // are flat, so staff cost (recomputed at a new year, else carried, as above), service credits
    // and cost_total are the same in every month of the year; no redundancy.
    const flatFrom = Math.max(from, FLAT_FROM);
    if (flatFrom <= last) {
      if (flatFrom === from) at.staffPence = staffCell(k, c, flatFrom);
      const staffPence = at.staffPence;
      // FTE at the path's end: read by the workload feedback and a ledger's FTE cells.
      const fte = fteAtFloat(fte14, fte17, cut, cutsEnd, flatFrom);
      const credits = feedback
        ? creditsCell(k, c, flatFrom, y, priceSum, scCoef, caseloadFlat, fte, fteScale)
        : scY[y]!;
      const cost = staffPence + nonStaff;
      const months = last - flatFrom + 1;
      sumCredits += credits * months;
      sumStaff += staffPence * months;
      // With no cell to write and no guarantee to work out, no month here needs its own value.
      if (monthly) {
        const cell = MONTH_CELL;
        cell.ffs = ffs;
        cell.credits = credits;
        cell.staff = staffPence;
        cell.redundancy = 0;
        cell.nonStaff = nonStaff;
        cell.fte = fte;
        cell.caseload = caseloadFlat;
        flatMonthCells(k, ledger, c, y, flatFrom, last, cells, uplift, g, cost, cell);
        // Whole pence: the same sums whichever way they are grouped.
        sumVariation += FLAT_SUMS.variation;
        sumGuarantee += FLAT_SUMS.guarantee;
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
  if (cells) clearAfterEnd(ledger, base, end);
}

/** The staffing path of the CRC in hand, for `staffMonth` (set once a CRC by `monthCells`). */
const STAFF_PATH = {
  fte14: 0,
  fte17: 0,
  cut: 0,
  cutsEnd: 0,
  loaded: 0,
  /** The fall in FTE in each falling month (`fteReductionFloat`), and redundancy's cost per pay index. */
  reduction: 0,
  redundancyPerPay: 0,
  redundancyPerPayScale: 0,
  /**
   * The staff cost of the path's start and of one month's change on it at pay index 1
   * (staff-cost.ts, `staffPathCostFloat`); the year's pay index and its cells' tie band (set
   * each year by `monthCells`).
   */
  base: 0,
  perMonth: 0,
  pay: 0,
  band: 0,
};

/**
 * Where the staffing path stands after `staffMonth`: the staff cell and the redundancy cell of a
 * falling month, carried from month to month (and year to year) of the CRC in hand; and the
 * month's redundancy (0 outside the falling months).
 */
const STAFF_MONTH = { staffPence: 0, redundancyPence: 0, redundancy: 0 };

/**
 * Month m (in the year starting at month `from`) of the staffing path into STAFF_MONTH, for a
 * ledger's months one by one (`rampCells`): the staff cell (worked out again on the path and at
 * a new year, else carried), and the redundancy cell of a falling month (the same in every
 * falling month of a year; the pay index moves it at a new year). A Monte Carlo draw adds the
 * same cells up a year at a time (`staffSums`).
 */
function staffMonth(k: Columns, c: number, m: number, from: number, pay: number): void {
  const p = STAFF_PATH;
  const at = STAFF_MONTH;
  if (onStaffPath(m, p.cutsEnd) || m === from) at.staffPence = staffCell(k, c, m);
  at.redundancy = 0;
  if (p.reduction > 0 && staffFallsIn(m, p.cutsEnd)) {
    if (m === from || m === STAFF_PATH_START_INDEX + 1)
      at.redundancyPence = redundancyCell(
        k,
        c,
        m,
        p.redundancyPerPay,
        p.redundancyPerPayScale,
        pay,
      );
    at.redundancy = at.redundancyPence;
  }
}

/** What `staffSums` adds up: its months' staff and redundancy cells. */
const STAFF_SUMS = { staff: 0, redundancy: 0 };

/**
 * The sums of `staffMonth`'s staff and redundancy cells over the months [from, to] of one year,
 * into STAFF_SUMS, leaving STAFF_MONTH where `staffMonth` would: a cell is worked out only where
 * it changes. Staff cost moves on the path's months (`staffPathLastIn`) and is carried after
 * them (worked out again at a new year); redundancy is the same in every falling month of the
 * year (`staffFallsFrom`). Every cell is whole pence and every sum below 2^53, so a cell times
 * its months is the sum of its months, exactly. A Monte Carlo draw's loop over the path.
 */
function staffSums(k: Columns, c: number, from: number, to: number, pay: number): void {
  const p = STAFF_PATH;
  const at = STAFF_MONTH;
  const pathLast = staffPathLastIn(to, p.cutsEnd);
  let staff = 0;
  // `staffCell`, written out with the path's values in locals: V8 did not inline the call here
  // and reread STAFF_PATH in every month (bench/NOTES.md).
  const { base, perMonth, cutsEnd, band, loaded } = p;
  for (let m = from; m <= pathLast; m++) {
    const x = staffPathCostFloat(base, perMonth, staffPathMonth(m, cutsEnd), pay);
    let cell = roundCellOutsideBand(x, band);
    if (cell !== cell) cell = staffTie(k, c, m, loaded);
    staff += cell;
    at.staffPence = cell;
  }
  // After the path: its last cell carried, or worked out again at a new year.
  const after = Math.max(from, pathLast + 1);
  if (after <= to) {
    if (after === from) at.staffPence = staffCell(k, c, from);
    staff += at.staffPence * (to - after + 1);
  }
  let redundancy = 0;
  at.redundancy = 0;
  const fallsFrom = staffFallsFrom(from);
  if (p.reduction > 0 && fallsFrom <= pathLast) {
    at.redundancyPence = redundancyCell(
      k,
      c,
      fallsFrom,
      p.redundancyPerPay,
      p.redundancyPerPayScale,
      pay,
    );
    redundancy = at.redundancyPence * (pathLast - fallsFrom + 1);
    if (pathLast === to) at.redundancy = at.redundancyPence;
  }
  STAFF_SUMS.staff = staff;
  STAFF_SUMS.redundancy = redundancy;
}

/** What `rampCells` adds up: its months' cells of the lines that can change month by month. */
const RAMP_SUMS = { variation: 0, guarantee: 0, credits: 0, staff: 0, redundancy: 0 };

/**
 * The months [from, rampLast] of year y on the staffing or caseload path, where each month needs
 * its own cells (to write them, for the guarantee or the workload feedback): staff and
 * redundancy (`staffMonth`), caseload, service credits, the variation and the guarantee from
 * the year's fee and non-staff cost in MONTH_CELL, written into the ledger if `cells`, and added
 * up into RAMP_SUMS. Apart from `monthCells`, whose own loop over these months (a Monte Carlo
 * draw's: staff and redundancy only) would otherwise be compiled around these cells wherever a
 * ledger is also projected (bench/NOTES.md).
 */
function rampCells(
  k: Columns,
  ledger: Ledger,
  c: number,
  y: number,
  from: number,
  rampLast: number,
  priceSum: number,
  cells: boolean,
  scCoef: number,
  fteScale: number,
  uplift: number,
  g: number,
  pay: number,
): void {
  const c0 = c * FY_COUNT;
  const base = c * MONTH_COUNT;
  const variationL = ledger.money.variation;
  const p = STAFF_PATH;
  const cl14 = k.cl14[c0]!;
  const growth = k.growth[c0]!;
  const varStart = k.start[c0]!;
  const feedback = feedbackApplies(scCoef);
  const cell = MONTH_CELL;
  const at = STAFF_MONTH;
  let sumVariation = 0;
  let sumGuarantee = 0;
  let sumCredits = 0;
  let sumStaff = 0;
  let sumRedundancy = 0;
  for (let m = from; m <= rampLast; m++) {
    staffMonth(k, c, m, from, pay);
    const staffPence = at.staffPence;
    const redundancy = at.redundancy;
    // Read only by the service credits' feedback and the caseload cell.
    const caseload = feedback || cells ? caseloadAtFloat(cl14, growth, m) : 0;
    const fte = feedback || cells ? fteAtFloat(p.fte14, p.fte17, p.cut, p.cutsEnd, m) : 0;
    const credits = feedback
      ? creditsCell(k, c, m, y, priceSum, scCoef, caseload, fte, fteScale)
      : SCRATCH.scY[y]!;
    const variation = variationL[base + m]! + (upliftPaidIn(m, varStart) ? uplift : 0);
    const cost = staffPence + redundancy + cell.nonStaff;
    const guarantee = guaranteeApplies(g)
      ? guaranteeCell(k, c, y, g, cost, cell.ffs + variation + credits)
      : 0;
    if (cells) {
      cell.variation = variation;
      cell.guarantee = guarantee;
      cell.credits = credits;
      cell.staff = staffPence;
      cell.redundancy = redundancy;
      cell.fte = fte;
      cell.caseload = caseload;
      writeCell(ledger, base + m, cell);
    }
    sumVariation += variation;
    sumGuarantee += guarantee;
    sumCredits += credits;
    sumStaff += staffPence;
    sumRedundancy += redundancy;
  }
  RAMP_SUMS.variation = sumVariation;
  RAMP_SUMS.guarantee = sumGuarantee;
  RAMP_SUMS.credits = sumCredits;
  RAMP_SUMS.staff = sumStaff;
  RAMP_SUMS.redundancy = sumRedundancy;
}

/** What `flatMonthCells` adds up: its months' variation and guarantee cells. */
const FLAT_SUMS = { variation: 0, guarantee: 0 };

/**
 * The months [from, last] of year y after both paths, one by one (`monthCells`' second loop,
 * for a ledger's cells or the guarantee): the variation and guarantee cells from the year's
 * flows in `cell`, written into the ledger if `cells`, and added up into FLAT_SUMS. Apart from
 * `monthCells`, so that its own loop over the paths' months keeps V8's inlining budget for the
 * staff cells (bench/NOTES.md).
 */
function flatMonthCells(
  k: Columns,
  ledger: Ledger,
  c: number,
  y: number,
  from: number,
  last: number,
  cells: boolean,
  uplift: number,
  g: number,
  cost: number,
  cell: typeof MONTH_CELL,
): void {
  const variationL = ledger.money.variation;
  const base = c * MONTH_COUNT;
  const varStart = k.start[c * FY_COUNT]!;
  let sumVariation = 0;
  let sumGuarantee = 0;
  for (let m = from; m <= last; m++) {
    const variation = variationL[base + m]! + (upliftPaidIn(m, varStart) ? uplift : 0);
    const guarantee = guaranteeApplies(g)
      ? guaranteeCell(k, c, y, g, cost, cell.ffs + variation + cell.credits)
      : 0;
    if (cells) {
      cell.variation = variation;
      cell.guarantee = guarantee;
      writeCell(ledger, base + m, cell);
    }
    sumVariation += variation;
    sumGuarantee += guarantee;
  }
  FLAT_SUMS.variation = sumVariation;
  FLAT_SUMS.guarantee = sumGuarantee;
}

/** One month's flows of a CRC, handed to `writeCell` (one object, reused: no allocation). */
const MONTH_CELL = {
  ffs: 0,
  variation: 0,
  guarantee: 0,
  credits: 0,
  staff: 0,
  redundancy: 0,
  nonStaff: 0,
  fte: 0,
  caseload: 0,
};

/**
 * Every line of one CRC-month cell of the ledger (`projectFloat`) from its flows, with the
 * totals; the one-off cells (PbR, ICT compensation, termination) were placed before and are read.
 */
function writeCell(ledger: Ledger, i: number, cell: typeof MONTH_CELL): void {
  const L = ledger.money;
  const cost = cell.staff + cell.redundancy + cell.nonStaff;
  const income =
    cell.ffs +
    cell.variation +
    cell.guarantee +
    L.pbr[i]! +
    cell.credits +
    L.ict_compensation[i]! +
    L.termination[i]!;
  L.fee_for_service[i] = cell.ffs;
  L.variation[i] = cell.variation;
  L.guarantee[i] = cell.guarantee;
  L.service_credits[i] = cell.credits;
  L.income_total[i] = income;
  L.staff_cost[i] = cell.staff;
  L.redundancy_cost[i] = cell.redundancy;
  L.non_staff_cost[i] = cell.nonStaff;
  L.cost_total[i] = cost;
  L.profit[i] = income - cost;
  ledger.fte[i] = cell.fte;
  ledger.caseload[i] = cell.caseload;
}

/** Zeros in the lines written every month, after an early end (the sparse lines are clear). */
function clearAfterEnd(ledger: Ledger, base: number, end: number): void {
  const L = ledger.money;
  for (let m = end + 1; m < MONTH_COUNT; m++) {
    const i = base + m;
    L.variation[i] = 0;
    L.fee_for_service[i] = 0;
    L.non_staff_cost[i] = 0;
    L.staff_cost[i] = 0;
    L.service_credits[i] = 0;
    L.cost_total[i] = 0;
    L.income_total[i] = 0;
    L.profit[i] = 0;
    ledger.fte[i] = 0;
    ledger.caseload[i] = 0;
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
 * The staff-cost cell of month m on the CRC's path in the year in hand (`staffPathCostFloat`,
 * from STAFF_PATH), settled when it lands on a half-penny. FTE on its path
 * carries a 28th, which the exact path rounds to 40 digits when it repeats, and that hair
 * decides the tie there: the exact cell (`exact`). But where the exact FTE is a terminating
 * decimal (always at the path's start, and in every month whose 28th terminates), the loaded
 * cost whole pence and the pay index 1, the exact path's cell is the rational itself: it is
 * decided here in integers, half to even, without decimals. Monte Carlo meets these ties every
 * draw (a whole number of FTE times a loaded cost in whole pence over 12 is a tie one time in 12).
 */
function staffCell(k: Columns, c: number, m: number): number {
  const p = STAFF_PATH;
  const x = staffPathCostFloat(p.base, p.perMonth, staffPathMonth(m, p.cutsEnd), p.pay);
  const cell = roundCellOutsideBand(x, p.band);
  return cell === cell ? cell : staffTie(k, c, m, p.loaded);
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
    const f = exactFte(k.fte14[c0]!, k.fte17[c0]!, k.cut[c0]!, k.cutsEnd[c0]!, m);
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

/**
 * A redundancy cell (`redundancyCostFloat`: the CRC's cost at pay index 1, worked out once,
 * times the year's pay index), settled likewise.
 */
function redundancyCell(
  k: Columns,
  c: number,
  m: number,
  perPayIndex: number,
  perPayIndexScale: number,
  pay: number,
): number {
  const cell = roundCellUnlessTie(perPayIndex * pay, perPayIndexScale * pay);
  return cell === cell ? cell : exact(k).redundancyPence(c, m);
}

/**
 * A service-credit cell with the workload feedback (`serviceCreditsFloat`): the fine rises with
 * the month's overwork on its caseload and FTE. Settled likewise.
 */
function creditsCell(
  k: Columns,
  c: number,
  m: number,
  y: number,
  priceSum: number,
  coef: number,
  caseload: number,
  fte: number,
  fteScale: number,
): number {
  const c0 = c * FY_COUNT;
  const gross = k.gross[y]!;
  const P = k.price[c0]!;
  const index = workloadIndexFloat(caseload, fte, k.norm);
  const cell = roundCellUnlessTie(
    serviceCreditsFloat(
      gross,
      k.waived[c0 + y]!,
      P,
      priceSum,
      feedbackAmountFloat(coef, workloadExcessFloat(index)),
    ),
    serviceCreditsFloatScale(gross, P / priceSum, feedbackFloatScale(coef, index, fte, fteScale)),
  );
  return cell === cell ? cell : exact(k).serviceCreditsFeedbackPence(c, m, y);
}

/**
 * The guarantee's top-up (`guaranteeTopUpFloat`) on the month's cost and fee income, its floor
 * (`guaranteeFloorFloat`) rounded to the penny or settled likewise.
 */
function guaranteeCell(
  k: Columns,
  c: number,
  y: number,
  g: number,
  cost: number,
  feeIncome: number,
): number {
  const floor = guaranteeFloorFloat(g, cost);
  let floorPence = roundCellUnlessTie(floor, floor);
  if (floorPence !== floorPence) floorPence = exact(k).guaranteeFloorPence(c, y, cost);
  return guaranteeTopUpFloat(floorPence, feeIncome);
}
