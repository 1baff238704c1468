import type { Issue, Result } from "../issues/issue.ts";
import { describeValue, isNot, isRecord } from "../issues/describe-value.ts";
import { wholeIn } from "../issues/readers.ts";
import type { Dataset } from "../data/index.ts";
import { parseUncertainty } from "../scenario/uncertainty-settings.ts";
import type { ResolvedScenario } from "../scenario/validate-scenario.ts";
import type { Shape } from "../uncertainty/distributions.ts";
import {
  checkDrawsParts,
  summarizeDraws,
  type MonteCarloSummary,
} from "../uncertainty/summarize-draws.ts";
import {
  prepareMonteCarlo,
  type Basis,
  type MonteCarloRun,
} from "../uncertainty/monte-carlo-run.ts";
import { simulateDraws, type DrawsPart } from "../uncertainty/simulate-draws.ts";
import { checkFields, type EngineState, resolveIn, toIssues } from "./request-fields.ts";

/** A Monte Carlo run: the scenario, the draws and seed, and how to sample (README "Monte Carlo"). */
export interface MonteCarloRequest {
  readonly scenario: unknown;
  readonly draws: number;
  readonly seed: number;
  /** Shape for every sampled parameter (default PERT). */
  readonly shape?: string;
  /** Correlation of the CRCs' volume shortfalls, 0–1 (one national factor plus CRC noise). */
  readonly shortfallCorrelation?: number;
  /** "posterior" (default when the data has one) or "prior" (issue #14). */
  readonly basis?: string;
}

/** Draws [from, to) of a run (a second worker draws half of it). */
export interface MonteCarloPartRequest extends MonteCarloRequest {
  readonly from: number;
  readonly to: number;
}

/** The summary of a run from parts tiling [0, draws). */
export interface MonteCarloMergeRequest extends MonteCarloRequest {
  readonly parts: readonly DrawsPart[];
}

const KEYS = ["scenario", "draws", "seed", "shape", "shortfallCorrelation", "basis"];

interface PreparedRun {
  readonly run: MonteCarloRun;
  readonly scenario: ResolvedScenario;
}

function checkMonteCarloRequest(
  request: unknown,
  extra: readonly string[],
): Result<MonteCarloRequest> {
  const required = ["scenario", "draws", "seed", ...extra];
  return checkFields(request, [...KEYS, ...extra], required) as Result<MonteCarloRequest>;
}

/**
 * What a Monte Carlo request's sampling plan depends on, as text (undefined: not a request
 * object): not the draws, the seed or a part's own fields, which the run takes as they come.
 * Non-finite numbers are spelt out so that they do not read as null.
 */
function runKey(request: unknown): string | undefined {
  if (!isRecord(request)) return undefined;
  const { scenario, shape, shortfallCorrelation, basis } = request;
  return JSON.stringify([scenario, shape, shortfallCorrelation, basis], (_, v: unknown) =>
    typeof v === "number" && !Number.isFinite(v) ? { nonFinite: String(v) } : v,
  );
}

/**
 * Check a Monte Carlo request (with the `extra` fields a part or merge needs), validate its
 * scenario and settle the run, with the request's own field names in every issue.
 */
function prepareRequest(
  request: unknown,
  dataset: Dataset,
  extra: readonly string[],
): Result<PreparedRun> {
  const checked = checkMonteCarloRequest(request, extra);
  if (!checked.ok) return checked;
  const { scenario, draws, seed, shape, shortfallCorrelation, basis } = checked.value;
  const resolved = resolveIn(scenario, dataset);
  if (!resolved.ok) return resolved;
  const run = prepareMonteCarlo(resolved.value, dataset, {
    draws,
    seed,
    ...(shape !== undefined ? { shape: shape as Shape } : {}),
    ...(basis !== undefined ? { basis: basis as Basis } : {}),
    ...(shortfallCorrelation !== undefined
      ? { correlation: { "volume.shortfall": shortfallCorrelation } }
      : {}),
  });
  // Name the request's own field, not the sampler's internal option.
  if (!run.ok)
    return {
      ok: false,
      issues: toIssues(run.issues).map((i) =>
        i.path === "correlation.volume.shortfall" ? { ...i, path: "shortfallCorrelation" } : i,
      ),
    };
  return { ok: true, value: { run: run.value, scenario: resolved.value } };
}

export interface MonteCarloRequests {
  monteCarlo(engine: EngineState, request: unknown): Result<MonteCarloSummary>;
  monteCarloPart(engine: EngineState, request: unknown): Result<DrawsPart>;
  monteCarloMerge(engine: EngineState, request: unknown): Result<MonteCarloSummary>;
}

/**
 * The Monte Carlo requests of one worker, which keep its last settled run: resolving a scenario
 * and planning its sampling costs ~15 ms (as much as 100 draws), and neither depends on the
 * draws or the seed. A split run asks this worker for a part and then the merge of the same
 * request, and a reader trying seeds changes only the seed. Only successful preparations are
 * kept; runs are never mutated.
 */
export function createMonteCarloRequests(): MonteCarloRequests {
  let lastRun: { key: string; dataset: Dataset; value: PreparedRun } | undefined;
  const prepareRun = (
    request: unknown,
    data: Dataset,
    extra: readonly string[] = [],
  ): Result<PreparedRun> => {
    const key = runKey(request);
    if (key !== undefined && lastRun?.key === key && lastRun.dataset === data) {
      // The request's own fields are still checked (a part's `from`, a merge's `parts`), and
      // its draws and seed by the same rules as a fresh preparation.
      const checked = checkMonteCarloRequest(request, extra);
      if (!checked.ok) return checked;
      const { draws, seed } = checked.value;
      const parsed = parseUncertainty({ draws, seed }, "");
      const settled = parsed.settings;
      if (parsed.issues.length === 0 && settled.draws !== undefined && settled.seed !== undefined)
        return {
          ok: true,
          value: {
            scenario: lastRun.value.scenario,
            run: { ...lastRun.value.run, draws: settled.draws, seed: settled.seed },
          },
        };
    }
    const prepared = prepareRequest(request, data, extra);
    if (prepared.ok && key !== undefined) lastRun = { key, dataset: data, value: prepared.value };
    return prepared;
  };

  return {
    monteCarlo({ dataset }, request) {
      const prepared = prepareRun(request, dataset);
      if (!prepared.ok) return prepared;
      const { run, scenario } = prepared.value;
      return { ok: true, value: summarizeDraws(run, scenario, [simulateDraws(run, 0, run.draws)]) };
    },

    monteCarloPart({ dataset }, request) {
      const prepared = prepareRun(request, dataset, ["from", "to"]);
      if (!prepared.ok) return prepared;
      const { run } = prepared.value;
      const { from, to } = request as { from: unknown; to: unknown };
      const issues: Issue[] = [];
      const start = wholeIn(from, 0, run.draws - 1, "from", issues);
      const whole = (x: unknown): x is number => typeof x === "number" && Number.isInteger(x);
      if (!whole(to) || to > run.draws || (whole(from) && to <= from))
        issues.push({
          path: "to",
          message: `${describeValue(to)} is not a whole number above from, up to draws (${run.draws})`,
        });
      if (issues.length > 0) return { ok: false, issues };
      return { ok: true, value: simulateDraws(run, start!, to as number) };
    },

    monteCarloMerge({ dataset }, request) {
      const prepared = prepareRun(request, dataset, ["parts"]);
      if (!prepared.ok) return prepared;
      const { run, scenario } = prepared.value;
      const { parts } = request as { parts: unknown };
      if (!Array.isArray(parts) || parts.length === 0)
        return {
          ok: false,
          issues: [
            {
              path: "parts",
              message: isNot(parts, "a non-empty list of parts"),
            },
          ],
        };
      const issues = checkDrawsParts(run, parts);
      if (issues.length > 0) return { ok: false, issues: toIssues(issues) };
      return { ok: true, value: summarizeDraws(run, scenario, parts as DrawsPart[]) };
    },
  };
}
