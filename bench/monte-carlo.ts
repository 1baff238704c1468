/**
 * `npm run bench` (issue #6): 10,000 Monte Carlo draws of the full model (21 CRCs × 86 months)
 * with `runMonteCarlo`, side by side in one run with
 * (a) the same model in Squiggle (@quri/squiggle-lang 0.10.0, bench/squiggle-compact.ts: the whole
 *     model as a Squiggle author would write it, functions mapped over CRCs, years, months and
 *     cohorts with the scenario as data; which formulation and what it covers are printed), at
 *     10,000 samples (~11–14 s here; BENCH_SQUIGGLE_SAMPLES runs fewer: the part above the 10-sample fixed cost is scaled linearly), timed
 *     also at 10 samples to split its fixed cost (parse, compile, interpret) from its cost per
 *     sample; checked first with every distribution collapsed to a point (the "point" shape:
 *     both must give the same national profit to the penny), then its national profit mean
 *     against the engine's (different random draws: the difference is printed in standard
 *     errors of a difference of two 10,000-draw means),
 * (b) a hand-fused Float64Array loop computing the same arithmetic (bench/fused-monte-carlo.ts),
 *     checked first to give the engine's national profit in every draw;
 * and the same run split across two worker_threads (bench/monte-carlo-threads.ts: each draws half,
 * the main thread summarises; checked first to give the one-thread summary exactly);
 * then 1,000 draws (the browser preview's size) and the peak memory of 10,000 draws, measured in
 * a separate process. Times are the minimum over interleaved rounds (machine load hits every
 * case alike; the minimum is the least contended). No assertions: timings vary by machine.
 *
 * `npm run bench` runs it bundled (bench/bundle.mjs → dist-bench/), the engine as it ships: run
 * through tsx (`npx tsx bench/monte-carlo.ts`, which still works), loading Squiggle into the same
 * process slowed the engine's draws by about a tenth (bench/NOTES.md).
 *
 * Environment: BENCH_MC_ROUNDS (default 3), BENCH_SQUIGGLE_SAMPLES (default 10000).
 */
import { run as runSquiggle } from "@quri/squiggle-lang";
import { spawnSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { loadDataset } from "../src/data/load-from-disk.ts";
import { MONTH_COUNT } from "../src/engine/ledger.ts";
import { projectFloat } from "../src/engine/project-float.ts";
import { PRESETS } from "../src/scenario/presets.ts";
import { validateScenario } from "../src/scenario/validate-scenario.ts";
import { createRng } from "../src/uncertainty/prng.ts";
import { runMonteCarlo } from "../src/uncertainty/run-monte-carlo.ts";
import { drawBuffers, sampleInto } from "../src/uncertainty/sampler.ts";
import { planSampling } from "../src/uncertainty/plan-sampling.ts";
import { isDeepStrictEqual } from "node:util";
import { fusedMonteCarlo } from "./fused-monte-carlo.ts";
import { startThreads } from "./monte-carlo-threads.ts";
import { SQUIGGLE_COMPACT_COVERS, squiggleCompactModel } from "./squiggle-compact.ts";

const PRESET = process.argv[2] ?? "the-2017-variation";
const DRAWS = 10_000;
const PREVIEW = 1_000;
const SEED = 1;
const ROUNDS = Number(process.env.BENCH_MC_ROUNDS ?? 3);
const SQUIGGLE_SAMPLES = Number(process.env.BENCH_SQUIGGLE_SAMPLES ?? 10_000);

const data = await loadDataset();
if (!data.ok) throw new Error("data/ does not load");
const dataset = data.value;
const resolved = validateScenario(PRESETS.get(PRESET), dataset);
if (!resolved.ok) throw new Error(`preset ${PRESET} does not validate`);
const scenario = resolved.value;
const planned = planSampling(scenario.inputs, dataset, {});
if (!planned.ok) throw new Error("plan");
const plan = planned.value;

// 1. The fused loop computes the engine's numbers: national profit, draw by draw.
const CHECK = 500;
const fusedCheck = fusedMonteCarlo(plan, CHECK, SEED);
{
  const buffers = drawBuffers(plan);
  let ledger;
  let worst = 0;
  let beyond = 0;
  let ties = 0;
  for (let d = 0; d < CHECK; d++) {
    sampleInto(plan, createRng(SEED, d), buffers);
    ledger = projectFloat(buffers.inputs, ledger);
    let total = 0;
    for (let i = 0; i < plan.base.crcs.length * MONTH_COUNT; i++) total += ledger.money.profit[i]!;
    const diff = Math.abs(total - fusedCheck.nationalProfit[d]!);
    worst = Math.max(worst, diff);
    ties += fusedCheck.halfPennyCells[d]!;
    // The engine settles half-penny cells as the exact ledger does; the fused loop rounds them
    // half-even in float: a draw may differ by at most its count of such cells.
    if (diff > fusedCheck.halfPennyCells[d]!) beyond++;
  }
  console.log(
    `check: fused loop vs engine, national profit in each of ${CHECK} draws: largest difference ${worst} pence; ` +
      (beyond === 0
        ? `every difference within the draw's half-penny cells (${ties} in all, which the engine settles as the exact ledger does and the fused loop rounds half-even in float)`
        : `${beyond} draws differ by MORE than their half-penny cells: the fused loop is not the same arithmetic`),
  );
}
const engineRun = runMonteCarlo(scenario, dataset, { draws: DRAWS, seed: SEED, basis: "prior" });
if (!engineRun.ok) throw new Error("engine run");
const fusedRun = fusedMonteCarlo(plan, DRAWS, SEED);
{
  const a = fusedRun.stats.nationalProfit as unknown as Record<string, number>;
  const b = engineRun.value.national.crcProfitPence as unknown as Record<string, number>;
  const most = Math.max(...fusedRun.halfPennyCells);
  const gaps = Object.keys(b).map((key) => Math.abs(a[key]! - b[key]!));
  const largest = Math.max(...gaps);
  console.log(
    `check: 10,000-draw national profit statistics, fused vs engine: ` +
      (largest === 0
        ? "identical"
        : largest <= most
          ? `within ${largest} pence (no more than a draw's half-penny cells, at most ${most})`
          : `DIFFERENT by ${largest} pence`),
  );
}

// Bundled (bench/bundle.mjs, as `npm run bench` runs it), the threads and the memory process
// start from the bundle's own modules; through tsx, from the sources.
const bundled = import.meta.url.endsWith(".js");
const besideThis = (name: string) => new URL(`./${name}.js`, import.meta.url);
const threads = await startThreads(
  dataset,
  bundled ? besideThis("monte-carlo-threads") : undefined,
);
for (const draws of [DRAWS, PREVIEW]) {
  const one = runMonteCarlo(scenario, dataset, { draws, seed: SEED, basis: "prior" });
  const two = await threads.run(PRESET, draws, SEED);
  console.log(
    `check: ${draws.toLocaleString("en-GB")}-draw summary, 2 worker_threads vs one thread: ` +
      (one.ok && isDeepStrictEqual(two, one.value) ? "identical" : "DIFFERENT"),
  );
}

// The Squiggle model with every distribution at its mode: the engine's deterministic profit.
{
  const point = planSampling(scenario.inputs, dataset, { shape: "point" });
  if (!point.ok) throw new Error("point plan");
  const out = await runSquiggle(squiggleCompactModel(point.value), {
    environment: { sampleCount: 100, xyPointLength: 1000, seed: String(SEED) },
  });
  if (!out.result.ok) throw new Error(`Squiggle: ${out.result.value.toString()}`);
  const sq = (out.result.value.result.asJS() as { value: Record<string, number> }).value.mean!;
  let engineTotal = 0;
  for (const x of projectFloat(point.value.base).money.profit) engineTotal += x;
  console.log(
    `check: Squiggle vs engine, "point" shape (no draws), national contract profit: ` +
      `${sq} vs ${engineTotal} pence, difference ${sq - engineTotal} ` +
      (sq === engineTotal ? "(identical)" : "(DIFFERENT: the Squiggle model is not the engine's)"),
  );
}

// 2. Timings, interleaved rounds.
interface Case {
  readonly name: string;
  readonly draws: number;
  readonly run: () => unknown; // may return a promise (awaited)
  readonly ms: number[];
  readonly cpu: number[];
}
const cases: Case[] = [
  {
    name: "engine: runMonteCarlo",
    draws: DRAWS,
    run: () => runMonteCarlo(scenario, dataset, { draws: DRAWS, seed: SEED, basis: "prior" }),
    ms: [],
    cpu: [],
  },
  {
    name: "hand-fused Float64Array loop",
    draws: DRAWS,
    run: () => fusedMonteCarlo(plan, DRAWS, SEED),
    ms: [],
    cpu: [],
  },
  {
    name: "engine, 2 worker_threads",
    draws: DRAWS,
    run: () => threads.run(PRESET, DRAWS, SEED),
    ms: [],
    cpu: [],
  },
  {
    name: "engine: runMonteCarlo (preview size)",
    draws: PREVIEW,
    run: () => runMonteCarlo(scenario, dataset, { draws: PREVIEW, seed: SEED, basis: "prior" }),
    ms: [],
    cpu: [],
  },
  {
    name: "engine, 2 worker_threads (preview size)",
    draws: PREVIEW,
    run: () => threads.run(PRESET, PREVIEW, SEED),
    ms: [],
    cpu: [],
  },
  {
    // The default basis since issue #14: each draw also makes a stored posterior draw again.
    name: "engine: runMonteCarlo, posterior basis",
    draws: DRAWS,
    run: () => runMonteCarlo(scenario, dataset, { draws: DRAWS, seed: SEED, basis: "posterior" }),
    ms: [],
    cpu: [],
  },
];
for (const c of cases) await c.run(); // warm the JIT up
for (let round = 0; round < ROUNDS; round++)
  for (const c of cases) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await c.run();
    c.ms.push(performance.now() - t0);
    const used = process.cpuUsage(c0);
    c.cpu.push((used.user + used.system) / 1000);
  }

// 3. Squiggle: warm up on a few samples, then the fixed cost (10 samples), then one timed run.
const code = squiggleCompactModel(plan);
const squiggleAt = async (sampleCount: number) => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = await runSquiggle(code, {
    environment: { sampleCount, xyPointLength: 1000, seed: String(SEED) },
  });
  const ms = performance.now() - t0;
  const used = process.cpuUsage(c0);
  const cpu = (used.user + used.system) / 1000;
  if (!out.result.ok) throw new Error(`Squiggle: ${out.result.value.toString()}`);
  // A Squiggle dict comes out of asJS() as {vtype: "Dict", value: {key: number}}.
  const stats = (out.result.value.result.asJS() as { value: Record<string, number> }).value;
  return { ms, cpu, stats };
};
await squiggleAt(100);
const squiggleFixed = await squiggleAt(10);
const squiggle = await squiggleAt(SQUIGGLE_SAMPLES);
// At fewer samples than draws, scale only the part that grows with the samples: the fixed cost
// (the 10-sample run) is paid once whatever the count.
const scaled = (total: number, fixed: number) =>
  SQUIGGLE_SAMPLES === DRAWS
    ? total
    : fixed + ((total - fixed) * (DRAWS - 10)) / Math.max(1, SQUIGGLE_SAMPLES - 10);
const squiggleScaled = scaled(squiggle.ms, squiggleFixed.ms);
const squiggleCpuScaled = scaled(squiggle.cpu, squiggleFixed.cpu);

// 4. Peak memory of 10,000 draws, in a fresh process.
const memory = spawnSync(
  process.execPath,
  bundled
    ? ["--expose-gc", fileURLToPath(besideThis("monte-carlo-memory")), PRESET, String(DRAWS)]
    : ["--expose-gc", "--import", "tsx", "bench/monte-carlo-memory.ts", PRESET, String(DRAWS)],
  { encoding: "utf8" },
);
const mem =
  memory.status === 0
    ? (JSON.parse(memory.stdout.trim().split("\n").pop()!) as {
        peakMB: number;
        peakHeapMB: number;
        peakArrayBuffersMB: number;
        runMB: number;
        samples: number;
      })
    : undefined;

// 5. The table.
const min = (xs: number[]) => Math.min(...xs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const engine = min(cases[0]!.ms);
const rows: string[][] = [
  ...cases.map((c) => [
    c.name,
    c.draws.toLocaleString("en-GB"),
    min(c.ms).toFixed(0),
    median(c.ms).toFixed(0),
    min(c.cpu).toFixed(0),
    ((min(c.ms) * 1000) / c.draws).toFixed(1),
    c.draws === DRAWS ? (min(c.ms) / engine).toFixed(2) : "",
  ]),
  [
    SQUIGGLE_SAMPLES === DRAWS
      ? "Squiggle 0.10.0 (whole model, compact)"
      : `Squiggle 0.10.0 (compact, ${SQUIGGLE_SAMPLES.toLocaleString("en-GB")} samples, × ${DRAWS / SQUIGGLE_SAMPLES})`,
    DRAWS.toLocaleString("en-GB"),
    squiggleScaled.toFixed(0),
    "",
    squiggleCpuScaled.toFixed(0),
    ((squiggleScaled * 1000) / DRAWS).toFixed(1),
    (squiggleScaled / engine).toFixed(1),
  ],
];
const header = ["case", "draws", "min ms", "median ms", "CPU ms", "µs/draw", "× engine"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
console.log(
  `\nMonte Carlo, preset ${PRESET}: 21 CRCs × 86 months, ${plan.parameters.length} parameters sampled, ` +
    `${ROUNDS} interleaved rounds; load average ${loadavg()[0]!.toFixed(2)} on ${cpus().length} cores ` +
    `(other processes inflate wall time; CPU ms is this process's own time, all its threads)`,
);
console.log(line(header));
for (const r of rows) console.log(line(r));
await threads.stop();
const fused = min(cases[1]!.ms);
const twoThreads = min(cases[2]!.ms);
const preview = min(cases[3]!.ms);
const previewTwo = min(cases[4]!.ms);
const posteriorBasis = min(cases[5]!.ms);
console.log(
  `\ntargets: engine ${(squiggleScaled / engine).toFixed(0)}× faster than Squiggle on one thread, ` +
    `${(squiggleScaled / twoThreads).toFixed(0)}× on two ` +
    `(${(squiggleCpuScaled / min(cases[0]!.cpu)).toFixed(0)}× in CPU time; target ≥ 20×); ` +
    `${(engine / fused).toFixed(2)}× the fused loop (≤ 3×); 10,000 draws in ${engine.toFixed(0)} ms, ` +
    `${twoThreads.toFixed(0)} ms on 2 threads (≤ 1,000); ` +
    `1,000 draws in ${preview.toFixed(0)} ms in Node, ${previewTwo.toFixed(0)} ms on 2 threads (browser preview target ≤ 150)`,
);
console.log(
  `posterior basis (the default since issue #14; the comparisons above use the prior ranges, as the fused loop and Squiggle do): 10,000 draws in ${posteriorBasis.toFixed(0)} ms, ${(posteriorBasis / engine).toFixed(2)}× the prior's`,
);
console.log(
  mem === undefined
    ? `memory: the measuring process failed: ${memory.stderr.split("\n")[0]}`
    : `memory, 10,000 draws: peak ${mem.peakMB.toFixed(1)} MB (V8 heap ${mem.peakHeapMB.toFixed(1)} + ArrayBuffers ${mem.peakArrayBuffersMB.toFixed(1)}), ` +
        `${mem.runMB.toFixed(1)} MB above the process before the run (target ≤ 256 MB); ` +
        `process.memoryUsage() sampled ${mem.samples} times during the run, after a full GC (--expose-gc)`,
);
const stats = squiggle.stats;
const pounds = (pence: number, digits = 0) =>
  `${pence < 0 ? "−" : ""}£${(Math.abs(pence) / 1e8).toFixed(digits)}m`;
const engineStats = engineRun.value.national.crcProfitPence;
// The standard error of a difference of two independent means of SQUIGGLE_SAMPLES and DRAWS
// draws, from the spread of the engine's draws (the fused loop's, the same numbers).
const draws = fusedRun.nationalProfit;
let sum = 0;
let sumSq = 0;
for (const x of draws) sum += x;
const drawMean = sum / draws.length;
for (const x of draws) sumSq += (x - drawMean) ** 2;
const sd = Math.sqrt(sumSq / (draws.length - 1));
const seDifference = sd * Math.sqrt(1 / DRAWS + 1 / SQUIGGLE_SAMPLES);
const difference = stats.mean! - engineStats.mean;
// Squiggle's time split: the 10-sample run is its fixed cost, the rest grows with the samples.
const engineMicros = (engine * 1000) / DRAWS;
const perSample = ((squiggle.ms - squiggleFixed.ms) * 1000) / (SQUIGGLE_SAMPLES - 10);
const split =
  SQUIGGLE_SAMPLES > 10
    ? `; then ${perSample.toFixed(0)} µs a sample, ${(perSample / engineMicros).toFixed(1)}× the engine's ${engineMicros.toFixed(0)} µs a draw`
    : "";
console.log(
  `Squiggle peer: bench/squiggle-compact.ts (${(code.length / 1000).toFixed(1)} KB of source), ` +
    `${SQUIGGLE_COMPACT_COVERS}.\nSquiggle's fixed cost (a 10-sample run: parse, compile, ` +
    `interpret) ${squiggleFixed.ms.toFixed(0)} ms${split}.\n` +
    `National contract profit, Squiggle vs engine (${PRESET}): ` +
    `mean ${pounds(stats.mean!, 1)} vs ${pounds(engineStats.mean, 1)} ` +
    `(difference ${pounds(difference, 1)}, ${((100 * difference) / engineStats.mean).toFixed(2)}%, ` +
    `${(difference / seDifference).toFixed(2)} standard errors of the difference, ${pounds(seDifference, 1)}: ` +
    `different random draws), P5 ${pounds(stats.p5!)} vs ${pounds(engineStats.p5)}, ` +
    `P95 ${pounds(stats.p95!)} vs ${pounds(engineStats.p95)}`,
);
