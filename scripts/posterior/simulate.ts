/**
 * The posterior's prior simulation on several threads (Node worker_threads): each thread
 * simulates a contiguous block of draws (`simulateTargets`), and the blocks are joined in draw
 * order. Draw i depends only on (seed, i), so the result is the same on any number of threads.
 */
import { Worker } from "node:worker_threads";
import {
  joinTargetDraws,
  type TargetDraws,
  type TargetSimulation,
} from "../../src/calibration/simulate-targets.ts";

/** A thread does not inherit tsx's loader: register it, then import the worker as TypeScript. */
const BOOT = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(
  new URL("./simulate-worker.ts", import.meta.url).href,
)}); })`;

export async function simulateOnThreads(
  sim: TargetSimulation,
  seed: number,
  count: number,
  threads: number,
  onProgress?: (done: number) => void,
): Promise<TargetDraws> {
  const bounds = Array.from({ length: threads + 1 }, (_, k) => Math.round((count * k) / threads));
  const done = new Array<number>(threads).fill(0);
  const parts = await Promise.all(
    bounds.slice(0, -1).map(
      (from, k) =>
        new Promise<TargetDraws>((resolve, reject) => {
          const worker = new Worker(BOOT, {
            eval: true,
            workerData: { seed, from, to: bounds[k + 1], targetIds: sim.targets.map((t) => t.id) },
          });
          worker.on("message", (m: { done?: number; part?: TargetDraws }) => {
            if (m.done !== undefined) {
              done[k] = m.done;
              onProgress?.(done.reduce((a, b) => a + b, 0));
            }
            if (m.part !== undefined) resolve(m.part);
          });
          worker.on("error", reject);
          worker.on("exit", (code) => {
            if (code !== 0) reject(new Error(`posterior thread ${k} stopped with code ${code}`));
          });
        }),
    ),
  );
  return joinTargetDraws(parts, count, sim.targets.length, sim.parameterIds.length);
}
