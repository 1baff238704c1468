/**
 * Monte Carlo on two worker_threads (bench/monte-carlo.ts, row "engine, 2 worker_threads"): each
 * thread loads the data, settles the same run and draws the half of [0, draws) it is asked for
 * (`simulateDraws`); the main thread summarises both halves (`summarizeDraws`). What the site's
 * client does with two Web Workers (src/worker/split-monte-carlo.ts), in Node.
 */
import { Worker, isMainThread, parentPort } from "node:worker_threads";
import type { Dataset } from "../src/data/index.ts";
import { loadDataset } from "../src/data/load-from-disk.ts";
import { PRESETS } from "../src/scenario/presets.ts";
import type { ResolvedScenario } from "../src/scenario/validate-scenario.ts";
import { validateScenario } from "../src/scenario/validate-scenario.ts";
import { prepareMonteCarlo, type MonteCarloRun } from "../src/uncertainty/monte-carlo-run.ts";
import { simulateDraws, type DrawsPart } from "../src/uncertainty/simulate-draws.ts";
import { summarizeDraws, type MonteCarloSummary } from "../src/uncertainty/summarize-draws.ts";

interface Job {
  readonly preset: string;
  readonly draws: number;
  readonly seed: number;
  readonly from: number;
  readonly to: number;
}

function prepare(dataset: Dataset, preset: string, draws: number, seed: number) {
  const resolved = validateScenario(PRESETS.get(preset), dataset);
  if (!resolved.ok) throw new Error(`preset ${preset} does not validate`);
  const prepared = prepareMonteCarlo(resolved.value, dataset, { draws, seed, basis: "prior" });
  if (!prepared.ok) throw new Error("options");
  return { scenario: resolved.value, run: prepared.value };
}

if (!isMainThread) {
  const data = await loadDataset();
  if (!data.ok) throw new Error("data/ does not load");
  const dataset = data.value;
  const runs = new Map<string, { run: MonteCarloRun; scenario: ResolvedScenario }>();
  parentPort!.on("message", (job: Job) => {
    const key = `${job.preset} ${job.draws} ${job.seed}`;
    let prepared = runs.get(key);
    if (prepared === undefined) {
      prepared = prepare(dataset, job.preset, job.draws, job.seed);
      runs.set(key, prepared);
    }
    const part = simulateDraws(prepared.run, job.from, job.to);
    // Transfer the buffers: the main thread gets them without a copy.
    parentPort!.postMessage(part, [
      part.nationalProfit.buffer,
      part.mojSpend.buffer,
      part.losses.buffer,
      part.lossCount.buffer,
      part.crcProfit.buffer,
      part.ownerProfit.buffer,
      part.fan.buffer,
      part.crcLosses.buffer,
      part.ownerLosses.buffer,
    ] as ArrayBuffer[]);
  });
  parentPort!.postMessage("ready");
}

/**
 * Two threads, started once (as the site keeps its workers); `run` splits each run across them.
 * `threadModule` is this file's thread side when run bundled (bench/bundle.mjs writes it beside
 * the bench); without it, this file through tsx.
 */
export async function startThreads(dataset: Dataset, threadModule?: URL) {
  // A thread does not inherit tsx's loader: register it, then import this file as TypeScript.
  const boot = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const threads = [0, 1].map(() =>
    threadModule === undefined ? new Worker(boot, { eval: true }) : new Worker(threadModule),
  );
  await Promise.all(
    threads.map(
      (t) =>
        new Promise<void>((resolve, reject) => {
          t.once("message", () => resolve());
          t.once("error", reject);
        }),
    ),
  );
  const ask = (t: Worker, job: Job) =>
    new Promise<DrawsPart>((resolve, reject) => {
      const onMessage = (part: DrawsPart) => {
        t.off("error", onError);
        resolve(part);
      };
      const onError = (error: Error) => {
        t.off("message", onMessage);
        reject(error);
      };
      t.once("message", onMessage);
      t.once("error", onError);
      t.postMessage(job);
    });
  const prepared = new Map<string, ReturnType<typeof prepare>>();
  return {
    async run(preset: string, draws: number, seed: number): Promise<MonteCarloSummary> {
      const key = `${preset} ${draws} ${seed}`;
      let p = prepared.get(key);
      if (p === undefined) {
        p = prepare(dataset, preset, draws, seed);
        prepared.set(key, p);
      }
      const half = Math.floor(draws / 2);
      const parts = await Promise.all([
        ask(threads[0]!, { preset, draws, seed, from: 0, to: half }),
        ask(threads[1]!, { preset, draws, seed, from: half, to: draws }),
      ]);
      return summarizeDraws(p.run, p.scenario, parts);
    },
    stop: () => Promise.all(threads.map((t) => t.terminate())),
  };
}
