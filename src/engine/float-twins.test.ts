import fc from "fast-check";
import { decimal, expectRoundsToExactPence } from "../../test/fixtures/float-laws.ts";
import { describe, expect, it } from "vitest";
import { allocatePence } from "./allocate-pence.ts";
import {
  discountedPriceFloat,
  feeForService,
  feeForServiceFloat,
  volumeFactorFloat,
} from "./fee-for-service.ts";
import { guaranteeFloorFloat, guaranteeTopUp, guaranteeTopUpFloat } from "./guarantee.ts";
import { Money, toPence } from "./money.ts";
import { nonStaffCost, nonStaffCostFloat, nonStaffCostFloatScale } from "./non-staff-cost.ts";
import { payIndex, payIndexFloat } from "./pay-index.ts";
import { pbrCohortPayment, pbrCohortPaymentFloat, pbrCohortPaymentFloatScale } from "./pbr.ts";
import {
  redundancyCost,
  redundancyCostFloat,
  redundancyPerPayIndexFloatScale,
} from "./redundancy.ts";
import { roundCellUnlessTie } from "./round-half-even.ts";
import { feedbackAmount } from "./rule-inputs.ts";
import {
  serviceCredits,
  serviceCreditsFloat,
  serviceCreditsFloatScale,
} from "./service-credits.ts";
import {
  staffCost,
  staffCostFloat,
  staffCostFloatScale,
  staffPathBaseFloat,
  staffPathCostFloat,
  staffPathPerMonthFloat,
} from "./staff-cost.ts";
import {
  fteAt,
  fteAtFloat,
  fteFloatScale,
  fteReductionAt,
  fteReductionFloat,
  STAFF_PATH_LATEST_END_INDEX,
  staffPathMonth,
} from "./staffing.ts";
import { terminationPayment, terminationPaymentFloat } from "./termination.ts";
import { variationUplift, variationUpliftFloat, variationUpliftFloatScale } from "./variation.ts";
import {
  variationPaymentSpreadFloat,
  variationPaymentSpreadSumFloat,
} from "./variation-payments.ts";
import {
  caseloadAt,
  caseloadAtFloat,
  feedbackAmountFloat,
  feedbackFloatScale,
  workloadExcess,
  workloadExcessFloat,
  workloadIndex,
  workloadIndexFloat,
} from "./workload.ts";

/*
 * One law per rule: its float twin (beside it in the rule's file), rounded as the float path
 * rounds a cell, gives the exact rule's pence or declines within a half-penny's tie band
 * (`expectRoundsToExactPence`, test/fixtures/float-laws.ts). Inputs have few decimal places, as
 * the data's do, so exact half-penny ties come up often.
 */
const price = fc.integer({ min: 0, max: 20_000_000_000 });
const month = fc.integer({ min: 0, max: 85 });
const years = fc.integer({ min: 0, max: 6 });
const fte = decimal(0.5, 3000, 1);
/** The month a CRC's cuts are complete: its data range, Mar 2015 (1) to Jun 2017 (28). */
const cutsEnd = fc.integer({ min: 1, max: STAFF_PATH_LATEST_END_INDEX });
const RUNS = { numRuns: 500 };

describe("each rule's float twin rounds to the exact rule's pence (laws)", () => {
  it("feeForServiceFloat rounds to feeForService's pence", () => {
    fc.assert(
      fc.property(
        price,
        decimal(-0.5, 0.9),
        decimal(0, 1),
        decimal(0, 0.1),
        decimal(0, 0.25),
        decimal(0, 0.08, 4),
        years,
        (P, s, phi, tau, cap, d, k) => {
          const exact = feeForService({
            annualPricePence: P,
            shortfallShare: s,
            fixedShare: phi,
            toleranceBand: tau,
            upsideCap: cap,
            learningCurveDiscount: d,
            discountYears: k,
          });
          const float = feeForServiceFloat(
            discountedPriceFloat(P, d, k),
            phi,
            volumeFactorFloat(s, tau, cap),
          );
          expectRoundsToExactPence(float, float, exact);
        },
      ),
      RUNS,
    );
  });

  it("variationUpliftFloat rounds to variationUplift's pence", () => {
    fc.assert(
      fc.property(
        price,
        decimal(-0.5, 0.9),
        decimal(0, 1),
        decimal(0, 1),
        decimal(0, 0.1),
        decimal(0, 0.25),
        decimal(0, 0.08, 4),
        years,
        decimal(0, 1.5),
        (P, s, phi, phi2, tau, cap, d, k, scale) => {
          const exact = variationUplift({
            annualPricePence: P,
            shortfallShare: s,
            fixedShare: phi,
            recognisedFixedShare: phi2,
            toleranceBand: tau,
            upsideCap: cap,
            learningCurveDiscount: d,
            discountYears: k,
            scale,
          });
          const Pk = discountedPriceFloat(P, d, k);
          const float = variationUpliftFloat(Pk, phi2, phi, volumeFactorFloat(s, tau, cap), scale);
          expectRoundsToExactPence(float, variationUpliftFloatScale(Pk, scale), exact);
        },
      ),
      RUNS,
    );
  });

  it("nonStaffCostFloat rounds to nonStaffCost's pence", () => {
    fc.assert(
      fc.property(
        price,
        decimal(-0.05, 0.1),
        decimal(0.5, 0.9),
        decimal(0, 1),
        decimal(-0.5, 0.9),
        decimal(0, 0.25, 4),
        decimal(0, 1, 4),
        fc.constantFrom(0, 0.5, 1),
        (P, m, f, sigmaShare, s, gap, achieved, phase) => {
          const sigma = Math.round(f * sigmaShare * 1000) / 1000;
          const exact = nonStaffCost({
            annualPricePence: P,
            bidMargin: m,
            costFixedShare: f,
            costStaffShare: sigma,
            shortfallShare: s,
            transformationGap: gap,
            savingsAchieved: achieved,
            transformationPhase: phase,
          });
          const float = nonStaffCostFloat(P, m, f, sigma, s, gap, achieved, phase);
          expectRoundsToExactPence(float, nonStaffCostFloatScale(P, m, gap), exact);
        },
      ),
      RUNS,
    );
  });

  it("serviceCreditsFloat rounds to serviceCredits' pence, with the workload feedback's twins", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_500_000_000 }),
        decimal(0, 1, 2),
        fc.integer({ min: 1, max: 20_000_000_000 }),
        fc.integer({ min: 0, max: 400_000_000_000 }),
        fc.constantFrom(0, 0.05, 0.2),
        fc.record({ cl14: fc.integer({ min: 0, max: 20_000 }), growth: decimal(-0.5, 0.5) }),
        fc.record({ fte14: fte, fte17: fte, cut: decimal(0, 1.5, 2), end: cutsEnd }),
        month,
        (gross, waived, weight, others, coef, cl, staff, m) => {
          const { fte14, fte17, cut, end } = staff;
          const fteExact = fteAt({
            fteJune2014: fte14,
            fteJune2017: fte17,
            cutScale: cut,
            cutsCompleteBy: end,
            monthIndex: m,
          });
          fc.pre(fteExact.greaterThan(0));
          const caseload = caseloadAt({ caseload2014: cl.cl14, growth: cl.growth, monthIndex: m });
          const uplift = feedbackAmount(
            coef,
            workloadExcess(workloadIndex({ caseload, fte: fteExact, caseloadPerFteNorm: 40 })),
          );
          const total = weight + others;
          const exact = serviceCredits({
            grossAnnualPence: gross,
            waivedShare: waived,
            crcWeight: weight,
            totalWeight: total,
            feedbackUplift: uplift,
          });
          const fteF = fteAtFloat(fte14, fte17, cut, end, m);
          const index = workloadIndexFloat(caseloadAtFloat(cl.cl14, cl.growth, m), fteF, 40);
          const float = serviceCreditsFloat(
            gross,
            waived,
            weight,
            total,
            feedbackAmountFloat(coef, workloadExcessFloat(index)),
          );
          const scale = serviceCreditsFloatScale(
            gross,
            weight / total,
            feedbackFloatScale(coef, index, fteF, fteFloatScale(fte14, fte17, cut)),
          );
          expectRoundsToExactPence(float, scale, exact);
        },
      ),
      RUNS,
    );
  });

  it("staffCostFloat and the path's twin staffPathCostFloat round to staffCost's pence, on the FTE path at the pay index", () => {
    fc.assert(
      fc.property(
        fte,
        fte,
        decimal(0, 1.5, 2),
        cutsEnd,
        fc.integer({ min: 0, max: STAFF_PATH_LATEST_END_INDEX + 2 }),
        fc.integer({ min: 1_000_000, max: 10_000_000 }),
        fc.array(decimal(0, 0.03, 3), { minLength: 8, maxLength: 8 }),
        years,
        (fte14, fte17, cut, end, m, loaded, awards, y) => {
          const fteExact = fteAt({
            fteJune2014: fte14,
            fteJune2017: fte17,
            cutScale: cut,
            cutsCompleteBy: end,
            monthIndex: m,
          });
          const exact = staffCost({
            fte: fteExact,
            loadedCostPerFtePence: loaded,
            payIndex: payIndex(awards, y),
          });
          let pay = 1;
          for (let i = 0; i <= y; i++) pay = payIndexFloat(pay, awards[i]!, i);
          const scale = staffCostFloatScale(fteFloatScale(fte14, fte17, cut), loaded, pay);
          const float = staffCostFloat(fteAtFloat(fte14, fte17, cut, end, m), loaded, pay);
          expectRoundsToExactPence(float, scale, exact);
          const onPath = staffPathCostFloat(
            staffPathBaseFloat(fte14, loaded),
            staffPathPerMonthFloat(fte14, fte17, cut, end, loaded),
            staffPathMonth(m, end),
            pay,
          );
          expectRoundsToExactPence(onPath, scale, exact);
        },
      ),
      RUNS,
    );
  });

  it("redundancyCostFloat rounds to redundancyCost's pence, on the month's fall in FTE", () => {
    fc.assert(
      fc.property(
        fc.record({ fte14: fte, fte17: fte, cut: decimal(0, 1.5, 2), end: cutsEnd }),
        fc.record({
          share: decimal(0, 1, 2),
          loaded: fc.integer({ min: 1_000_000, max: 10_000_000 }),
          pay: decimal(1, 1.2, 4),
          onCost: decimal(0, 0.4, 2),
          wpy: decimal(0, 4, 1),
          cap: fc.integer({ min: 0, max: 104 }),
          service: decimal(0, 30, 1),
          mf: decimal(0, 1, 2),
        }),
        ({ fte14, fte17, cut, end }, r) => {
          const reduction = fteReductionAt({
            fteJune2014: fte14,
            fteJune2017: fte17,
            cutScale: cut,
            cutsCompleteBy: end,
            monthIndex: 1,
          });
          const exact = redundancyCost({
            fteReduction: reduction,
            redundancyShareOfReduction: r.share,
            loadedCostPerFtePence: r.loaded,
            payIndex: r.pay,
            onCostRate: r.onCost,
            weeksPerYear: r.wpy,
            capWeeks: r.cap,
            avgServiceYears: r.service,
            modernisationFundShare: r.mf,
          });
          const args = [r.share, r.loaded, r.onCost, r.wpy, r.cap, r.service, r.mf] as const;
          const float = redundancyCostFloat(
            fteReductionFloat(fte14, fte17, cut, end),
            r.share,
            r.loaded,
            r.pay,
            r.onCost,
            r.wpy,
            r.cap,
            r.service,
            r.mf,
          );
          const fallScale = ((fte14 + Math.abs(fte17)) * Math.abs(cut)) / end;
          const scale = redundancyPerPayIndexFloatScale(fallScale, ...args) * r.pay;
          expectRoundsToExactPence(float, scale, exact);
        },
      ),
      RUNS,
    );
  });

  it("terminationPaymentFloat rounds to terminationPayment's pence", () => {
    fc.assert(
      fc.property(price, decimal(0, 24, 1), (P, months) => {
        const exact = terminationPayment({ paymentMonths: months, annualPricePence: P });
        const float = terminationPaymentFloat(months, P);
        expectRoundsToExactPence(float, float, exact);
      }),
      RUNS,
    );
  });

  it("guaranteeTopUpFloat, on the floor rounded to the penny, is guaranteeTopUp's pence", () => {
    fc.assert(
      fc.property(
        decimal(0, 1.2, 2),
        fc.integer({ min: 0, max: 2_000_000_000 }),
        fc.integer({ min: -500_000_000, max: 2_000_000_000 }),
        (g, cost, fee) => {
          const exact = guaranteeTopUp({
            floorShareOfCost: g,
            costTotalPence: cost,
            feeIncomePence: fee,
          });
          const floor = guaranteeFloorFloat(g, cost);
          const floorPence = roundCellUnlessTie(floor, floor);
          const exactFloor = new Money(g).times(cost);
          expectRoundsToExactPence(floor, floor, exactFloor);
          if (!Number.isNaN(floorPence))
            expect(guaranteeTopUpFloat(floorPence, fee)).toBe(toPence(exact));
        },
      ),
      RUNS,
    );
  });

  it("pbrCohortPaymentFloat rounds to pbrCohortPayment's pence", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        decimal(-6, 6, 2),
        decimal(-6, 6, 2),
        decimal(0, 3, 1),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 1, max: 300_000 }),
        decimal(0, 3, 2),
        (priceB, priceF, rB, rF, d, caseload, others, penalty) => {
          const total = caseload + others;
          const exact = pbrCohortPayment({
            binaryPricePerPointPence: priceB,
            frequencyPricePerPointPence: priceF,
            binaryReductionPts: rB,
            frequencyReductionPct: rF,
            deductionThreshold: d,
            crcCaseload: caseload,
            totalCaseload: total,
            feedbackPenaltyPts: penalty,
          });
          const args = [priceB, priceF, rB, rF, d, caseload, total] as const;
          const float = pbrCohortPaymentFloat(...args, penalty);
          expectRoundsToExactPence(float, pbrCohortPaymentFloatScale(...args, penalty), exact);
        },
      ),
      RUNS,
    );
  });

  it("variationPaymentSpreadFloat spreads whole pence over the months as allocatePence does", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5_000_000_000, max: 5_000_000_000 }),
        fc.integer({ min: 1, max: 12 }),
        (pence, count) => {
          const out = new Float64Array(count + 2);
          variationPaymentSpreadFloat(pence, count, out, 1);
          const exact = allocatePence(
            pence,
            Array.from({ length: count }, () => 1),
          );
          expect([...out.subarray(1, count + 1)]).toEqual(exact.map((x) => x + 0));
          expect([out[0], out[count + 1]]).toEqual([0, 0]);
        },
      ),
      RUNS,
    );
  });

  it("variationPaymentSpreadSumFloat is the sum of the spread's first months", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5_000_000_000, max: 5_000_000_000 }),
        fc
          .integer({ min: 1, max: 12 })
          .chain((count) => fc.tuple(fc.constant(count), fc.integer({ min: 0, max: count }))),
        (pence, [count, months]) => {
          const out = new Float64Array(count);
          variationPaymentSpreadFloat(pence, count, out, 0);
          let sum = 0;
          for (let j = 0; j < months; j++) sum += out[j]!;
          expect(Object.is(variationPaymentSpreadSumFloat(pence, count, months), sum + 0)).toBe(
            true,
          );
        },
      ),
      RUNS,
    );
  });
});
