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

/** roundCellHalfEven as it was before issue #6's rewrite (the calls inlined by hand there). */
function roundCellHalfEvenBefore(x: number): number {
  const floor = Math.floor(x);
  const tie = floor + 0.5;
  if (Math.abs(x - tie) <= tieBand(x))
    return floor % 2 === 0 ? (floor === 0 ? 0 : floor) : floor + 1;
  return roundHalfEven(x);
}

/** The double `steps` representable numbers from x along its bit pattern (x itself if not finite). */
function ulpsAway(x: number, steps: bigint): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const bits = new BigInt64Array(Float64Array.of(x).buffer);
  bits[0] = bits[0]! + steps;
  return new Float64Array(bits.buffer)[0]!;
}

describe("roundCellHalfEven, rewritten without calls for speed", () => {
  const same = (x: number) => {
    const now = roundCellHalfEven(x);
    const before = roundCellHalfEvenBefore(x);
    // Object.is: NaN equals NaN, and −0 differs from 0 (neither may give −0).
    if (!Object.is(now, before)) throw new Error(`x = ${x}: ${now}, was ${before}`);
  };

  it("gives what it gave before on edge values: zeros, ties, band edges, huge, NaN, ±Infinity", () => {
    const edges = [
      0,
      -0,
      0.5,
      -0.5,
      1.5,
      -1.5,
      2.5,
      -2.5,
      0.49999999999999994,
      -0.49999999999999994,
      Number.MIN_VALUE,
      -Number.MIN_VALUE,
      1e-7,
      -1e-7,
      0.5 + 1e-7,
      0.5 - 1e-7,
      -0.5 + 1e-7,
      -0.5 - 1e-7,
      2 ** 52 - 0.5,
      2 ** 52,
      2 ** 52 + 1,
      2 ** 53,
      -(2 ** 53),
      5e11,
      5e11 + 0.3,
      -5e11 - 0.7,
      1e11 + 0.4,
      -1e11 - 0.4,
      Number.MAX_VALUE,
      -Number.MAX_VALUE,
      Number.NaN,
      Infinity,
      -Infinity,
      -173421.49999999997,
      -0.5000000000000001,
    ];
    for (const x of edges) for (const step of [-2n, -1n, 0n, 1n, 2n]) same(ulpsAway(x, step));
  });

  it("gives what it gave before on any double (law)", () => {
    fc.assert(
      fc.property(fc.double(), (x) => same(x)),
      { numRuns: 20_000 },
    );
  });

  it("gives what it gave before near ties of either sign, at and across the band's edges (law)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.boolean(),
        (whole, scale, relative) => {
          const tie = whole + 0.5;
          // Offsets in units of the band: the absolute 1e-7, or the relative |x| × 1e-12.
          const unit = relative ? Math.abs(tie) * 1e-12 : 1e-7;
          const x = tie + scale * unit;
          same(x);
          same(tie);
          same(-x);
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it("gives what it gave before on whole pence plus small fractions, both signs (law)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e13, max: 1e13 }),
        fc.integer({ min: 0, max: 1023 }),
        (whole, frac) => {
          same(whole + frac / 1024);
          same(whole / 12);
          same((whole * 0.29) / 12);
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
