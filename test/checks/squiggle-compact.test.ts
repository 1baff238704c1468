import { run } from "@quri/squiggle-lang";
import { describe, expect, it } from "vitest";
import { squiggleCompactModel } from "../../bench/squiggle-compact.ts";
import { MONTH_COUNT } from "../../src/engine/ledger.ts";
import { projectFloat } from "../../src/engine/project-float.ts";
import { PRESETS } from "../../src/scenario/presets.ts";
import { testDataset } from "../../src/scenario/test-dataset.ts";
import type { UncertaintySettings } from "../../src/scenario/uncertainty-settings.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { planSampling, type SamplingPlan } from "../../src/uncertainty/plan-sampling.ts";
import { createRng } from "../../src/uncertainty/prng.ts";
import { drawBuffers, sampleInto } from "../../src/uncertainty/sampler.ts";

const dataset = await testDataset();

function plan(doc: unknown, settings: UncertaintySettings): SamplingPlan {
  const resolved = validateScenario(doc, dataset);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
  const planned = planSampling(resolved.value.inputs, dataset, settings);
  if (!planned.ok) throw new Error(JSON.stringify(planned.issues));
  return planned.value;
}

/** The compact Squiggle model's result dict ({mean, p5, p50, p95} of national profit). */
async function squiggle(p: SamplingPlan, samples: number) {
  const out = await run(squiggleCompactModel(p), {
    environment: { sampleCount: samples, xyPointLength: 1000, seed: "1" },
  });
  if (!out.result.ok) throw new Error(out.result.value.toString());
  return (out.result.value.result.asJS() as { value: Record<string, number> }).value;
}

/** The engine's national profit in each of `draws` draws (seed 1): mean, sd, P5, P95. */
function engineDraws(p: SamplingPlan, draws: number) {
  const buffers = drawBuffers(p);
  const xs: number[] = [];
  let ledger;
  for (let d = 0; d < draws; d++) {
    sampleInto(p, createRng(1, d), buffers);
    ledger = projectFloat(buffers.inputs, ledger);
    let total = 0;
    for (let i = 0; i < p.base.crcs.length * MONTH_COUNT; i++) total += ledger.money.profit[i]!;
    xs.push(total);
  }
  const mean = xs.reduce((a, x) => a + x, 0) / draws;
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (draws - 1));
  xs.sort((a, b) => a - b);
  return { mean, sd, p5: xs[Math.floor(0.05 * draws)]!, p95: xs[Math.floor(0.95 * draws)]! };
}

// The benchmark's Squiggle peer (issue #6), written compactly, must be the engine's model: with
// every distribution at its mode it gives the engine's national contract profit to the penny.
describe("bench/squiggle-compact.ts: the whole model in Squiggle, written compactly", () => {
  it.each([
    ["the-2017-variation", PRESETS.get("the-2017-variation")],
    ["early-termination", PRESETS.get("early-termination")],
    [
      "the guarantee on, with an early end",
      {
        schemaVersion: 1,
        extends: "early-termination",
        parameters: { "guarantee.floorShareOfCost": { value: 0.97 } },
      },
    ],
  ])(
    "point shape: %s gives the engine's profit to the penny",
    async (_, doc) => {
      const p = plan(doc, { shape: "point" });
      const stats = await squiggle(p, 10);
      let engine = 0;
      for (const x of projectFloat(p.base).money.profit) engine += x;
      expect(stats.mean).toBe(engine);
    },
    60_000,
  );

  // Draws: different random numbers from the engine's, so the same distribution within sampling
  // error (seeds fixed: the check is deterministic). The shapes take the three ways of drawing:
  // Squiggle's own distributions, and a uniform shared by a CRC's given shortfall years through
  // each year's quantile (the beta's for PERT, the closed form for the triangular).
  it.each([
    ["pert (the default)", {}, 2000],
    ["triangular", { shape: "triangular" }, 1000],
    ["uniform", { shape: "uniform" }, 1000],
  ] as const)(
    "%s: the sampled national profit matches the engine's (mean within 4 standard errors, P5–P95 within a tenth)",
    async (_, settings, samples) => {
      const p = plan(PRESETS.get("the-2017-variation"), settings);
      const stats = await squiggle(p, samples);
      const engine = engineDraws(p, 4000);
      const se = engine.sd * Math.sqrt(1 / samples + 1 / 4000);
      expect(Math.abs(stats.mean! - engine.mean)).toBeLessThan(4 * se);
      const spread = engine.p95 - engine.p5;
      expect(Math.abs(stats.p95! - stats.p5! - spread)).toBeLessThan(0.1 * spread);
    },
    120_000,
  );

  it("is a small program: the scenario as data, not a statement per cell", () => {
    const source = squiggleCompactModel(plan(PRESETS.get("the-2017-variation"), {}));
    expect(source.length).toBeLessThan(20_000);
  });

  it("refuses what it does not write (a correlation between 0 and 1, the normal shape)", () => {
    const doc = PRESETS.get("the-2017-variation");
    expect(() =>
      squiggleCompactModel(plan(doc, { correlation: { "staff.fteJune2017": 0.5 } })),
    ).toThrow(/correlation 0.5 of staff.fteJune2017 is not written/);
    expect(() => squiggleCompactModel(plan(doc, { shape: "normal" }))).toThrow(
      /the normal shape is not written/,
    );
  });
});
