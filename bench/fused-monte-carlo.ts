/**
 * The benchmark's lower bound (issue #6 "(b)"): the same Monte Carlo as `runMonteCarlo` with
 * the projection and the roll-up hand-fused into one Float64Array loop per draw. It uses the
 * same sampler (so both see identical draws) and the same arithmetic and rounding points as
 * `projectFloat`, but writes no ledger: each cell is added straight into the totals the summary
 * needs (each CRC's income and costs, the nation's ten income and cost lines by year). Bench
 * only; `bench/monte-carlo.ts` checks that its national profit equals the engine's in every draw.
 */
import { allocatePence } from "../src/engine/allocate-pence.ts";
import { COST_LINES, INCOME_LINES, MONEY_LINES } from "../src/engine/lines.ts";
import { MONTH_COUNT } from "../src/engine/ledger.ts";
import { SHORTFALL_ID } from "../src/engine/parameter-specs.ts";
import { FY_COUNT, type ProjectionInputs } from "../src/engine/projection-inputs.ts";
import { roundCellHalfEven, roundHalfEven } from "../src/engine/round-half-even.ts";

/**
 * Cells this draw rounded from within a hair of a half-penny. The engine settles such a cell as
 * the exact ledger does (exact-cells.ts: a repeating decimal rounded at 40 digits can fall either
 * side); this loop, the hand-written peer, rounds it half-even in float. So a draw's national
 * profit may differ from the engine's by at most this many pence, and only through these cells.
 */
let halfPennyCells = 0;

/**
 * A cell rounded half-even to whole pence, counting it when it is within a hair of a tie, times
 * `months`: the most months that reuse the value (a year's fee, a flat year's staff cost).
 */
function pen(x: number, months = 1): number {
  // roundCellHalfEven's own tie band: within it this loop reads a tie (and rounds to even).
  const off = Math.abs(x - Math.floor(x) - 0.5);
  if (off <= 1e-7 || off <= Math.abs(x) * 1e-12) halfPennyCells += months;
  return roundCellHalfEven(x);
}
import { STAFF_PATH_LATEST_END_INDEX, STAFF_PATH_START_INDEX } from "../src/engine/staffing.ts";
import { FINANCIAL_YEARS, FY_INDEX_BY_MONTH } from "../src/engine/timeline.ts";
import { VARIATION_PAYMENT_YEARS, variationPaymentId } from "../src/engine/variation-payments.ts";
import { CASELOAD_PATH_END_INDEX, CASELOAD_PATH_START_INDEX } from "../src/engine/workload.ts";
import { describe, type Stats } from "../src/uncertainty/percentiles.ts";
import type { SamplingPlan } from "../src/uncertainty/plan-sampling.ts";
import { createRng } from "../src/uncertainty/prng.ts";
import { drawBuffers, sampleInto } from "../src/uncertainty/sampler.ts";

const FY_OF = Int32Array.from(FY_INDEX_BY_MONTH);
const FY_FIRST = Int32Array.from(FINANCIAL_YEARS, (_, y) => FY_INDEX_BY_MONTH.indexOf(y));
const FY_LAST = Int32Array.from(FINANCIAL_YEARS, (_, y) => FY_INDEX_BY_MONTH.lastIndexOf(y));
const FY_N = FINANCIAL_YEARS.length;
// Line slots of the national by-year accumulator (the ten income and cost lines).
const FFS = 0;
const VAR = 1;
const GUAR = 2;
const PBR = 3;
const SC = 4;
const ICT = 5;
const TERM = 6;
const STAFF = 7;
const RED = 8;
const NONSTAFF = 9;
const BASE_LINES = [...INCOME_LINES, ...COST_LINES];

export interface FusedResult {
  /** National contract-life profit of each draw (for the check against the engine). */
  readonly nationalProfit: Float64Array;
  /** Each draw's cells rounded from within a hair of a half-penny (see `halfPennyCells`). */
  readonly halfPennyCells: Float64Array;
  readonly stats: {
    readonly nationalProfit: Stats;
    readonly mojSpend: Stats;
    readonly losses: Stats;
    readonly crcs: readonly Stats[];
    readonly owners: readonly Stats[];
    readonly fan: readonly Stats[];
  };
}

/** `draws` draws of the plan with `seed`, the summary statistics as the engine computes them. */
export function fusedMonteCarlo(plan: SamplingPlan, draws: number, seed: number): FusedResult {
  const n = plan.base.crcs.length;
  const ownerIds = [...new Set(plan.base.crcs.map((c) => c.ownerId))];
  const ownerOf = Int32Array.from(plan.base.crcs, (c) => ownerIds.indexOf(c.ownerId));
  const buffers = drawBuffers(plan);
  const nationalProfit = new Float64Array(draws);
  const ties = new Float64Array(draws);
  const mojSpend = new Float64Array(draws);
  const losses = new Float64Array(draws);
  const crcProfit = new Float64Array(n * draws);
  const ownerProfit = new Float64Array(ownerIds.length * draws);
  const fan = new Float64Array(MONEY_LINES.length * FY_N * draws);
  const lineIndex = Int32Array.from(BASE_LINES, (l) => MONEY_LINES.indexOf(l));
  const incomeTotal = MONEY_LINES.indexOf("income_total");
  const costTotal = MONEY_LINES.indexOf("cost_total");
  const profitLine = MONEY_LINES.indexOf("profit");
  const acc = new Float64Array(BASE_LINES.length * FY_N);
  const crcIncome = new Float64Array(n);
  const crcCost = new Float64Array(n);
  const ownerSum = new Float64Array(ownerIds.length);
  const scratch = new Scratch();

  for (let d = 0; d < draws; d++) {
    sampleInto(plan, createRng(seed, d), buffers); // one stream per draw, as the engine
    acc.fill(0);
    crcIncome.fill(0);
    crcCost.fill(0);
    halfPennyCells = 0;
    fusedDraw(buffers.inputs, acc, crcIncome, crcCost, scratch);
    ties[d] = halfPennyCells;
    let total = 0;
    let spend = 0;
    let lost = 0;
    ownerSum.fill(0);
    for (let c = 0; c < n; c++) {
      const p = crcIncome[c]! - crcCost[c]!;
      crcProfit[c * draws + d] = p;
      ownerSum[ownerOf[c]!] = ownerSum[ownerOf[c]!]! + p;
      total += p;
      spend += crcIncome[c]!;
      if (p < 0) lost -= p;
    }
    for (let k = 0; k < ownerIds.length; k++) ownerProfit[k * draws + d] = ownerSum[k]!;
    nationalProfit[d] = total;
    mojSpend[d] = spend;
    losses[d] = lost;
    for (let y = 0; y < FY_N; y++) {
      let income = 0;
      let cost = 0;
      for (let b = 0; b < BASE_LINES.length; b++) {
        const v = acc[b * FY_N + y]!;
        fan[(lineIndex[b]! * FY_N + y) * draws + d] = v;
        if (b <= TERM) income += v;
        else cost += v;
      }
      fan[(incomeTotal * FY_N + y) * draws + d] = income;
      fan[(costTotal * FY_N + y) * draws + d] = cost;
      fan[(profitLine * FY_N + y) * draws + d] = income - cost;
    }
  }
  const series = (all: Float64Array, i: number) => all.subarray(i * draws, (i + 1) * draws);
  const checked = Float64Array.from(nationalProfit);
  return {
    nationalProfit: checked,
    halfPennyCells: ties,
    stats: {
      nationalProfit: describe(nationalProfit, roundHalfEven),
      mojSpend: describe(mojSpend, roundHalfEven),
      losses: describe(losses, roundHalfEven),
      crcs: plan.base.crcs.map((_, c) => describe(series(crcProfit, c), roundHalfEven)),
      owners: ownerIds.map((_, k) => describe(series(ownerProfit, k), roundHalfEven)),
      fan: Array.from({ length: MONEY_LINES.length * FY_N }, (_, i) =>
        describe(series(fan, i), roundHalfEven),
      ),
    },
  };
}

/** Per-draw scratch, allocated once. */
export class Scratch {
  readonly ffsY = new Float64Array(FY_COUNT);
  readonly upliftY = new Float64Array(FY_COUNT);
  readonly nonStaffY = new Float64Array(FY_COUNT);
  readonly scY = new Float64Array(FY_COUNT);
  readonly payY = new Float64Array(FY_COUNT);
  readonly variationM = new Float64Array(MONTH_COUNT);
  readonly cohortTotals = new Float64Array(64);
  /** Each CRC's caseload at each cohort's start, `[c × 64 + j]` (grown to the CRCs). */
  cohortCaseloads = new Float64Array(0);
  allocated: { total: number; weights: Float64Array; parts: readonly number[] }[] = [];
}

function allocate(
  totalPence: number,
  price: Float64Array,
  n: number,
  s: Scratch,
): readonly number[] {
  // The engine's exact largest-remainder split, memoised on its inputs as projectFloat does.
  search: for (const entry of s.allocated) {
    if (entry.total !== totalPence) continue;
    for (let c = 0; c < n; c++) if (entry.weights[c] !== price[c * FY_COUNT]) continue search;
    return entry.parts;
  }
  const weights: number[] = [];
  for (let c = 0; c < n; c++) weights.push(price[c * FY_COUNT]!);
  const parts = allocatePence(totalPence, weights);
  s.allocated.unshift({ total: totalPence, weights: Float64Array.from(weights), parts });
  if (s.allocated.length > 4) s.allocated.pop();
  return parts;
}

const C_SPAN = CASELOAD_PATH_END_INDEX - CASELOAD_PATH_START_INDEX;
/** From this month FTE and caseload are flat (both paths have ended), as in projectFloat. */
const FLAT_FROM = Math.max(STAFF_PATH_LATEST_END_INDEX + 1, CASELOAD_PATH_END_INDEX);
const VAR_YEARS = VARIATION_PAYMENT_YEARS.map((fy) => FINANCIAL_YEARS.indexOf(fy));

/** A draw's columns and national values, read once (one object literal: one shape). */
function readDraw(inputs: ProjectionInputs, s: Scratch) {
  const v = inputs.values;
  const n = inputs.crcs.length;
  const col = (id: string) => v.get(id)!;
  const price = col("size.annualPrice");
  const cl14C = col("size.caseload2014");
  const growthC = col("caseload.growth");
  const first = col("pbr.firstCohort")[0]!;
  const lag = col("pbr.cashLagMonths")[0]!;
  let priceSum = 0;
  for (let c = 0; c < n; c++) priceSum += price[c * FY_COUNT]!;
  // Each CRC's caseload at each cohort's start, and the nation's, once for all CRCs.
  if (s.cohortCaseloads.length < n * 64) s.cohortCaseloads = new Float64Array(n * 64);
  let cohorts = 0;
  for (let start = first; start + lag < MONTH_COUNT; start += 3, cohorts++) {
    const steps = Math.min(C_SPAN, Math.max(0, start - CASELOAD_PATH_START_INDEX));
    let total = 0;
    for (let c = 0; c < n; c++) {
      const caseload = cl14C[c * FY_COUNT]! * (1 + (growthC[c * FY_COUNT]! * steps) / C_SPAN);
      s.cohortCaseloads[c * 64 + cohorts] = caseload;
      total += caseload;
    }
    s.cohortTotals[cohorts] = total;
  }
  return {
    price,
    shortfall: col(SHORTFALL_ID),
    phiC: col("ffs.fixedShare"),
    tauC: col("ffs.toleranceBand"),
    capC: col("ffs.upsideCap"),
    phi2C: col("variation.fixedShare"),
    scaleC: col("variation.scale"),
    marginC: col("cost.bidMargin"),
    fixedC: col("cost.fixedShare"),
    staffShareC: col("cost.staffShare"),
    gapC: col("cost.transformationGap"),
    achievedC: col("cost.savingsAchieved"),
    discountC: col("price.learningCurveDiscount"),
    grossC: col("serviceCredits.grossAnnual"),
    waivedC: col("serviceCredits.waivedShare"),
    awardC: col("staff.payAward"),
    floorC: col("guarantee.floorShareOfCost"),
    scFeedbackC: col("workload.feedback.serviceCreditsPer10Pct"),
    pbrFeedbackC: col("workload.feedback.pbrPtsPer10Pct"),
    cl14C,
    growthC,
    fte14C: col("staff.fteJune2014"),
    fte17C: col("staff.fteJune2017"),
    cutC: col("staff.cutScale"),
    cutsEndC: col("staff.cutsCompleteBy"),
    loadedC: col("staff.loadedCostPerFte"),
    termMonthsC: col("termination.paymentMonths"),
    wpyC: col("redundancy.weeksPerYear"),
    serviceC: col("redundancy.avgServiceYears"),
    capWeeksC: col("redundancy.capWeeks"),
    redShareC: col("redundancy.shareOfReduction"),
    mfC: col("redundancy.modernisationFundShare"),
    onCostC: col("staff.onCostRate"),
    norm: col("workload.caseloadPerFteNorm")[0]!,
    endC: col("termination.endDate"),
    startC: col("variation.start"),
    rBC: col("pbr.binaryReductionPts"),
    rFC: col("pbr.frequencyReductionPct"),
    dC: col("pbr.deductionThreshold"),
    first,
    lag,
    cohorts,
    priceSum,
    priceB: col("pbr.binaryPricePerPoint")[0]!,
    priceF: col("pbr.frequencyPricePerPoint")[0]!,
    ictMonth: col("ict.paymentMonth")[0]!,
    ict: allocate(col("ict.compensationTotal")[0]!, price, n, s),
    var0: allocate(col(variationPaymentId(VARIATION_PAYMENT_YEARS[0]))[0]!, price, n, s),
    var1: allocate(col(variationPaymentId(VARIATION_PAYMENT_YEARS[1]))[0]!, price, n, s),
  };
}
type Draw = ReturnType<typeof readDraw>;

/**
 * One draw's projection, cell by cell as projectFloat computes it, summed as it goes. Three
 * functions per CRC, as in projectFloat: in one, V8 runs out of inlining budget and the
 * roundings become calls.
 */
export function fusedDraw(
  inputs: ProjectionInputs,
  acc: Float64Array,
  crcIncome: Float64Array,
  crcCost: Float64Array,
  s: Scratch,
): void {
  const k = readDraw(inputs, s);
  for (let c = 0; c < inputs.crcs.length; c++) {
    crcYears(k, c, s);
    crcIncome[c] = crcIncome[c]! + crcOneOffs(k, c, acc, s);
    crcMonths(k, c, acc, crcIncome, crcCost, s);
  }
}

/** The CRC's per-year values. */
function crcYears(k: Draw, c: number, s: Scratch): void {
  const { shortfall, tauC, capC, phiC, phi2C, fixedC, staffShareC, grossC, waivedC, awardC } = k;
  const { ffsY, upliftY, nonStaffY, scY, payY } = s;
  const k0 = c * FY_COUNT;
  const P = k.price[k0]!;
  const end = k.endC[k0]!;
  const varStart = k.startC[k0]!;
  const scale = k.scaleC[k0]!;
  const gap = k.gapC[k0]!;
  const achieved = k.achievedC[k0]!;
  const keep = 1 - k.discountC[k0]!;
  const startYear = FY_OF[Math.min(varStart, MONTH_COUNT - 1)]!;
  let index = 1;
  for (let y = 0; y < FY_COUNT; y++) {
    const i = k0 + y;
    const sh = shortfall[i]!;
    const tau = tauC[i]!;
    const vol =
      Math.abs(sh) <= tau ? 1 : sh > 0 ? 1 - (sh - tau) : Math.min(1 - sh - tau, 1 + capC[i]!);
    const phi = phiC[i]!;
    // Learning curve: 2014-15 and 2015-16 at the bid price, then one more discount a year.
    if (y >= 2) index *= keep;
    const Pk = P * index;
    ffsY[y] = pen((Pk * (phi + (1 - phi) * vol)) / 12, 12);
    upliftY[y] =
      y >= startYear && varStart <= end
        ? pen((Pk * (phi2C[i]! - phi) * (1 - vol) * scale) / 12, 12)
        : 0;
    const f = fixedC[i]!;
    const phase = y >= 2 ? 1 : y / 2;
    nonStaffY[y] = pen(
      (P * (f - staffShareC[i]! + (1 - f) * (1 - sh) + gap * (1 - achieved * phase))) /
        ((1 + k.marginC[k0]!) * 12),
      12,
    );
    scY[y] = pen((-grossC[y]! * (1 - waivedC[i]!) * P) / (k.priceSum * 12), 12);
    payY[y] = y === 0 ? 1 : payY[y - 1]! * (1 + awardC[i]!);
  }
}

/**
 * The CRC's variation payments (into `variationM`), ICT compensation, PbR and termination,
 * added into the nation's lines; returns what they add to the CRC's income.
 */
function crcOneOffs(k: Draw, c: number, acc: Float64Array, s: Scratch): number {
  const k0 = c * FY_COUNT;
  const end = k.endC[k0]!;
  const varStart = k.startC[k0]!;
  const scale = k.scaleC[k0]!;
  const variationM = s.variationM;
  let income = 0;
  // The variation's payments: spread over the year's months before the start.
  variationM.fill(0);
  for (let j = 0; j < 2; j++) {
    const fy = VAR_YEARS[j]!;
    const from = FY_FIRST[fy]!;
    const to = Math.min(FY_LAST[fy]!, varStart - 1);
    const count = to - from + 1;
    if (count <= 0) continue;
    const scaled = pen(scale * (j === 0 ? k.var0 : k.var1)[c]!);
    const sign = scaled < 0 ? -1 : 1;
    const each = Math.floor(Math.abs(scaled) / count);
    let left = Math.abs(scaled) - each * count;
    for (let m = from; m <= to; m++, left--)
      variationM[m] = sign * (each + (left > 0 ? 1 : 0)) || 0;
  }
  if (k.ictMonth <= end) {
    const i = ICT * FY_N + FY_OF[k.ictMonth]!;
    acc[i] = acc[i]! + k.ict[c]!;
    income += k.ict[c]!;
  }
  const fte14 = k.fte14C[k0]!;
  const fteChange = (k.fte17C[k0]! - fte14) * k.cutC[k0]!;
  const sEnd = k.cutsEndC[k0]!;
  const sSpan = sEnd - STAFF_PATH_START_INDEX;
  const { pbrFeedbackC, rBC, rFC, dC, priceB, priceF, norm, lag } = k;
  for (let j = 0, start = k.first; j < k.cohorts; j++, start += 3) {
    const cash = start + lag;
    if (cash > end) continue;
    const y = FY_OF[start]!;
    const caseload = s.cohortCaseloads[c * 64 + j]!;
    const coef = pbrFeedbackC[k0 + y]!;
    let excess = 0;
    if (coef !== 0) {
      const fte =
        fte14 + (fteChange * Math.min(sSpan, Math.max(0, start - STAFF_PATH_START_INDEX))) / sSpan;
      excess = Math.max(0, caseload / fte / norm - 1);
    }
    const penalty = coef * 10 * excess;
    const dd = dC[k0 + y]!;
    const rb = rBC[k0 + y]! - penalty;
    const rf = rFC[k0 + y]! - penalty;
    const pay =
      priceB * (rb >= 0 ? rb : rb + dd < 0 ? rb + dd : 0) +
      priceF * (rf >= 0 ? rf : rf + dd < 0 ? rf + dd : 0);
    const cell = pen((pay * caseload) / s.cohortTotals[j]!);
    const i = PBR * FY_N + FY_OF[cash]!;
    acc[i] = acc[i]! + cell;
    income += cell;
  }
  if (end < MONTH_COUNT - 1) {
    const cell = pen((k.price[k0]! * k.termMonthsC[k0]!) / 12);
    const i = TERM * FY_N + FY_OF[end]!;
    acc[i] = acc[i]! + cell;
    income += cell;
  }
  return income;
}

/** The CRC's month cells, summed year by year into the nation's lines and its income and cost. */
function crcMonths(
  k: Draw,
  c: number,
  acc: Float64Array,
  crcIncome: Float64Array,
  crcCost: Float64Array,
  s: Scratch,
): void {
  const { ffsY, upliftY, nonStaffY, scY, payY, variationM } = s;
  const { scFeedbackC, floorC, grossC, waivedC, norm, priceSum } = k;
  const k0 = c * FY_COUNT;
  const P = k.price[k0]!;
  const end = k.endC[k0]!;
  const varStart = k.startC[k0]!;
  const loaded = k.loadedC[k0]!;
  const fte14 = k.fte14C[k0]!;
  const fteChange = (k.fte17C[k0]! - fte14) * k.cutC[k0]!;
  const sEnd = k.cutsEndC[k0]!;
  const sSpan = sEnd - STAFF_PATH_START_INDEX;
  const fteAt = (m: number) =>
    fte14 + (fteChange * Math.min(sSpan, Math.max(0, m - STAFF_PATH_START_INDEX))) / sSpan;
  // Staff cost on the path as the engine works it out (staffPathCostFloat): (the cost of FTE14
  // + k months' change) × the year's pay index, both costs at pay index 1.
  const staffBase = (fte14 * loaded) / 12;
  const staffPerMonth = ((fteChange / sSpan) * loaded) / 12;
  const staffAt = (m: number, pay: number) =>
    (staffBase + Math.min(sSpan, Math.max(0, m - STAFF_PATH_START_INDEX)) * staffPerMonth) * pay;
  const fall = (fte14 - k.fte17C[k0]!) * k.cutC[k0]!;
  const reduction = fall > 0 ? fall / sSpan : 0;
  const weeks = Math.min(k.wpyC[k0]! * k.serviceC[k0]!, k.capWeeksC[k0]!);
  const redundancyPerPayIndex =
    (reduction * k.redShareC[k0]! * loaded * weeks * (1 - k.mfC[k0]!)) /
    ((1 + k.onCostC[k0]!) * 52);
  const cl14 = k.cl14C[k0]!;
  const growth = k.growthC[k0]!;
  let income = 0;
  let cost = 0;
  let staffPence = 0;
  let redundancyPence = 0;
  let fte = 0;
  // Year by year, months summed in locals and added to the nation's lines once a year.
  for (let y = 0; y < FY_N && FY_FIRST[y]! <= end; y++) {
    const ffs = ffsY[y]!;
    const nonStaff = nonStaffY[y]!;
    const uplift = upliftY[y]!;
    const pay = payY[y]!;
    const scCoef = scFeedbackC[k0 + y]!;
    const g = floorC[k0 + y]!;
    let sumVar = 0;
    let sumGuar = 0;
    let sumSc = 0;
    let sumStaff = 0;
    let sumRed = 0;
    const last = Math.min(FY_LAST[y]!, end);
    const months = last - FY_FIRST[y]! + 1;
    // Months on the staffing or caseload path, one by one.
    for (let m = FY_FIRST[y]!; m <= Math.min(last, FLAT_FROM - 1); m++) {
      const newYear = m === FY_FIRST[y]!;
      const ramp = m <= sEnd;
      if (ramp) fte = fteAt(m);
      const variation = variationM[m]! + (m >= varStart ? uplift : 0);
      if (ramp || newYear) staffPence = pen(staffAt(m, pay), 12);
      let redundancy = 0;
      if (ramp && m > STAFF_PATH_START_INDEX && reduction > 0) {
        if (newYear || m === STAFF_PATH_START_INDEX + 1)
          redundancyPence = pen(redundancyPerPayIndex * pay, 12);
        redundancy = redundancyPence;
      }
      let sc = scY[y]!;
      if (scCoef !== 0) {
        const caseload =
          cl14 *
          (1 + (growth * Math.min(C_SPAN, Math.max(0, m - CASELOAD_PATH_START_INDEX))) / C_SPAN);
        const up = scCoef * 10 * Math.max(0, caseload / fte / norm - 1);
        sc = pen((-grossC[y]! * (1 - waivedC[k0 + y]!) * P * (1 + up)) / (priceSum * 12));
      }
      if (g !== 0) {
        const gap = pen(g * (staffPence + redundancy + nonStaff)) - (ffs + variation + sc);
        sumGuar += gap > 0 ? gap : 0;
      }
      sumVar += variation;
      sumSc += sc;
      sumStaff += staffPence;
      sumRed += redundancy;
    }
    // Months after both paths, as projectFloatSums: FTE and caseload flat, so staff cost and
    // service credits are the year's; no redundancy; month by month only for the guarantee.
    const flatFrom = Math.max(FY_FIRST[y]!, FLAT_FROM);
    if (flatFrom <= last) {
      if (flatFrom === FY_FIRST[y]!) staffPence = pen(staffAt(flatFrom, pay), 12);
      let sc = scY[y]!;
      if (scCoef !== 0) {
        const caseload = cl14 * (1 + (growth * C_SPAN) / C_SPAN);
        const up = scCoef * 10 * Math.max(0, caseload / fte / norm - 1);
        sc = pen((-grossC[y]! * (1 - waivedC[k0 + y]!) * P * (1 + up)) / (priceSum * 12));
      }
      const flatMonths = last - flatFrom + 1;
      sumSc += sc * flatMonths;
      sumStaff += staffPence * flatMonths;
      if (g !== 0) {
        for (let m = flatFrom; m <= last; m++) {
          const variation = variationM[m]! + (m >= varStart ? uplift : 0);
          const gap = pen(g * (staffPence + nonStaff)) - (ffs + variation + sc);
          sumGuar += gap > 0 ? gap : 0;
          sumVar += variation;
        }
      } else {
        for (let m = flatFrom; m <= last && m < varStart; m++) sumVar += variationM[m]!;
        const upliftMonths = last - Math.max(flatFrom, varStart) + 1;
        if (upliftMonths > 0) sumVar += uplift * upliftMonths;
      }
    }
    const sumFfs = ffs * months;
    const sumNonStaff = nonStaff * months;
    acc[FFS * FY_N + y] = acc[FFS * FY_N + y]! + sumFfs;
    acc[VAR * FY_N + y] = acc[VAR * FY_N + y]! + sumVar;
    acc[GUAR * FY_N + y] = acc[GUAR * FY_N + y]! + sumGuar;
    acc[SC * FY_N + y] = acc[SC * FY_N + y]! + sumSc;
    acc[STAFF * FY_N + y] = acc[STAFF * FY_N + y]! + sumStaff;
    acc[RED * FY_N + y] = acc[RED * FY_N + y]! + sumRed;
    acc[NONSTAFF * FY_N + y] = acc[NONSTAFF * FY_N + y]! + sumNonStaff;
    income += sumFfs + sumVar + sumGuar + sumSc;
    cost += sumStaff + sumRed + sumNonStaff;
  }
  crcIncome[c] = crcIncome[c]! + income;
  crcCost[c] = crcCost[c]! + cost;
}
