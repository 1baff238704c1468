/**
 * One thread of the posterior's prior simulation (scripts/posterior/simulate.ts): draws
 * [from, to) of every target, sent back as transferable buffers.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadDataset } from "../../src/data/load-from-disk.ts";
import { loadTargetsFromDisk } from "../../src/calibration/load-targets.ts";
import {
  prepareTargetSimulation,
  simulateTargets,
} from "../../src/calibration/simulate-targets.ts";

const { seed, from, to, targetIds } = workerData as {
  seed: number;
  from: number;
  to: number;
  targetIds: readonly string[];
};
const loaded = await loadDataset();
if (!loaded.ok)
  throw new Error("data/ does not load: run npm run calibrate -- --table for the problems");
const targets = (await loadTargetsFromDisk(loaded.value)).filter((t) => targetIds.includes(t.id));
const sim = prepareTargetSimulation(loaded.value, targets);
const part = simulateTargets(sim, seed, from, to, (done) => parentPort!.postMessage({ done }));
parentPort!.postMessage({ part }, [part.values.buffer, part.parameters.buffer] as ArrayBuffer[]);
