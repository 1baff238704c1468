import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { projectExact } from "../../src/engine/project-exact.ts";
import type { ProjectionInputs } from "../../src/engine/projection-inputs.ts";
import { monthIndexOf } from "../../src/engine/timeline.ts";
import { attributeDelta, type Attribution } from "../../src/explain/attribute-delta.ts";
import { hybrid } from "../../src/explain/explain-delta.ts";
import { figureAmount, resolveFigure, type FigureRef } from "../../src/explain/figure-ref.ts";
import {
  arbitraryFigureRef,
  arbitraryPair as pairOf,
  withValues,
} from "../fixtures/arbitrary-inputs.ts";
import { testDataset } from "../fixtures/test-dataset.ts";
import { inputIssues } from "../../src/sensitivity/edit-inputs.ts";

/**
 * The Shapley laws (issue #17) for `attributeDelta` over random pairs of scenarios of the
 * project's 21 CRCs: B is A with a random handful of parameters taken from another random scenario, so the groups are few and
 * the attribution exact (2^k float projections), unless a test asks for sampling. Any parameter
 * may differ, those that rules needing several parameters read included: parameters whose mixes
 * of A and B break a rule are switched together (src/explain/coupled-parameters.ts).
 */
const dataset = await testDataset();
const arbitraryRef: fc.Arbitrary<FigureRef> = arbitraryFigureRef(dataset);

/**
 * Inputs A and B (every parameter the engine reads, drawn or not within its data rows' min–max),
 * B taking up to `most` parameters from a second random scenario.
 */
const arbitraryPair = (most = 5) => pairOf(dataset, most);

/** The rules a scenario must meet, with the data's shortfall range (as the worker and CLI pass). */
const rules = (inputs: ProjectionInputs) => inputIssues(inputs, dataset);

function attribute(a: ProjectionInputs, b: ProjectionInputs, ref: FigureRef, options = {}) {
  const result = attributeDelta(a, b, ref, { rules, ...options });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const part = (d: Attribution, group: string) => d.parts.find((p) => p.group === group)!;

/** The same inputs with their parameters listed in another order. */
function reordered(inputs: ProjectionInputs, seed: number): ProjectionInputs {
  const entries = [...inputs.values].map((e, i) => ({ e, key: (i * 7919 + seed) % 104_729 }));
  entries.sort((x, y) => x.key - y.key);
  return { crcs: inputs.crcs, values: new Map(entries.map((x) => x.e)) };
}

/**
 * Shapley values by the definition, on the exact ledger: each order of switching the players
 * (each a set of parameters), averaged.
 */
function byEveryOrderExactly(
  a: ProjectionInputs,
  b: ProjectionInputs,
  ref: FigureRef,
  players: ReadonlyMap<string, readonly string[]>,
) {
  const figure = resolveFigure(a.crcs, ref);
  if (!figure.ok) throw new Error("figure");
  const worth = new Map<string, number>();
  const valueOf = (set: readonly string[]) => {
    const key = [...set].sort().join("|");
    const params = set.flatMap((p) => players.get(p)!);
    if (!worth.has(key))
      worth.set(key, figureAmount(projectExact(hybrid(a, b, params)), figure.value));
    return worth.get(key)!;
  };
  const totals = new Map([...players.keys()].map((p) => [p, 0]));
  let orders = 0;
  const visit = (done: string[], left: string[]) => {
    if (left.length === 0) {
      orders++;
      done.forEach((p, i) =>
        totals.set(p, totals.get(p)! + valueOf(done.slice(0, i + 1)) - valueOf(done.slice(0, i))),
      );
      return;
    }
    left.forEach((p, j) => visit([...done, p], [...left.slice(0, j), ...left.slice(j + 1)]));
  };
  visit([], [...players.keys()]);
  return new Map([...totals].map(([p, t]) => [p, t / orders]));
}

describe("attributeDelta: the Shapley laws over random pairs of scenarios (issue #17)", () => {
  it("efficiency: the parts add up exactly, to the penny, to the exact ledger's change", () => {
    fc.assert(
      fc.property(
        arbitraryPair(),
        arbitraryRef,
        fc.constantFrom("parameter", "group"),
        ({ a, b }, ref, level) => {
          const d = attribute(a, b, ref, { level });
          const figure = resolveFigure(a.crcs, ref);
          if (!figure.ok) throw new Error("figure");
          const exactA = figureAmount(projectExact(a), figure.value);
          const exactB = figureAmount(projectExact(b), figure.value);
          expect([d.amountAPence, d.amountBPence]).toEqual([exactA, exactB]);
          expect(d.deltaPence).toBe(exactB - exactA);
          expect(d.parts.reduce((s, p) => s + p.pence, 0)).toBe(d.deltaPence);
          for (const p of d.parts) expect(Math.abs(p.pence - p.valuePence)).toBeLessThan(1);
          expect(d.exact).toBe(true);
          expect("interactionPence" in d).toBe(false);
          expect(structuredClone(d)).toEqual(d);
        },
      ),
      { numRuns: 15 },
    );
  });

  it("every mix of A and B it values is a scenario the model accepts (no 0 FTE, no staff above fixed costs, …)", () => {
    fc.assert(
      fc.property(
        arbitraryPair(6),
        arbitraryRef,
        fc.constantFrom("parameter", "group"),
        ({ a, b }, ref, level) => {
          const d = attribute(a, b, ref, { level });
          const k = d.parts.length;
          for (let mask = 0; mask < 2 ** k; mask++) {
            const params = d.parts.filter((_, i) => (mask >>> i) & 1).flatMap((p) => p.params);
            expect(rules(hybrid(a, b, params))).toEqual([]);
          }
          const joined = d.parts.filter((p) => p.keptTogether !== undefined);
          for (const p of joined)
            expect(p.keptTogether).toMatch(/^taking .* from B and .* from A breaks a rule/);
          expect(d.parts.reduce((s, p) => s + p.pence, 0)).toBe(d.deltaPence);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("efficiency holds for sampled orders too, with a standard error on every part", () => {
    fc.assert(
      fc.property(pairOf(dataset), arbitraryRef, ({ a, b }, ref) => {
        const d = attribute(a, b, ref, { maxExactGroups: 3, permutations: 16, seed: 5 });
        expect(d.exact).toBe(d.parts.length <= 3);
        expect(d.parts.reduce((s, p) => s + p.pence, 0)).toBe(d.deltaPence);
        if (!d.exact) {
          expect(d.sampling).toEqual({ permutations: 16, seed: 5 });
          for (const p of d.parts) expect(p.standardErrorPence).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 8 },
    );
  });

  it("equals the definition (every order, on the exact ledger): the float path loses nothing", () => {
    fc.assert(
      fc.property(arbitraryPair(3), arbitraryRef, ({ a, b }, ref) => {
        const d = attribute(a, b, ref);
        const players = new Map(d.parts.map((p) => [p.group, p.params]));
        const expected = byEveryOrderExactly(a, b, ref, players);
        expect(d.parts.map((p) => p.group)).toEqual([...expected.keys()]);
        for (const p of d.parts) expect(p.valuePence).toBeCloseTo(expected.get(p.group)!, 4);
      }),
      { numRuns: 15 },
    );
  });

  it("symmetry: two groups with identical effects get equal parts", () => {
    // The 2016-17 and 2017-18 payments above contract, both changed from x to y, are paid the
    // same way (split by price, scaled, spread over that year's months before the variation's
    // start, which both years have when it starts after April 2017): interchangeable players.
    const twins = ["variation.paymentBefore.2016-17", "variation.paymentBefore.2017-18"];
    fc.assert(
      fc.property(
        arbitraryPair(4),
        fc.integer({ min: 0, max: 5_000_000_000 }),
        fc.integer({ min: 0, max: 5_000_000_000 }),
        fc.integer({ min: monthIndexOf("2017-05"), max: 60 }),
        fc.integer({ min: monthIndexOf("2017-05"), max: 60 }),
        arbitraryRef.filter((r) => r.period === "total"),
        (pair, x, y, startA, startB, ref) => {
          fc.pre(x !== y);
          const fixed = { "guarantee.floorShareOfCost": 0, "termination.endDate": 85 };
          const a = withValues(pair.a, {
            ...fixed,
            "variation.start": startA,
            [twins[0]!]: x,
            [twins[1]!]: x,
          });
          const b = withValues(pair.b, {
            ...fixed,
            "variation.start": startB,
            [twins[0]!]: y,
            [twins[1]!]: y,
          });
          const d = attribute(a, b, ref);
          const [p, q] = twins.map((t) => part(d, t));
          expect(p!.valuePence).toBe(q!.valuePence);
          // Whole pence: a leftover penny may go to one of the two (the smaller id).
          expect(Math.abs(p!.pence - q!.pence)).toBeLessThanOrEqual(1);
          expect(d.parts.reduce((s, r) => s + r.pence, 0)).toBe(d.deltaPence);
        },
      ),
      { numRuns: 12 },
    );
  });

  it("null player: a changed input that moves nothing gets 0", () => {
    // Months of price paid on an early end change nothing when no contract ends early.
    fc.assert(
      fc.property(
        arbitraryPair(4),
        fc.integer({ min: 0, max: 36 }),
        fc.integer({ min: 0, max: 36 }),
        arbitraryRef,
        fc.boolean(),
        (pair, x, y, ref, sampled) => {
          fc.pre(x !== y);
          const a = withValues(pair.a, {
            "termination.endDate": 85,
            "termination.paymentMonths": x,
          });
          const b = withValues(pair.b, {
            "termination.endDate": 85,
            "termination.paymentMonths": y,
          });
          const d = attribute(a, b, ref, sampled ? { maxExactGroups: 0, permutations: 8 } : {});
          const nul = part(d, "termination.paymentMonths");
          expect([nul.pence, nul.valuePence]).toEqual([0, 0]);
          if (sampled) expect(nul.standardErrorPence).toBe(0);
        },
      ),
      { numRuns: 12 },
    );
  });

  it("independence from the order the inputs are listed in", () => {
    fc.assert(
      fc.property(
        arbitraryPair(),
        arbitraryRef,
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        (pair, ref, s1, s2, sampled) => {
          const { a, b } = pair;
          const options = sampled ? { maxExactGroups: 1, permutations: 6 } : {};
          const d = attribute(a, b, ref, options);
          expect(attribute(reordered(a, s1), reordered(b, s2), ref, options)).toEqual(d);
        },
      ),
      { numRuns: 12 },
    );
  });
});
