import type { Dataset } from "../data/index.ts";
import type { PosteriorSample } from "../data/posterior-sample.ts";
import type { SamplingPlan } from "./plan-sampling.ts";
import {
  calibratedIds,
  drawBuffers,
  HELD_AT_FIT,
  posteriorPlan,
  priorDraw,
  SOLVED_EACH_DRAW,
} from "./posterior-prior.ts";
import { createRng } from "./prng.ts";
import { deriveDrawn, type DrawBuffers } from "./sampler.ts";

/**
 * The Monte Carlo on the posterior (issue #14). Each Monte Carlo draw d picks one of the stored
 * posterior draws (by its resampling count, from stream d of a seed of its own, so a draw's
 * choice depends only on (seed, d) and a run split across workers is unchanged), makes that
 * prior draw again, and takes its values for every parameter the scenario leaves at the data's
 * value; φ′ takes the value solved in that draw and the PbR prices their fit. A parameter the
 * scenario sets itself, or gives a range of its own, is drawn from the prior around the
 * scenario's value (the record says nothing about a value the user chose): the summary names
 * them. Then the derived values (shortfall path, staff share, staffing holds) follow as usual.
 */
export interface PosteriorDraws {
  readonly sample: PosteriorSample;
  readonly plan: SamplingPlan;
  /** Prior draw index of each stored draw, its solved φ′ and the cumulative resampling share. */
  readonly indices: Int32Array;
  readonly phi: Float64Array;
  readonly cumulative: Float64Array;
  /** Parameters the posterior sets in this run (the rest of the sampled ones keep the prior). */
  readonly ids: readonly string[];
  /** Sampled parameters left at the prior because the scenario sets them or their range. */
  readonly fromPrior: readonly string[];
}

/** Mixed into the run's seed for the choice of posterior draw (a stream apart from the parameters'). */
const CHOICE_SEED = 0x9e3779b9;

export function preparePosteriorDraws(
  dataset: Dataset,
  sample: PosteriorSample,
  plan: SamplingPlan,
): PosteriorDraws {
  const reference = posteriorPlan(dataset);
  const drawn = new Set(calibratedIds(reference, plan.base));
  const same = (id: string) => {
    const [a, b] = [reference.base.values.get(id), plan.base.values.get(id)];
    return a !== undefined && b !== undefined && a.every((v, k) => v === b[k]);
  };
  for (const id of [SOLVED_EACH_DRAW, ...HELD_AT_FIT]) if (same(id)) drawn.add(id);
  const sampled = plan.parameters.filter((p) => p.range === "data").map((p) => p.id);
  const ids = sampled.filter((id) => drawn.has(id));
  const fromPrior = plan.parameters.map((p) => p.id).filter((id) => !ids.includes(id));
  const total = sample.draws.reduce((s, d) => s + d[1], 0);
  const cumulative = new Float64Array(sample.draws.length);
  let acc = 0;
  sample.draws.forEach((d, k) => {
    acc += d[1];
    cumulative[k] = acc / total;
  });
  return {
    sample,
    plan: reference,
    indices: Int32Array.from(sample.draws, (d) => d[0]),
    phi: Float64Array.from(sample.draws, (d) => d[2]),
    cumulative,
    ids,
    fromPrior,
  };
}

/** Per run: where each posterior value goes in the run's draw buffers. */
export interface PosteriorBinding {
  readonly reference: DrawBuffers;
  readonly copies: readonly { readonly from: Float64Array; readonly to: Float64Array }[];
  readonly phi: Float64Array | null;
  /**
   * 1 for each of the run plan's slots whose parameter the posterior draw replaces (a copy or
   * φ′): the run's own draw need not write it (`sampleSlots`).
   */
  readonly replaced: Uint8Array;
}

export function bindPosterior(
  post: PosteriorDraws,
  plan: SamplingPlan,
  buffers: DrawBuffers,
): PosteriorBinding {
  const reference = drawBuffers(post.plan);
  const columnOf = (id: string) => buffers.columns[plan.parameters.findIndex((p) => p.id === id)]!;
  const copies = post.ids
    .filter((id) => id !== SOLVED_EACH_DRAW)
    .map((id) => ({
      // Held parameters are not drawn in the reference: their column is the data's (the fit).
      from: reference.inputs.values.get(id)!,
      to: columnOf(id),
    }));
  const phi = post.ids.includes(SOLVED_EACH_DRAW) ? columnOf(SOLVED_EACH_DRAW) : null;
  const written = new Set<Float64Array>(copies.map((c) => c.to));
  if (phi !== null) written.add(phi);
  return {
    reference,
    copies,
    phi,
    replaced: Uint8Array.from(plan.slots, (slot) =>
      written.has(buffers.columns[slot.parameter]!) ? 1 : 0,
    ),
  };
}

/** Replace draw d's sampled values by a posterior draw's, then derive what follows from them. */
export function applyPosteriorDraw(
  post: PosteriorDraws,
  binding: PosteriorBinding,
  plan: SamplingPlan,
  buffers: DrawBuffers,
  seed: number,
  d: number,
): void {
  const u = createRng((seed ^ CHOICE_SEED) >>> 0, d).next();
  const c = post.cumulative;
  let lo = 0;
  let hi = c.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (c[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  priorDraw(post.plan, post.sample.seed, post.indices[lo]!, binding.reference);
  for (const { from, to } of binding.copies) to.set(from);
  if (binding.phi !== null) binding.phi.fill(post.phi[lo]!);
  deriveDrawn(plan, buffers);
}
