/**
 * The posterior's prior simulation on several threads (Node worker_threads): each thread
 * simulates a contiguous block of draws (`simulateTargets`), and the blocks are joined in draw
 * order. Draw i depends only on (seed, i), so the result is the same on any number of threads.
 */
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { checkBundle } from "../../bin/bundle-freshness.js";
import {
  joinTargetDraws,
  type TargetDraws,
  type TargetSimulation,
} from "../../src/calibration/simulate-targets.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * A thread does not inherit tsx's loader: register it, then import the worker as TypeScript.
 * The fallback when there is no bundled worker (`bundledWorker`).
 */
const BOOT = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(
  new URL("./simulate-worker.ts", import.meta.url).href,
)}); })`;

/**
 * The worker and everything it imports as one JavaScript module, dist-node/posterior-worker.js
 * (scripts/bundle-node.mjs builds it with the CLI, at install): a thread then starts by reading
 * one file instead of registering tsx and compiling ~60 TypeScript modules through it, about
 * half a second of CPU a thread (bench/NOTES.md). A stale bundle is rebuilt, as the CLI's is;
 * where that fails (no esbuild, dist-node/ not writable) the threads run the sources through
 * tsx. Null means the sources.
 */
async function bundledWorker(): Promise<URL | null> {
  const file = join(ROOT, "dist-node", "posterior-worker.js");
  if (checkBundle(ROOT, "posterior-worker").fresh) return pathToFileURL(file);
  try {
    const { bundleNode } = await import("../bundle-node.mjs");
    await bundleNode(ROOT);
    return pathToFileURL(file);
  } catch {
    return null;
  }
}

export async function simulateOnThreads(
  sim: TargetSimulation,
  seed: number,
  count: number,
  threads: number,
  onProgress?: (done: number) => void,
): Promise<TargetDraws> {
  const bounds = Array.from({ length: threads + 1 }, (_, k) => Math.round((count * k) / threads));
  const done = new Array<number>(threads).fill(0);
  const file = await bundledWorker();
  const parts = await Promise.all(
    bounds.slice(0, -1).map(
      (from, k) =>
        new Promise<TargetDraws>((resolve, reject) => {
          const workerData = {
            seed,
            from,
            to: bounds[k + 1],
            targetIds: sim.targets.map((t) => t.id),
          };
          const worker =
            file === null
              ? new Worker(BOOT, { eval: true, workerData })
              : new Worker(file, { workerData });
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
