/**
 * Monte Carlo (issue #6): the public API for the worker, the site and the CLI. Settings live in
 * src/scenario/uncertainty-settings.ts (a scenario's optional `uncertainty` block has the same
 * form as the run options); validateScenario checks them against the data.
 */
export {
  prepareMonteCarlo,
  type MonteCarloOptions,
  type MonteCarloRun,
} from "./monte-carlo-run.ts";
export { runMonteCarlo, simulateMonteCarlo } from "./run-monte-carlo.ts";
export { simulateDraws, PROGRESS_EVERY, type DrawsPart } from "./simulate-draws.ts";
export {
  summarizeDraws,
  checkDrawsParts,
  type MonteCarloSummary,
  type MoneyStats,
} from "./summarize-draws.ts";
export { monteCarloCsv, monteCarloRows, type MonteCarloRow } from "./summary-table.ts";
export { planSampling } from "./plan-sampling.ts";
export { LEVER_IDS, SPLIT_IDS, samplingKeys } from "../scenario/sampled-parameters.ts";
export { PERCENTILES, type Stats } from "./percentiles.ts";
export {
  DEFAULT_DRAWS,
  DEFAULT_SEED,
  DEFAULT_SHAPE,
  MAX_DRAWS,
  MAX_SEED,
  SHAPES,
  SHORTFALL_GROUP,
  type DistributionSpec,
  type Shape,
  type UncertaintySettings,
} from "../scenario/uncertainty-settings.ts";
