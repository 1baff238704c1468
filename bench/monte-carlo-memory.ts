/**
 * Peak memory of one Monte Carlo run, in a process of its own (run by bench/monte-carlo.ts as
 * `node --expose-gc --import tsx bench/monte-carlo-memory.ts <preset> <draws>`): after a full
 * garbage collection, process.memoryUsage() is sampled every 1,000 draws and once the summary
 * is built (`simulateMonteCarlo`'s onProgress). The V8 heap and the ArrayBuffers behind the
 * Float64Arrays are both counted (typed arrays live outside the JS heap). Prints JSON.
 */
import { loadDataset } from "../src/data/load-from-disk.ts";
import { PRESETS } from "../src/scenario/presets.ts";
import { validateScenario } from "../src/scenario/validate-scenario.ts";
import { prepareMonteCarlo } from "../src/uncertainty/monte-carlo-run.ts";
import { simulateMonteCarlo } from "../src/uncertainty/run-monte-carlo.ts";

const [preset = "the-2017-variation", rawDraws = "10000"] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error("run with node --expose-gc");
const data = await loadDataset();
if (!data.ok) throw new Error("data/ does not load");
const resolved = validateScenario(PRESETS.get(preset), data.value);
if (!resolved.ok) throw new Error(`preset ${preset} does not validate`);
const prepared = prepareMonteCarlo(resolved.value, data.value, {
  draws: Number(rawDraws),
  seed: 1,
});
if (!prepared.ok) throw new Error("options");

const MB = 1024 * 1024;
const usage = () => {
  const m = process.memoryUsage();
  return { heap: m.heapUsed, buffers: m.arrayBuffers, total: m.heapUsed + m.arrayBuffers };
};
gc();
const baseline = usage();
let peak = baseline;
let samples = 0;
simulateMonteCarlo(prepared.value, resolved.value, () => {
  samples++;
  const now = usage();
  if (now.total > peak.total) peak = now;
});
console.log(
  JSON.stringify({
    draws: Number(rawDraws),
    samples,
    baselineMB: baseline.total / MB,
    peakMB: peak.total / MB,
    peakHeapMB: peak.heap / MB,
    peakArrayBuffersMB: peak.buffers / MB,
    runMB: (peak.total - baseline.total) / MB,
  }),
);
