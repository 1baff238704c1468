import type { WarnedResult } from "../issues/issue.ts";
import type { Dataset } from "../data/index.ts";
import type { ResolvedScenario } from "../scenario/validate-scenario.ts";
import {
  prepareMonteCarlo,
  type MonteCarloOptions,
  type MonteCarloRun,
} from "./monte-carlo-run.ts";
import { simulateDraws } from "./simulate-draws.ts";
import { summarizeDraws, type MonteCarloSummary } from "./summarize-draws.ts";

/*
 * A Monte Carlo run in three steps, each in its own file: settle the options and plan the
 * sampling (monte-carlo-run.ts: every request check), draw (simulate-draws.ts: the hot loop, no
 * checks and no allocation per draw), summarise the draws (summarize-draws.ts).
 */

/**
 * Seeded Monte Carlo on the float path: each draw samples the uncertain parameters around the
 * resolved scenario (`sampleInto`, no allocation), projects with `projectFloatSums` (the float
 * path's cells, added up by CRC, line and year as they are made), and keeps only small per-draw
 * totals: each CRC's and owner's contract-life profit,
 * national profit, MoJ spend and losses, the number of loss-making CRCs, and the fan's money
 * lines by financial year (13 × 8): (4 + 21 + 8 + 104) × 8 bytes ≈ 1.1 kB per draw, ~11 MB for
 * 10,000 draws; never every line and month of every draw. Pure: the same scenario, data and
 * options give the same summary in Node and in Chromium.
 */
export function runMonteCarlo(
  resolved: ResolvedScenario,
  dataset: Dataset,
  options: MonteCarloOptions = {},
): WarnedResult<MonteCarloSummary> {
  const prepared = prepareMonteCarlo(resolved, dataset, options);
  if (!prepared.ok) return prepared;
  return {
    ok: true,
    value: simulateMonteCarlo(prepared.value, resolved),
    warnings: prepared.warnings,
  };
}

/**
 * Run a prepared Monte Carlo (`prepareMonteCarlo`) in one piece and summarise it: the summary of
 * `simulateDraws(run, 0, draws)`. `onProgress(done)` is called after every 1,000th draw and once
 * more when the summary is built (for a progress bar, or the benchmark's memory sampling); it
 * must not throw.
 */
export function simulateMonteCarlo(
  run: MonteCarloRun,
  scenario: Pick<ResolvedScenario, "merged" | "hash">,
  onProgress?: (done: number) => void,
): MonteCarloSummary {
  const summary = summarizeDraws(run, scenario, [simulateDraws(run, 0, run.draws, onProgress)]);
  onProgress?.(run.draws);
  return summary;
}
