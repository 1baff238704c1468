import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalCdf, normalQuantile } from "./normal.ts";

// Reference values of the standard normal (Abramowitz & Stegun, table 26.1; R's pnorm/qnorm).
const CDF_TABLE: [number, number][] = [
  [0, 0.5],
  [1, 0.8413447460685429],
  [-1, 0.15865525393145707],
  [1.959963984540054, 0.975],
  [-2.5, 0.006209665325776132],
  [3, 0.9986501019683699],
  [-5, 2.866515718791939e-7],
];

describe("normalCdf", () => {
  it.each(CDF_TABLE)("Φ(%d) = %d to 1.2e-7 relative", (x, p) => {
    expect(Math.abs(normalCdf(x) - p) / p).toBeLessThan(1.2e-7);
  });

  it("is increasing and symmetric, Φ(−x) = 1 − Φ(x), to the fit's error (law)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -8, max: 8, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (x, dx) => {
          // The fit is exact in neither: Φ(0) is 0.5 + 1.5e-8, so allow 1e-7 at the seam.
          expect(normalCdf(x + dx)).toBeGreaterThanOrEqual(normalCdf(x) - 1e-7);
          expect(Math.abs(normalCdf(-x) - (1 - normalCdf(x)))).toBeLessThan(1e-7);
        },
      ),
    );
  });
});

describe("normalQuantile", () => {
  it.each(CDF_TABLE.filter(([, p]) => p > 1e-6))("Φ⁻¹(%d) inverts the table", (x, p) => {
    expect(normalQuantile(p)).toBeCloseTo(x, 7);
  });

  it("inverts normalCdf: Φ(Φ⁻¹(p)) = p to 2e-7 (law)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), (p) => {
        expect(Math.abs(normalCdf(normalQuantile(p)) - p)).toBeLessThan(
          2e-7 * Math.min(p, 1 - p) + 1e-12,
        );
      }),
    );
  });

  it("is −∞ at 0 and +∞ at 1, and antisymmetric about ½", () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(0.5)).toBe(0);
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 0.5, noNaN: true }), (p) => {
        expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 6);
      }),
    );
  });
});
