/**
 * `npx tsx bench/squiggle-formulations.ts [preset]`: the two Squiggle formulations of the model
 * side by side (issue #6: which one is the fair peer), the generated one (squiggle-model.ts, a
 * statement per rounded cell) and the compact one (squiggle-compact.ts, functions mapped over
 * CRCs, years, months and cohorts). Each is run at 10, 1,000 and 10,000 samples (a fresh `run`
 * each: parse, compile, evaluate), after one warm-up run of each at 10 samples, so the JIT has
 * seen Squiggle's own code before any timed run. The 10-sample time is the fixed cost (parsing,
 * compiling, the interpreter walking the program: what does not grow with the samples); the
 * per-sample cost is (t(N) − t(10)) / (N − 10). Also each one's 10,000-sample mean national
 * profit against the engine's, in standard errors of the difference (different random draws).
 * One timed run per size (they are long): run it on a quiet machine. No assertions.
 *
 * Environment: BENCH_SQUIGGLE_SIZES (default "10,1000,10000").
 */
import { run as runSquiggle } from "@quri/squiggle-lang";
import { cpus, loadavg } from "node:os";
import { loadDatasetFromDisk } from "../src/data/load-from-disk.ts";
import { MONTH_COUNT } from "../src/engine/ledger.ts";
import { projectFloat } from "../src/engine/project-float.ts";
import { PRESETS } from "../src/scenario/presets.ts";
import { validateScenario } from "../src/scenario/validate-scenario.ts";
import { planSampling } from "../src/uncertainty/plan-sampling.ts";
import { createRng } from "../src/uncertainty/prng.ts";
import { drawBuffers, sampleInto } from "../src/uncertainty/sampler.ts";
import { squiggleCompactModel } from "./squiggle-compact.ts";
import { squiggleModel } from "./squiggle-model.ts";

const PRESET = process.argv[2] ?? "the-2017-variation";
const SIZES = (process.env.BENCH_SQUIGGLE_SIZES ?? "10,1000,10000").split(",").map(Number);
const SEED = 1;
const ENGINE_DRAWS = 10_000;

const data = await loadDatasetFromDisk();
if (!data.ok) throw new Error("data/ does not load");
const resolved = validateScenario(PRESETS.get(PRESET), data.dataset);
if (!resolved.ok) throw new Error(`preset ${PRESET} does not validate`);
const planned = planSampling(resolved.value.inputs, data.dataset, {});
if (!planned.ok) throw new Error("plan");
const plan = planned.value;

// The engine's national profit per draw: its mean and spread, for the standard errors.
const buffers = drawBuffers(plan);
let ledger;
const engineDraws = new Float64Array(ENGINE_DRAWS);
for (let d = 0; d < ENGINE_DRAWS; d++) {
  sampleInto(plan, createRng(SEED, d), buffers);
  ledger = projectFloat(buffers.inputs, ledger);
  let total = 0;
  for (let i = 0; i < plan.base.crcs.length * MONTH_COUNT; i++) total += ledger.money.profit[i]!;
  engineDraws[d] = total;
}
const engineMean = engineDraws.reduce((a, x) => a + x, 0) / ENGINE_DRAWS;
const sd = Math.sqrt(
  engineDraws.reduce((a, x) => a + (x - engineMean) ** 2, 0) / (ENGINE_DRAWS - 1),
);

const formulations = [
  { name: "generated (squiggle-model.ts)", code: squiggleModel(plan) },
  { name: "compact (squiggle-compact.ts)", code: squiggleCompactModel(plan) },
];
const time = async (code: string, sampleCount: number) => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = await runSquiggle(code, {
    environment: { sampleCount, xyPointLength: 1000, seed: String(SEED) },
  });
  const ms = performance.now() - t0;
  const used = process.cpuUsage(c0);
  if (!out.result.ok) throw new Error(`Squiggle: ${out.result.value.toString()}`);
  const stats = (out.result.value.result.asJS() as { value: Record<string, number> }).value;
  return { ms, cpu: (used.user + used.system) / 1000, mean: stats.mean! };
};
for (const f of formulations) await time(f.code, 10); // warm-up
interface Timed {
  readonly n: number;
  readonly ms: number;
  readonly cpu: number;
  readonly mean: number;
}

console.log(
  `Squiggle formulations, preset ${PRESET}, ${plan.parameters.length} parameters sampled; ` +
    `load average ${loadavg()[0]!.toFixed(2)} on ${cpus().length} cores`,
);
const pounds = (pence: number) => `${pence < 0 ? "−" : ""}£${(Math.abs(pence) / 1e8).toFixed(1)}m`;
for (const f of formulations) {
  const runs: Timed[] = [];
  for (const n of SIZES) runs.push({ n, ...(await time(f.code, n)) });
  const fixed = runs[0]!;
  // Per sample: the slope from the 10-sample run, and between the two largest runs.
  const slope = (a: Timed, b: Timed) =>
    `${(((b.ms - a.ms) * 1000) / (b.n - a.n)).toFixed(0)} µs/sample`;
  const cells = runs.map(
    (r, i) =>
      `${r.n.toLocaleString("en-GB")}: ${r.ms.toFixed(0)} ms (CPU ${r.cpu.toFixed(0)})` +
      (i > 0 ? `, ${slope(fixed, r)} over the 10-sample run` : "") +
      (i > 1
        ? `, ${slope(runs[i - 1]!, r)} over the ${runs[i - 1]!.n.toLocaleString("en-GB")}`
        : ""),
  );
  const last = runs[runs.length - 1]!;
  const se = sd * Math.sqrt(1 / ENGINE_DRAWS + 1 / last.n);
  console.log(
    `${f.name}: source ${(f.code.length / 1000).toFixed(1)} KB; ${cells.join("; ")}; ` +
      `mean at ${last.n.toLocaleString("en-GB")} ${pounds(last.mean)} vs engine ${pounds(engineMean)} ` +
      `(${ENGINE_DRAWS.toLocaleString("en-GB")} draws): ${((last.mean - engineMean) / se).toFixed(2)} standard errors`,
  );
}
