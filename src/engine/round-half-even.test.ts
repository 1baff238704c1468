import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Money, toPence } from "./money.ts";
import { roundHalfEven } from "./round-half-even.ts";

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
