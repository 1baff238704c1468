import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Money, toPence } from "./money.ts";
import { roundCellHalfEven, roundHalfEven, tieBand } from "./round-half-even.ts";

describe("roundHalfEven", () => {
  it("rounds ties to the even neighbour, both signs", () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, -2.5].map(roundHalfEven)).toEqual([0, 2, 2, 0, -2, -2]);
  });

  it("rounds everything else to the nearest whole number", () => {
    expect([1.4999, 1.5001, -1.4999, -1.5001].map(roundHalfEven)).toEqual([1, 2, -1, -2]);
  });

  it("never gives −0, keeps NaN and whole numbers, and rounds 0.49999999999999994 down", () => {
    expect(Object.is(roundHalfEven(-0.5), 0)).toBe(true);
    expect(Object.is(roundHalfEven(-0.2), 0)).toBe(true);
    expect(Object.is(roundHalfEven(-0), 0)).toBe(true);
    expect(roundHalfEven(Number.NaN)).toBeNaN();
    expect(roundHalfEven(2 ** 53 + 2)).toBe(2 ** 53 + 2);
    expect(roundHalfEven(0.49999999999999994)).toBe(0);
    expect(roundHalfEven(4503599627370495.5)).toBe(4503599627370496);
  });

  it("agrees with the ledger's decimal rounding on any double (law)", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), (x) => {
        expect(roundHalfEven(x)).toBe(toPence(new Money(x)));
      }),
    );
  });

  it("agrees with the ledger's decimal rounding on exactly representable values (law)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 7 }),
        (n, eighths) => {
          const x = n + eighths / 8;
          return roundHalfEven(x) === toPence(new Money(x));
        },
      ),
    );
  });
});

describe("roundCellHalfEven", () => {
  it("reads a float a few ulps either side of a half-penny as the tie, and rounds it to even", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e11, max: 1e11 }),
        fc.integer({ min: -8, max: 8 }),
        (whole, ulps) => {
          const tie = whole + 0.5;
          const nearby = tie + ulps * Number.EPSILON * Math.max(1, Math.abs(tie));
          expect(roundCellHalfEven(nearby)).toBe(roundHalfEven(tie));
        },
      ),
    );
    // The case the sensitivity tests found: −£1,734.215 of service credits in a month.
    expect(roundCellHalfEven(-173421.49999999997)).toBe(-173422);
    expect(roundCellHalfEven(-0.5000000000000001)).toBe(0);
  });

  it("agrees with roundHalfEven away from ties", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e11, max: 1e11, noNaN: true }), (x) => {
        const frac = Math.abs(x - Math.floor(x) - 0.5);
        fc.pre(frac > tieBand(x));
        expect(roundCellHalfEven(x)).toBe(roundHalfEven(x));
      }),
    );
  });
});
