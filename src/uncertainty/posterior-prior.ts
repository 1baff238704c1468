import { formatIssue } from "../issues/issue.ts";
import type { Dataset } from "../data/index.ts";
import type { ProjectionInputs } from "../engine/projection-inputs.ts";
import {
  SHORTFALL_GIVEN_IDS,
  SHORTFALL_ID,
  SHORTFALL_TREND_ID,
} from "../engine/parameter-specs.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { planSampling, type SamplingPlan } from "./plan-sampling.ts";
import { createRng } from "./prng.ts";
import { drawBuffers, sampleInto, type DrawBuffers } from "./sampler.ts";

/**
 * The prior of the posterior (issue #14): the Monte Carlo's own prior — every uncertain
 * parameter over its data low–high with the default shape (PERT) and correlations, as
 * `planSampling` draws it — on the preset without the variation. Prior draw i is stream i of
 * the posterior's seed (`createRng(seed, i)`), so any draw can be made again from its index.
 *
 * Three free parameters are not drawn: each is fixed by published figures it is solved for
 * exactly (src/calibration/fit.ts, `linear`). φ′ (`variation.fixedShare`) is solved again in
 * every draw, so that each draw meets the £342m (`simulate-targets.ts`); the two PbR prices are
 * held at their fit (re-solving them would take four more projections a draw; PbR income
 * moves only with the caseload and the cash lag, and the report shows how far).
 */
export const POSTERIOR_REFERENCE = "no-variation";
export const SOLVED_EACH_DRAW = "variation.fixedShare";
export const HELD_AT_FIT: readonly string[] = [
  "pbr.binaryPricePerPoint",
  "pbr.frequencyPricePerPoint",
];

/** The resolved inputs of a preset (data defaults under its overrides); a bad preset is a bug. */
export function presetInputs(dataset: Dataset, preset: string): ProjectionInputs {
  const result = validateScenario({ schemaVersion: 1, extends: preset }, dataset);
  if (!result.ok) throw new Error(`preset ${preset}: ${result.issues.map(formatIssue).join("; ")}`);
  return result.value.inputs;
}

/** The prior's sampling plan: the Monte Carlo's default, with the solved and held ones fixed. */
export function posteriorPlan(dataset: Dataset): SamplingPlan {
  const inputs = presetInputs(dataset, POSTERIOR_REFERENCE);
  const fixed = [SOLVED_EACH_DRAW, ...HELD_AT_FIT];
  const planned = planSampling(inputs, dataset, {
    distributions: Object.fromEntries(fixed.map((id) => [id, "point" as const])),
  });
  if (!planned.ok) throw new Error(planned.issues.map(formatIssue).join("; "));
  return planned.value;
}

/** Make prior draw `index` again, into `buffers` (from `drawBuffers(plan)`). */
export function priorDraw(plan: SamplingPlan, seed: number, index: number, buffers: DrawBuffers) {
  sampleInto(plan, createRng(seed, index), buffers);
}

const sameColumn = (a: Float64Array | undefined, b: Float64Array | undefined) =>
  a !== undefined && b !== undefined && a.length === b.length && a.every((v, k) => v === b[k]);

/**
 * The parameters a posterior draw sets in other inputs (a preset's, a user's scenario's): each
 * drawn parameter whose column in `base` is the prior's own (the record constrains the data's
 * values, not a value the scenario chose instead), plus the derived shortfall path when every
 * shortfall input is the prior's. One rule for the targets' presets and the Monte Carlo.
 */
export function calibratedIds(plan: SamplingPlan, base: ProjectionInputs): string[] {
  const ids = plan.parameters
    .map((p) => p.id)
    .filter((id) => sameColumn(plan.base.values.get(id), base.values.get(id)));
  const shortfallInputs = [...SHORTFALL_GIVEN_IDS, SHORTFALL_TREND_ID];
  if (
    plan.derivesShortfall &&
    shortfallInputs.every(
      (id) => ids.includes(id) || sameColumn(plan.base.values.get(id), base.values.get(id)),
    )
  )
    ids.push(SHORTFALL_ID);
  return ids;
}

/**
 * `base` with the columns of `ids` taken from a prior draw's buffers (shared, not copied: they
 * follow the buffers as each new draw is written into them).
 */
export function withDrawnColumns(
  base: ProjectionInputs,
  buffers: DrawBuffers,
  ids: readonly string[],
): ProjectionInputs {
  const values = new Map(base.values);
  for (const id of ids) values.set(id, buffers.inputs.values.get(id)!);
  return { crcs: base.crcs, values };
}

export { drawBuffers };
