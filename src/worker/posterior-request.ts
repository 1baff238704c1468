import { formatIssue, type Issue, type Result } from "../issues/issue.ts";
import { describeValue } from "../issues/describe-value.ts";
import { textValue, wholeIn } from "../issues/readers.ts";
import { requestFields } from "./request-fields.ts";
import type { Dataset } from "../data/index.ts";
import { parseTargets, type Target } from "../calibration/targets.ts";
import {
  prepareTargetSimulation,
  simulateTargets,
  type TargetDraws,
  type TargetSimulation,
} from "../calibration/simulate-targets.ts";

/**
 * Draws [from, to) of the posterior's prior simulation (issue #14), for the Calibration page's
 * back-tests in the browser: the text of data/targets.csv (parsed and checked here, so a bad
 * table is a value naming its line and column), the seed, and the draws. Draw i depends only on
 * (seed, i), so parts drawn in two workers join into the run one process gives.
 */
export interface PosteriorPartRequest {
  readonly targetsCsv: string;
  readonly seed: number;
  readonly from: number;
  readonly to: number;
}

/** At most this many draws in one part: a part blocks its worker until it is done. */
export const MAX_POSTERIOR_PART = 20_000;
export const MAX_POSTERIOR_DRAWS = 1_000_000;

const KEYS = ["targetsCsv", "seed", "from", "to"];

/** The request's form: every bad field named with what is allowed. */
export function checkPosteriorPartRequest(request: unknown): Result<PosteriorPartRequest> {
  const issues: Issue[] = [];
  const fields = requestFields(request, KEYS, [], issues);
  if (fields === undefined) return { ok: false, issues };
  const { targetsCsv, seed, from, to } = fields;
  textValue(targetsCsv, "targetsCsv", issues, "the text of data/targets.csv");
  wholeIn(seed, 0, 0xffffffff, "seed", issues);
  wholeIn(from, 0, MAX_POSTERIOR_DRAWS - 1, "from", issues);
  const whole = (x: unknown): x is number => typeof x === "number" && Number.isInteger(x);
  if (
    !whole(to) ||
    (whole(from) && (to <= from || to - from > MAX_POSTERIOR_PART)) ||
    to > MAX_POSTERIOR_DRAWS
  )
    issues.push({
      path: "to",
      message: `${describeValue(to)} is not a whole number above from, at most ${MAX_POSTERIOR_PART.toLocaleString("en-GB")} draws after it`,
    });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: fields as unknown as PosteriorPartRequest };
}

/** Parsed targets and their simulation, kept for the next part of the same run. */
let last: { csv: string; dataset: Dataset; sim: TargetSimulation } | undefined;

function simulationFor(csv: string, dataset: Dataset): Result<TargetSimulation> {
  if (last?.csv === csv && last.dataset === dataset) return { ok: true, value: last.sim };
  const { targets, issues } = parseTargets(csv, dataset);
  if (issues.length > 0)
    return {
      ok: false,
      issues: issues.map((i) => ({ path: "targetsCsv", message: formatIssue(i) })),
    };
  const sim = prepareTargetSimulation(dataset, targets as Target[]);
  last = { csv, dataset, sim };
  return { ok: true, value: sim };
}

export function posteriorPart(request: unknown, dataset: Dataset): Result<TargetDraws> {
  const checked = checkPosteriorPartRequest(request);
  if (!checked.ok) return checked;
  const sim = simulationFor(checked.value.targetsCsv, dataset);
  if (!sim.ok) return sim;
  const { seed, from, to } = checked.value;
  return { ok: true, value: simulateTargets(sim.value, seed, from, to) };
}
