/**
 * `npm run bench` (issue #14): the posterior's prior simulation — 100,000 draws, each
 * projecting the variation's preset once and deriving the other presets the targets are
 * measured on from it (src/calibration/simulate-derived.ts) — on two threads, then weights,
 * intervals, back-tests and leave-one-out (`buildPosterior`); beside it, in the same run, the
 * same draws on one thread as the simulation derives them and as projecting every preset
 * (six projections a draw) made them, alternately, and the plain Monte Carlo's 100,000 draws of
 * one scenario on two threads. With the effective sample size and the process's peak resident
 * memory (worker threads included). Targets: ≤ 10 s on two threads in Node, peak memory ≤ 256
 * MB. No assertions: timings vary by machine and by load (BUILDING.md "Measuring here"); the
 * CPU seconds are the process's (all its threads), which a busy machine inflates less than
 * wall time.
 */
import { loadavg } from "node:os";
import { buildPosterior } from "../src/calibration/build-posterior.ts";
import { loadTargetsFromDisk } from "../src/calibration/load-targets.ts";
import {
  prepareTargetSimulation,
  simulateTargets,
  simulateTargetsProjected,
} from "../src/calibration/simulate-targets.ts";
import { loadDataset } from "../src/data/load-from-disk.ts";
import { simulateOnThreads } from "../scripts/posterior/simulate.ts";
import { startThreads } from "./monte-carlo-threads.ts";

const DRAWS = Number(process.env.BENCH_POSTERIOR_DRAWS ?? 100_000);
/** Draws of the one-thread comparison, in blocks taken in turn by each way. */
const PAIRED_DRAWS = Number(process.env.BENCH_POSTERIOR_PAIRED ?? 8000);
const BLOCK = 1000;

const loaded = await loadDataset();
if (!loaded.ok) throw new Error("data/ does not load");
const dataset = loaded.value;
const targets = await loadTargetsFromDisk(dataset);
const sim = prepareTargetSimulation(dataset, targets);

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const load = loadavg()[0]!.toFixed(2);

const cpu0 = process.cpuUsage();
const t0 = performance.now();
const draws = await simulateOnThreads(sim, 2014, DRAWS, 2);
const simulated = (performance.now() - t0) / 1000;
const simulatedCpu = cpuSeconds(cpu0);
const built = buildPosterior(sim, draws, { seed: 2014, modelVersion: "bench", hash: "bench" });
const posteriorSeconds = (performance.now() - t0) / 1000;
const posteriorCpu = cpuSeconds(cpu0);
const posteriorPeak = peak;

// One thread, the same draws both ways, block by block in turn (a busy machine slows both).
simulateTargets(sim, 7, 0, BLOCK);
simulateTargetsProjected(sim, 7, 0, BLOCK);
const paired = { derived: 0, projected: 0 };
for (let from = 0; from < PAIRED_DRAWS; from += BLOCK) {
  const to = Math.min(PAIRED_DRAWS, from + BLOCK);
  let c = process.cpuUsage();
  simulateTargets(sim, 7, from, to);
  paired.derived += cpuSeconds(c);
  c = process.cpuUsage();
  simulateTargetsProjected(sim, 7, from, to);
  paired.projected += cpuSeconds(c);
}

const threads = await startThreads(dataset);
await threads.run("the-2017-variation", 2000, 1); // warm up
const t1 = performance.now();
await threads.run("the-2017-variation", DRAWS, 1);
const plain = (performance.now() - t1) / 1000;
await threads.stop();
clearInterval(sampler);

const mb = (b: number) => `${Math.round(b / 2 ** 20)} MB`;
const n = (x: number) => Math.round(x).toLocaleString("en-GB");
const rate = (count: number, seconds: number) => `${n(count / seconds)} draws/s`;
console.log(`Posterior (issue #14), load average ${load} at the start`);
console.log(
  `  prior simulation: ${n(DRAWS)} draws on 2 threads: ${simulated.toFixed(1)} s (${rate(DRAWS, simulated)}; ${simulatedCpu.toFixed(1)} CPU s); with weights, intervals, back-tests and leave-one-out: ${posteriorSeconds.toFixed(1)} s (${posteriorCpu.toFixed(1)} CPU s) (target ≤ 10 s)`,
);
console.log(`  effective sample size ${n(built.report.effectiveSampleSize)}`);
console.log(
  `  one thread, ${n(PAIRED_DRAWS)} draws each way in turn: one projection a draw ${rate(PAIRED_DRAWS, paired.derived)} of CPU, every preset projected (${sim.presets.length + 1} a draw) ${rate(PAIRED_DRAWS, paired.projected)}; ${(paired.projected / paired.derived).toFixed(1)}× faster`,
);
console.log(
  `  peak resident memory ${mb(posteriorPeak)} during the posterior, ${mb(peak)} in all (target ≤ 256 MB)`,
);
console.log(
  `  plain Monte Carlo, ${n(DRAWS)} draws of the-2017-variation on 2 threads: ${plain.toFixed(1)} s; posterior / plain = ${(simulated / plain).toFixed(1)}×`,
);
