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
