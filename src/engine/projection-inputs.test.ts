import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Money } from "./money.ts";
import { exactOf } from "./projection-inputs.ts";

describe("exactOf", () => {
  it("is the decimal new Money(x) gives, for any number", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const exact = exactOf(x);
        expect(exact.equals(new Money(x))).toBe(true);
        expect(exact.toString()).toBe(new Money(x).toString());
        expect(exact.isNegative()).toBe(new Money(x).isNegative());
      }),
    );
  });

  it("reuses the decimal of a number it has read, but keeps −0 apart from 0", () => {
    expect(exactOf(0.15)).toBe(exactOf(0.15));
    expect(exactOf(0).isNegative()).toBe(false);
    expect(exactOf(-0).isNegative()).toBe(true);
    expect(exactOf(0).isNegative()).toBe(false);
  });
});
