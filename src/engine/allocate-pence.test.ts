import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocatePence } from "./allocate-pence.ts";

describe("allocatePence", () => {
  it("splits 100 pence 1:1:1 as 34, 33, 33 (the odd penny to the first)", () => {
    expect(allocatePence(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });

  it("gives the leftover penny to the largest remainder: 10 pence by 0.15 : 0.85", () => {
    // exact 1.5 and 8.5: tie on .5, the earlier recipient wins
    expect(allocatePence(10, [0.15, 0.85])).toEqual([2, 8]);
    // exact 2.6 and 7.4: the larger remainder (0.6) gets the penny
    expect(allocatePence(10, [0.26, 0.74])).toEqual([3, 7]);
  });

  it("splits a negative total as its absolute value, negated", () => {
    expect(allocatePence(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
  });

  it("gives nothing to a zero weight", () => {
    expect(allocatePence(7, [0, 1])).toEqual([0, 7]);
  });

  it("refuses weights that cannot split anything (a bug, not a user error)", () => {
    expect(() => allocatePence(1, [0, 0])).toThrow(/sum to zero/);
    expect(() => allocatePence(1, [])).toThrow(/no recipients/);
    expect(() => allocatePence(0.5, [1])).toThrow(/safe integer/);
  });

  it("conserves the total when allocating (law)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 25 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const parts = allocatePence(total, weights);
          return parts.reduce((a, b) => a + b, 0) === total;
        },
      ),
    );
  });

  it("gives the same parts for whole-number weights as for the same weights as decimals (law)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1e10 }), { minLength: 1, maxLength: 25 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const asText = weights.map((w) => String(w));
          return (
            JSON.stringify(allocatePence(total, weights)) ===
            JSON.stringify(allocatePence(total, asText))
          );
        },
      ),
    );
  });

  it("keeps every part within one penny of its exact share (law)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.array(fc.integer({ min: 1, max: 1e6 }), { minLength: 1, maxLength: 25 }),
        (total, weights) => {
          const sum = weights.reduce((a, b) => a + b, 0);
          const parts = allocatePence(total, weights);
          return parts.every((p, i) => Math.abs(p - (total * weights[i]!) / sum) < 1 + 1e-6);
        },
      ),
    );
  });
});

describe("allocatePence with decimal weights", () => {
  it("breaks true ties by position even between shares of different size", () => {
    // 3 × 1/3 + 6 × 1/3 + … : exact remainders 1/3 each; the earlier recipient wins
    expect(allocatePence(10, ["1", "2", "0.5"])).toEqual(allocatePence(10, [2, 4, 1]));
  });
});
