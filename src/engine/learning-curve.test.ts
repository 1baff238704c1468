import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  learningCurveIndex,
  learningCurveIndexFloat,
  learningCurveYears,
} from "./learning-curve.ts";
import { feeForService } from "./fee-for-service.ts";
import { nonStaffCost, nonStaffCostFloat, transformationPhase } from "./non-staff-cost.ts";
import { toPence } from "./money.ts";
import { roundCellHalfEven } from "./round-half-even.ts";

const decimal = (min: number, max: number, places: number) =>
  fc
    .integer({ min: Math.round(min * 10 ** places), max: Math.round(max * 10 ** places) })
    .map((n) => n / 10 ** places);

describe("learning-curve discount", () => {
  it("leaves 2014-15 and 2015-16 at the bid price and discounts each later year once more", () => {
    expect([0, 1, 2, 3, 7].map(learningCurveYears)).toEqual([0, 0, 1, 2, 6]);
    expect(learningCurveIndex(0.05, 2).toString()).toBe("0.9025");
  });

  it("a discount of 0 is the fee-for-service rule as let", () => {
    const base = {
      annualPricePence: 1_200_000_000,
      shortfallShare: 0.3,
      fixedShare: 0.2,
      toleranceBand: 0.05,
    };
    expect(feeForService({ ...base, learningCurveDiscount: 0, discountYears: 4 }).toString()).toBe(
      feeForService(base).toString(),
    );
  });

  it("float twin rounds to the exact rule's pence (law)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        decimal(0, 0.2, 4),
        fc.integer({ min: 0, max: 6 }),
        (price, d, k) => {
          const exact = toPence(learningCurveIndex(d, k).times(price).dividedBy(12));
          const float = roundCellHalfEven((price * learningCurveIndexFloat(d, k)) / 12);
          expect(Math.abs(float - exact)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe("transformation gap in non-staff costs", () => {
  it("phases the transformation in over the first two years", () => {
    expect([0, 1, 2, 3, 7].map(transformationPhase)).toEqual([0, 0.5, 1, 1, 1]);
  });

  it("costs the whole gap when nothing is achieved and none when all is (law)", () => {
    fc.assert(
      fc.property(decimal(0, 0.25, 4), fc.integer({ min: 0, max: 7 }), (g, y) => {
        const base = {
          annualPricePence: 1_236_000_000,
          bidMargin: 0.03,
          costFixedShare: 0.77,
          costStaffShare: 0.65,
          shortfallShare: 0.2,
          transformationPhase: transformationPhase(y),
        };
        const none = nonStaffCost({ ...base, transformationGap: 0 });
        const all = nonStaffCost({ ...base, transformationGap: g, savingsAchieved: 1 });
        const nothing = nonStaffCost({ ...base, transformationGap: g, savingsAchieved: 0 });
        expect(nothing.minus(none).times(12).times(1.03).toNumber()).toBeCloseTo(
          1_236_000_000 * g,
          0,
        );
        if (transformationPhase(y) === 1) expect(all.toString()).toBe(none.toString());
      }),
    );
  });

  it("float twin rounds to the exact rule's pence (law)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        decimal(-0.05, 0.1, 3),
        decimal(0.6, 0.9, 3),
        decimal(0.4, 0.6, 3),
        decimal(-0.3, 0.9, 3),
        decimal(0, 0.25, 4),
        decimal(0, 1, 4),
        fc.integer({ min: 0, max: 7 }),
        (price, m, f, sigma, s, g, a, y) => {
          const r = transformationPhase(y);
          const exact = toPence(
            nonStaffCost({
              annualPricePence: price,
              bidMargin: m,
              costFixedShare: f,
              costStaffShare: sigma,
              shortfallShare: s,
              transformationGap: g,
              savingsAchieved: a,
              transformationPhase: r,
            }),
          );
          const float = roundCellHalfEven(nonStaffCostFloat(price, m, f, sigma, s, g, a, r));
          expect(Math.abs(float - exact)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
