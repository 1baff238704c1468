import { formatIssue } from "../issues/issue.ts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Dataset } from "../data/index.ts";
import { COST_LINES, INCOME_LINES, MONEY_LINES } from "../engine/lines.ts";
import { projectExact } from "../engine/project-exact.ts";
import { projectFloat } from "../engine/project-float.ts";
import { ALL, rollUp } from "../engine/roll-up.ts";
import { FINANCIAL_YEARS } from "../engine/timeline.ts";
import { PRESETS } from "../scenario/presets.ts";
import { projectScenario } from "../scenario/project-scenario.ts";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { planSampling } from "./plan-sampling.ts";
import { createRng } from "./prng.ts";
import { checkDrawsParts, summarizeDraws, type MonteCarloSummary } from "./summarize-draws.ts";
import { prepareMonteCarlo, type MonteCarloOptions } from "./monte-carlo-run.ts";
import { runMonteCarlo } from "./run-monte-carlo.ts";
import { simulateDraws, type DrawsPart } from "./simulate-draws.ts";
import { drawBuffers, sampleInto } from "./sampler.ts";

const dataset = await testDataset();
const resolve = (doc: unknown, data: Dataset = dataset) => {
  const result = validateScenario(doc, data);
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join("; "));
  return result.value;
};
const variation = resolve(PRESETS.get("the-2017-variation"));
const run = (options: MonteCarloOptions, scenario = variation): MonteCarloSummary => {
  const result = runMonteCarlo(scenario, dataset, options);
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join("; "));
  return result.value;
};
const problems = (options: MonteCarloOptions) => {
  const result = runMonteCarlo(variation, dataset, options);
  return result.ok ? [] : result.issues.map(formatIssue);
};

/** The dataset with every row's plausible range collapsed to its default. */
function pointDataset(data: Dataset): Dataset {
  return {
    ...data,
    parameters: data.parameters.map((p) => ({
      ...p,
      values: { ...p.values, low: p.values.default, high: p.values.default },
      text: { ...p.text, low: p.text.default, high: p.text.default },
      pence: p.pence && { ...p.pence, low: p.pence.default, high: p.pence.default },
    })),
  };
}

/**
 * The summary a zero-variance run must give: every statistic of every series equal to the exact
 * ledger's figure (projectExact via the scenario pipeline, rolled up by rollUp).
 */
function expectExact(summary: MonteCarloSummary, id: string, data: Dataset) {
  const projection = projectScenario(PRESETS.get(id), data);
  if (!projection.ok) throw new Error(id);
  const { ledger } = projection.value;
  const byFy = rollUp(ledger, "fy", (crc, owner) => crc === ALL && owner === ALL);
  const total = rollUp(ledger, "total");
  const amount = (crc: string, owner: string, line: string, period = "total") =>
    (period === "total" ? total : byFy).find(
      (r) => r.crc === crc && r.owner === owner && r.line === line && r.period === period,
    )!.amount;
  const point = (x: number) => ({ mean: x, min: x, p5: x, p25: x, p50: x, p75: x, p95: x, max: x });

  for (const line of MONEY_LINES)
    FINANCIAL_YEARS.forEach((fy, y) =>
      expect([line, fy, summary.fan.lines[line][y]]).toEqual([
        line,
        fy,
        point(amount(ALL, ALL, line, fy)),
      ]),
    );
  const profits = summary.crcs.map((c) => amount(c.crc, c.owner, "profit"));
  summary.crcs.forEach((c, i) => {
    expect([c.crc, c.profitPence]).toEqual([c.crc, point(profits[i]!)]);
    expect(c.pLoss).toBe(profits[i]! < 0 ? 1 : 0);
  });
  for (const o of summary.owners) {
    const profit = amount(ALL, o.owner, "profit");
    expect([o.owner, o.profitPence, o.pLoss]).toEqual([o.owner, point(profit), profit < 0 ? 1 : 0]);
  }
  expect(summary.national.crcProfitPence).toEqual(point(amount(ALL, ALL, "profit")));
  expect(summary.national.mojSpendPence).toEqual(point(amount(ALL, ALL, "income_total")));
  const losses = profits.filter((p) => p < 0);
  // (subtract from +0 so that no losses give +0, as the summary does, not -0)
  expect(summary.national.lossesPence).toEqual(point(losses.reduce((a, b) => a - b, 0)));
  expect(summary.lossMakingCrcs.probability[losses.length]).toBe(1);
}

describe("runMonteCarlo with every distribution collapsed to a point", () => {
  it.each([...PRESETS.keys()])(
    "equals the exact ledger to the penny on preset %s (shape point)",
    (id) => {
      const summary = run({ shape: "point", draws: 3, seed: 1 }, resolve(PRESETS.get(id)));
      expect(summary.sampled).toEqual([]);
      expectExact(summary, id, dataset);
    },
  );

  it.each([...PRESETS.keys()])(
    "equals the exact ledger to the penny on preset %s (data ranges collapsed, PERT)",
    (id) => {
      const flat = pointDataset(dataset);
      const summary = runMonteCarlo(resolve(PRESETS.get(id), flat), flat, {
        draws: 3,
        seed: 9,
        distributions: { "variation.scale": "pert", "size.annualPrice": "uniform" },
      });
      if (!summary.ok) throw new Error(summary.issues.map(formatIssue).join("; "));
      expectExact(summary.value, id, flat);
    },
  );
});

describe("runMonteCarlo", () => {
  const a = run({ draws: 300, seed: 42 });

  it("gives identical summaries for the same seed, and different ones for another seed", () => {
    expect(run({ draws: 300, seed: 42 })).toEqual(a);
    const b = run({ draws: 300, seed: 43 });
    expect(b.national.crcProfitPence).not.toEqual(a.national.crcProfitPence);
    expect(b.crcs.map((c) => c.profitPence.p50)).not.toEqual(a.crcs.map((c) => c.profitPence.p50));
  });

  it("reports consistent statistics: P(k) sums to 1, its mean is E[k], P(loss) matches", () => {
    const p = a.lossMakingCrcs.probability;
    expect(p).toHaveLength(22);
    expect(p.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(p.reduce((s, x, k) => s + k * x, 0)).toBeCloseTo(a.lossMakingCrcs.stats.mean, 9);
    expect(a.crcs.reduce((s, c) => s + c.pLoss, 0)).toBeCloseTo(a.lossMakingCrcs.stats.mean, 9);
    // Means are linear: the nation's is the CRCs' sum, each rounded to the penny.
    const sum = a.crcs.reduce((s, c) => s + c.profitPence.mean, 0);
    expect(Math.abs(sum - a.national.crcProfitPence.mean)).toBeLessThanOrEqual(21);
    const years = a.fan.lines.profit.reduce((s, x) => s + x.mean, 0);
    expect(Math.abs(years - a.national.crcProfitPence.mean)).toBeLessThanOrEqual(9);
    const spend = a.fan.lines.income_total.reduce((s, x) => s + x.mean, 0);
    expect(Math.abs(spend - a.national.mojSpendPence.mean)).toBeLessThanOrEqual(9);
    for (let y = 0; y < FINANCIAL_YEARS.length; y++) {
      const income = INCOME_LINES.reduce((s, l) => s + a.fan.lines[l][y]!.mean, 0);
      const cost = COST_LINES.reduce((s, l) => s + a.fan.lines[l][y]!.mean, 0);
      expect(Math.abs(income - a.fan.lines.income_total[y]!.mean)).toBeLessThanOrEqual(7);
      expect(Math.abs(cost - a.fan.lines.cost_total[y]!.mean)).toBeLessThanOrEqual(3);
    }
    expect(a.national.lossesPence.min).toBeGreaterThanOrEqual(0);
  });

  it("varies what is uncertain: the fan widens once volumes and costs are sampled", () => {
    const profit2017 = a.fan.lines.profit[3]!;
    expect(profit2017.p95).toBeGreaterThan(profit2017.p5);
    // ICT compensation is a sourced national figure with no spread; only its month is drawn.
    const ict = a.fan.lines.ict_compensation;
    const total = ict.reduce((s, x) => s + x.mean, 0);
    expect(total).toBe(2_310_000_000);
  });

  it("draws projections that the exact engine confirms cell by cell (within a penny per rule)", () => {
    const planned = planSampling(variation.inputs, dataset, {});
    if (!planned.ok) throw new Error("plan");
    const buffers = drawBuffers(planned.value);
    const rng = createRng(5);
    for (let d = 0; d < 3; d++) {
      sampleInto(planned.value, rng, buffers);
      const float = projectFloat(buffers.inputs);
      const exact = projectExact(buffers.inputs);
      let worst = 0;
      for (let i = 0; i < exact.money.profit.length; i++)
        worst = Math.max(worst, Math.abs(float.money.profit[i]! - exact.money.profit[i]!));
      expect(worst).toBeLessThanOrEqual(INCOME_LINES.length + COST_LINES.length);
    }
  });

  it("shows the fan of one CRC or owner when asked", () => {
    const london = run({ draws: 50, seed: 1, fanOf: "london" });
    const total = london.fan.lines.profit.reduce((s, x) => s + x.mean, 0);
    const crc = london.crcs.find((c) => c.crc === "london")!;
    expect(london.fan.of).toBe("london");
    expect(Math.abs(total - crc.profitPence.mean)).toBeLessThanOrEqual(9);
    const sodexo = run({ draws: 50, seed: 1, fanOf: "sodexo" });
    const owner = sodexo.owners.find((o) => o.owner === "sodexo")!;
    const ownerTotal = sodexo.fan.lines.profit.reduce((s, x) => s + x.mean, 0);
    expect(Math.abs(ownerTotal - owner.profitPence.mean)).toBeLessThanOrEqual(9);
  });

  it("runs with the scenario's own settings, and run options over them", () => {
    const scenario = resolve({
      schemaVersion: 1,
      extends: "the-2017-variation",
      uncertainty: { draws: 40, seed: 8, shape: "uniform", correlation: { "volume.shortfall": 1 } },
    });
    const own = run({}, scenario);
    expect([own.draws, own.seed, own.shape]).toEqual([40, 8, "uniform"]);
    expect(own.sampled.find((s) => s.id === "volume.shortfall.2017-18")!.correlation).toBe(1);
    const over = run({ seed: 9, correlation: { "volume.shortfall": 0 } }, scenario);
    expect([over.draws, over.seed]).toEqual([40, 9]);
    expect(over.sampled.find((s) => s.id === "volume.shortfall.2017-18")!.correlation).toBe(0);
    expect(run({ draws: 1 }).draws).toBe(1);
    const defaults = run({ draws: 2 });
    expect([defaults.seed, defaults.shape]).toEqual([1, "pert"]);
  });

  it("names each bad option and its allowed range", () => {
    expect(problems({ draws: 0, seed: -1 })).toEqual([
      "draws: 0 is not a whole number from 1 to 100000",
      "seed: -1 is not a whole number from 0 to 4294967295",
    ]);
    expect(problems({ draws: 100_001, seed: 2 ** 32 })).toEqual([
      "draws: 100001 is not a whole number from 1 to 100000",
      "seed: 4294967296 is not a whole number from 0 to 4294967295",
    ]);
    expect(problems({ draws: 1.5 })).toEqual(["draws: 1.5 is not a whole number from 1 to 100000"]);
    expect(
      problems({
        shape: "beta" as never,
        correlation: { "volume.shortfall": 2 },
        fanOf: "londn",
      }),
    ).toEqual([
      'shape: "beta" is not one of point, uniform, triangular, pert, normal',
      "correlation.volume.shortfall: 2 is not a correlation; it must be a number from 0 to 1",
      'fanOf: "londn" is not ALL, a CRC or an owner (did you mean "london"?)',
    ]);
    expect(problems({ distributions: { "cost.bidMargin": { low: 0.2, high: 0.5 } } })).toEqual([
      "distributions.cost.bidMargin.high: 0.5 is above the maximum 0.3",
    ]);
  });
});

describe("split Monte Carlo (simulateDraws + summarizeDraws)", () => {
  const prepare = (options: MonteCarloOptions) => {
    const prepared = prepareMonteCarlo(variation, dataset, options);
    if (!prepared.ok) throw new Error(prepared.issues.map(formatIssue).join("; "));
    return prepared.value;
  };
  /** Cut points splitting [0, draws) into 1–4 non-empty parts. */
  const splitOf = (draws: number) =>
    fc
      .uniqueArray(fc.integer({ min: 1, max: Math.max(1, draws - 1) }), { maxLength: 3 })
      .map((cuts) => [0, ...cuts.filter((c) => c < draws).sort((a, b) => a - b), draws]);

  it("gives the one-part summary whatever the split into 1–4 parts, in any order (law)", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 40 })
          .chain((draws) =>
            fc.tuple(
              fc.constant(draws),
              splitOf(draws),
              fc.integer({ min: 0, max: 0xffffffff }),
              fc.constantFrom("ALL", "london", "sodexo"),
              fc.boolean(),
            ),
          ),
        ([draws, cuts, seed, fanOf, reversed]) => {
          const prepared = prepare({ draws, seed, fanOf });
          const whole = summarizeDraws(prepared, variation, [simulateDraws(prepared, 0, draws)]);
          const parts = cuts.slice(1).map((to, i) => simulateDraws(prepared, cuts[i]!, to));
          if (reversed) parts.reverse();
          expect(summarizeDraws(prepared, variation, parts)).toEqual(whole);
        },
      ),
      { numRuns: 20 },
    );
  });

  it("draws each draw from its own stream: a part holds the whole run's draws", () => {
    const prepared = prepare({ draws: 30, seed: 3 });
    const whole = simulateDraws(prepared, 0, 30);
    const middle = simulateDraws(prepared, 11, 23);
    expect(middle.nationalProfit).toEqual(whole.nationalProfit.subarray(11, 23));
    const n = variation.inputs.crcs.length;
    for (let c = 0; c < n; c++)
      expect(middle.crcProfit.subarray(c * 12, (c + 1) * 12)).toEqual(
        whole.crcProfit.subarray(c * 30 + 11, c * 30 + 23),
      );
    // Different draws really differ (the split is not trivially invariant).
    expect(new Set(whole.nationalProfit).size).toBe(30);
  });

  it("writes every draw's fan values to its series, across the blocks it gathers them in", () => {
    // Parts of 150 draws not aligned with the 64-draw blocks, against the whole run's series.
    const prepared = prepare({ draws: 150, seed: 5 });
    const whole = simulateDraws(prepared, 0, 150);
    const series = whole.fan.length / 150;
    for (const [from, to] of [
      [0, 70],
      [70, 150],
      [63, 129],
    ] as const) {
      const part = simulateDraws(prepared, from, to);
      for (let i = 0; i < series; i++)
        expect(part.fan.subarray(i * (to - from), (i + 1) * (to - from))).toEqual(
          whole.fan.subarray(i * 150 + from, i * 150 + to),
        );
    }
    // Each draw's values are its own: the fan's profit over the years is the draw's national
    // profit (the fan is the nation's), draw by draw.
    const profit = MONEY_LINES.indexOf("profit");
    const years = FINANCIAL_YEARS.length;
    for (let d = 0; d < 150; d++) {
      let total = 0;
      for (let y = 0; y < years; y++) total += whole.fan[(profit * years + y) * 150 + d]!;
      expect(total).toBe(whole.nationalProfit[d]);
    }
  });

  it("runMonteCarlo is the one-part run", () => {
    const prepared = prepare({ draws: 25, seed: 4 });
    expect(run({ draws: 25, seed: 4 })).toEqual(
      summarizeDraws(prepared, variation, [simulateDraws(prepared, 0, 25)]),
    );
  });

  it("names parts that do not tile [0, draws) or do not fit the run", () => {
    const prepared = prepare({ draws: 10, seed: 1 });
    const a = simulateDraws(prepared, 0, 4);
    const b = simulateDraws(prepared, 4, 10);
    const c = simulateDraws(prepared, 3, 10);
    const messages = (parts: readonly unknown[]) =>
      checkDrawsParts(prepared, parts).map((i) => `${i.path}: ${i.message}`);
    expect(messages([b, a])).toEqual([]);
    expect(messages([a])).toEqual(["parts: cover draws [0, 4), not [0, 10)"]);
    expect(messages([a, c])).toEqual([
      "parts[1]: starts at draw 3, but the parts cover [0, 4) so far (they must tile [0, 10) exactly)",
    ]);
    expect(messages([b])).toEqual([
      "parts[0]: starts at draw 4, but the parts cover [0, 0) so far (they must tile [0, 10) exactly)",
    ]);
    expect(messages([a, { ...b, to: 11 }, null])).toEqual([
      "parts[1]: from 4 and to 11 must be whole numbers with 0 ≤ from < to ≤ 10",
      "parts[2]: must be a part from monteCarloPart",
    ]);
    expect(messages([a, { ...b, fan: [1, 2], crcLosses: new Float64Array(21) }])).toEqual([
      `parts[1].fan: must be a Float64Array of ${MONEY_LINES.length * FINANCIAL_YEARS.length * 6}`,
      "parts[1].crcLosses: must be an Int32Array of 21",
    ]);
    expect(messages([a, { ...b, nationalLosses: 7 }])).toEqual([
      "parts[1].nationalLosses: must be a whole number 0–6",
    ]);
    expect(() => summarizeDraws(prepared, variation, [a] as DrawsPart[])).toThrow(
      "parts: cover draws [0, 4), not [0, 10)",
    );
    expect(() => simulateDraws(prepared, 5, 11)).toThrow("draws [5, 11) are not within [0, 10)");
  });
});

describe("runMonteCarlo on the edges of validity (issue #15)", () => {
  it("runs a valid scenario whose data ranges reach 0 FTE, every statistic a number", () => {
    const low = resolve({
      schemaVersion: 1,
      parameters: { "staff.fteJune2017": 139.7 },
      uncertainty: { seed: 1 },
    });
    const result = runMonteCarlo(low, dataset, { draws: 200, shape: "normal" });
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join("; "));
    expect(result.warnings.map((w) => w.path)).toEqual(["distributions.staff.fteJune2017"]);
    const stats = JSON.stringify({ ...result.value, scenario: "" }); // (its id is null)
    expect(stats).not.toContain("null");
    expect(Number.isSafeInteger(result.value.national.crcProfitPence.mean)).toBe(true);
  });

  it("answers options that are not an object with one issue", () => {
    const result = runMonteCarlo(variation, dataset, "draws" as unknown as MonteCarloOptions);
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([
      '"draws" is not run options (an object)',
    ]);
  });
});
