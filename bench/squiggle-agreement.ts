/**
 * `npm run bench`: the benchmark's Squiggle peer (bench/squiggle-compact.ts, issue #6) must be
 * the engine's model. With every distribution at its mode (the "point" shape) it gives the
 * engine's national contract profit to the penny; with draws (different random numbers from the
 * engine's, seeds fixed, so the check is deterministic) the same distribution of national
 * profit within sampling error, for each of the three ways of drawing: Squiggle's own
 * distributions, and a uniform shared by a CRC's given shortfall years through each year's
 * quantile (the beta's for PERT, the closed form for the triangular). Exits 1 if any differs,
 * so the bench stops. (Until issue #13 this ran in `npm test`, ~8–19 s of it.)
 */
import { run } from "@quri/squiggle-lang";
import { loadDataset } from "../src/data/load-from-disk.ts";
import { MONTH_COUNT } from "../src/engine/ledger.ts";
import { projectFloat } from "../src/engine/project-float.ts";
import { PRESETS } from "../src/scenario/presets.ts";
import type { UncertaintySettings } from "../src/scenario/uncertainty-settings.ts";
import { validateScenario } from "../src/scenario/validate-scenario.ts";
import { planSampling, type SamplingPlan } from "../src/uncertainty/plan-sampling.ts";
import { createRng } from "../src/uncertainty/prng.ts";
import { drawBuffers, sampleInto } from "../src/uncertainty/sampler.ts";
import { squiggleCompactModel } from "./squiggle-compact.ts";

const data = await loadDataset();
if (!data.ok) throw new Error("data/ does not load");
const dataset = data.value;

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

let failed = 0;
const report = (ok: boolean, what: string) => {
  if (!ok) failed++;
  console.log(`check: Squiggle vs engine, ${what}: ${ok ? "ok" : "DIFFERENT"}`);
};
const started = performance.now();

const points: [string, unknown][] = [
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
];
for (const [name, doc] of points) {
  const p = plan(doc, { shape: "point" });
  const stats = await squiggle(p, 10);
  let engine = 0;
  for (const x of projectFloat(p.base).money.profit) engine += x;
  report(
    stats.mean === engine,
    `"point" shape, ${name}: ${stats.mean} vs ${engine} pence (to the penny)`,
  );
}

const draws: [string, UncertaintySettings, number][] = [
  ["pert (the default)", {}, 2000],
  ["triangular", { shape: "triangular" }, 1000],
  ["uniform", { shape: "uniform" }, 1000],
];
for (const [name, settings, samples] of draws) {
  const p = plan(PRESETS.get("the-2017-variation"), settings);
  const stats = await squiggle(p, samples);
  const engine = engineDraws(p, 4000);
  const se = engine.sd * Math.sqrt(1 / samples + 1 / 4000);
  const gap = Math.abs(stats.mean! - engine.mean) / se;
  const spread = engine.p95 - engine.p5;
  const spreadGap = Math.abs(stats.p95! - stats.p5! - spread) / spread;
  report(
    gap < 4 && spreadGap < 0.1,
    `${name}, national profit: mean ${gap.toFixed(2)} standard errors apart (< 4), ` +
      `P5–P95 width ${(100 * spreadGap).toFixed(1)}% apart (< 10%)`,
  );
}

console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
if (failed > 0) {
  console.error(
    `${failed} Squiggle agreement check(s) failed: the Squiggle peer is not the engine's model`,
  );
  process.exit(1);
}
