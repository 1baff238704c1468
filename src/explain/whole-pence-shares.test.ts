import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wholePenceShares } from "./whole-pence-shares.ts";

/** Shares n_i / d of a total: random numerators, the last one fixed so they add up to it. */
const arbitraryShares = fc
  .record({
    d: fc.bigInt({ min: 1n, max: 10n ** 12n }),
    total: fc.integer({ min: -1e12, max: 1e12 }),
    head: fc.array(
      fc.record({
        pence: fc.integer({ min: -1e12, max: 1e12 }),
        over: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      }),
      { maxLength: 8 },
    ),
  })
  .map(({ d, total, head: parts }) => {
    // Each share some pence and a fraction of a penny (n = pence × d + over × d, over < 1).
    const head = parts.map((p) => BigInt(p.pence) * d + BigInt(Math.floor(p.over * Number(d))));
    const last = BigInt(total) * d - head.reduce((a, b) => a + b, 0n);
    const numerators = [...head, last];
    return { d, total, numerators, ids: numerators.map((_, i) => `g${i}`) };
  });

describe("wholePenceShares", () => {
  it("conserves the total: the whole-pence parts add up to it exactly", () => {
    fc.assert(
      fc.property(arbitraryShares, ({ d, total, numerators, ids }) => {
        const parts = wholePenceShares(numerators, d, total, ids);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      }),
    );
  });

  it("rounds each share down or up, never further; whole shares stay as they are", () => {
    fc.assert(
      fc.property(arbitraryShares, ({ d, total, numerators, ids }) => {
        const parts = wholePenceShares(numerators, d, total, ids);
        parts.forEach((p, i) => {
          const n = numerators[i]!;
          const down = n / d - (n % d !== 0n && n < 0n ? 1n : 0n);
          expect(BigInt(p) === down || BigInt(p) === down + 1n).toBe(true);
          if (n % d === 0n) expect(BigInt(p)).toBe(n / d);
        });
      }),
    );
  });

  it("does not depend on the order the shares are listed in", () => {
    fc.assert(
      fc.property(
        arbitraryShares,
        fc.integer({ min: 0, max: 1000 }),
        ({ d, total, numerators, ids }, r) => {
          const parts = wholePenceShares(numerators, d, total, ids);
          const order = ids
            .map((_, i) => i)
            .sort((x, y) => ((x * 31 + r) % 7) - ((y * 31 + r) % 7));
          const shuffled = wholePenceShares(
            order.map((i) => numerators[i]!),
            d,
            total,
            order.map((i) => ids[i]!),
          );
          order.forEach((i, j) => expect(shuffled[j]).toBe(parts[i]));
        },
      ),
    );
  });

  it("gives a leftover penny among equal remainders to the smaller id", () => {
    // Three shares of 1/3 p each of 1p: the penny goes to "a".
    expect(wholePenceShares([1n, 1n, 1n], 3n, 1, ["c", "a", "b"])).toEqual([0, 1, 0]);
    // −1p: each share is −1/3, rounded down to −1 with 2/3 over; "a" and "b" get a penny back.
    expect(wholePenceShares([-1n, -1n, -1n], 3n, -1, ["c", "a", "b"])).toEqual([-1, 0, 0]);
    expect(wholePenceShares([7n, -3n], 2n, 2, ["x", "y"])).toEqual([4, -2]);
  });

  it("refuses shares that do not add up to the total (a broken contract)", () => {
    expect(() => wholePenceShares([1n, 1n], 2n, 2, ["a", "b"])).toThrow(/add up to 2\/2, not/);
  });
});
