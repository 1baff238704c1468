import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatPence, Money, poundsToPence, toPence } from "./money.ts";

describe("toPence", () => {
  it("rounds half to even at the defined rounding point", () => {
    expect([0.5, 1.5, 2.5, -0.5, -2.5, 2.4999].map((x) => toPence(new Money(x)))).toEqual([
      0, 2, 2, 0, -2, 2,
    ]);
  });

  it("reads whole numbers exactly, including round ones with trailing zero words", () => {
    for (const x of ["0", "7", "10000000", "120000000000", "-30000000", "9007199254740991"]) {
      expect(toPence(x)).toBe(Number(x));
    }
  });

  it("equals decimal.js's own toNumber for any safe amount (law)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(2n ** 53n) + 2n, max: 2n ** 53n - 2n }),
        fc.integer({ min: 0, max: 9 }),
        (n, tenths) => {
          const x = new Money(`${n}.${tenths}`);
          return toPence(x) === x.toDecimalPlaces(0, Money.ROUND_HALF_EVEN).toNumber();
        },
      ),
    );
  });

  it("refuses amounts beyond safe integers (a bug, not a user error)", () => {
    expect(() => toPence("1e20")).toThrow(/out of safe range/);
  });
});

describe("poundsToPence and formatPence", () => {
  it("convert exactly both ways", () => {
    expect(poundsToPence("23.1e6")).toBe(2_310_000_000);
    expect(formatPence(2_310_000_001)).toBe("23100000.01");
  });
});
