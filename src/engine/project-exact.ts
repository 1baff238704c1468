import {
  cohortPaid,
  endsEarly,
  feedbackApplies,
  flowsIn,
  guaranteeApplies,
  ictPaid,
  upliftPaidIn,
  upliftPaidInYear,
} from "./applicability.ts";
import { feeForService } from "./fee-for-service.ts";
import { guaranteeTopUp } from "./guarantee.ts";
import { ictCompensationShares } from "./ict-compensation.ts";
import { emptyLedger, MONTH_COUNT, type Ledger } from "./ledger.ts";
import { Money, toPence, ZERO } from "./money.ts";
import { nonStaffCost, transformationPhase } from "./non-staff-cost.ts";
import { learningCurveYears } from "./learning-curve.ts";
import { pbrCohortPayment } from "./pbr.ts";
import { pbrCohorts, type PbrCohort } from "./pbr-cohorts.ts";
import { FY_COUNT, Params, type ProjectionInputs } from "./projection-inputs.ts";
import {
  caseloadInputs,
  feeForServiceInputs,
  feedbackAmount,
  guaranteeInputs,
  nonStaffCostInputs,
  pbrInputs,
  serviceCreditInputs,
  terminationInputs,
  variationUpliftInputs,
} from "./rule-inputs.ts";
import { serviceCredits } from "./service-credits.ts";
import { createStaffBlockMemo } from "./staff-block.ts";
import { terminationPayment } from "./termination.ts";
import { FY_INDEX_BY_MONTH } from "./timeline.ts";
import { variationUplift } from "./variation.ts";
import { variationPaymentShares } from "./variation-payments.ts";
import {
  CASELOAD_PATH_END_INDEX,
  CASELOAD_PATH_START_INDEX,
  caseloadAt,
  caseloadAtFloat,
  workloadExcess,
  workloadIndex,
} from "./workload.ts";

/** Each CRC's last staffing block, shared by every projection (see createStaffBlockMemo). */
const STAFF_BLOCKS = createStaffBlockMemo();

/**
 * The exact projection (MODEL.md throughout): every CRC, every month, every line, in whole pence
 * computed with decimal.js and rounded half-even once per cell (src/engine/README.md,
 * "Rounding"). Pure: no I/O, no clock, no randomness.
 *
 * Cells whose inputs do not change within a financial year (fee for service, variation uplift,
 * non-staff costs, service credits without feedback) are computed once per year and copied to
 * its months; the others are computed month by month. `explainCell` recomputes any cell with
 * the same builders and rules, and a test checks it agrees with this ledger on every preset.
 */
export function projectExact(inputs: ProjectionInputs): Ledger {
  const p = new Params(inputs);
  const ledger = emptyLedger(inputs.crcs, p.num("workload.caseloadPerFteNorm", 0));
  const norm = p.dec("workload.caseloadPerFteNorm", 0);
  const priceSum = inputs.crcs.reduce((s, _, c) => s.plus(p.dec("size.annualPrice", c)), ZERO);
  const varPayments = variationPaymentShares(p);
  const ict = ictCompensationShares(p);
  const ictMonth = p.num("ict.paymentMonth", 0);
  const cohorts = pbrCohorts(p);
  const cohortCaseloads = cohortCaseloadsOf(p, cohorts);
  // Cohorts in the flat part of the caseload path share one row of caseloads: sum each row once.
  const rowTotals = new Map<Money[], Money>();
  const cohortTotals = cohortCaseloads.map((row) => {
    let t = rowTotals.get(row);
    if (t === undefined) {
      t = row.reduce((a, b) => a.plus(b), ZERO);
      rowTotals.set(row, t);
    }
    return t;
  });
  const rowIds = new Map<Money[], number>();
  const cohortRowId = cohortCaseloads.map((row) => {
    if (!rowIds.has(row)) rowIds.set(row, rowIds.size);
    return rowIds.get(row)!;
  });
  const L = ledger.money;

  for (let c = 0; c < p.crcCount; c++) {
    const base = c * MONTH_COUNT;
    const end = p.num("termination.endDate", c);
    const varStart = p.num("variation.start", c);

    // The FTE path (exact), staff and redundancy cost: unchanged from the last projection unless
    // a staffing value is (staff-block.ts).
    const staffing = STAFF_BLOCKS(p, c);
    const fte = staffing.fte;

    // Per financial year.
    const ffsY: number[] = [];
    const upliftY: number[] = [];
    const nonStaffY: number[] = [];
    const scY: number[] = [];
    for (let y = 0; y < FY_COUNT; y++) {
      // A rule is a pure function of its inputs: when every parameter it reads has the same
      // value as last year, last year's pence is this year's (years after 2017-18 often are).
      const same = (params: Readonly<Record<string, string | undefined>>) =>
        y > 0 && Object.values(params).every((id) => p.num(id!, c, y) === p.num(id!, c, y - 1));
      // Rules that also read the year itself (learning curve, transformation phase) are the
      // same only when that part is too.
      const samePrice =
        p.num("price.learningCurveDiscount", c) === 0 ||
        learningCurveYears(y) === learningCurveYears(y - 1);
      const samePhase =
        p.num("cost.transformationGap", c) === 0 ||
        transformationPhase(y) === transformationPhase(y - 1);
      const ffs = feeForServiceInputs(p, c, y);
      ffsY.push(samePrice && same(ffs.params) ? ffsY[y - 1]! : toPence(feeForService(ffs.values)));
      // The uplift is only paid from the variation's start: skip the years before it.
      const paid = upliftPaidInYear(y, varStart, end);
      const paidBefore = y > 0 && upliftPaidInYear(y - 1, varStart, end);
      if (!paid) upliftY.push(0);
      else {
        const uplift = variationUpliftInputs(p, c, y, ffs);
        upliftY.push(
          paidBefore && samePrice && same(uplift.params)
            ? upliftY[y - 1]!
            : toPence(variationUplift(uplift.values)),
        );
      }
      const nonStaff = nonStaffCostInputs(p, c, y);
      nonStaffY.push(
        samePhase && same(nonStaff.params)
          ? nonStaffY[y - 1]!
          : toPence(nonStaffCost(nonStaff.values)),
      );
      const sc = serviceCreditInputs(p, c, y, priceSum, ZERO);
      scY.push(same(sc.params) ? scY[y - 1]! : toPence(serviceCredits(sc.values)));
    }

    // One-off and scheduled cash.
    const variation = L.variation;
    for (const share of varPayments[c]!) {
      share.months.forEach((m, i) => (variation[base + m] = share.monthly[i]!));
    }
    if (ictPaid(ictMonth, end)) L.ict_compensation[base + ictMonth] = ict[c]!;
    // Cohorts with the same outcome year and the same caseloads have the same payment (the
    // caseload path is flat after Apr 2017): reuse it rather than recompute it.
    let lastKey = "";
    let lastPence = 0;
    cohorts.forEach((k, i) => {
      if (!cohortPaid(k.cashMonth, end)) return;
      const caseload = cohortCaseloads[i]![c]!;
      const total = cohortTotals[i]!;
      const coefZero = !feedbackApplies(p.num("workload.feedback.pbrPtsPer10Pct", c, k.fy));
      // Same outcome year and same caseload row (hence same caseload and total): same inputs.
      const key = coefZero ? `${k.fy}|${cohortRowId[i]}` : "";
      if (key !== "" && key === lastKey) {
        L.pbr[base + k.cashMonth] = lastPence;
        return;
      }
      const penalty = coefZero
        ? ZERO
        : feedbackAmount(
            p.dec("workload.feedback.pbrPtsPer10Pct", c, k.fy),
            workloadExcess(
              workloadIndex({ caseload, fte: fte[k.startMonth]!, caseloadPerFteNorm: norm }),
            ),
          );
      lastPence = toPence(pbrCohortPayment(pbrInputs(p, c, k.fy, caseload, total, penalty).values));
      lastKey = key;
      L.pbr[base + k.cashMonth] = lastPence;
    });
    if (endsEarly(end)) {
      L.termination[base + end] = toPence(terminationPayment(terminationInputs(p, c).values));
    }

    // Month by month, up to the end date.
    const caseload2014 = p.num("size.caseload2014", c);
    const growth = p.num("caseload.growth", c);
    for (let m = 0; flowsIn(m, end); m++) {
      const i = base + m;
      const y = FY_INDEX_BY_MONTH[m]!;
      L.fee_for_service[i] = ffsY[y]!;
      if (upliftPaidIn(m, varStart)) L.variation[i] = L.variation[i]! + upliftY[y]!;
      L.non_staff_cost[i] = nonStaffY[y]!;
      L.staff_cost[i] = staffing.staffPence[m]!;
      L.redundancy_cost[i] = staffing.redundancyPence[m]!;
      ledger.fte[i] = staffing.fteNumber[m]!;
      ledger.caseload[i] = caseloadAtFloat(caseload2014, growth, m);
      if (!feedbackApplies(p.num("workload.feedback.serviceCreditsPer10Pct", c, y))) {
        L.service_credits[i] = scY[y]!;
      } else {
        const caseload = caseloadAt(caseloadInputs(p, c, m).values);
        const index = workloadIndex({ caseload, fte: fte[m]!, caseloadPerFteNorm: norm });
        const scCoef = p.dec("workload.feedback.serviceCreditsPer10Pct", c, y);
        const uplift = feedbackAmount(scCoef, workloadExcess(index));
        L.service_credits[i] = toPence(
          serviceCredits(serviceCreditInputs(p, c, y, priceSum, uplift).values),
        );
      }
      const costTotal = L.staff_cost[i]! + L.redundancy_cost[i]! + L.non_staff_cost[i]!;
      L.cost_total[i] = costTotal;
      if (guaranteeApplies(p.num("guarantee.floorShareOfCost", c, y))) {
        const fee = L.fee_for_service[i]! + L.variation[i]! + L.service_credits[i]!;
        L.guarantee[i] = toPence(guaranteeTopUp(guaranteeInputs(p, c, y, costTotal, fee).values));
      }
    }
    // Nothing flows after an early end: clear anything scheduled beyond it.
    for (let m = end + 1; m < MONTH_COUNT; m++) L.variation[base + m] = 0;
    for (let m = 0; m < MONTH_COUNT; m++) {
      const i = base + m;
      const income =
        L.fee_for_service[i]! +
        L.variation[i]! +
        L.guarantee[i]! +
        L.pbr[i]! +
        L.service_credits[i]! +
        L.ict_compensation[i]! +
        L.termination[i]!;
      L.income_total[i] = income;
      L.profit[i] = income - L.cost_total[i]!;
    }
  }
  return ledger;
}

/** Each CRC's caseload (exact) in each cohort's first month; the path is flat outside its ramp. */
function cohortCaseloadsOf(p: Params, cohorts: readonly PbrCohort[]): Money[][] {
  const cache = new Map<number, Money[]>();
  return cohorts.map((k) => {
    const m = Math.min(CASELOAD_PATH_END_INDEX, Math.max(CASELOAD_PATH_START_INDEX, k.startMonth));
    let row = cache.get(m);
    if (row === undefined) {
      row = p.inputs.crcs.map((_, c) => caseloadAt(caseloadInputs(p, c, m).values));
      cache.set(m, row);
    }
    return row;
  });
}
