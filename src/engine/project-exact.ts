import { feeForService } from "./fee-for-service.ts";
import { guaranteeTopUp } from "./guarantee.ts";
import { ictCompensationShares } from "./ict-compensation.ts";
import { emptyLedger, MONTH_COUNT, type Ledger } from "./ledger.ts";
import { Money, toPence } from "./money.ts";
import { nonStaffCost } from "./non-staff-cost.ts";
import { payIndex } from "./pay-index.ts";
import { pbrCohortPayment } from "./pbr.ts";
import { pbrCohorts } from "./pbr-cohorts.ts";
import { FY_COUNT, Params, type ProjectionInputs } from "./projection-inputs.ts";
import { redundancyCost } from "./redundancy.ts";
import {
  caseloadInputs,
  feeForServiceInputs,
  feedbackAmount,
  fteInputs,
  guaranteeInputs,
  nonStaffCostInputs,
  payAwards,
  pbrInputs,
  redundancyInputs,
  serviceCreditInputs,
  staffCostInputs,
  terminationInputs,
  variationUpliftInputs,
} from "./rule-inputs.ts";
import { serviceCredits } from "./service-credits.ts";
import { staffCost } from "./staff-cost.ts";
import { fteAt, STAFF_PATH_END_INDEX } from "./staffing.ts";
import { terminationPayment } from "./termination.ts";
import { FY_INDEX_BY_MONTH } from "./timeline.ts";
import { variationUplift } from "./variation.ts";
import { variationPaymentShares } from "./variation-payments.ts";
import { caseloadAt, workloadExcess, workloadIndex } from "./workload.ts";

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
  const priceSum = inputs.crcs.reduce(
    (s, _, c) => s.plus(p.dec("size.annualPrice", c)),
    new Money(0),
  );
  const varPayments = variationPaymentShares(p);
  const ict = ictCompensationShares(p);
  const ictMonth = p.num("ict.paymentMonth", 0);
  const cohorts = pbrCohorts(p);
  const cohortCaseloads = cohorts.map((k) =>
    inputs.crcs.map((_, c) => caseloadAt(caseloadInputs(p, c, k.startMonth).values)),
  );
  const cohortTotals = cohortCaseloads.map((row) => row.reduce((a, b) => a.plus(b), new Money(0)));
  const L = ledger.money;

  for (let c = 0; c < p.crcCount; c++) {
    const base = c * MONTH_COUNT;
    const end = p.num("termination.endDate", c);
    const varStart = p.num("variation.start", c);
    const priceShare = p.dec("size.annualPrice", c).dividedBy(priceSum);

    // The FTE path, exact, and its float copy for the FTE rows.
    const fte: Money[] = [];
    for (let m = 0; m < MONTH_COUNT; m++) {
      fte.push(m <= STAFF_PATH_END_INDEX ? fteAt(fteInputs(p, c, m).values) : fte[m - 1]!);
    }

    // Per financial year.
    const awards = payAwards(p, c);
    const ffsY: number[] = [];
    const upliftY: number[] = [];
    const nonStaffY: number[] = [];
    const scY: number[] = [];
    const payIdxY: Money[] = [];
    for (let y = 0; y < FY_COUNT; y++) {
      ffsY.push(toPence(feeForService(feeForServiceInputs(p, c, y).values)));
      upliftY.push(toPence(variationUplift(variationUpliftInputs(p, c, y).values)));
      nonStaffY.push(toPence(nonStaffCost(nonStaffCostInputs(p, c, y).values)));
      scY.push(toPence(serviceCredits(serviceCreditInputs(p, c, y, priceShare, 0).values)));
      payIdxY.push(payIndex(awards, y));
    }

    // One-off and scheduled cash.
    const variation = L.variation;
    for (const share of varPayments[c]!) {
      share.months.forEach((m, i) => (variation[base + m] = share.monthly[i]!));
    }
    if (ictMonth <= end) L.ict_compensation[base + ictMonth] = ict[c]!;
    cohorts.forEach((k, i) => {
      if (k.cashMonth > end) return;
      const caseload = cohortCaseloads[i]![c]!;
      const share = caseload.dividedBy(cohortTotals[i]!);
      const coef = p.dec("workload.feedback.pbrPtsPer10Pct", c, k.fy);
      const penalty = coef.isZero()
        ? new Money(0)
        : feedbackAmount(
            coef,
            workloadExcess(
              workloadIndex({ caseload, fte: fte[k.startMonth]!, caseloadPerFteNorm: norm }),
            ),
          );
      L.pbr[base + k.cashMonth] = toPence(
        pbrCohortPayment(pbrInputs(p, c, k.fy, share, penalty).values),
      );
    });
    if (end < MONTH_COUNT - 1) {
      L.termination[base + end] = toPence(terminationPayment(terminationInputs(p, c).values));
    }

    // Month by month, up to the end date.
    let staffPence = 0;
    for (let m = 0; m <= end; m++) {
      const i = base + m;
      const y = FY_INDEX_BY_MONTH[m]!;
      const newYear = m === 0 || FY_INDEX_BY_MONTH[m - 1] !== y;
      L.fee_for_service[i] = ffsY[y]!;
      if (m >= varStart) L.variation[i] = L.variation[i]! + upliftY[y]!;
      L.non_staff_cost[i] = nonStaffY[y]!;
      if (m <= STAFF_PATH_END_INDEX || newYear) {
        staffPence = toPence(staffCost(staffCostInputs(p, c, fte[m]!, payIdxY[y]!).values));
      }
      L.staff_cost[i] = staffPence;
      if (m > 0 && fte[m]!.lessThan(fte[m - 1]!)) {
        const reduction = fte[m - 1]!.minus(fte[m]!);
        L.redundancy_cost[i] = toPence(
          redundancyCost(redundancyInputs(p, c, reduction, payIdxY[y]!).values),
        );
      }
      const caseload = caseloadAt(caseloadInputs(p, c, m).values);
      ledger.fte[i] = fte[m]!.toNumber();
      ledger.caseload[i] = caseload.toNumber();
      const scCoef = p.dec("workload.feedback.serviceCreditsPer10Pct", c, y);
      if (scCoef.isZero()) {
        L.service_credits[i] = scY[y]!;
      } else {
        const index = workloadIndex({ caseload, fte: fte[m]!, caseloadPerFteNorm: norm });
        const uplift = feedbackAmount(scCoef, workloadExcess(index));
        L.service_credits[i] = toPence(
          serviceCredits(serviceCreditInputs(p, c, y, priceShare, uplift).values),
        );
      }
      const costTotal = L.staff_cost[i]! + L.redundancy_cost[i]! + L.non_staff_cost[i]!;
      L.cost_total[i] = costTotal;
      if (p.num("guarantee.floorShareOfCost", c, y) !== 0) {
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
