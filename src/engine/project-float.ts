import { allocatePence } from "./allocate-pence.ts";
import { emptyLedger, MONTH_COUNT, type Ledger } from "./ledger.ts";
import { SHORTFALL_ID } from "./parameter-specs.ts";
import { FY_COUNT, type ProjectionInputs } from "./projection-inputs.ts";
import { roundCellHalfEven } from "./round-half-even.ts";
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
  scCoefY: new Float64Array(FY_COUNT),
  floorY: new Float64Array(FY_COUNT),
  upliftY: new Float64Array(FY_COUNT),
  nonStaffY: new Float64Array(FY_COUNT),
  scY: new Float64Array(FY_COUNT),
  payY: new Float64Array(FY_COUNT),
  /** The national caseload at each PbR cohort's start (at most one cohort a quarter). */
  cohortTotals: new Float64Array(MONTH_COUNT),
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

/** Financial-year index of each month, as a typed array for the hot loops. */
const FY_OF = Int32Array.from(FY_INDEX_BY_MONTH);
/** First and last month index of each financial year. */
const FY_FIRST = Int32Array.from(FINANCIAL_YEARS, (_, y) => FY_INDEX_BY_MONTH.indexOf(y));
const FY_LAST = Int32Array.from(FINANCIAL_YEARS, (_, y) => FY_INDEX_BY_MONTH.lastIndexOf(y));

/**
 * The same model as `projectExact`, in float64 arithmetic with no allocation in its loops: the
 * fast path for Monte Carlo (issue #6). Each cell is rounded half-even to whole pence at the
 * same point as in the exact ledger, and totals are sums of the rounded cells, so for the same
 * inputs the two ledgers agree cell by cell except where float64's ~16 significant digits put a
 * cell on the other side of a half-penny (a test checks every preset: no such cell).
 *
 * Every rule here mirrors one in the exact path (named in the comments); a change to a rule
 * must change both, and test/properties/float-path.test.ts compares them on random scenarios.
 */
export function projectFloat(inputs: ProjectionInputs, into?: Ledger): Ledger {
  const n = inputs.crcs.length;
  const col = (id: string) => {
    const c = inputs.values.get(id);
    if (c === undefined) throw new Error(`projection inputs lack parameter ${id}`);
    return c;
  };
  const at = (column: Float64Array, c: number, y = 0) => column[c * FY_COUNT + y]!;
  const norm = at(col("workload.caseloadPerFteNorm"), 0);
  const ledger = into ?? emptyLedger(inputs.crcs, norm);
  const L = ledger.money;
  if (into !== undefined) {
    // Lines written only in some months start from zero; the others are written in every month
    // up to a CRC's end (and zeroed after it below), so a reused ledger needs no more clearing.
    for (const line of SPARSE_LINES) L[line].fill(0);
  }
  // Local handles on the ledger's arrays: the hot loops index them directly.
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
  const price = col("size.annualPrice");
  const shortfall = col(SHORTFALL_ID);
  const phiC = col("ffs.fixedShare");
  const tauC = col("ffs.toleranceBand");
  const capC = col("ffs.upsideCap");
  const phi2C = col("variation.fixedShare");
  const scaleC = col("variation.scale");
  const marginC = col("cost.bidMargin");
  const fixedC = col("cost.fixedShare");
  const staffShareC = col("cost.staffShare");
  const grossC = col("serviceCredits.grossAnnual");
  const waivedC = col("serviceCredits.waivedShare");
  const awardC = col("staff.payAward");
  const floorC = col("guarantee.floorShareOfCost");
  const scFeedbackC = col("workload.feedback.serviceCreditsPer10Pct");
  const pbrFeedbackC = col("workload.feedback.pbrPtsPer10Pct");
  const cl14C = col("size.caseload2014");
  const growthC = col("caseload.growth");
  const fte14C = col("staff.fteJune2014");
  const fte17C = col("staff.fteJune2017");
  const cutC = col("staff.cutScale");
  const loadedC = col("staff.loadedCostPerFte");
  const termMonthsC = col("termination.paymentMonths");
  const wpyC = col("redundancy.weeksPerYear");
  const serviceC = col("redundancy.avgServiceYears");
  const capWeeksC = col("redundancy.capWeeks");
  const redShareC = col("redundancy.shareOfReduction");
  const mfC = col("redundancy.modernisationFundShare");
  const onCostC = col("staff.onCostRate");

  let priceSum = 0;
  for (let c = 0; c < n; c++) priceSum += at(price, c);

  // Caseload path (workload.ts caseloadAt) and the PbR cohorts (pbr-cohorts.ts).
  const caseloadAt = (c: number, m: number) => {
    const span = CASELOAD_PATH_END_INDEX - CASELOAD_PATH_START_INDEX;
    const k = Math.min(span, Math.max(0, m - CASELOAD_PATH_START_INDEX));
    return cl14C[c * FY_COUNT]! * (1 + (growthC[c * FY_COUNT]! * k) / span);
  };
  const fteAt = (c: number, m: number) => {
    const span = STAFF_PATH_END_INDEX - STAFF_PATH_START_INDEX;
    const k = Math.min(span, Math.max(0, m - STAFF_PATH_START_INDEX));
    const start = at(fte14C, c);
    return start + ((at(fte17C, c) - start) * at(cutC, c) * k) / span;
  };
  const first = at(col("pbr.firstCohort"), 0);
  const lag = at(col("pbr.cashLagMonths"), 0);
  const priceB = at(col("pbr.binaryPricePerPoint"), 0);
  const priceF = at(col("pbr.frequencyPricePerPoint"), 0);
  const rBC = col("pbr.binaryReductionPts");
  const rFC = col("pbr.frequencyReductionPct");
  const dC = col("pbr.deductionThreshold");
  const paidOutcome = (r: number, d: number) => (r >= 0 ? r : r + d < 0 ? r + d : 0);
  // The national caseload in each cohort's first month, once for all CRCs.
  const cohortTotals = SCRATCH.cohortTotals;
  for (let start = first, j = 0; start + lag < MONTH_COUNT; start += 3, j++) {
    let total = 0;
    for (let k = 0; k < n; k++) total += caseloadAt(k, start);
    cohortTotals[j] = total;
  }

  // One-off payments, shared out by largest remainder (allocate-pence.ts, variation-payments.ts).
  const ictMonth = at(col("ict.paymentMonth"), 0);
  const ict = allocateFloat(at(col("ict.compensationTotal"), 0), price, n);
  const varParts = VARIATION_PAYMENT_YEARS.map((fy) => ({
    fyIndex: FINANCIAL_YEARS.indexOf(fy),
    parts: allocateFloat(at(col(variationPaymentId(fy)), 0), price, n),
  }));
  const endC = col("termination.endDate");
  const startC = col("variation.start");

  const caseloadSpan = CASELOAD_PATH_END_INDEX - CASELOAD_PATH_START_INDEX;
  const staffSpan = STAFF_PATH_END_INDEX - STAFF_PATH_START_INDEX;
  const { ffsY, scCoefY, floorY, upliftY, nonStaffY, scY, payY } = SCRATCH;
  for (let c = 0; c < n; c++) {
    const base = c * MONTH_COUNT;
    const P = at(price, c);
    const end = at(endC, c);
    const varStart = at(startC, c);
    const scale = at(scaleC, c);
    const loaded = at(loadedC, c);

    // Per financial year (fee-for-service.ts, variation.ts, non-staff-cost.ts, service-credits.ts, pay-index.ts).
    const startYear = FY_OF[Math.min(varStart, MONTH_COUNT - 1)]!;
    const margin = at(marginC, c);
    for (let y = 0; y < FY_COUNT; y++) {
      const k = c * FY_COUNT + y; // at(column, c, y), read directly in this hot loop
      const s = shortfall[k]!;
      const tau = tauC[k]!;
      const v =
        Math.abs(s) <= tau ? 1 : s > 0 ? 1 - (s - tau) : Math.min(1 - s - tau, 1 + capC[k]!);
      const phi = phiC[k]!;
      ffsY[y] = roundCellHalfEven((P * (phi + (1 - phi) * v)) / 12);
      upliftY[y] =
        y >= startYear && varStart <= end
          ? roundCellHalfEven((P * (phi2C[k]! - phi) * (1 - v) * scale) / 12)
          : 0;
      const f = fixedC[k]!;
      nonStaffY[y] = roundCellHalfEven(
        (P * (f - staffShareC[k]! + (1 - f) * (1 - s))) / ((1 + margin) * 12),
      );
      scY[y] = roundCellHalfEven((-grossC[y]! * (1 - waivedC[k]!) * P) / (priceSum * 12));
      payY[y] = y === 0 ? 1 : payY[y - 1]! * (1 + awardC[k]!);
      scCoefY[y] = scFeedbackC[k]!;
      floorY[y] = floorC[k]!;
    }

    for (const { fyIndex, parts } of varParts) {
      // Spread over the year's months before the variation start (variation-payments.ts).
      const from = FY_FIRST[fyIndex]!;
      const to = Math.min(FY_LAST[fyIndex]!, varStart - 1);
      const count = to - from + 1;
      if (count <= 0) continue;
      const scaled = roundCellHalfEven(scale * parts[c]!);
      const sign = scaled < 0 ? -1 : 1;
      const each = Math.floor(Math.abs(scaled) / count);
      let left = Math.abs(scaled) - each * count;
      for (let m = from; m <= to; m++, left--) {
        variationL[base + m] = sign * (each + (left > 0 ? 1 : 0)) || 0;
      }
    }
    if (ictMonth <= end) ictCompensationL[base + ictMonth] = ict[c]!;
    for (let start = first, k = 0; start + lag < MONTH_COUNT; start += 3, k++) {
      const cash = start + lag;
      if (cash > end) continue;
      const y = FY_OF[start]!;
      const total = cohortTotals[k]!;
      const caseload = caseloadAt(c, start);
      const ky = c * FY_COUNT + y;
      const coef = pbrFeedbackC[ky]!;
      const excess = coef === 0 ? 0 : Math.max(0, caseload / fteAt(c, start) / norm - 1);
      const penalty = coef * 10 * excess;
      const d = dC[ky]!;
      const pay =
        priceB * paidOutcome(rBC[ky]! - penalty, d) + priceF * paidOutcome(rFC[ky]! - penalty, d);
      pbrL[base + cash] = roundCellHalfEven((pay * caseload) / total);
    }
    if (end < MONTH_COUNT - 1) {
      terminationL[base + end] = roundCellHalfEven((P * at(termMonthsC, c)) / 12);
    }

    // Redundancy (staffing.ts fteReductionAt, redundancy.ts).
    const fall = (at(fte14C, c) - at(fte17C, c)) * at(cutC, c);
    const reduction = fall > 0 ? fall / (STAFF_PATH_END_INDEX - STAFF_PATH_START_INDEX) : 0;
    const weeks = Math.min(at(wpyC, c) * at(serviceC, c), at(capWeeksC, c));
    const redundancyPerPayIndex =
      (reduction * at(redShareC, c) * loaded * weeks * (1 - at(mfC, c))) /
      ((1 + at(onCostC, c)) * 52);

    // The month loop's per-CRC constants, read once (caseloadAt and fteAt, inlined below with
    // the same arithmetic, so every value is bit for bit the same).
    const cl14 = at(cl14C, c);
    const growth = at(growthC, c);
    const fte14 = at(fte14C, c);
    const fteChange = (at(fte17C, c) - fte14) * at(cutC, c);
    const caseloadFlat = cl14 * (1 + (growth * caseloadSpan) / caseloadSpan);
    let staffPence = 0;
    let redundancyPence = 0;
    let fte = 0;
    for (let m = 0; m <= end; m++) {
      const i = base + m;
      const y = FY_OF[m]!;
      const newYear = m === 0 || FY_OF[m - 1] !== y;
      const ramp = m <= STAFF_PATH_END_INDEX;
      if (ramp) {
        const k = Math.min(staffSpan, Math.max(0, m - STAFF_PATH_START_INDEX));
        fte = fte14 + (fteChange * k) / staffSpan;
      }
      // Each line's cell in a local, written once (the one-off payments placed above are read).
      const ffs = ffsY[y]!;
      feeForServiceL[i] = ffs;
      let variation = variationL[i]!;
      if (m >= varStart) {
        variation = variation + upliftY[y]!;
        variationL[i] = variation;
      }
      const nonStaff = nonStaffY[y]!;
      nonStaffCostL[i] = nonStaff;
      if (ramp || newYear) staffPence = roundCellHalfEven((fte * loaded * payY[y]!) / 12);
      staffCostL[i] = staffPence;
      let redundancy = 0;
      if (ramp && m > STAFF_PATH_START_INDEX && reduction > 0) {
        if (newYear || m === STAFF_PATH_START_INDEX + 1)
          redundancyPence = roundCellHalfEven(redundancyPerPayIndex * payY[y]!);
        redundancy = redundancyPence;
        redundancyCostL[i] = redundancy;
      }
      const caseload =
        m < CASELOAD_PATH_END_INDEX
          ? cl14 * (1 + (growth * Math.max(0, m - CASELOAD_PATH_START_INDEX)) / caseloadSpan)
          : caseloadFlat;
      fteOut[i] = fte;
      caseloadOut[i] = caseload;
      const scCoef = scCoefY[y]!;
      let credits = scY[y]!;
      if (scCoef !== 0) {
        const uplift = scCoef * 10 * Math.max(0, caseload / fte / norm - 1);
        credits = roundCellHalfEven(
          (-at(grossC, 0, y) * (1 - at(waivedC, c, y)) * P * (1 + uplift)) / (priceSum * 12),
        );
      }
      serviceCreditsL[i] = credits;
      const cost = staffPence + redundancy + nonStaff;
      costTotalL[i] = cost;
      const g = floorY[y]!;
      let guarantee = 0;
      if (g !== 0) {
        const gap = g * cost - (ffs + variation + credits);
        guarantee = gap > 0 ? roundCellHalfEven(gap) : 0;
        guaranteeL[i] = guarantee;
      }
      // Every line of this cell is final here (one-off payments were placed above).
      const income =
        ffs + variation + guarantee + pbrL[i]! + credits + ictCompensationL[i]! + terminationL[i]!;
      incomeTotalL[i] = income;
      profitL[i] = income - cost;
    }
    // After an early end nothing flows (the variation's payments may have been placed there).
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
  return ledger;
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
