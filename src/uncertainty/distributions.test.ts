import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cellSampler,
  indexCdf,
  tableQuantile,
  pertCdfTable,
  quantile,
  sampleCell,
  SHAPES,
  type Shape,
} from "./distributions.ts";
import type { CellRange } from "../scenario/parameter-ranges.ts";

/** A random cell: min ≤ low ≤ mode ≤ high ≤ max. */
const arbitraryRange: fc.Arbitrary<CellRange> = fc
  .tuple(
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 4, maxLength: 4 }),
  )
  .map(([min, [a, b, c, d]]) => ({
    min,
    low: min + a!,
    mode: min + a! + b!,
    high: min + a! + b! + c!,
    max: min + a! + b! + c! + d!,
  }));
const openUnit = fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true });

/** E[X] = ∫₀¹ Q(u) du by the midpoint rule on n points. */
function meanOf(shape: Shape, range: CellRange, n = 200_000): number {
  const s = cellSampler(shape, range);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sampleCell(s, (i + 0.5) / n);
  return sum / n;
}

/** The most populated of `bins` equal bins of low–high under the distribution's quantiles. */
function modalBin(shape: Shape, range: CellRange, bins = 20, n = 200_000): [number, number] {
  const s = cellSampler(shape, range);
  const counts = new Array<number>(bins).fill(0);
  const width = (range.high - range.low) / bins;
  for (let i = 0; i < n; i++) {
    const x = sampleCell(s, (i + 0.5) / n);
    counts[Math.min(bins - 1, Math.floor((x - range.low) / width))]!++;
  }
  const k = counts.indexOf(Math.max(...counts));
  return [range.low + k * width, range.low + (k + 1) * width];
}

describe("quantile", () => {
  it("stays within low–high (uniform, triangular, PERT) and min–max (normal) (law)", () => {
    fc.assert(
      fc.property(arbitraryRange, openUnit, (range, u) => {
        for (const shape of ["uniform", "triangular", "pert"] as const) {
          const x = quantile(shape, range, u);
          expect(x).toBeGreaterThanOrEqual(range.low);
          expect(x).toBeLessThanOrEqual(range.high);
        }
        const x = quantile("normal", range, u);
        expect(x).toBeGreaterThanOrEqual(range.min);
        expect(x).toBeLessThanOrEqual(range.max);
      }),
      { numRuns: 300 },
    );
  });

  it("is non-decreasing in u, so correlated uniforms give correlated values (law)", () => {
    fc.assert(
      fc.property(arbitraryRange, openUnit, openUnit, (range, u, v) => {
        const [a, b] = u <= v ? [u, v] : [v, u];
        for (const shape of SHAPES)
          expect(quantile(shape, range, a)).toBeLessThanOrEqual(quantile(shape, range, b));
      }),
      { numRuns: 300 },
    );
  });

  it("is the mode for a point, and for any shape on a range with no spread (law)", () => {
    fc.assert(
      fc.property(arbitraryRange, openUnit, (range, u) => {
        expect(quantile("point", range, u)).toBe(range.mode);
        const flat = { ...range, low: range.mode, high: range.mode };
        for (const shape of SHAPES) expect(quantile(shape, flat, u)).toBe(range.mode);
      }),
    );
  });

  const range = { min: -1, low: 2, mode: 3, high: 7, max: 20 };

  it("has the known means: uniform (l+h)/2, triangular (l+m+h)/3, PERT (l+4m+h)/6", () => {
    expect(meanOf("uniform", range)).toBeCloseTo(4.5, 6);
    expect(meanOf("triangular", range)).toBeCloseTo(4, 6);
    expect(meanOf("pert", range)).toBeCloseTo((2 + 12 + 7) / 6, 4);
  });

  it("centres the normal on the mode with low/high as P5/P95, then truncates to min–max", () => {
    const wide = { min: -100, low: 1, mode: 3, high: 5, max: 100 };
    expect(meanOf("normal", wide)).toBeCloseTo(3, 5);
    expect(quantile("normal", wide, 0.05)).toBeCloseTo(1, 5);
    expect(quantile("normal", wide, 0.95)).toBeCloseTo(5, 5);
    // Cut at the mode: a half-normal, mean = mode + sd·√(2/π), sd = (high − low)/3.29.
    const half = { ...wide, min: 3 };
    const sd = 4 / (2 * 1.6448536269514722);
    expect(meanOf("normal", half)).toBeCloseTo(3 + sd * Math.sqrt(2 / Math.PI), 4);
  });

  it.each(["triangular", "pert"] as const)("puts the %s's peak at the mode", (shape) => {
    for (const mode of [2.3, 4.1, 6.6]) {
      const [from, to] = modalBin(shape, { ...range, mode });
      expect(mode).toBeGreaterThanOrEqual(from - 0.25);
      expect(mode).toBeLessThanOrEqual(to + 0.25);
    }
  });
});

/** The regularised incomplete beta I_x(a, b) for whole a, b: P(Binomial(a + b − 1, x) ≥ a). */
function betaCdfWhole(a: number, b: number, x: number): number {
  const n = a + b - 1;
  let sum = 0;
  let choose = 1;
  for (let j = 0; j <= n; j++) {
    if (j >= a) sum += choose * x ** j * (1 - x) ** (n - j);
    choose = (choose * (n - j)) / (j + 1);
  }
  return sum;
}

/** x with F(x) = u by bisection on an exact CDF. */
function invert(cdf: (x: number) => number, u: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < u) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe("pertCdfTable", () => {
  it.each([0, 0.25, 0.5, 0.75, 1])(
    "gives quantiles within 1e-4 of the exact Beta for mode r = %d (whole α, β), 1/2048 in the tails",
    (r) => {
      const table = indexCdf(pertCdfTable(r));
      const exact = (x: number) => betaCdfWhole(1 + 4 * r, 1 + 4 * (1 - r), x);
      for (let i = 1; i < 1000; i++) {
        const u = i / 1000;
        expect(Math.abs(tableQuantile(table, u) - invert(exact, u))).toBeLessThan(1e-4);
      }
      for (const u of [1e-4, 1 - 1e-4])
        expect(Math.abs(tableQuantile(table, u) - invert(exact, u))).toBeLessThan(1e-4);
      // In the outer tails the first and last grid steps are read as straight lines.
      for (const u of [1e-9, 1e-6, 1 - 1e-6, 1 - 1e-9])
        expect(Math.abs(tableQuantile(table, u) - invert(exact, u))).toBeLessThan(1 / 2048);
    },
  );

  it("gives quantiles within 1e-4 of a fine integration for any mode (law)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (r) => {
        // Oracle: the density integrated on 2^18 intervals (midpoint rule), then inverted.
        const n = 1 << 18;
        const a = 4 * r;
        const b = 4 * (1 - r);
        const cdf = new Float64Array(n + 1);
        for (let k = 0; k < n; k++) {
          const x = (k + 0.5) / n;
          cdf[k + 1] = cdf[k]! + Math.exp(a * Math.log(x) + b * Math.log(1 - x));
        }
        const total = cdf[n]!;
        const table = indexCdf(pertCdfTable(r));
        let k = 0;
        for (let i = 1; i < 200; i++) {
          const u = i / 200;
          while (cdf[k + 1]! / total < u) k++;
          const x = (k + (u * total - cdf[k]!) / (cdf[k + 1]! - cdf[k]!)) / n;
          expect(Math.abs(tableQuantile(table, u) - x)).toBeLessThan(1e-4);
        }
      }),
      { numRuns: 20 },
    );
  });

  it("is a CDF: from 0 to 1, never decreasing (law)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (r) => {
        const cdf = pertCdfTable(r);
        expect(cdf[0]).toBe(0);
        expect(cdf[cdf.length - 1]).toBe(1);
        for (let k = 1; k < cdf.length; k++) expect(cdf[k]! >= cdf[k - 1]!).toBe(true);
      }),
      { numRuns: 20 },
    );
  });
});
