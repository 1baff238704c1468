import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { feeForService } from "./fee-for-service.ts";
import { feeYearCellFloat, upliftYearCellFloat } from "./fee-year-cells.ts";
import { learningCurveYears } from "./learning-curve.ts";
import { toPence, type Money } from "./money.ts";
import { FLOAT_ERROR } from "./round-half-even.ts";
import { variationUplift, variationUpliftFloatScale } from "./variation.ts";

/** A cell gives the exact rule's pence, or declines (NaN) only within the tie band of a half-penny. */
function expectExactPence(cell: number, scale: number, exact: Money): void {
  if (Number.isNaN(cell)) {
    const fromHalf = exact.minus(exact.floor()).minus(0.5).abs().toNumber();
    expect(fromHalf).toBeLessThanOrEqual(2 * Math.abs(scale) * FLOAT_ERROR + 1e-12);
  } else expect(cell).toBe(toPence(exact));
}

const decimal = (min: number, max: number, places = 3) =>
  fc
    .integer({ min: Math.round(min * 10 ** places), max: Math.round(max * 10 ** places) })
    .map((n) => n / 10 ** places);

describe("a CRC-year's fee for service and uplift on a float path (fee-year-cells.ts)", () => {
  it("give the exact rules' pence for the year's discount years (law)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000_000_000 }),
        decimal(-0.5, 0.9),
        decimal(0, 1),
        decimal(0, 1),
        decimal(0, 0.1),
        decimal(0, 0.25),
        decimal(0, 0.08, 4),
        fc.integer({ min: 0, max: 7 }),
        decimal(0, 1.5),
        (P, s, phi, phi2, tau, cap, d, y, scale) => {
          const inputs = {
            annualPricePence: P,
            shortfallShare: s,
            fixedShare: phi,
            toleranceBand: tau,
            upsideCap: cap,
            learningCurveDiscount: d,
            discountYears: learningCurveYears(y),
          };
          const fee = feeYearCellFloat(P, d, y, phi, s, tau, cap);
          const x = feeForService(inputs);
          expectExactPence(fee, x.toNumber(), x);
          const uplift = upliftYearCellFloat(phi2, phi, scale);
          const exact = variationUplift({ ...inputs, recognisedFixedShare: phi2, scale });
          expectExactPence(uplift, variationUpliftFloatScale(P, scale), exact);
        },
      ),
      { numRuns: 500 },
    );
  });
});
