import fc from "fast-check";
import { describe, it } from "vitest";
import { decimal, expectRoundsToExactPence } from "../../test/fixtures/float-laws.ts";
import { feeForService } from "./fee-for-service.ts";
import { feeYearCellFloat, upliftYearCellFloat } from "./fee-year-cells.ts";
import { learningCurveYears } from "./learning-curve.ts";
import { variationUplift, variationUpliftFloatScale } from "./variation.ts";

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
          // A whole number of pence rounds to itself, NaN stays NaN: the law applies to the cell.
          expectRoundsToExactPence(fee, x.toNumber(), x);
          const uplift = upliftYearCellFloat(phi2, phi, scale);
          const exact = variationUplift({ ...inputs, recognisedFixedShare: phi2, scale });
          expectRoundsToExactPence(uplift, variationUpliftFloatScale(P, scale), exact);
        },
      ),
      { numRuns: 500 },
    );
  });
});
