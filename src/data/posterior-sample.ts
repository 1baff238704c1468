import { indexPath, isRecord } from "../issues/describe-value.ts";
import { failure, type Result } from "../issues/issue.ts";
/**
 * The stored posterior (data/posterior.json, written by `npm run calibrate -- --posterior`;
 * issue #14): prior draws of the Monte Carlo's uncertain parameters, weighted by the published
 * figures (src/calibration/posterior.ts) and resampled to equal weight. A draw is stored by its
 * index — prior draw i is stream i of `seed` on the reference preset's sampling plan, so it is
 * made again exactly from (seed, i) — with how many times it was resampled and the φ′ solved in
 * it. The summaries (prior vs posterior intervals, predictive checks, back-tests) are stored
 * beside it for the pages; `hash` ties it to the data and targets it was computed from.
 */
export interface PosteriorSample {
  readonly schema: 1;
  readonly method: string;
  readonly modelVersion: string;
  /** SHA-256 of data/parameters.csv, data/targets.csv and models/*.json as computed. */
  readonly hash: string;
  readonly seed: number;
  readonly priorDraws: number;
  readonly reference: string;
  readonly solved: string;
  readonly held: readonly string[];
  readonly targets: readonly string[];
  readonly effectiveSampleSize: number;
  readonly minEffectiveSampleSize: number;
  /** [prior draw index, times resampled, φ′ solved in it, log-likelihood]. */
  readonly draws: readonly (readonly [number, number, number, number])[];
  /** Summaries for the pages (not read by the engine). */
  readonly report: unknown;
}

/**
 * Check the stored posterior's shape; a bad file is one issue at the field's path ("" for the
 * file) whose message names the field and what it must be (printed whole by its readers).
 */
export function parsePosteriorSample(json: unknown): Result<PosteriorSample> {
  const bad = (field: string, expected: string): Result<PosteriorSample> =>
    failure(field === "the file" ? "" : field, `${field} must be ${expected}`);
  if (!isRecord(json)) return bad("the file", "an object");
  if (json.schema !== 1) return bad("schema", "1");
  for (const key of ["method", "modelVersion", "hash", "reference", "solved"] as const)
    if (typeof json[key] !== "string") return bad(key, "a string");
  for (const key of [
    "seed",
    "priorDraws",
    "effectiveSampleSize",
    "minEffectiveSampleSize",
  ] as const)
    if (typeof json[key] !== "number" || !Number.isFinite(json[key])) return bad(key, "a number");
  for (const key of ["held", "targets"] as const)
    if (!Array.isArray(json[key]) || !(json[key] as unknown[]).every((x) => typeof x === "string"))
      return bad(key, "a list of parameter or target ids");
  const draws = json.draws;
  if (!Array.isArray(draws) || draws.length === 0) return bad("draws", "a non-empty list");
  const priorDraws = json.priorDraws as number;
  for (let k = 0; k < draws.length; k++) {
    const d: unknown = draws[k];
    if (
      !Array.isArray(d) ||
      d.length !== 4 ||
      !Number.isInteger(d[0]) ||
      d[0] < 0 ||
      d[0] >= priorDraws ||
      !Number.isInteger(d[1]) ||
      d[1] < 1 ||
      typeof d[2] !== "number" ||
      typeof d[3] !== "number"
    )
      return bad(
        indexPath("draws", k),
        `[index 0–${priorDraws - 1}, times resampled ≥ 1, φ′, log-likelihood]`,
      );
  }
  return { ok: true, value: json as unknown as PosteriorSample };
}
