import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomOrder, shapleyExact, shapleySampled, type Coalition } from "./shapley.ts";

/** A game given by the worth of every coalition, indexed by bit mask. */
const tableGame =
  (worths: readonly number[]) =>
  (members: Coalition): number => {
    let mask = 0;
    members.forEach((m, i) => (mask |= m << i));
    return worths[mask]!;
  };

const arbitraryGame = fc
  .integer({ min: 0, max: 6 })
  .chain((k) =>
    fc
      .array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: 2 ** k, maxLength: 2 ** k })
      .map((worths) => ({ k, worths })),
  );

/** Player i's Shapley value by the definition: its marginal effect averaged over all k! orders. */
function byEveryOrder(k: number, worths: readonly number[]): number[] {
  const totals = new Array<number>(k).fill(0);
  let orders = 0;
  const visit = (order: number[], left: number[]) => {
    if (left.length === 0) {
      orders++;
      let mask = 0;
      for (const i of order) {
        totals[i]! += worths[mask | (1 << i)]! - worths[mask]!;
        mask |= 1 << i;
      }
      return;
    }
    left.forEach((i, j) => visit([...order, i], [...left.slice(0, j), ...left.slice(j + 1)]));
  };
  visit(
    [],
    Array.from({ length: k }, (_, i) => i),
  );
  return totals.map((t) => t / orders);
}

const ratio = (n: bigint, d: bigint) => Number(n) / Number(d);

describe("shapleyExact", () => {
  it("equals the average marginal effect over every order (the definition)", () => {
    fc.assert(
      fc.property(arbitraryGame, ({ k, worths }) => {
        const s = shapleyExact(k, tableGame(worths));
        const expected = byEveryOrder(k, worths);
        s.numerators.forEach((n, i) =>
          expect(ratio(n, s.denominator)).toBeCloseTo(expected[i]!, 3),
        );
        expect(s.evaluations).toBe(2 ** k);
        expect(s.standardErrors).toBeNull();
      }),
    );
  });

  it("efficiency: the values add up exactly to v(all) − v(none)", () => {
    fc.assert(
      fc.property(arbitraryGame, ({ k, worths }) => {
        const s = shapleyExact(k, tableGame(worths));
        const sum = s.numerators.reduce((a, b) => a + b, 0n);
        expect(sum).toBe(BigInt(worths[2 ** k - 1]! - worths[0]!) * s.denominator);
      }),
    );
  });

  it("symmetry: players whose swap changes no coalition's worth get equal values", () => {
    fc.assert(
      fc.property(arbitraryGame, ({ k, worths }) => {
        fc.pre(k >= 2);
        // Make players 0 and 1 interchangeable: a coalition with 1 but not 0 is worth the same
        // as the one with 0 but not 1.
        const sym = worths.map((w, mask) => ((mask & 3) === 2 ? worths[mask ^ 3]! : w));
        const s = shapleyExact(k, tableGame(sym));
        expect(s.numerators[0]).toBe(s.numerators[1]);
      }),
    );
  });

  it("null player: a player that never changes the worth gets exactly 0", () => {
    fc.assert(
      fc.property(arbitraryGame, ({ k, worths }) => {
        fc.pre(k >= 1);
        const nul = worths.map((_, mask) => worths[mask & ~1]!); // player 0 adds nothing
        expect(shapleyExact(k, tableGame(nul)).numerators[0]).toBe(0n);
      }),
    );
  });

  it("gives an additive game its own effects, and no players nothing", () => {
    const s = shapleyExact(3, (m) => 5 * m[0]! - 7 * m[1]! + 11 * m[2]!);
    expect(s.numerators.map((n) => ratio(n, s.denominator))).toEqual([5, -7, 11]);
    expect(shapleyExact(0, () => 42)).toEqual({
      numerators: [],
      denominator: 1n,
      standardErrors: null,
      evaluations: 1,
    });
  });

  it("refuses a worth that is not a safe integer (a broken contract, so a throw)", () => {
    expect(() => shapleyExact(1, () => 0.5)).toThrow(/safe integer, got 0.5/);
    expect(() => shapleyExact(21, () => 0)).toThrow(/players must be a whole number from 0 to 20/);
  });
});

describe("shapleySampled", () => {
  it("efficiency: estimates add up exactly to v(all) − v(none), whatever the orders", () => {
    fc.assert(
      fc.property(arbitraryGame, fc.nat({ max: 2 ** 32 - 1 }), ({ k, worths }, seed) => {
        const s = shapleySampled(k, tableGame(worths), { permutations: 10, seed });
        const sum = s.numerators.reduce((a, b) => a + b, 0n);
        expect(sum).toBe(BigInt(worths[2 ** k - 1]! - worths[0]!) * s.denominator);
        expect(s.denominator).toBe(10n);
      }),
    );
  });

  it("is exact with no spread for an additive game, and for two players (each order and its reverse)", () => {
    const additive = shapleySampled(4, (m) => 3 * m[0]! - 2 * m[1]! + 9 * m[3]!, {
      permutations: 8,
      seed: 7,
    });
    expect(additive.numerators.map((n) => ratio(n, additive.denominator))).toEqual([3, -2, 0, 9]);
    expect(additive.standardErrors).toEqual([0, 0, 0, 0]);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: 4, maxLength: 4 }),
        (worths) => {
          const s = shapleySampled(2, tableGame(worths), { permutations: 4, seed: 1 });
          const e = shapleyExact(2, tableGame(worths));
          expect(s.numerators.map((n) => ratio(n, s.denominator))).toEqual(
            e.numerators.map((n) => ratio(n, e.denominator)),
          );
        },
      ),
    );
  });

  it("the same seed gives the same orders and estimates; another seed other orders", () => {
    const worths = Array.from({ length: 2 ** 6 }, (_, m) => (m * 7919) % 1000);
    const one = shapleySampled(6, tableGame(worths), { permutations: 20, seed: 3 });
    expect(shapleySampled(6, tableGame(worths), { permutations: 20, seed: 3 })).toEqual(one);
    expect(randomOrder(6, 3, 0)).not.toEqual(randomOrder(6, 4, 0));
    // Pinned: the PRNG is integer-only, so Chromium draws the same orders (browser test).
    expect(randomOrder(8, 1, 0)).toEqual(randomOrder(8, 1, 0));
    expect([...randomOrder(8, 1, 0)].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("lands within a few standard errors of the exact values", () => {
    const worths = Array.from({ length: 2 ** 8 }, (_, m) => ((m * 2654435761) % 100_003) - 50_000);
    const e = shapleyExact(8, tableGame(worths));
    const s = shapleySampled(8, tableGame(worths), { permutations: 400, seed: 11 });
    s.numerators.forEach((n, i) => {
      const gap = Math.abs(ratio(n, s.denominator) - ratio(e.numerators[i]!, e.denominator));
      expect(gap).toBeLessThanOrEqual(4 * s.standardErrors![i]! + 1e-9);
    });
  });
});
