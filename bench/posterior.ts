/**
 * `npm run bench` (issue #14): the posterior's prior simulation — 100,000 draws, each projecting
 * every preset the targets are measured on (the variation twice, for φ′) — on two threads, beside
 * the plain Monte Carlo's 100,000 draws of one scenario on two threads, in one run; with the
 * effective sample size and the process's peak resident memory (worker threads included).
 * Targets: ≤ 10 s on two threads in Node, peak memory ≤ 256 MB. No assertions: timings vary by
 * machine (BUILDING.md "Measuring here").
 */
import { loadavg } from "node:os";
import { buildPosterior } from "../src/calibration/build-posterior.ts";
import { loadTargetsFromDisk } from "../src/calibration/load-targets.ts";
import { prepareTargetSimulation } from "../src/calibration/simulate-targets.ts";
import { loadDatasetFromDisk } from "../src/data/load-from-disk.ts";
import { simulateOnThreads } from "../scripts/posterior/simulate.ts";
import { startThreads } from "./monte-carlo-threads.ts";

const DRAWS = Number(process.env.BENCH_POSTERIOR_DRAWS ?? 100_000);
const loaded = await loadDatasetFromDisk();
if (!loaded.ok) throw new Error("data/ does not load");
const dataset = loaded.dataset;
const targets = await loadTargetsFromDisk(dataset);
const sim = prepareTargetSimulation(dataset, targets);

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const load = loadavg()[0]!.toFixed(2);

const t0 = performance.now();
const draws = await simulateOnThreads(sim, 2014, DRAWS, 2);
const simulated = (performance.now() - t0) / 1000;
const built = buildPosterior(sim, draws, { seed: 2014, modelVersion: "bench", hash: "bench" });
const posteriorSeconds = (performance.now() - t0) / 1000;
const posteriorPeak = peak;

const threads = await startThreads(dataset);
await threads.run("the-2017-variation", 2000, 1); // warm up
const t1 = performance.now();
await threads.run("the-2017-variation", DRAWS, 1);
const plain = (performance.now() - t1) / 1000;
await threads.stop();
clearInterval(sampler);

const mb = (b: number) => `${Math.round(b / 2 ** 20)} MB`;
const projections = DRAWS * (sim.presets.length + 1);
console.log(`Posterior (issue #14), load average ${load} at the start`);
console.log(
  `  prior simulation: ${DRAWS.toLocaleString("en-GB")} draws (${projections.toLocaleString("en-GB")} projections) on 2 threads: ${simulated.toFixed(1)} s; with weights, intervals, back-tests and leave-one-out: ${posteriorSeconds.toFixed(1)} s (target ≤ 10 s)`,
);
console.log(
  `  effective sample size ${Math.round(built.report.effectiveSampleSize).toLocaleString("en-GB")}`,
);
console.log(
  `  peak resident memory ${mb(posteriorPeak)} during the posterior, ${mb(peak)} in all (target ≤ 256 MB)`,
);
console.log(
  `  plain Monte Carlo, ${DRAWS.toLocaleString("en-GB")} draws of the-2017-variation on 2 threads: ${plain.toFixed(1)} s; posterior / plain = ${(simulated / plain).toFixed(1)}× (each posterior draw projects ${sim.presets.length + 1} scenarios)`,
);
