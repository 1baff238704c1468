import { quantileSorted } from "d3";
import fc from "fast-check";
import { describe as group, expect, it } from "vitest";
import { roundHalfEven } from "../engine/round-half-even.ts";
import { describe, percentileRanks, percentileSorted } from "./percentiles.ts";

const values = fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), {
  minLength: 1,
  maxLength: 200,
});

group("percentileSorted", () => {
  it("equals d3.quantileSorted (type 7, the R/NumPy default) (law)", () => {
    fc.assert(
      fc.property(values, fc.integer({ min: 0, max: 100 }), (xs, p) => {
        const sorted = Float64Array.from(xs).sort();
        const expected = quantileSorted(Array.from(sorted), p / 100)!;
        expect(Math.abs(percentileSorted(sorted, p) - expected)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(expected)),
        );
      }),
    );
  });

  it("interpolates between order statistics: P50 of 1…4 is 2.5, P5 of 0…100 is 5", () => {
    expect(percentileSorted([1, 2, 3, 4], 50)).toBe(2.5);
    expect(
      percentileSorted(
        Float64Array.from({ length: 101 }, (_, i) => i),
        5,
      ),
    ).toBe(5);
    expect(percentileSorted([], 50)).toBeNaN();
  });
});

group("describe", () => {
  it("orders its statistics: min ≤ P5 ≤ P25 ≤ P50 ≤ P75 ≤ P95 ≤ max, mean within (law)", () => {
    fc.assert(
      fc.property(values, (xs) => {
        const s = describe(Float64Array.from(xs));
        const order = [s.min, s.p5, s.p25, s.p50, s.p75, s.p95, s.max];
        for (let i = 1; i < order.length; i++)
          expect(order[i]!).toBeGreaterThanOrEqual(order[i - 1]!);
        expect(s.mean).toBeGreaterThanOrEqual(s.min - 1e-3);
        expect(s.mean).toBeLessThanOrEqual(s.max + 1e-3);
        const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
        expect(Math.abs(s.mean - mean)).toBeLessThanOrEqual(
          1e-6 * Math.max(1, ...xs.map(Math.abs)),
        );
      }),
    );
  });

  it("gives every statistic exactly x for identical draws (a zero-variance run is exact) (law)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -4e11, max: 4e11 }),
        fc.integer({ min: 1, max: 500 }),
        (x, n) => {
          const s = describe(new Float64Array(n).fill(x), roundHalfEven);
          expect(s).toEqual({ mean: x, min: x, p5: x, p25: x, p50: x, p75: x, p95: x, max: x });
        },
      ),
    );
  });

  it("rounds every statistic with the rounding given (whole pence, half to even)", () => {
    const s = describe(Float64Array.from([0.5, 1.5, 2.5, 3.5]), roundHalfEven);
    expect(s.min).toBe(0);
    expect(s.max).toBe(4);
    expect(s.mean).toBe(2);
    expect(s.p50).toBe(2);
  });
});

/** describe as it was before issue #6's selection: a full sort, then the same reads. */
function describeBySorting(values: Float64Array, round: (x: number) => number = (x) => x) {
  const n = values.length;
  const x0 = values[0] ?? Number.NaN;
  let delta = 0;
  for (let i = 0; i < n; i++) delta += values[i]! - x0;
  const mean = x0 + delta / n;
  values.sort();
  const at = (p: number) => round(percentileSorted(values, p));
  return {
    mean: round(mean),
    min: round(values[0] ?? Number.NaN),
    p5: at(5),
    p25: at(25),
    p50: at(50),
    p75: at(75),
    p95: at(95),
    max: round(values[n - 1] ?? Number.NaN),
  };
}

group("describe by selection", () => {
  const same = (xs: readonly number[], round?: (x: number) => number) => {
    const now = describe(Float64Array.from(xs), round);
    const before = describeBySorting(Float64Array.from(xs), round);
    for (const key of Object.keys(before) as (keyof typeof before)[])
      if (!Object.is(now[key], before[key]))
        throw new Error(`${key} of [${xs.join(", ")}]: ${now[key]}, a sort gives ${before[key]}`);
  };

  it("gives the statistics a full sort gives, bit for bit, on any doubles (law)", () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { maxLength: 400 }), (xs) => {
        same(xs);
        same(xs, roundHalfEven);
      }),
      { numRuns: 2000 },
    );
  });

  it("gives the statistics a full sort gives on whole pence and counts with many ties (law)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 21 }), { minLength: 1, maxLength: 2500 }),
        fc.integer({ min: 1, max: 1e6 }),
        (xs, scale) => {
          same(xs);
          same(
            xs.map((x) => x * scale),
            roundHalfEven,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("percentileRanks names the ranks percentileSorted reads", () => {
    expect(percentileRanks(1, 50)).toEqual([0]);
    expect(percentileRanks(4, 50)).toEqual([1, 2]);
    expect(percentileRanks(10_000, 95)).toEqual([9499, 9500]);
    expect(percentileRanks(101, 5)).toEqual([5, 6]);
  });
});
