import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resample } from "./build-posterior.ts";
import {
  effectiveSampleSize,
  normalisedWeights,
  sortOrder,
  weightedInterval,
} from "./posterior.ts";

const logLs = fc.array(fc.double({ min: -50, max: 0, noNaN: true }), {
  minLength: 1,
  maxLength: 300,
});

describe("posterior weights (issue #14)", () => {
  it("law: normalised weights are non-negative and sum to 1, whatever the scale of the log-likelihoods", () => {
    fc.assert(
      fc.property(logLs, fc.double({ min: -1e4, max: 1e4, noNaN: true }), (ls, shift) => {
        const w = normalisedWeights(Float64Array.from(ls, (l) => l + shift));
        expect(w.every((x) => x >= 0)).toBe(true);
        expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      }),
    );
  });

  it("law: the effective sample size lies between 1 and the number of draws (n for equal weights, 1 for one draw)", () => {
    fc.assert(
      fc.property(logLs, (ls) => {
        const ess = effectiveSampleSize(normalisedWeights(Float64Array.from(ls)));
        expect(ess).toBeGreaterThanOrEqual(1 - 1e-9);
        expect(ess).toBeLessThanOrEqual(ls.length + 1e-9);
      }),
    );
    expect(effectiveSampleSize(normalisedWeights(new Float64Array(50)))).toBeCloseTo(50, 9);
    expect(effectiveSampleSize(Float64Array.from([0, 1, 0]))).toBe(1);
  });

  it("law: with equal weights the weighted interval is the sample's own percentiles", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }),
        (xs) => {
          const values = Float64Array.from(xs);
          const sorted = Float64Array.from(xs).sort();
          const i = weightedInterval(values, null);
          // The lower empirical quantile: the first value whose cumulative share reaches p.
          const lower = (p: number) => sorted[Math.max(0, Math.ceil(p * xs.length) - 1)]!;
          // −0 and 0 are the same value: which of them a tie yields follows the draws' order
          // (`sortOrder`, below), not the sort's (−0 first), so they are compared as numbers.
          const asNumbers = (xs: number[]) => xs.map((x) => x + 0);
          expect(asNumbers([i.p5, i.p50, i.p95])).toEqual(
            asNumbers([lower(0.05), lower(0.5), lower(0.95)]),
          );
        },
      ),
    );
  });

  it("law: sortOrder orders as a comparison sort does, ties and −0 with 0 in index order", () => {
    const value = fc.oneof(
      fc.double({ noNaN: true }),
      fc.constantFrom(0, -0, 1, -1, Infinity, -Infinity),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), fc.boolean(), (xs, withNaN) => {
        const values = Float64Array.from(withNaN ? [...xs, Number.NaN] : xs);
        const byComparison = Uint32Array.from(values, (_, k) => k).sort(
          (a, b) => values[a]! - values[b]! || a - b,
        );
        expect(sortOrder(values)).toEqual(byComparison);
      }),
    );
  });

  it("law: a weighted interval ignores draws of zero weight", () => {
    const values = Float64Array.from([1, 2, 3, 100, 200]);
    const weights = Float64Array.from([1, 1, 1, 0, 0]);
    expect(weightedInterval(values, weights, sortOrder(values))).toEqual({ p5: 1, p50: 2, p95: 3 });
  });

  it("law: systematic resampling keeps n draws, each kept in proportion to its weight (within one)", () => {
    fc.assert(
      fc.property(logLs, fc.integer({ min: 1, max: 5000 }), fc.nat(), (ls, n, seed) => {
        const w = normalisedWeights(Float64Array.from(ls));
        const kept = resample(w, n, seed, 0);
        expect(kept.reduce((s, [, times]) => s + times, 0)).toBe(n);
        for (const [k, times] of kept)
          expect(Math.abs(times - w[k]! * n)).toBeLessThanOrEqual(1 + 1e-6);
        expect(new Set(kept.map(([k]) => k)).size).toBe(kept.length);
      }),
      { numRuns: 200 },
    );
  });
});
