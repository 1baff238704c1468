import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { selectRanks } from "./order-statistics.ts";

/** Every rank's value against a sorted copy, bit for bit (Object.is: −0 and NaN too). */
function expectPlaced(values: Float64Array, ranks: readonly number[]) {
  const sorted = Float64Array.from(values).sort();
  const permuted = Float64Array.from(values);
  selectRanks(permuted, ranks);
  for (const r of ranks)
    if (!Object.is(permuted[r], sorted[r]))
      throw new Error(`rank ${r}: ${permuted[r]}, a sort gives ${sorted[r]}`);
  // A permutation: the same values, each as often.
  expect(Float64Array.from(permuted).sort()).toEqual(sorted);
}

const ranksOf = (n: number) => fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 14 });

describe("selectRanks", () => {
  it("places each rank where a sort would, on any doubles (NaN, ±0, ±Infinity) (law)", () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.double(), { minLength: 1, maxLength: 300 })
          .chain((xs) => fc.tuple(fc.constant(xs), ranksOf(xs.length))),
        ([xs, ranks]) => expectPlaced(Float64Array.from(xs), ranks),
      ),
      { numRuns: 2000 },
    );
  });

  it("places each rank of long arrays, clustered, spread or with far outliers, as a sort would (law)", () => {
    const value = fc.oneof(
      fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
      fc.integer({ min: -5, max: 5 }),
      fc.constantFrom(-1e300, 1e300, 5e-324, -5e-324, 0, Infinity, -Infinity),
    );
    fc.assert(
      fc.property(
        fc
          .array(value, { minLength: 256, maxLength: 3000 })
          .chain((xs) => fc.tuple(fc.constant(xs), ranksOf(xs.length))),
        ([xs, ranks]) => expectPlaced(Float64Array.from(xs), ranks),
      ),
      { numRuns: 300 },
    );
  });

  it("places the ranks of values a few subnormals apart, or all equal", () => {
    for (const xs of [
      Array.from({ length: 1000 }, (_, i) => (i % 3) * 5e-324),
      Array.from({ length: 1000 }, () => 7),
      Array.from({ length: 1000 }, (_, i) => (i === 500 ? 1e308 : -1e308)),
    ])
      expectPlaced(Float64Array.from(xs), [0, 1, 250, 499, 500, 501, 998, 999]);
  });

  it("places each rank with many equal values (counts, whole pence) (law)", () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 3000 })
          .chain((xs) => fc.tuple(fc.constant(xs), ranksOf(xs.length))),
        ([xs, ranks]) => expectPlaced(Float64Array.from(xs), ranks),
      ),
      { numRuns: 500 },
    );
  });

  it("places the ranks of large arrays in every order: random, sorted, reversed, organ pipe, equal", () => {
    const n = 20_000;
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) * 1e9;
    const ranks = [0, 1, 999, 1000, 4999, 5000, 9999, 10_000, 14_999, 18_999, 19_000, n - 1];
    const shapes = {
      random: Float64Array.from({ length: n }, random),
      sorted: Float64Array.from({ length: n }, (_, i) => i),
      reversed: Float64Array.from({ length: n }, (_, i) => n - i),
      organPipe: Float64Array.from({ length: n }, (_, i) => Math.min(i, n - i)),
      equal: new Float64Array(n).fill(42),
      twoValues: Float64Array.from({ length: n }, (_, i) => i % 2),
    };
    for (const values of Object.values(shapes)) expectPlaced(values, ranks);
  });

  it("puts −0 before 0 and NaN last, as a sort does", () => {
    const all = (n: number) => Array.from({ length: n }, (_, i) => i);
    expectPlaced(Float64Array.of(0, -0, 0, -0, 0), all(5));
    expectPlaced(Float64Array.of(Number.NaN, 1, Number.NaN, 0, -Infinity), all(5));
    expectPlaced(
      Float64Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? -0 : 0)),
      all(100),
    );
  });

  it("refuses a rank outside the array or not whole", () => {
    expect(() => selectRanks(Float64Array.of(1, 2, 3), [3])).toThrow(/rank 3 .* \[0, 3\)/);
    expect(() => selectRanks(Float64Array.of(1, 2, 3), [-1])).toThrow(RangeError);
    expect(() => selectRanks(Float64Array.of(1, 2, 3), [1.5])).toThrow(RangeError);
  });
});
